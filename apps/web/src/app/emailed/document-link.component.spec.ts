import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DocumentLinkDto } from '@plexus/contracts';
import { DocumentLinkComponent } from './document-link.component';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCD';
const URL = `/api/links/north-spinal/${TOKEN}`;

const DOC: DocumentLinkDto = {
  networkName: 'North Spinal Network',
  title: 'Progress report',
  sizeBytes: 250_000,
  pageCount: 7,
  generatedAt: '2027-04-01T06:01:00.000Z',
  expiresAt: '2027-05-01T06:01:00.000Z',
  sha256: 'ab'.repeat(32),
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('DocumentLinkComponent (public: an emailed download link)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void) {
    const fixture = TestBed.createComponent(DocumentLinkComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
    answer(http.expectOne(URL));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the document and a download button, with no sign-in', async () => {
    const element = await render((r) => r.flush(DOC));
    expect(text(element.querySelector('h1'))).toBe('Progress report');
    const facts = Array.from(element.querySelectorAll('.nhsuk-summary-list__row'), (row) => [
      text(row.querySelector('dt')),
      text(row.querySelector('dd')),
    ]);
    expect(facts).toEqual([
      ['From', 'North Spinal Network'],
      ['Document', 'PDF, 7 pages, 244 KB'],
      ['Made', '1 April 2027 at 07:01'],
      ['Link works until', '1 May 2027 at 07:01'],
    ]);
    const download = element.querySelector('#download') as HTMLAnchorElement;
    expect(text(download)).toBe('Download the report (PDF)');
    expect(download.getAttribute('href')).toBe(`${URL}/download`);
  });

  it('says a mistyped or altered link is not valid (404)', async () => {
    const element = await render((r) =>
      r.flush({ statusCode: 404, code: 'not_found', message: 'link not found' }, { status: 404, statusText: 'Not Found' }),
    );
    expect(text(element.querySelector('h1'))).toBe('This link is not valid');
    expect(element.querySelector('#download')).toBeNull();
  });

  it('gives the API’s words for an expired or withdrawn link (410)', async () => {
    const message = 'This link expired on 1 May 2027. Ask North Spinal Network for a new copy of the report.';
    const element = await render((r) => r.flush({ statusCode: 410, code: 'gone', message }, { status: 410, statusText: 'Gone' }));
    expect(text(element.querySelector('h1'))).toBe('This link no longer works');
    expect(text(element)).toContain(message);
    expect(element.querySelector('#download')).toBeNull();
  });

  it('asks to wait after too many attempts (429)', async () => {
    const message = 'Too many attempts with emailed links from this address. Try again in 10 minutes.';
    const element = await render((r) =>
      r.flush({ statusCode: 429, code: 'too_many_attempts', message }, { status: 429, statusText: 'Too Many Requests' }),
    );
    expect(text(element.querySelector('h1'))).toBe('Too many attempts');
    expect(text(element)).toContain(message);
  });
});
