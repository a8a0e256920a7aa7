import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReviewActionDto, ReviewActionListDto, SessionMembership } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { cycle, CYCLE_ID, membership, ORG_ONE, ORG_TWO, SLUG, text } from '../peer-review.testing';
import { action } from '../reviews/reviews-test-data';
import { ActionPlanComponent } from './action-plan.component';

const BASE = `/api/networks/${SLUG}/peer-review`;
const ACTIONS = `${BASE}/cycles/${CYCLE_ID}/actions`;
const CYCLE = `${BASE}/cycles/${CYCLE_ID}`;

const plan = (items = [action(1), action(2)], manage = true): ReviewActionListDto => ({
  asOf: '2026-12-03',
  items,
  organisations: [
    { id: ORG_TWO, name: 'Kingsmead Hospital' },
    { id: ORG_ONE, name: 'Riverside General Hospital' },
  ],
  can: { manage },
});

describe('ActionPlanComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  async function render(list: ReviewActionListDto, who: SessionMembership = membership('manager')) {
    const fixture = TestBed.createComponent(ActionPlanComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', who);
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.detectChanges();
    http.expectOne(CYCLE).flush(cycle());
    http.expectOne(ACTIONS).flush(list);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('lists the actions with owner, due date and BRAG in words, where each came from, and the latest update', async () => {
    const { element } = await render(
      plan([
        action(1, {
          status: 'on_track',
          rag: 'amber',
          ragReason: 'Past its target of 2026-03-31 by 247 days and not complete: shown as Amber, not Green',
          overdue: true,
          dueDate: '2026-03-31',
          source: { recommendation: null, criterion: null, origin: { id: 'o1', cycleId: 'c0', cycleName: 'Peer Review Programme 2024/2026' } },
          latestUpdate: {
            id: 'p1',
            on: '2026-11-01',
            at: '2026-11-01T10:00:00.000Z',
            status: 'on_track',
            narrative: 'Audit under way',
            author: 'Owen Price',
          },
        }),
      ]),
    );
    const row = element.querySelector('#actions tbody tr') as HTMLElement;
    expect(text(row)).toContain('Riverside General Hospital Action 1 Carried forward from Peer Review Programme 2024/2026');
    expect(text(row)).toContain('Latest update, 1 November 2026: Audit under way (Owen Price)');
    expect(text(row)).toContain('Mr B. Smith');
    expect(text(row)).toContain('31 March 2026 Overdue');
    expect(text(row.querySelector('plx-rag-tag'))).toBe('Amber – On track (past its target)');
  });

  it('filters by status and says when nothing matches', async () => {
    const { fixture, element } = await render(plan());
    const select = element.querySelector<HTMLSelectElement>('#filter-status') as HTMLSelectElement;
    select.value = 'complete';
    select.dispatchEvent(new Event('change'));
    await settle();
    http.expectOne(`${ACTIONS}?status=complete`).flush(plan([]));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#actions-empty'))).toBe('No actions match these filters.');
  });

  it('says how actions arrive when there are none', async () => {
    const { element } = await render(plan([], false), membership('contributor', ORG_ONE));
    expect(text(element.querySelector('#actions-empty'))).toBe(
      'No actions yet. Each recommendation of an organisation’s review becomes an action when the report is issued.',
    );
    expect(element.querySelector('#carry-forward')).toBeNull();
  });

  it('records a dated progress update for the organisation’s contributor, checking it first', async () => {
    const { fixture, element } = await render(plan([action(1)], false), membership('contributor', ORG_ONE));
    element.querySelector<HTMLButtonElement>(`#toggle-${action(1).id}`)?.click();
    await settle();
    const detail: ReviewActionDto = { ...action(1), asOf: '2026-12-03', progress: [] };
    http.expectOne(`${BASE}/actions/${action(1).id}`).flush(detail);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector(`#progress-panel-${action(1).id}`))).toContain('No progress recorded yet.');
    const form = element.querySelector<HTMLFormElement>(`#progress-form-${action(1).id}`) as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(text(element.querySelector('plx-error-summary'))).toContain('Say how the work is going');
    const narrative = element.querySelector<HTMLTextAreaElement>('#narrative') as HTMLTextAreaElement;
    narrative.value = 'Audit lead named';
    narrative.dispatchEvent(new Event('input'));
    const status = element.querySelector<HTMLSelectElement>('#status') as HTMLSelectElement;
    status.value = 'on_track';
    status.dispatchEvent(new Event('change'));
    form.dispatchEvent(new Event('submit'));
    const post = http.expectOne(`${BASE}/actions/${action(1).id}/progress`);
    expect(post.request.body).toEqual({ on: todayIso('Europe/London'), status: 'on_track', narrative: 'Audit lead named' });
    const updated: ReviewActionDto = {
      ...detail,
      status: 'on_track',
      statusLabel: 'On track',
      rag: 'green',
      progress: [
        { id: 'p1', on: '2026-12-03', at: '2026-12-03T10:00:00.000Z', status: 'on_track', narrative: 'Audit lead named', author: 'Owen Price' },
      ],
    };
    post.flush(updated);
    await settle();
    http.expectOne(ACTIONS).flush(plan([{ ...action(1), status: 'on_track', rag: 'green' }], false));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector(`#history-${action(1).id}`))).toContain('3 December 2026, On track: Audit lead named');
    expect(text(element.querySelector('plx-success-banner'))).toContain('Progress recorded: the action is on track.');
  });

  it('lets a manager name the owner and set the due date of an action', async () => {
    const { fixture, element } = await render(plan([action(1, { owner: { userId: null, name: '' }, dueDate: null })]));
    element.querySelector<HTMLButtonElement>(`#toggle-${action(1).id}`)?.click();
    await settle();
    http.expectOne(`${BASE}/actions/${action(1).id}`).flush({ ...action(1), asOf: '2026-12-03', progress: [] });
    http.expectOne(`/api/networks/${SLUG}/work-plan/people`).flush({
      members: [
        { userId: '6f1c2b1e-bbbb-4bbb-8bbb-000000000001', displayName: 'Priya Shah', role: 'manager' },
        { userId: '6f1c2b1e-bbbb-4bbb-8bbb-000000000002', displayName: 'Cara Commissioner', role: 'commissioner' },
      ],
      roles: [],
    });
    await fixture.whenStable();
    fixture.detectChanges();
    // Commissioners own no work.
    expect([...element.querySelectorAll('#ownerUserId option')].map((o) => text(o))).toEqual([
      'Nobody – a person at the organisation, named below',
      'Priya Shah',
    ]);
    const form = element.querySelector<HTMLFormElement>(`#details-form-${action(1).id}`) as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(text(element.querySelector('plx-error-summary'))).toContain('Choose a member of the network or name the owner');
    const owner = element.querySelector<HTMLInputElement>('#ownerName') as HTMLInputElement;
    owner.value = 'Dr A. Jones, Clinical Lead';
    owner.dispatchEvent(new Event('input'));
    const due = element.querySelector<HTMLInputElement>('#dueDate') as HTMLInputElement;
    due.value = '2027-06-30';
    due.dispatchEvent(new Event('change'));
    form.dispatchEvent(new Event('submit'));
    const put = http.expectOne(`${BASE}/actions/${action(1).id}`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      description: 'Action 1',
      ownerUserId: null,
      ownerName: 'Dr A. Jones, Clinical Lead',
      dueDate: '2027-06-30',
      criterionId: null,
    });
    put.flush({ ...action(1), owner: { userId: null, name: 'Dr A. Jones, Clinical Lead' }, dueDate: '2027-06-30', asOf: '2026-12-03', progress: [] });
    await settle();
    http.expectOne(ACTIONS).flush(plan([action(1, { owner: { userId: null, name: 'Dr A. Jones, Clinical Lead' }, dueDate: '2027-06-30' })]));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#actions tbody tr'))).toContain('Dr A. Jones, Clinical Lead');
    expect(text(element.querySelector('plx-success-banner'))).toContain('The action has been changed.');
  });

  it('carries open actions forward for a manager and says what happened', async () => {
    const { fixture, element } = await render(plan([]));
    element.querySelector<HTMLButtonElement>('#carry-forward')?.click();
    http
      .expectOne(`${CYCLE}/carry-forward`)
      .flush({ fromCycle: { id: 'c0', name: 'Peer Review Programme 2024/2026' }, carried: 2, alreadyCarried: 0, items: [action(1), action(2)] });
    await settle();
    http.expectOne(ACTIONS).flush(plan());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('plx-success-banner'))).toContain('2 open actions carried forward from Peer Review Programme 2024/2026.');
    expect(element.querySelectorAll('#actions tbody tr').length).toBe(2);
  });
});
