import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionMembership, StandardImportPreviewDto, StandardVersionDto } from '@plexus/contracts';
import { FlashService } from '../../core/flash.service';
import { BAD_ROWS_TITLE, StandardImportComponent } from './standard-import.component';
import { BASE, SET_ID, SLUG, V1, version } from './standards-test-data';

const MANAGER: SessionMembership = { networkId: 'n1', slug: SLUG, name: 'East Midlands MTN', role: 'manager', organisationId: null };
const row = (n: number, extra: Partial<StandardImportPreviewDto['rows'][number]> = {}): StandardImportPreviewDto['rows'][number] => ({
  row: n,
  sectionNumber: '1',
  sectionTitle: 'Access',
  criterionNumber: `1.${n}`,
  criterion: `Criterion ${n}`,
  appliesTo: [],
  problems: [],
  ...extra,
});
const GOOD: StandardImportPreviewDto = {
  rows: [row(1, { appliesTo: ['major_trauma_centre'] }), row(2)],
  columns: { sectionNumber: 'Section number', criterion: 'Criterion' },
  ok: true,
  fileProblems: [],
  sections: 1,
  criteria: 2,
  replaces: { sections: 2, criteria: 3 },
};
const BAD: StandardImportPreviewDto = {
  ...GOOD,
  ok: false,
  rows: [...GOOD.rows, row(3, { appliesTo: [], problems: [{ field: 'appliesTo', message: '“Hospice” is not an organisation type we know' }] })],
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('StandardImportComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(v: StandardVersionDto = version()) {
    const fixture = TestBed.createComponent(StandardImportComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', MANAGER);
    fixture.componentRef.setInput('standardSetId', SET_ID);
    fixture.componentRef.setInput('standardVersionId', V1);
    fixture.detectChanges();
    http.expectOne(`${BASE}/versions/${V1}`).flush(v);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const choose = async (file: File) => {
      const input = element.querySelector('#file') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await settle();
    };
    const check = async () => {
      element.querySelector('form#import-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle();
    };
    return { fixture, element, choose, check, settle };
  }

  const csv = () => new File(['Section number,Criterion\n1,A\n'], 'tool.csv', { type: 'text/csv' });

  it('says the import replaces what the version holds, and refuses a file that is not a spreadsheet before sending it', async () => {
    const { element, choose, check } = await render();
    expect(text(element.querySelector('h1'))).toBe('East Midlands MTN – EMMTN-AT Network assessment tool – Import into version 1');
    expect(text(element)).toContain('The import replaces what version 1 holds now (2 sections, 3 criteria)');
    await choose(new File(['x'], 'tool.pdf'));
    expect(text(element.querySelector('#file-error'))).toBe('Error: The file must be an Excel (.xlsx) or CSV (.csv) file');
    await check();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Choose an Excel (.xlsx) or CSV (.csv) file');
  });

  it('lists every bad row with its problem, links each from the summary, and offers no import', async () => {
    const { element, choose, check, settle } = await render();
    await choose(csv());
    await check();
    http.expectOne(`${BASE}/versions/${V1}/import/preview`).flush(BAD);
    await settle();
    expect(text(element.querySelector('.nhsuk-error-summary__title'))).toBe(BAD_ROWS_TITLE);
    const link = element.querySelector('.nhsuk-error-summary a') as HTMLAnchorElement;
    expect(text(link)).toBe('Row 3 (1.3): “Hospice” is not an organisation type we know');
    expect(link.getAttribute('href')).toBe('#rows-3-problems-0');
    expect(element.querySelector('#rows-3-problems-0')).not.toBeNull();
    expect(Array.from(element.querySelectorAll('[data-testid="import-row"]')).map((r) => text(r.querySelector('td:last-child .nhsuk-tag')))).toEqual([
      'Ready',
      'Ready',
      'Problem',
    ]);
    expect(element.querySelector('#run-import')).toBeNull();
  });

  it('imports a good file all at once and goes back to the version, saying what was imported', async () => {
    const { element, choose, check, settle } = await render();
    await choose(csv());
    await check();
    http.expectOne(`${BASE}/versions/${V1}/import/preview`).flush(GOOD);
    await settle();
    expect(text(element.querySelector('#preview-heading'))).toBe('Ready to import 2 criteria in 1 section');
    expect(text(element.querySelector('#replaces-warning'))).toContain('Its 2 sections and 3 criteria are replaced');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (element.querySelector('#run-import') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne(`${BASE}/versions/${V1}/import`);
    expect(req.request.body instanceof FormData).toBe(true);
    req.flush({ sections: 1, criteria: 2, version: version() });
    await settle();
    expect(TestBed.inject(FlashService).take()).toBe('2 criteria in 1 section have been imported into version 1.');
    expect(navigate).toHaveBeenCalledWith(['/n', SLUG, 'peer-review', 'standards', SET_ID], { queryParams: { version: V1 } });
  });

  it('puts the rows an import refused back on the preview (the file changed since it was checked)', async () => {
    const { element, choose, check, settle } = await render();
    await choose(csv());
    await check();
    http.expectOne(`${BASE}/versions/${V1}/import/preview`).flush(GOOD);
    await settle();
    (element.querySelector('#run-import') as HTMLButtonElement).click();
    await settle();
    http.expectOne(`${BASE}/versions/${V1}/import`).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The file has 1 problem; nothing was imported',
        fields: [{ field: 'rows.2.criterion', message: 'Row 2: The criterion is empty' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(text(element.querySelector('.nhsuk-error-summary a'))).toBe('Row 2 (1.2): The criterion is empty');
    expect(text(element.querySelector('#preview-heading'))).toBe('Your file has problems');
  });

  it('says a frozen version cannot take an import', async () => {
    const { element } = await render(
      version({ frozen: true, status: 'published', can: { edit: false, publish: false, delete: false, newVersion: true } }),
    );
    expect(text(element.querySelector('#cannot-import'))).toContain('This version is frozen');
    expect(element.querySelector('#import-form')).toBeNull();
  });
});
