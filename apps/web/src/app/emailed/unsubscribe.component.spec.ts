import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UnsubscribePreviewDto } from '@plexus/contracts';
import { UnsubscribeComponent } from './unsubscribe.component';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCD';
const URL = `/api/unsubscribe/north-spinal/${TOKEN}`;

const PREVIEW: UnsubscribePreviewDto = {
  networkName: 'North Spinal Network',
  scheduleName: 'Progress to commissioners',
  email: 'priya@icb.example.org',
  unsubscribed: false,
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('UnsubscribeComponent (public: the unsubscribe link of a scheduled email)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void) {
    const fixture = TestBed.createComponent(UnsubscribeComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
    answer(http.expectOne({ method: 'GET', url: URL }));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = () => Array.from(element.querySelectorAll('button')).find((b) => text(b) === 'Unsubscribe') as HTMLButtonElement | undefined;
    return { fixture, element, button };
  }

  it('asks, then unsubscribes with one button and confirms', async () => {
    const { element, button, fixture } = await render((r) => r.flush(PREVIEW));
    expect(text(element.querySelector('h1'))).toBe('Stop receiving Progress to commissioners from North Spinal Network at priya@icb.example.org?');
    button()!.click();
    const request = http.expectOne({ method: 'POST', url: URL });
    request.flush({ ...PREVIEW, unsubscribed: true });
    await fixture.whenStable();
    const done = element.querySelector('[data-testid="unsubscribed"]')!;
    expect(text(done.querySelector('h1'))).toBe('You have been unsubscribed');
    expect(text(done)).toContain('priya@icb.example.org will no longer receive Progress to commissioners.');
    expect(text(element)).toContain('Other reports from North Spinal Network are not affected.');
    expect(document.activeElement).toBe(done);
    expect(button()).toBeUndefined();
  });

  it('says so when already unsubscribed', async () => {
    const { element, button } = await render((r) => r.flush({ ...PREVIEW, unsubscribed: true }));
    expect(text(element.querySelector('h1'))).toBe('You have already unsubscribed');
    expect(text(element)).toContain('priya@icb.example.org no longer receives Progress to commissioners from North Spinal Network.');
    expect(button()).toBeUndefined();
  });

  it('says an unknown link is not valid', async () => {
    const { element, button } = await render((r) =>
      r.flush({ statusCode: 404, code: 'not_found', message: 'unsubscribe link not found' }, { status: 404, statusText: 'Not Found' }),
    );
    expect(text(element.querySelector('h1'))).toBe('This unsubscribe link is not valid');
    expect(button()).toBeUndefined();
  });

  it('shows why the unsubscribe did not go through, and lets the person try again', async () => {
    const { element, button, fixture } = await render((r) => r.flush(PREVIEW));
    button()!.click();
    http
      .expectOne({ method: 'POST', url: URL })
      .flush(
        { statusCode: 429, code: 'too_many_attempts', message: 'Too many attempts from this address. Try again in 10 minutes.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await fixture.whenStable();
    expect(text(element.querySelector('#unsubscribe-error'))).toContain('Too many attempts from this address.');
    expect(button()).toBeDefined();
  });
});
