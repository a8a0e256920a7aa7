import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WorkPlanPeopleDto } from '@plexus/contracts';
import { ItemFormComponent } from './item-form.component';
import { membership, NETWORK, plan } from './work-plan-test-data';

const WORK_PLAN = `/api/networks/${NETWORK}/work-plan`;
const PEOPLE: WorkPlanPeopleDto = { members: [{ userId: 'u-ravi', displayName: 'Ravi Kumar', role: 'lead' }], roles: [] };

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render() {
  const fixture = TestBed.createComponent(ItemFormComponent);
  fixture.componentRef.setInput('network', NETWORK);
  fixture.componentRef.setInput('membership', membership('manager'));
  fixture.componentRef.setInput('planId', 'plan-1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne(`${WORK_PLAN}/plans/plan-1`).flush(plan());
  http.expectOne(`${WORK_PLAN}/people`).flush(PEOPLE);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const fill = async (id: string, value: string) => {
    const control = element.querySelector(`#${id}`) as HTMLInputElement | HTMLTextAreaElement;
    control.value = value;
    control.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  return { fixture, http, element, fill };
}

describe('ItemFormComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] }));
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('says how it reads the timescale as it is typed, as one sentence', async () => {
    const { element, fill } = await render();
    await fill('timescale', 'Q2 2024/25');
    expect(text(element.querySelector('#timescale-reading'))).toBe('Read as: Q2 2024/25, due by 30 September 2024.');
    await fill('timescale', 'Ongoing');
    expect(text(element.querySelector('#timescale-reading'))).toMatch(/^Read as: Ongoing\.( |$)/);
    expect(element.querySelector('#timescale')!.getAttribute('aria-describedby')).toBe('timescale-hint timescale-reading');
  });

  it('shows the problems next to their fields before sending anything', async () => {
    const { fixture, element } = await render();
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(text(element.querySelector('#work-error'))).toMatch(/^Error: /);
    expect(element.querySelector('#work')!.getAttribute('aria-describedby')).toBe('work-hint work-error');
    expect(element.querySelector('#work')!.classList).toContain('nhsuk-textarea--error');
    expect(element.querySelector('#work')!.closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
    expect(Array.from(element.querySelectorAll('.nhsuk-error-summary a'), (a) => a.getAttribute('href'))).toContain('#work');
  });
});
