import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { BoardMeetingListDto, NudgeRoundListDto } from '@plexus/contracts';
import { NudgeRoundsComponent } from './nudge-rounds.component';

const ROUNDS = '/api/networks/north-spinal/nudges/rounds';
const MEETINGS = '/api/networks/north-spinal/board/meetings';
const MEETING = '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6';
const ROUND = '7a1c2a3e-8b4d-4c5e-9f60-718293a4b5c7';

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const noMeetings: BoardMeetingListDto = { asOf: '2026-12-04', upcoming: [], past: [], can: { manage: true } };

describe('NudgeRoundsComponent (managers: send nudges to leads, see the rounds)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(rounds: NudgeRoundListDto, meetings: BoardMeetingListDto = noMeetings, meeting?: string) {
    const fixture = TestBed.createComponent(NudgeRoundsComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    if (meeting) fixture.componentRef.setInput('meeting', meeting);
    fixture.detectChanges();
    http.expectOne(ROUNDS).flush(rounds);
    http.expectOne(MEETINGS).flush(meetings);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('says plainly when nothing has been sent, and sends a round now', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { element } = await render({ rounds: [] });
    expect(text(element.querySelector('[data-testid="no-rounds"]'))).toContain('No nudges have been sent yet.');
    expect(text(element)).toContain('The board has no meetings to come.');
    const button = Array.from(element.querySelectorAll('button')).find((b) => text(b) === 'Send nudges now')!;
    button.click();
    const request = http.expectOne({ method: 'POST', url: ROUNDS });
    expect(request.request.body).toEqual({ boardMeetingId: null, sendOn: null, sendTime: null });
    request.flush({ id: ROUND, state: 'scheduled', sendAt: new Date().toISOString() });
    await Promise.resolve();
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal', 'nudges', ROUND]);
  });

  it('takes the meeting from the link, asks for the day when sending later, and lists the rounds with how they went', async () => {
    const meetings: BoardMeetingListDto = {
      ...noMeetings,
      upcoming: [{ id: MEETING, title: 'Network Board', meetingDate: '2027-01-14' } as BoardMeetingListDto['upcoming'][number]],
    };
    const { element, fixture } = await render(
      {
        rounds: [
          {
            id: ROUND,
            state: 'sent',
            sendAt: '2026-12-04T09:00:00.000Z',
            sentAt: '2026-12-04T09:00:05.000Z',
            boardMeeting: null,
            createdBy: 'Alex Morgan',
            createdAt: '2026-12-04T08:59:00.000Z',
            counts: { nudged: 3, sent: 2, failed: 1, updated: 1 },
          },
        ],
      },
      meetings,
      MEETING,
    );
    expect(element.querySelector<HTMLSelectElement>('#boardMeetingId')!.value).toBe(MEETING);
    expect(text(element.querySelector('[data-testid="rounds"]'))).toContain('4 December 2026 at 09:00');
    expect(text(element.querySelector('[data-testid="rounds"]'))).toContain('3 leads nudged, 1 updated, 1 email failed');
    element.querySelector<HTMLInputElement>('#when-later')!.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    Array.from(element.querySelectorAll('button'))
      .find((b) => text(b) === 'Schedule the nudges')!
      .click();
    fixture.detectChanges();
    http.expectNone({ method: 'POST', url: ROUNDS });
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Enter the day to send the nudges');
  });
});
