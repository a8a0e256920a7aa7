import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BoardMeetingListDto, BoardMeetingSummaryDto, SessionMembership } from '@plexus/contracts';
import { BoardMeetingsComponent } from './board-meetings.component';

const URL = '/api/networks/north-spinal/board/meetings';

const membership = (role: SessionMembership['role']): SessionMembership => ({
  networkId: '6f1c2b1e-0000-4000-8000-000000000001',
  slug: 'north-spinal',
  name: 'North Spinal Network',
  role,
  organisationId: null,
});

const summary = (id: string, meetingDate: string, extra: Partial<BoardMeetingSummaryDto> = {}): BoardMeetingSummaryDto => ({
  id,
  title: 'Network Board',
  meetingDate,
  startsAt: null,
  location: '',
  itemCount: 0,
  paperCount: 0,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...extra,
});

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('BoardMeetingsComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(list: BoardMeetingListDto, role: SessionMembership['role'] = 'manager') {
    const fixture = TestBed.createComponent(BoardMeetingsComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', membership(role));
    fixture.detectChanges();
    http.expectOne(URL).flush(list);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says there are no meetings yet and offers a manager to add the next one', async () => {
    const element = await render({ asOf: '2026-12-03', upcoming: [], past: [], can: { manage: true } });
    expect(text(element.querySelector('#meetings-empty'))).toBe('No board meetings yet — add the next one.');
    expect(element.querySelector('#add-meeting')?.getAttribute('href')).toBe('/n/north-spinal/board/new');
    expect(element.querySelector('#upcoming-heading')).toBeNull();
  });

  it('shows a viewer the meetings without the add button', async () => {
    const element = await render({ asOf: '2026-12-03', upcoming: [], past: [], can: { manage: false } }, 'viewer');
    expect(text(element.querySelector('#meetings-empty'))).toContain('No board meetings yet.');
    expect(element.querySelector('#add-meeting')).toBeNull();
  });

  it('lists upcoming meetings first (the next one marked), then past ones, each linking to its page', async () => {
    const element = await render({
      asOf: '2026-12-03',
      upcoming: [
        summary('9b0e1d52-2222-4222-8222-000000000001', '2026-12-10', { startsAt: '14:00', location: 'Boardroom 1', itemCount: 5, paperCount: 1 }),
        summary('9b0e1d52-2222-4222-8222-000000000002', '2027-03-11', { location: 'https://teams.example.org/meet/1' }),
      ],
      past: [summary('9b0e1d52-2222-4222-8222-000000000003', '2026-09-10', { itemCount: 1 })],
      can: { manage: true },
    });
    const upcoming = Array.from(element.querySelectorAll('#upcoming-meetings > li'));
    expect(upcoming).toHaveLength(2);
    expect(text(upcoming[0])).toContain('Next meeting');
    expect(text(upcoming[0])).toContain('Network Board, Thursday 10 December 2026');
    expect(text(upcoming[0])).toContain('2pm · Boardroom 1');
    expect(text(upcoming[0])).toContain('5 items, 1 paper');
    expect(text(upcoming[1])).toContain('Online');
    expect(text(upcoming[1])).not.toContain('Next meeting');
    expect(upcoming[0].querySelector('a')?.getAttribute('href')).toBe('/n/north-spinal/board/9b0e1d52-2222-4222-8222-000000000001');
    const past = element.querySelectorAll('#past-meetings tbody tr');
    expect(past).toHaveLength(1);
    expect(Array.from(past[0].querySelectorAll('td')).map((td) => text(td))).toEqual(['Network Board, Thursday 10 September 2026', '1 item']);
    // The upcoming section comes before the past one.
    const headings = Array.from(element.querySelectorAll('h2')).map((h) => text(h));
    expect(headings).toEqual(['Upcoming', 'Past meetings']);
  });

  it('says when nothing is coming up', async () => {
    const element = await render({
      asOf: '2026-12-03',
      upcoming: [],
      past: [summary('9b0e1d52-2222-4222-8222-000000000003', '2026-09-10')],
      can: { manage: true },
    });
    expect(text(element.querySelector('#no-upcoming'))).toBe('No upcoming meetings. Add the next one.');
  });
});
