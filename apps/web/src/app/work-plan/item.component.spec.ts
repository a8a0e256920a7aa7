import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WorkItemDto } from '@plexus/contracts';
import type { MembershipRole } from '@plexus/domain';
import { ItemComponent } from './item.component';
import { item, membership, NETWORK } from './work-plan-test-data';

const URL = `/api/networks/${NETWORK}/work-plan/items/item-1`;

async function render(role: MembershipRole, body: WorkItemDto) {
  const fixture = TestBed.createComponent(ItemComponent);
  fixture.componentRef.setInput('network', NETWORK);
  fixture.componentRef.setInput('membership', membership(role));
  fixture.componentRef.setInput('planId', 'plan-1');
  fixture.componentRef.setInput('itemId', 'item-1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne(URL).flush(body);
  await fixture.whenStable();
  return { fixture, http, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('ItemComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] }));
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the colour in words, how far the item slipped, the original target and its history', async () => {
    const { element } = await render('lead', item());
    expect(text(element.querySelector('.nhsuk-tag'))).toBe('Amber – Overdue (reported on track)');
    expect(text(element.querySelector('[data-testid="slippage"]'))).toBe(
      'Overdue by 10 days; Slipped: target moved 183 days later (originally Q4 2023/24)',
    );
    expect(text(element)).toContain('Original target Q4 2023/24');
    const history = element.querySelectorAll('[data-testid="history"] > li');
    expect(history).toHaveLength(2);
    expect(text(history[1])).toContain('Reason: Data-sharing agreement signed late');
    expect(text(history[1])).toContain('Timescale: Q4 2023/24 → Q2 2024/25');
  });

  it('offers the progress form only to those who may use it, and no edit buttons to a lead', async () => {
    const { element } = await render('lead', item());
    expect(element.querySelector('#progress-heading')).not.toBeNull();
    expect(element.textContent).not.toContain('Change this item');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const viewer = await render('viewer', item({ canProgress: false, can: { edit: false, progress: false } }));
    expect(viewer.element.querySelector('#progress-heading')).toBeNull();
  });

  it('checks the update before sending it, then sends it and shows the answer', async () => {
    const { element, http, fixture } = await render('lead', item());
    const form = element.querySelector('form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Say how the work is going');
    const narrative = element.querySelector('#narrative') as HTMLTextAreaElement;
    narrative.value = 'Testing with two trusts';
    narrative.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    const request = http.expectOne({ method: 'POST', url: `${URL}/progress` });
    expect(request.request.body).toMatchObject({ status: 'on_track', narrative: 'Testing with two trusts' });
    request.flush(item({ status: 'complete', rag: 'blue', ragReason: null, late: { slipped: false, daysLate: 0 }, slipped: false }));
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-tag'))).toBe('Blue – Complete');
  });

  it('flags a timescale it could not read, with a way for a manager to fix it', async () => {
    const flagged = item({
      can: { edit: true, progress: true },
      timescale: {
        ...item().timescale,
        text: 'April to July 20017',
        kind: 'unparsed',
        due: null,
        flag: '"20017" is not a plausible year; is it a typo?',
      },
    });
    const { element } = await render('manager', flagged);
    expect(text(element.querySelector('[data-testid="timescale-flag"]'))).toContain('is it a typo?');
    expect(element.querySelector('[data-testid="timescale-flag"] a')?.getAttribute('href')).toBe(`/n/${NETWORK}/plan/plan-1/items/item-1/edit`);
  });
});
