import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MySubmissionsDto, PeerReviewOwedDto, PeerReviewOwedItemDto, ReviewCycleListDto, SessionMembership } from '@plexus/contracts';
import { counts, cycle, CYCLE_ID, membership, ORG_ONE, SLUG, summary, text } from '../peer-review.testing';
import { CycleListComponent } from './cycle-list.component';

const CYCLES = `/api/networks/${SLUG}/peer-review/cycles`;
const MINE = `/api/networks/${SLUG}/peer-review/my-submissions`;
const OWED = `/api/networks/${SLUG}/peer-review/owed`;
const RIVERSIDE = { id: ORG_ONE, name: 'Riverside General Hospital' };
const CYCLE_REF = { id: CYCLE_ID, name: 'Peer Review Programme 2026/2028' };

const owedItem = (extra: Partial<PeerReviewOwedItemDto>): PeerReviewOwedItemDto => ({
  kind: 'submission',
  id: '6f1c2b1e-5555-4555-8555-000000000001',
  cycle: CYCLE_REF,
  organisation: RIVERSIDE,
  activity: { id: '6f1c2b1e-3333-4333-8333-000000000001', title: 'Annual documents' },
  title: 'Operational policy',
  state: 'awaited',
  stateLabel: 'Awaited',
  progressText: null,
  reason: null,
  owner: null,
  dueDate: '2026-06-30',
  daysUntilDue: -156,
  overdue: true,
  ...extra,
});

const owed = (items: PeerReviewOwedItemDto[]): PeerReviewOwedDto => ({
  asOf: '2026-12-03',
  organisation: RIVERSIDE,
  items,
  counts: {
    total: items.length,
    overdue: items.filter((i) => i.overdue).length,
    submissions: items.filter((i) => i.kind === 'submission').length,
    selfAssessments: items.filter((i) => i.kind === 'self_assessment').length,
    actions: items.filter((i) => i.kind === 'action').length,
  },
});

describe('CycleListComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(who: SessionMembership, list: ReviewCycleListDto, mine?: { owed: PeerReviewOwedDto; submissions: MySubmissionsDto }) {
    const fixture = TestBed.createComponent(CycleListComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', who);
    fixture.detectChanges();
    http.expectOne(CYCLES).flush(list);
    if (mine) {
      http.expectOne(OWED).flush(mine.owed);
      http.expectOne(MINE).flush(mine.submissions);
    } else {
      http.expectNone(OWED);
      http.expectNone(MINE);
    }
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

  it('shows a contributor what their organisation owes first — documents, self-assessments, actions — soonest due first, overdue in words', async () => {
    const element = await render(
      membership('contributor', ORG_ONE),
      { asOf: '2026-12-03', cycles: [cycle()], can: { manage: false } },
      {
        owed: owed([
          owedItem({}),
          owedItem({
            kind: 'self_assessment',
            id: '6f1c2b1e-7777-4777-8777-000000000001',
            activity: { id: '6f1c2b1e-3333-4333-8333-000000000009', title: 'Self-assessment against network standards' },
            title: 'EMMTN-AT – Network assessment tool',
            state: 'draft',
            stateLabel: 'Draft',
            progressText: '34 of 52 answered',
            dueDate: '2026-09-30',
            daysUntilDue: -64,
          }),
          owedItem({
            kind: 'self_assessment',
            id: null,
            activity: { id: '6f1c2b1e-3333-4333-8333-000000000010', title: 'Year 2 self-assessment' },
            title: 'D15 – Major trauma',
            state: 'not_started',
            stateLabel: 'Not started',
            progressText: '0 of 26 answered',
            dueDate: '2026-12-13',
            daysUntilDue: 10,
            overdue: false,
          }),
          owedItem({
            kind: 'action',
            id: '6f1c2b1e-aaaa-4aaa-8aaa-000000000001',
            activity: null,
            title: 'Name a rehabilitation lead',
            state: 'on_track',
            stateLabel: 'On track',
            owner: 'Dr A. Jones',
            dueDate: '2026-12-31',
            daysUntilDue: 28,
            overdue: false,
          }),
          owedItem({
            id: '6f1c2b1e-5555-4555-8555-000000000002',
            title: 'Work plan',
            state: 'more_information_requested',
            stateLabel: 'More information requested',
            reason: 'Add recommendations 3 and 4.',
            dueDate: '2027-01-13',
            daysUntilDue: 41,
            overdue: false,
          }),
        ]),
        submissions: {
          asOf: '2026-12-03',
          organisation: RIVERSIDE,
          items: [summary(1, { documentName: 'Operational policy' }), summary(3, { documentName: 'Annual report', state: 'accepted' })],
        },
      },
    );
    expect(text(element.querySelector('#owed-heading'))).toBe('What Riverside General Hospital owes, and by when');
    expect(text(element.querySelector('#owed-summary'))).toBe('5 things owed (2 overdue).');
    const items = Array.from(element.querySelectorAll('#owed-list > li'));
    expect(items.map((li) => text(li.querySelector('h3')))).toEqual([
      'Document: Operational policy',
      'Self-assessment: EMMTN-AT – Network assessment tool',
      'Self-assessment: D15 – Major trauma',
      'Action: Name a rehabilitation lead',
      'Document: Work plan',
    ]);
    expect(text(items[0])).toContain('Awaited – overdue 156 days overdue – due 30 June 2026');
    expect(items[0].querySelector('.nhsuk-tag--red')).not.toBeNull();
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe(
      `/n/${SLUG}/peer-review/cycles/${CYCLE_ID}/submissions/6f1c2b1e-5555-4555-8555-000000000001`,
    );
    expect(text(items[1])).toContain('Draft – overdue 64 days overdue – due 30 September 2026');
    expect(text(items[1])).toContain('34 of 52 answered');
    expect(items[1].querySelector('a')?.getAttribute('href')).toBe(
      `/n/${SLUG}/peer-review/cycles/${CYCLE_ID}/self-assessments/6f1c2b1e-7777-4777-8777-000000000001`,
    );
    // Not started yet: it links to the list where the organisation starts it.
    expect(text(items[2])).toContain('Not started Due in 10 days – due 13 December 2026');
    expect(items[2].querySelector('a')?.getAttribute('href')).toBe(`/n/${SLUG}/peer-review/cycles/${CYCLE_ID}/self-assessments`);
    expect(text(items[3])).toContain('On track Due in 28 days – due 31 December 2026');
    expect(text(items[3])).toContain('Owner: Dr A. Jones');
    expect(items[3].querySelector('a')?.getAttribute('href')).toBe(
      `/n/${SLUG}/peer-review/cycles/${CYCLE_ID}/actions?organisationId=${ORG_ONE}&actionId=6f1c2b1e-aaaa-4aaa-8aaa-000000000001`,
    );
    expect(items[3].querySelector('.nhsuk-tag--red')).toBeNull();
    expect(text(items[4])).toContain('The network asked: Add recommendations 3 and 4.');
    expect(text(element.querySelector('#sent summary'))).toBe('Documents sent (1)');
  });

  it('tells a contributor when nothing is owed', async () => {
    const element = await render(
      membership('contributor', ORG_ONE),
      { asOf: '2026-12-03', cycles: [], can: { manage: false } },
      { owed: owed([]), submissions: { asOf: '2026-12-03', organisation: RIVERSIDE, items: [] } },
    );
    expect(text(element.querySelector('#owed-empty'))).toContain('Nothing is owed just now.');
    expect(element.querySelector('#sent')).toBeNull();
    expect(text(element.querySelector('#cycles-empty'))).toContain('When a network manager starts one');
  });
});
