import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { RiskImportPreviewDto, SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { BAD_ROWS_TITLE, RiskImportComponent } from './risk-import.component';

const BASE = '/api/networks/north-spinal/risks/import';
const MANAGER: SessionMembership = { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role: 'manager', organisationId: null };

const GOOD: RiskImportPreviewDto = {
  rows: [
    { row: 1, reference: 'SN/01', description: 'RTT 18 weeks', problems: [], warnings: [] },
    {
      row: 2,
      reference: 'SN/02',
      description: 'PROMS data collection',
      problems: [],
      warnings: [{ field: 'scoreBefore', message: '7 is not likelihood × impact; kept as a legacy score' }],
    },
  ],
  columns: { reference: 'Risk Number', description: 'Description', scoreBefore: 'Score before mitigation' },
  ok: true,
  fileProblems: [],
};

const BAD: RiskImportPreviewDto = {
  ...GOOD,
  ok: false,
  rows: [
    ...GOOD.rows,
    {
      row: 3,
      reference: 'SN/03',
      description: 'Referral system',
      problems: [{ field: 'likelihoodBefore', message: 'must be from 1 to 5' }],
      warnings: [],
    },
  ],
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('RiskImportComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(RiskImportComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const choose = async (file: File) => {
      const input = element.querySelector('#file') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    const check = async () => {
      element.querySelector('form#import-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement | undefined;
    return { fixture, element, choose, check, button };
  }

  it('pre-checks the type and size of the file before sending it', async () => {
    const { element, choose, check } = await render();
    expect(text(element.querySelector('label[for="file"]'))).toBe('Choose a file');
    await check();
    expect(text(element.querySelector('#file-error'))).toBe('Error: Choose an Excel (.xlsx) or CSV (.csv) file');
    await choose(new File(['x'], 'register.pdf', { type: 'application/pdf' }));
    expect(text(element.querySelector('#file-error'))).toBe('Error: The file must be an Excel (.xlsx) or CSV (.csv) file');
    await choose(new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'register.csv', { type: 'text/csv' }));
    expect(text(element.querySelector('#file-error'))).toBe('Error: The file must be 2 MB or smaller');
    http.expectNone(`${BASE}/preview`);
  });

  it('shows every row with its problems and warnings, and an error summary when any row is bad', async () => {
    const { element, choose, check, fixture, button } = await render();
    await choose(new File(['a,b'], 'register.csv', { type: 'text/csv' }));
    await check();
    const request = http.expectOne({ method: 'POST', url: `${BASE}/preview` });
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.flush(BAD);
    await fixture.whenStable();

    const summary = element.querySelector('.nhsuk-error-summary')!;
    expect(text(summary.querySelector('h2'))).toBe(BAD_ROWS_TITLE);
    const link = summary.querySelector('a')!;
    expect(text(link)).toBe('Row 3 (SN/03): Likelihood before mitigation – must be from 1 to 5');
    expect(element.querySelector(link.getAttribute('href')!)).not.toBeNull();
    const rows = Array.from(element.querySelectorAll('[data-testid="import-row"]')).map((row) => Array.from(row.querySelectorAll('td')).map(text));
    expect(rows[1][3]).toBe('Ready');
    expect(rows[1][4]).toBe('Legacy score Score before mitigation – 7 is not likelihood × impact; kept as a legacy score');
    expect(rows[2][3]).toBe('Problem');
    expect(rows[2][4]).toBe('Error: Likelihood before mitigation – must be from 1 to 5');
    expect(button('Import 3 risks')).toBeUndefined();
    expect(text(element.querySelector('.nhsuk-inset-text'))).toContain('Nothing has been imported');
  });

  it('imports when every row is ready, then goes to the register with the new references', async () => {
    const { choose, check, fixture, button } = await render();
    await choose(new File(['a,b'], 'register.xlsx'));
    await check();
    http.expectOne({ method: 'POST', url: `${BASE}/preview` }).flush(GOOD);
    await fixture.whenStable();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    button('Import 2 risks')!.click();
    http.expectOne({ method: 'POST', url: BASE }).flush({ imported: 2, references: ['SN/01', 'SN/02'] });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal', 'risks']);
    expect(TestBed.inject(FlashService).take()).toBe('2 risks have been imported: SN/01 and SN/02.');
  });

  it('shows an import’s 400 on the rows it names; nothing is imported', async () => {
    const { element, choose, check, fixture, button } = await render();
    await choose(new File(['a,b'], 'register.xlsx'));
    await check();
    http.expectOne({ method: 'POST', url: `${BASE}/preview` }).flush(GOOD);
    await fixture.whenStable();
    button('Import 2 risks')!.click();
    http.expectOne({ method: 'POST', url: BASE }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Some rows are not valid',
        fields: [{ field: 'rows.1.dateRegistered', message: 'is not a real date' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-error-summary a'))).toBe('Row 1 (SN/01): Date registered – is not a real date');
    expect(button('Import 2 risks')).toBeUndefined();
  });
});
