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
          ragReason: 'Overdue: its target of 31 March 2026 passed 247 days ago and it is not complete, so it shows as Amber, not Green',
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
    expect(text(row.querySelector('plx-rag-tag'))).toBe('Amber – Overdue (reported on track)');
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

  describe('an action added by hand', () => {
    const PEOPLE = `/api/networks/${SLUG}/work-plan/people`;
    const PRIYA = '6f1c2b1e-bbbb-4bbb-8bbb-000000000001';
    const byId = <T extends HTMLElement>(root: HTMLElement, id: string) => root.querySelector<T>(`[id="${id}"]`) as T;
    const typeInto = (root: HTMLElement, id: string, value: string) => {
      const input = byId<HTMLInputElement>(root, id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const choose = (root: HTMLElement, id: string, value: string) => {
      const select = byId<HTMLSelectElement>(root, id);
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    async function openForm() {
      const rendered = await render(plan());
      const button = byId<HTMLButtonElement>(rendered.element, 'add-action');
      expect(button.getAttribute('aria-expanded')).toBe('false');
      button.click();
      rendered.fixture.detectChanges();
      http.expectOne(PEOPLE).flush({ members: [{ userId: PRIYA, displayName: 'Priya Shah', role: 'manager' }], roles: [] });
      await rendered.fixture.whenStable();
      rendered.fixture.detectChanges();
      expect(button.getAttribute('aria-expanded')).toBe('true');
      return rendered;
    }

    it('adds an action to the chosen organisation’s plan with its owner and a due date typed the UK way', async () => {
      const { fixture, element } = await openForm();
      expect([...element.querySelectorAll('#new-organisationId option')].map((o) => text(o))).toEqual([
        'Choose the organisation',
        'Kingsmead Hospital',
        'Riverside General Hospital',
      ]);
      expect([...element.querySelectorAll('#new-action-form label')].map((l) => text(l))).toEqual([
        'Organisation',
        'Action',
        'Owner in the network',
        'Owner’s name',
        'Day',
        'Month',
        'Year',
      ]);
      choose(element, 'new-organisationId', ORG_TWO);
      typeInto(element, 'new-description', 'Agree a weekend theatre rota');
      choose(element, 'new-ownerUserId', PRIYA);
      typeInto(element, 'new-dueDate', '1');
      typeInto(element, 'new-dueDate-month', '10');
      typeInto(element, 'new-dueDate-year', '2027');
      byId<HTMLFormElement>(element, 'new-action-form').dispatchEvent(new Event('submit'));
      const post = http.expectOne(ACTIONS);
      expect(post.request.method).toBe('POST');
      expect(post.request.body).toEqual({
        organisationId: ORG_TWO,
        description: 'Agree a weekend theatre rota',
        ownerUserId: PRIYA,
        ownerName: '',
        dueDate: '2027-10-01',
        criterionId: null,
      });
      const made = action(3, { organisation: { id: ORG_TWO, name: 'Kingsmead Hospital' }, description: 'Agree a weekend theatre rota' });
      post.flush({ ...made, asOf: '2026-12-03', progress: [] });
      await settle();
      http.expectOne(ACTIONS).flush(plan([action(1), action(2), made]));
      await fixture.whenStable();
      fixture.detectChanges();
      expect(text(element.querySelector('plx-success-banner'))).toContain('The action has been added to the action plan of Kingsmead Hospital.');
      expect(byId(element, 'new-action-form')).toBeNull();
      expect(element.querySelectorAll('#actions tbody tr').length).toBe(3);
    });

    it('shows what is wrong next to each field: checked here first, then the API’s 400 by field', async () => {
      const { fixture, element } = await openForm();
      typeInto(element, 'new-dueDate-month', '13');
      byId<HTMLFormElement>(element, 'new-action-form').dispatchEvent(new Event('submit'));
      http.expectNone(ACTIONS);
      fixture.detectChanges();
      expect([...element.querySelectorAll('plx-error-summary li')].map((li) => text(li))).toEqual([
        'Choose an organisation in the cycle’s scope',
        'Describe the action',
        'Choose a member of the network or name the owner',
        'Due date must include a day and a year',
      ]);
      expect(text(byId(element, 'new-organisationId-error'))).toBe('Error: Choose an organisation in the cycle’s scope');
      expect(text(byId(element, 'new-description-error'))).toBe('Error: Describe the action');
      expect(byId(element, 'new-description').getAttribute('aria-invalid')).toBe('true');
      expect(text(byId(element, 'new-dueDate-error'))).toBe('Error: Due date must include a day and a year');
      expect(element.querySelector('plx-error-summary a')?.getAttribute('href')).toBe('#new-organisationId');

      choose(element, 'new-organisationId', ORG_ONE);
      typeInto(element, 'new-description', 'Name a lead');
      typeInto(element, 'new-ownerName', 'Dr A. Jones');
      typeInto(element, 'new-dueDate-month', '');
      byId<HTMLFormElement>(element, 'new-action-form').dispatchEvent(new Event('submit'));
      http.expectOne(ACTIONS).flush(
        {
          statusCode: 400,
          code: 'validation_failed',
          message: 'The request is not valid',
          fields: [{ field: 'description', message: 'Action must not hold control characters' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await fixture.whenStable();
      fixture.detectChanges();
      expect(text(byId(element, 'new-description-error'))).toBe('Error: Action must not hold control characters');
      expect(byId(element, 'new-dueDate-error')).toBeNull();
      expect(byId(element, 'new-action-form')).not.toBeNull();
    });
  });

  it('opens the action a link names (from a self-assessment criterion) with its progress', async () => {
    const fixture = TestBed.createComponent(ActionPlanComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', membership('contributor', ORG_ONE));
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.componentRef.setInput('organisationId', ORG_ONE);
    fixture.componentRef.setInput('actionId', action(2).id);
    fixture.detectChanges();
    http.expectOne(CYCLE).flush(cycle());
    http.expectOne(`${ACTIONS}?organisationId=${ORG_ONE}`).flush(plan([action(1), action(2)], false));
    await settle();
    http.expectOne(`${BASE}/actions/${action(2).id}`).flush({ ...action(2), asOf: '2026-12-03', progress: [] });
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector(`#toggle-${action(2).id}`)?.getAttribute('aria-expanded')).toBe('true');
    expect(element.querySelector(`#progress-panel-${action(2).id}`)).not.toBeNull();
    expect(element.querySelector(`#progress-panel-${action(1).id}`)).toBeNull();
  });
});
