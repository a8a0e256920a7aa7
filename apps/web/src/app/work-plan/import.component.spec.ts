import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportPreviewDto } from '@plexus/contracts';
import { ImportComponent } from './import.component';
import { membership, NETWORK, plan } from './work-plan-test-data';

const PLAN_URL = `/api/networks/${NETWORK}/work-plan/plans/plan-1`;

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function preview(overrides: Partial<ImportPreviewDto> = {}): ImportPreviewDto {
  return {
    format: 'tsv',
    columns: [{ index: 0, header: 'Work', field: 'work' }],
    rows: [],
    themes: [],
    summary: { items: 0, themes: 0, objectives: 0, errors: 0, warnings: 0, flaggedTimescales: 0, unknownLeads: 0 },
    fileProblems: [],
    notes: [],
    ok: true,
    ...overrides,
  };
}

async function render() {
  const fixture = TestBed.createComponent(ImportComponent);
  fixture.componentRef.setInput('network', NETWORK);
  fixture.componentRef.setInput('membership', membership('manager'));
  fixture.componentRef.setInput('planId', 'plan-1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne(PLAN_URL).flush(plan());
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const byId = (id: string) => element.querySelector(`#${id}`) as HTMLElement;
  const fill = async (id: string, value: string) => {
    const control = byId(id) as HTMLInputElement | HTMLTextAreaElement;
    control.value = value;
    control.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const submit = async () => {
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { fixture, http, element, byId, fill, submit };
}

describe('ImportComponent (work plan)', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] }));
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.body.replaceChildren();
  });

  it('points each control at its hint only while there are no errors', async () => {
    const { element, byId } = await render();
    expect(element.querySelector('.nhsuk-error-summary')).toBeNull();
    expect(byId('text').getAttribute('aria-describedby')).toBe('text-hint');
    expect(byId('options-defaultTheme').getAttribute('aria-describedby')).toBe('defaultTheme-hint');
    expect(byId('text').hasAttribute('aria-invalid')).toBe(false);
    expect(element.querySelector('.nhsuk-form-group--error')).toBeNull();
    expect(element.querySelector('.nhsuk-error-message')).toBeNull();
  });

  it('asks for the table before sending anything: summary focused, message next to the field and linked to it', async () => {
    const { element, byId, submit, fill, http } = await render();
    await submit();
    http.expectNone(`${PLAN_URL}/import/preview`);
    const summary = element.querySelector('.nhsuk-error-summary') as HTMLElement;
    expect(document.activeElement).toBe(summary);
    expect(Array.from(summary.querySelectorAll('a'), (a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['#text', 'Paste the table from Word or Excel'],
    ]);
    expect(text(byId('text-error'))).toBe('Error: Paste the table from Word or Excel');
    expect(byId('text-error').classList).toContain('nhsuk-error-message');
    expect(byId('text').getAttribute('aria-describedby')).toBe('text-hint text-error');
    expect(byId('text').getAttribute('aria-invalid')).toBe('true');
    expect(byId('text').classList).toContain('nhsuk-textarea--error');
    expect(byId('text').closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');

    // A link in the summary moves focus to the field.
    (summary.querySelector('a') as HTMLAnchorElement).click();
    expect(document.activeElement).toBe(byId('text'));

    // Typing clears the message without moving focus.
    await fill('text', 'Work\tLead\nAudit\tSam');
    expect(element.querySelector('.nhsuk-error-summary')).toBeNull();
    expect(byId('text-error')).toBeNull();
    expect(byId('text').getAttribute('aria-describedby')).toBe('text-hint');
    expect(byId('text').hasAttribute('aria-invalid')).toBe(false);
  });

  it('puts an API field error on its field and row problems in the summary without links', async () => {
    const { fixture, element, byId, fill, submit, http } = await render();
    await fill('text', 'Work\tLead\nAudit\tSam');
    await fill('options-defaultTheme', 'x'.repeat(10));
    await submit();
    http.expectOne({ method: 'POST', url: `${PLAN_URL}/import/preview` }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Check the options',
        fields: [{ field: 'options.defaultTheme', message: 'The theme is too long' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(document.activeElement).toBe(element.querySelector('.nhsuk-error-summary'));
    expect(text(byId('options-defaultTheme-error'))).toBe('Error: The theme is too long');
    expect(byId('options-defaultTheme').getAttribute('aria-describedby')).toBe('defaultTheme-hint options-defaultTheme-error');
    expect(byId('options-defaultTheme').classList).toContain('nhsuk-input--error');
    expect(element.querySelector('.nhsuk-error-summary a')!.getAttribute('href')).toBe('#options-defaultTheme');

    await submit();
    http.expectOne({ method: 'POST', url: `${PLAN_URL}/import/preview` }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Nothing has been imported: 1 row has problems',
        fields: [{ field: 'rows.2.work', message: 'Enter the work' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const summary = element.querySelector('.nhsuk-error-summary')!;
    expect(text(summary)).toContain('Nothing has been imported: 1 row has problems');
    expect(summary.querySelector('a')).toBeNull();
    expect(byId('options-defaultTheme-error')).toBeNull();
  });

  it('says a file is too large as soon as it is chosen, and clears the message when the source changes', async () => {
    const { fixture, element, byId } = await render();
    (byId('source-file') as HTMLInputElement).click();
    await fixture.whenStable();
    const input = byId('file') as HTMLInputElement;
    expect(input.getAttribute('aria-describedby')).toBe('file-hint');
    const big = new File([new Uint8Array(4 * 1024 * 1024 + 1)], 'plan.xlsx');
    Object.defineProperty(input, 'files', { value: [big] });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(text(byId('file-error'))).toBe('Error: The file must be 4 MB or smaller');
    expect(input.getAttribute('aria-describedby')).toBe('file-hint file-error');
    expect(input.closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
    expect(document.activeElement).toBe(element.querySelector('.nhsuk-error-summary'));

    (byId('source-paste') as HTMLInputElement).click();
    await fixture.whenStable();
    expect(element.querySelector('.nhsuk-error-summary')).toBeNull();
  });

  it('moves focus to the preview once the table has been read', async () => {
    const { fixture, element, fill, submit, http } = await render();
    await fill('text', 'Work\nAudit');
    await submit();
    http.expectOne({ method: 'POST', url: `${PLAN_URL}/import/preview` }).flush(preview());
    await fixture.whenStable();
    expect(element.querySelector('.nhsuk-error-summary')).toBeNull();
    expect(document.activeElement).toBe(element.querySelector('#preview-heading'));
  });
});
