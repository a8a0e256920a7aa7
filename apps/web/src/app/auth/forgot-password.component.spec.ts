import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ForgotPasswordComponent } from './forgot-password.component';

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const ANSWER = 'If an account exists for that address, we have sent a link to choose a new password.';

describe('ForgotPasswordComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(ForgotPasswordComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const fill = async (value: string) => {
      const input = element.querySelector('#email') as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, element, fill, submit };
  }

  it('asks for the email address, labelled, with a way back to sign in', async () => {
    const { element } = await render();
    expect(text(element.querySelector('h1'))).toBe('Forgot your password?');
    expect(text(element.querySelector('label[for="email"]'))).toBe('Email address');
    expect(element.querySelector('#email')?.getAttribute('autocomplete')).toBe('username');
    expect(element.querySelector('a.nhsuk-back-link')?.getAttribute('href')).toBe('/sign-in');
    expect(text(element.querySelector('button[type="submit"]'))).toBe('Send me a link');
  });

  it('checks the address before calling the API, the error beside the field and in the summary', async () => {
    const { element, fill, submit } = await render();
    await fill('not an email');
    await submit();
    http.expectNone('/api/auth/password-reset');
    expect(text(element.querySelector('#email-error'))).toMatch(/^Error: /);
    expect(element.querySelector('#email')?.getAttribute('aria-invalid')).toBe('true');
    expect(Array.from(element.querySelectorAll('.nhsuk-error-summary a')).map((a) => a.getAttribute('href'))).toEqual(['#email']);
  });

  it('sends the address and shows the API’s answer (the same for every address), then offers another address', async () => {
    const { element, fill, submit, fixture } = await render();
    await fill(' Sam@Example.org ');
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/auth/password-reset' });
    expect(request.request.body).toEqual({ email: 'sam@example.org' });
    request.flush({ message: ANSWER }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(text(element.querySelector('h1'))).toBe('Check your email');
    expect(text(element.querySelector('#reset-requested'))).toBe(ANSWER);
    expect(element.querySelector('[role="status"]')).not.toBeNull();
    expect(element.querySelector('form')).toBeNull();
    (Array.from(element.querySelectorAll('button')).find((b) => text(b) === 'Use another email address') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(element.querySelector('form')).not.toBeNull();
  });

  it('shows the API’s own message when there have been too many requests (429)', async () => {
    const { element, fill, submit, fixture } = await render();
    await fill('sam@example.org');
    await submit();
    const message = 'Too many requests for a password reset email. Try again in 2 minutes, or use the link in the last email we sent.';
    http
      .expectOne({ method: 'POST', url: '/api/auth/password-reset' })
      .flush({ statusCode: 429, code: 'too_many_attempts', message }, { status: 429, statusText: 'Too Many Requests' });
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain(message);
    expect(element.querySelector('form')).not.toBeNull();
  });
});
