import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionResponse } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { SessionService } from '../core/session.service';
import { SignInComponent } from './sign-in.component';

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const SESSION: SessionResponse = {
  user: { id: 'u1', email: 'sam@example.org', displayName: 'Sam Patel', isOperator: false },
  memberships: [],
  csrfToken: 'token',
};

describe('SignInComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(returnUrl?: string) {
    const fixture = TestBed.createComponent(SignInComponent);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const fill = async (id: string, value: string) => {
      const input = element.querySelector(`#${id}`) as HTMLInputElement;
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

  it('labels its fields for assistive technology', async () => {
    const { element } = await render();
    expect(text(element.querySelector('label[for="email"]'))).toBe('Email address');
    expect(text(element.querySelector('label[for="password"]'))).toBe('Password');
    expect(text(element.querySelector('button[type="submit"]'))).toBe('Sign in');
  });

  it('offers a way to choose a new password, and shows a confirmation carried from the reset page', async () => {
    TestBed.inject(FlashService).set('Your password has been changed.');
    const { element } = await render();
    expect(element.querySelector('#forgot-password')?.getAttribute('href')).toBe('/forgot-password');
    expect(text(element.querySelector('#forgot-password'))).toBe('Forgot your password?');
    expect(text(element.querySelector('.nhsuk-notification-banner--success'))).toContain('Your password has been changed.');
    expect(TestBed.inject(FlashService).take()).toBeNull();
  });

  it('checks the fields before calling the API', async () => {
    const { element, submit } = await render();
    await submit();
    http.expectNone('/api/auth/login');
    expect(text(element.querySelector('#email-error'))).toBe('Error: Enter an email address, like name@example.org');
    expect(text(element.querySelector('#password-error'))).toBe('Error: Enter your password');
    expect(Array.from(element.querySelectorAll('.nhsuk-error-summary a')).map((a) => a.getAttribute('href'))).toEqual(['#email', '#password']);
  });

  it('says "Email or password is not right" on 401', async () => {
    const { element, fill, submit, fixture } = await render();
    await fill('email', ' Sam@Example.org ');
    await fill('password', 'wrong password');
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ email: 'sam@example.org', password: 'wrong password' });
    request.flush({ statusCode: 401, code: 'unauthorised', message: 'Unauthorised' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(text(element.querySelector('#password-error'))).toBe('Error: Email or password is not right');
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Email or password is not right');
  });

  it('shows the API’s own message when there have been too many attempts (429)', async () => {
    const { element, fill, submit, fixture } = await render();
    await fill('email', 'sam@example.org');
    await fill('password', 'whatever');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, code: 'rate_limited', message: 'Too many attempts. Try again in 10 minutes.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await fixture.whenStable();
    const summary = element.querySelector('.nhsuk-error-summary');
    expect(text(summary)).toContain('Too many attempts. Try again in 10 minutes.');
    expect(summary?.querySelector('a')).toBeNull();
  });

  it('signs in, keeps the session and goes to the return address', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const { fill, submit, fixture } = await render('/n/north-spinal/members');
    await fill('email', 'sam@example.org');
    await fill('password', 'correct horse battery');
    await submit();
    http.expectOne('/api/auth/login').flush(SESSION);
    await fixture.whenStable();
    expect(TestBed.inject(SessionService).user()?.displayName).toBe('Sam Patel');
    expect(navigate).toHaveBeenCalledWith('/n/north-spinal/members');
  });

  it('never returns to another site', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const { fill, submit, fixture } = await render('https://evil.example/');
    await fill('email', 'sam@example.org');
    await fill('password', 'correct horse battery');
    await submit();
    http.expectOne('/api/auth/login').flush(SESSION);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
