import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { RollOverPreviewDto, RollOverResultDto } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { RollOverComponent } from './roll-over.component';
import { counts, membership, NETWORK } from './work-plan-test-data';

const URL = `/api/networks/${NETWORK}/work-plan/plans/plan-1/roll-over`;
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function preview(overrides: Partial<RollOverPreviewDto> = {}): RollOverPreviewDto {
  return {
    source: { id: 'plan-1', title: 'Work plan 2024/25', periodStart: '2024-04-01', periodEnd: '2025-03-31', status: 'approved' },
    proposed: { title: 'Work plan 2025/26', periodStart: '2025-04-01', periodEnd: '2026-03-31' },
    rolledInto: null,
    blockedBy: null,
    themes: [
      {
        id: 'theme-1',
        title: 'Function 1 – Service Delivery',
        items: [
          {
            id: '11111111-1111-4111-8111-111111111111',
            ref: '1.1',
            work: 'Build the dashboard',
            status: 'at_risk',
            dueOn: '2025-03-31',
            carryByDefault: true,
          },
          {
            id: '22222222-2222-4222-8222-222222222222',
            ref: '1.2',
            work: 'Audit of transfers',
            status: 'complete',
            dueOn: '2024-09-30',
            carryByDefault: false,
          },
        ],
      },
      {
        id: 'theme-2',
        title: 'Quality',
        items: [
          {
            id: '33333333-3333-4333-8333-333333333333',
            ref: '2.1',
            work: 'Map the boundaries',
            status: 'not_started',
            dueOn: null,
            carryByDefault: true,
          },
        ],
      },
    ],
    ...overrides,
  };
}

async function render(data: RollOverPreviewDto = preview()) {
  const fixture = TestBed.createComponent(RollOverComponent);
  fixture.componentRef.setInput('network', NETWORK);
  fixture.componentRef.setInput('membership', membership('manager'));
  fixture.componentRef.setInput('planId', 'plan-1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne(URL).flush(data);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const byId = (id: string) => element.querySelector(`#${id}`) as HTMLInputElement;
  const submit = async () => {
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { fixture, http, element, byId, submit };
}

describe('RollOverComponent (the year-end roll-over wizard)', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] }));
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.body.replaceChildren();
  });

  it('proposes the next period and title, ticks every item not complete, and says what stays', async () => {
    const { element, byId } = await render();
    expect(byId('title').value).toBe('Work plan 2025/26');
    expect(byId('periodStart').value).toBe('2025-04-01');
    expect(byId('periodEnd').value).toBe('2026-03-31');
    expect(byId('carry-11111111-1111-4111-8111-111111111111').checked).toBe(true);
    expect(byId('carry-33333333-3333-4333-8333-333333333333').checked).toBe(true);
    expect(element.querySelector('#carry-22222222-2222-4222-8222-222222222222')).toBeNull();
    expect(text(element)).toContain('1.2 Audit of transfers — complete: stays in this plan.');
    expect(text(element.querySelector('[data-testid="roll-over-summary"]'))).toBe('2 items will carry forward; 1 item complete stays in this plan.');
    // Labels are the checkboxes' names, with the status in words.
    expect(text(element.querySelector('label[for="carry-11111111-1111-4111-8111-111111111111"]'))).toContain(
      '1.1 Build the dashboard At risk · target 31 March 2025',
    );
  });

  it('sends the ticked items in the plan’s order with the title and period, then opens the new plan with a message', async () => {
    const { element, byId, http, submit, fixture } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    byId('carry-11111111-1111-4111-8111-111111111111').click();
    await fixture.whenStable();
    expect(text(element.querySelector('[data-testid="roll-over-summary"]'))).toBe(
      '1 item will carry forward; 1 item not complete will stay in this plan; 1 item complete stays in this plan.',
    );
    byId('title').value = 'Spinal work plan 2025/26';
    byId('title').dispatchEvent(new Event('input'));
    await submit();
    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toEqual({
      title: 'Spinal work plan 2025/26',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      itemIds: ['33333333-3333-4333-8333-333333333333'],
    });
    const result: RollOverResultDto = {
      created: true,
      carried: 1,
      flagged: 1,
      plan: {
        id: 'plan-2',
        title: 'Spinal work plan 2025/26',
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        status: 'draft',
        approvedOn: null,
        counts: counts(),
      },
    };
    req.flush(result);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', NETWORK, 'plan', 'plan-2']);
    expect(TestBed.inject(FlashService).take()).toBe(
      '“Spinal work plan 2025/26” started as a draft with 1 item carried forward. 1 carried item has a target before the new period: they are flagged for a new target.',
    );
  });

  it('checks the period before sending, and shows the API’s refusal on the field it names', async () => {
    const { element, byId, http, submit, fixture } = await render();
    byId('periodEnd').value = '2025-01-01';
    byId('periodEnd').dispatchEvent(new Event('input'));
    await submit();
    http.expectNone({ method: 'POST', url: URL });
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('The end of the period must be after its start');
    expect(byId('periodEnd').getAttribute('aria-invalid')).toBe('true');

    byId('periodEnd').value = '2026-03-31';
    byId('periodEnd').dispatchEvent(new Event('input'));
    await submit();
    const message = '“Already there” already covers 1 April 2025 to 31 March 2026, which overlaps the new period.';
    http
      .expectOne({ method: 'POST', url: URL })
      .flush({ statusCode: 409, code: 'conflict', message, fields: [{ field: 'periodStart', message }] }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain(message);
    expect(byId('periodStart').getAttribute('aria-invalid')).toBe('true');
  });

  it('says why a plan cannot be rolled over, or where it went, instead of the form', async () => {
    const blocked = await render(preview({ blockedBy: 'Only a plan the board has approved can be rolled over.' }));
    expect(text(blocked.element.querySelector('[data-testid="blocked"]'))).toContain('Only a plan the board has approved can be rolled over.');
    expect(blocked.element.querySelector('form')).toBeNull();
    document.body.replaceChildren();
    const done = await render(
      preview({ rolledInto: { id: 'plan-2', title: 'Work plan 2025/26', periodStart: '2025-04-01', periodEnd: '2026-03-31' } }),
    );
    expect(text(done.element.querySelector('[data-testid="rolled-into"]'))).toContain('This plan has been rolled over into Work plan 2025/26');
    expect(done.element.querySelector('form')).toBeNull();
  });

  it('says so when everything is complete', async () => {
    const all = preview();
    all.themes = [{ ...all.themes[0], items: [all.themes[0].items[1]] }];
    const { element } = await render(all);
    expect(text(element.querySelector('[data-testid="nothing-open"]'))).toContain('Every item in this plan is complete');
  });
});
