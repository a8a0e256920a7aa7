import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WorkPlanChangeDto, WorkPlanDto } from '@plexus/contracts';
import type { MembershipRole } from '@plexus/domain';
import { PlanComponent } from './plan.component';
import { membership, NETWORK, plan } from './work-plan-test-data';

const URL = `/api/networks/${NETWORK}/work-plan/plans/plan-1`;

async function render(role: MembershipRole, body: WorkPlanDto, changes?: WorkPlanChangeDto[]) {
  const fixture = TestBed.createComponent(PlanComponent);
  fixture.componentRef.setInput('network', NETWORK);
  fixture.componentRef.setInput('membership', membership(role));
  fixture.componentRef.setInput('planId', 'plan-1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne(URL).flush(body);
  if (changes) {
    // An approved plan also loads its change log, once the plan has arrived.
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http.expectOne(`${URL}/changes`).flush(changes);
  }
  await fixture.whenStable();
  return { fixture, http, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('PlanComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] }));
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the plan by theme with counts and a roll-up in words', async () => {
    const { element } = await render('viewer', plan({ can: { edit: false, progress: false } }));
    expect(text(element.querySelector('h1'))).toContain('Objectives and Work Plan 2023–25');
    const theme = element.querySelector('[data-testid="theme"]');
    expect(text(theme?.querySelector('h2') ?? null)).toBe('Function 1 – Service Delivery');
    expect(text(theme)).toContain('Overall: Amber – at risk or overdue');
    expect(text(theme)).toContain('1 item: 1 amber (at risk or overdue); 1 slipped or overdue');
    expect(element.querySelectorAll('[data-testid="work-item-row"]')).toHaveLength(1);
  });

  it('gives a viewer no buttons that would fail', async () => {
    const { element } = await render('viewer', plan({ can: { edit: false, progress: false } }));
    for (const label of ['Add a theme', 'Add a work item', 'Mark as approved by the board', 'Delete plan', 'Move up', 'Change']) {
      expect(text(element)).not.toContain(label);
    }
  });

  it('lets a manager add a theme, checking it before sending', async () => {
    const { element, http, fixture } = await render('manager', plan());
    (element.querySelector('#add-theme') as HTMLButtonElement).click();
    await fixture.whenStable();
    const form = element.querySelector('form.plx-inline-panel') as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Enter the theme');
    const title = element.querySelector('#title') as HTMLInputElement;
    title.value = 'Function 2 - Resources';
    title.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    const request = http.expectOne({ method: 'POST', url: `${URL}/themes` });
    expect(request.request.body).toEqual({ title: 'Function 2 - Resources', description: '' });
    const answer = plan();
    answer.themes.push({ ...answer.themes[0], id: 'theme-2', title: 'Function 2 - Resources', items: [] });
    request.flush(answer);
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid="theme"]')).toHaveLength(2);
  });

  it('asks for a reason once the plan is approved, and lists the tracked changes', async () => {
    const { element, fixture } = await render('manager', plan({ status: 'approved', approvedOn: '2023-05-18' }), [
      {
        id: 'c-1',
        at: '2024-04-18T10:00:00Z',
        subjectType: 'item',
        subjectId: 'item-1',
        subjectLabel: 'Develop and monitor any Network information systems',
        action: 'update',
        changes: { timescale: { from: 'Q4 2023/24', to: 'Q2 2024/25' } },
        reason: 'Data-sharing agreement signed late',
        actor: 'Priya Shah',
      },
    ]);
    const changes = text(element.querySelector('[data-testid="plan-changes"]'));
    expect(changes).toContain('changed work item "Develop and monitor any Network information systems". Reason: Data-sharing agreement signed late');
    expect(changes).toContain('Timescale: Q4 2023/24 → Q2 2024/25');
    expect(text(element)).toContain('by the board on 18 May 2023');
    expect(text(element)).not.toContain('Mark as approved by the board');
    (element.querySelector('#edit-theme-theme-1') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(element.querySelector('label[for="reason"]')).not.toBeNull();
  });

  it('says who recorded the approval in one sentence, with no space before its comma or full stop', async () => {
    const { element } = await render(
      'viewer',
      plan({ status: 'approved', approvedOn: '2023-05-18', approvedBy: 'Priya Shah', can: { edit: false, progress: false } }),
      [],
    );
    expect(text(element)).toContain('by the board on 18 May 2023, recorded by Priya Shah. Changes are recorded with their reasons.');
  });

  it('ends the sentence after the date when no one is named', async () => {
    const { element } = await render('viewer', plan({ status: 'approved', approvedOn: '2023-05-18', can: { edit: false, progress: false } }), []);
    expect(text(element)).toContain('by the board on 18 May 2023. Changes are recorded with their reasons.');
  });

  it('offers a manager the roll-over of an approved plan, and links plans rolled from and into each other', async () => {
    const approved = await render('manager', plan({ status: 'approved', approvedOn: '2023-05-18' }), []);
    const link = approved.element.querySelector('#roll-over') as HTMLAnchorElement;
    expect(text(link)).toBe('Start next year’s plan');
    expect(link.getAttribute('href')).toBe(`/n/${NETWORK}/plan/plan-1/roll-over`);
    document.body.replaceChildren();

    const rolled = await render(
      'manager',
      plan({
        status: 'approved',
        approvedOn: '2023-05-18',
        rolledFrom: { id: 'plan-0', title: 'Work plan 2022/23' },
        rolledInto: { id: 'plan-2', title: 'Work plan 2025/26' },
      }),
      [],
    );
    expect(rolled.element.querySelector('#roll-over')).toBeNull();
    expect(text(rolled.element.querySelector('[data-testid="roll-over-links"]'))).toBe(
      'Rolled over from Work plan 2022/23. Rolled over into Work plan 2025/26.',
    );
  });

  it('offers no roll-over of a draft', async () => {
    const { element } = await render('manager', plan());
    expect(element.querySelector('#roll-over')).toBeNull();
  });
});
