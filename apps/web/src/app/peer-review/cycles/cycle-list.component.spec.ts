import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MySubmissionsDto, ReviewCycleListDto, SessionMembership } from '@plexus/contracts';
import { counts, cycle, membership, ORG_ONE, SLUG, summary, text } from '../peer-review.testing';
import { CycleListComponent } from './cycle-list.component';

const CYCLES = `/api/networks/${SLUG}/peer-review/cycles`;
const MINE = `/api/networks/${SLUG}/peer-review/my-submissions`;

describe('CycleListComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(who: SessionMembership, list: ReviewCycleListDto, mine?: MySubmissionsDto) {
    const fixture = TestBed.createComponent(CycleListComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', who);
    fixture.detectChanges();
    http.expectOne(CYCLES).flush(list);
    if (mine) http.expectOne(MINE).flush(mine);
    else http.expectNone(MINE);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('offers a manager to start the first cycle from the template', async () => {
    const element = await render(membership('manager'), { asOf: '2026-12-03', cycles: [], can: { manage: true } });
    expect(text(element.querySelector('#cycles-empty'))).toContain('Start one from the two-year programme template');
    expect(element.querySelector('#new-cycle')?.getAttribute('href')).toBe(`/n/${SLUG}/peer-review/cycles/new`);
    expect(element.querySelector('#owed')).toBeNull();
  });

  it('lists the cycles with their status, submissions and what is next due', async () => {
    const c = cycle({
      submissions: counts({ total: 12, accepted: 4, awaited: 8, overdue: 3 }),
      nextDue: { activityId: 'x', title: 'Formal peer review meetings', dueDate: '2026-12-31' },
    });
    const element = await render(membership('viewer'), { asOf: '2026-12-03', cycles: [c], can: { manage: false } });
    const cells = Array.from(element.querySelectorAll('#cycles tbody td')).map(text);
    expect(cells[0]).toContain('Peer Review Programme 2026/2028');
    expect(cells[0]).toContain('2026/27 to 2027/28 · 2 organisations');
    expect(cells.slice(1)).toEqual(['Active', '4 of 12 accepted, 8 awaited (3 overdue)', 'Formal peer review meetings, 31 December 2026']);
    expect(element.querySelector('#new-cycle')).toBeNull();
  });

  it('shows a contributor what their organisation owes first, soonest due first, overdue in red, with what the network asked', async () => {
    const element = await render(
      membership('contributor', ORG_ONE),
      { asOf: '2026-12-03', cycles: [cycle()], can: { manage: false } },
      {
        asOf: '2026-12-03',
        organisation: { id: ORG_ONE, name: 'Riverside General Hospital' },
        items: [
          summary(1, { documentName: 'Operational policy', overdue: true, daysUntilDue: -156 }),
          summary(2, {
            documentName: 'Work plan',
            state: 'more_information_requested',
            reason: 'Add recommendations 3 and 4.',
            daysUntilDue: 10,
            dueDate: '2026-12-13',
          }),
          summary(3, { documentName: 'Annual report', state: 'accepted' }),
        ],
      },
    );
    expect(text(element.querySelector('#owed-heading'))).toBe('What Riverside General Hospital owes, and by when');
    const owed = Array.from(element.querySelectorAll('#owed-list > li'));
    expect(owed.map((li) => text(li.querySelector('h3')))).toEqual(['Operational policy', 'Work plan']);
    expect(text(owed[0])).toContain('Awaited – overdue 156 days overdue – due 30 June 2026');
    expect(owed[0].querySelector('.nhsuk-tag--red')).not.toBeNull();
    expect(text(owed[1])).toContain('Due in 10 days – due 13 December 2026');
    expect(text(owed[1])).toContain('The network asked: Add recommendations 3 and 4.');
    expect(owed[0].querySelector('a')?.getAttribute('href')).toBe(
      `/n/${SLUG}/peer-review/cycles/${summary(1).cycle.id}/submissions/${summary(1).id}`,
    );
    expect(text(element.querySelector('#sent summary'))).toBe('Sent (1)');
  });

  it('tells a contributor when nothing is owed', async () => {
    const element = await render(
      membership('contributor', ORG_ONE),
      { asOf: '2026-12-03', cycles: [], can: { manage: false } },
      { asOf: '2026-12-03', organisation: { id: ORG_ONE, name: 'Riverside General Hospital' }, items: [] },
    );
    expect(text(element.querySelector('#owed-empty'))).toContain('Nothing is owed just now.');
    expect(text(element.querySelector('#cycles-empty'))).toContain('When a network manager starts one');
  });
});
