import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { AnnualReportDraftDto } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { counts, membership, NETWORK } from '../work-plan/work-plan-test-data';
import { lastCompleteFinancialYear, recentFinancialYears } from './financial-years';
import { AnnualReportComponent } from './annual-report.component';
import { AnnualReportsComponent } from './annual-reports.component';

const ID = '44444444-4444-4444-8444-444444444444';
const PLAN = '55555555-5555-4555-8555-555555555555';
const URL = `/api/networks/${NETWORK}/annual-reports`;
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function draft(overrides: Partial<AnnualReportDraftDto> = {}): AnnualReportDraftDto {
  return {
    id: ID,
    fy: '2024/25',
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
    planId: null,
    plan: { id: PLAN, title: 'Work plan 2024/25' },
    chairForeword: '',
    highlights: '',
    priorities: '',
    updatedAt: '2025-04-10T09:00:00Z',
    updatedBy: 'Priya Shah',
    version: 1,
    ...overrides,
  };
}

const plans = [
  {
    id: PLAN,
    title: 'Work plan 2024/25',
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
    status: 'approved' as const,
    approvedOn: '2024-05-01',
    counts: counts(),
  },
];

describe('annual report pages', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] }));
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.body.replaceChildren();
  });

  it('knows the financial years: this one and five before, the last complete one by default', () => {
    expect(recentFinancialYears('2025-05-10')).toEqual(['2025/26', '2024/25', '2023/24', '2022/23', '2021/22', '2020/21']);
    expect(recentFinancialYears('2026-03-31', 2)).toEqual(['2025/26', '2024/25']);
    expect(lastCompleteFinancialYear('2025-04-01')).toBe('2024/25');
    expect(lastCompleteFinancialYear('2025-03-31')).toBe('2023/24');
  });

  it('lists the years written and starts another, offering only years without one', async () => {
    const fixture = TestBed.createComponent(AnnualReportsComponent);
    fixture.componentRef.setInput('network', NETWORK);
    fixture.componentRef.setInput('membership', membership('manager'));
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(URL).flush([draft()]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const cells = [...element.querySelectorAll('[data-testid="annual-reports"] tbody td')].map((td) => text(td));
    expect(cells).toEqual(['Annual report 2024/25', 'Work plan 2024/25', expect.stringMatching(/ by Priya Shah$/)]);
    const options = [...element.querySelectorAll<HTMLOptionElement>('#fy option')].map((o) => o.value);
    expect(options).not.toContain('2024/25');
    expect(element.querySelector('#fy')!.getAttribute('aria-describedby')).toBe('fy-hint');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toEqual({ fy: (element.querySelector('#fy') as HTMLSelectElement).value });
    req.flush(draft({ id: ID, fy: '2023/24' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', NETWORK, 'reports', 'annual', ID]);
  });

  async function editor(d = draft()) {
    const fixture = TestBed.createComponent(AnnualReportComponent);
    fixture.componentRef.setInput('network', NETWORK);
    fixture.componentRef.setInput('membership', membership('manager'));
    fixture.componentRef.setInput('annualReportId', ID);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${URL}/${ID}`).flush(d);
    http.expectOne(`/api/networks/${NETWORK}/work-plan/plans`).flush(plans);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = async (id: string, value: string) => {
      const control = element.querySelector(`#${id}`) as HTMLTextAreaElement;
      control.value = value;
      control.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { fixture, http, element, type };
  }

  it('saves the narrative with the version read, and says when there are unsaved changes', async () => {
    const { element, http, type, fixture } = await editor();
    expect(text(element.querySelector('h1'))).toContain('Annual report 2024/25');
    expect(text(element.querySelector('#planId option'))).toBe('The plan covering the year (now Work plan 2024/25)');
    expect(element.querySelector('[data-testid="unsaved"]')).toBeNull();
    await type('chairForeword', 'A good year.\n\nThanks to all.');
    expect(text(element.querySelector('[data-testid="unsaved"]'))).toBe('You have changes that are not saved yet.');
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    const req = http.expectOne({ method: 'PUT', url: `${URL}/${ID}` });
    expect(req.request.body).toEqual({ version: 1, planId: null, chairForeword: 'A good year.\n\nThanks to all.', highlights: '', priorities: '' });
    req.flush(draft({ version: 2, chairForeword: 'A good year.\n\nThanks to all.' }));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="unsaved"]')).toBeNull();
    expect(text(element)).toContain('Saved. The PDF uses what is saved when it is generated.');
  });

  it('shows a stale save on its field, and a control character before sending', async () => {
    const { element, http, type, fixture } = await editor();
    await type('highlights', 'bell\u0007');
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    http.expectNone({ method: 'PUT', url: `${URL}/${ID}` });
    expect(element.querySelector('#highlights')!.getAttribute('aria-invalid')).toBe('true');

    await type('highlights', 'Fine now');
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    const message = 'Someone else changed this annual report since you opened it.';
    http
      .expectOne({ method: 'PUT', url: `${URL}/${ID}` })
      .flush(
        { statusCode: 409, code: 'version_conflict', message, fields: [{ field: 'version', message: 'You edited version 1' }] },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('You edited version 1');
  });

  it('saves, then asks for the PDF of the year and opens the library with a message', async () => {
    const { element, http, type, fixture } = await editor();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await type('priorities', 'Fill the post.');
    (element.querySelector('#generate') as HTMLButtonElement).click();
    http.expectOne({ method: 'PUT', url: `${URL}/${ID}` }).flush(draft({ version: 2, priorities: 'Fill the post.' }));
    const asked = http.expectOne({ method: 'POST', url: `/api/networks/${NETWORK}/reports` });
    expect(asked.request.body).toEqual({ kind: 'annual_report', title: 'Annual report 2024/25', options: { fy: '2024/25' } });
    asked.flush({ id: 'doc-1', title: 'Annual report 2024/25', status: 'queued' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', NETWORK, 'reports']);
    expect(TestBed.inject(FlashService).take()).toBe('“Annual report 2024/25” is being generated. It will be in the list below in a moment.');
  });

  it('saves, then frames the preview page of the draft in a sandbox', async () => {
    const { element, http, type, fixture } = await editor();
    expect(element.querySelector('iframe')).toBeNull();
    await type('highlights', 'Dashboards.');
    (element.querySelector('#preview') as HTMLButtonElement).click();
    http.expectOne({ method: 'PUT', url: `${URL}/${ID}` }).flush(draft({ version: 2, highlights: 'Dashboards.' }));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    const frame = element.querySelector('iframe') as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toBe(`${URL}/${ID}/preview`);
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('title')).toBe('Preview of the annual report');
    expect(text(element.querySelector('#preview'))).toBe('Save and refresh the preview');
  });
});
