import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { BoardMeetingDto, SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { BoardMeetingFormComponent } from './board-meeting-form.component';

const BASE = '/api/networks/north-spinal/board/meetings';
const ID = '9b0e1d52-2222-4222-8222-000000000001';

const MANAGER: SessionMembership = {
  networkId: '6f1c2b1e-0000-4000-8000-000000000001',
  slug: 'north-spinal',
  name: 'North Spinal Network',
  role: 'manager',
  organisationId: null,
};

const MEETING: BoardMeetingDto = {
  id: ID,
  title: 'Network Board',
  meetingDate: '2026-12-10',
  startsAt: '14:00',
  location: 'Boardroom 1',
  notes: '',
  isPast: false,
  agenda: [],
  pack: null,
  can: { manage: true },
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('BoardMeetingFormComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(meetingId?: string) {
    const fixture = TestBed.createComponent(BoardMeetingFormComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    if (meetingId) fixture.componentRef.setInput('meetingId', meetingId);
    fixture.detectChanges();
    if (meetingId) http.expectOne(`${BASE}/${meetingId}`).flush(MEETING);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = async (id: string, value: string) => {
      const control = element.querySelector(`#${id}`) as HTMLInputElement;
      control.value = value;
      control.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, element, type, submit };
  }

  it('starts a new meeting as "Network Board" and checks it with the shared schema, errors by each field', async () => {
    const { element, type, submit } = await render();
    expect((element.querySelector('#title') as HTMLInputElement).value).toBe('Network Board');
    await type('title', '');
    await submit();
    http.expectNone(BASE);
    expect(text(element.querySelector('#title-error'))).toContain('Enter the meeting’s title');
    expect(text(element.querySelector('#meetingDate-error'))).toContain('Enter the meeting date');
    expect(element.querySelector('#meetingDate')!.getAttribute('aria-invalid')).toBe('true');
    const links = Array.from(element.querySelectorAll('.nhsuk-error-summary a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#title', '#meetingDate']);
  });

  it('refuses a date before 2000 beside the field', async () => {
    const { element, type, submit } = await render();
    await type('meetingDate', '1999-06-10');
    await submit();
    http.expectNone(BASE);
    expect(text(element.querySelector('#meetingDate-error'))).toContain('between 2000 and 2100');
  });

  it('adds a meeting, sending no time as null, then opens its page with a message', async () => {
    const { type, submit } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await type('meetingDate', '2026-12-10');
    await type('location', 'https://teams.example.org/meet/1');
    await submit();
    const request = http.expectOne({ method: 'POST', url: BASE });
    expect(request.request.body).toEqual({
      title: 'Network Board',
      meetingDate: '2026-12-10',
      startsAt: null,
      location: 'https://teams.example.org/meet/1',
      notes: '',
    });
    request.flush({ ...MEETING, location: 'https://teams.example.org/meet/1', startsAt: null });
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal', 'board', ID]);
    expect(TestBed.inject(FlashService).take()).toContain('has been added');
  });

  it('changes a meeting from what it holds, and shows the API’s field errors', async () => {
    const { fixture, element, type, submit } = await render(ID);
    expect((element.querySelector('#startsAt') as HTMLInputElement).value).toBe('14:00');
    await type('notes', 'Papers a week before');
    await submit();
    const request = http.expectOne({ method: 'PUT', url: `${BASE}/${ID}` });
    expect(request.request.body).toMatchObject({ startsAt: '14:00', location: 'Boardroom 1', notes: 'Papers a week before' });
    request.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Check location',
        fields: [{ field: 'location', message: 'Place or link is too long' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#location-error'))).toBe('Error: Place or link is too long');
  });
});
