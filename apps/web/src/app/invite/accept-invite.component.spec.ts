import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { InvitePreviewDto, SessionResponse } from '@plexus/contracts';
import { SessionService } from '../core/session.service';
import { AcceptInviteComponent } from './accept-invite.component';

const INVITE_URL = '/api/invites/north-spinal/tok_abcdefghijklmnopqrstuvwxyz';

const PREVIEW: InvitePreviewDto = {
  networkName: 'North Spinal Network',
  networkSlug: 'north-spinal',
  email: 'sam.patel@example.org',
  displayName: 'Sam Patel',
  role: 'lead',
  expiresAt: '2030-01-08T10:00:00Z',
};

function session(email: string): SessionResponse {
  return {
    user: { id: 'u1', email, displayName: 'Someone', isOperator: false },
    memberships: [{ networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role: 'lead', organisationId: null }],
    csrfToken: 'token',
  };
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('AcceptInviteComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  /** Renders the page for the invite, answering the session check as `signedInAs` (null: signed out). */
  async function render(signedInAs: string | null) {
    const fixture = TestBed.createComponent(AcceptInviteComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('token', 'tok_abcdefghijklmnopqrstuvwxyz');
    fixture.detectChanges();
    const sessionRequest = http.expectOne('/api/auth/session');
    if (signedInAs) sessionRequest.flush(session(signedInAs));
    else
      sessionRequest.flush({ statusCode: 401, code: 'unauthenticated', message: 'Sign in to continue' }, { status: 401, statusText: 'Unauthorized' });
    http.expectOne(INVITE_URL).flush(PREVIEW);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const fill = async (id: string, value: string) => {
      const input = element.querySelector(`#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async (index = 0) => {
      element.querySelectorAll('form')[index].dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, element, fill, submit };
  }

  it('offers a signed-out visitor both ways, without knowing whether the email has an account', async () => {
    const { element } = await render(null);
    expect(text(element.querySelector('h1'))).toBe('Join North Spinal Network');
    const signIn = element.querySelector('#sign-in-to-accept') as HTMLAnchorElement;
    expect(text(signIn)).toBe('Sign in to accept');
    // The sign-in page brings the person back to this invite.
    expect(decodeURIComponent(signIn.getAttribute('href') ?? '')).toBe('/sign-in?returnUrl=/invite/north-spinal/tok_abcdefghijklmnopqrstuvwxyz');
    expect(text(element.querySelector('label[for="displayName"]'))).toBe('Your name');
    expect(text(element.querySelector('label[for="password"]'))).toBe('Create a password');
    expect(text(element.querySelector('form button[type="submit"]'))).toBe('Create account and join');
    expect(element.querySelector('.nhsuk-error-summary')).toBeNull();
    expect(element.querySelector('#displayName')!.getAttribute('aria-describedby')).toBe('displayName-hint');
    expect(element.querySelector('#password')!.getAttribute('aria-describedby')).toBe('password-hint');
    expect(element.querySelector('#password')!.hasAttribute('aria-invalid')).toBe(false);
  });

  it('checks the new account’s name and password before calling the API, then creates it and signs in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { element, fill, submit, fixture } = await render(null);
    await fill('displayName', '');
    await fill('password', 'short');
    await submit();
    http.expectNone(`${INVITE_URL}/accept`);
    expect(text(element.querySelector('#displayName-error'))).toBe('Error: Enter your name');
    expect(text(element.querySelector('#password-error'))).toBe('Error: Choose a password of at least 12 characters');
    // The summary takes focus and links to each field; each field names its hint, then its message.
    const summary = element.querySelector('.nhsuk-error-summary');
    expect(document.activeElement).toBe(summary);
    expect(Array.from(summary!.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual(['#displayName', '#password']);
    for (const id of ['displayName', 'password']) {
      const input = element.querySelector(`#${id}`)!;
      expect(input.getAttribute('aria-describedby')).toBe(`${id}-hint ${id}-error`);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.classList).toContain('nhsuk-input--error');
      expect(input.closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
    }

    await fill('displayName', 'Sam Patel');
    await fill('password', 'a long enough password');
    await submit();
    const request = http.expectOne({ method: 'POST', url: `${INVITE_URL}/accept` });
    expect(request.request.body).toEqual({ displayName: 'Sam Patel', password: 'a long enough password' });
    request.flush(session('sam.patel@example.org'));
    await fixture.whenStable();
    expect(TestBed.inject(SessionService).user()?.email).toBe('sam.patel@example.org');
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal']);
  });

  it('asks the person to sign in when the API says the email already has an account', async () => {
    const { element, fill, submit, fixture } = await render(null);
    await fill('password', 'a long enough password');
    await submit();
    http.expectOne(`${INVITE_URL}/accept`).flush(
      {
        statusCode: 401,
        code: 'sign_in_required',
        message: 'There is already a Plexus account for sam.patel@example.org. Sign in to it first, then accept the invite.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Sign in to it first, then accept the invite.');
    expect(element.querySelector('.nhsuk-error-summary a')).toBeNull();
    expect(document.activeElement).toBe(element.querySelector('.nhsuk-error-summary'));
    // The new-account form is gone; signing in is the way on.
    expect(element.querySelector('#password')).toBeNull();
    expect(element.querySelector('#sign-in-to-accept')).not.toBeNull();
  });

  it('lets the invited person, once signed in, accept with one button and no password', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { element, submit, fixture } = await render('Sam.Patel@example.org');
    expect(element.querySelector('#password')).toBeNull();
    expect(text(element.querySelector('form button[type="submit"]'))).toBe('Accept invite');
    await submit();
    const request = http.expectOne({ method: 'POST', url: `${INVITE_URL}/accept` });
    expect(request.request.body).toEqual({});
    request.flush(session('sam.patel@example.org'));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal']);
  });

  it('asks someone signed in as another person to sign out first', async () => {
    const { element, fixture } = await render('alex.morgan@example.org');
    expect(text(element.querySelector('.nhsuk-inset-text'))).toContain(
      'You are signed in as alex.morgan@example.org, but this invite is for sam.patel@example.org.',
    );
    expect(element.querySelector('form')).toBeNull();
    (element.querySelector('button.nhsuk-button--secondary') as HTMLButtonElement).click();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(element.querySelector('#sign-in-to-accept')).not.toBeNull();
    expect(element.querySelector('#displayName')).not.toBeNull();
  });

  it('says the link cannot be used when it is gone', async () => {
    const fixture = TestBed.createComponent(AcceptInviteComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('token', 'tok_abcdefghijklmnopqrstuvwxyz');
    fixture.detectChanges();
    http
      .expectOne('/api/auth/session')
      .flush({ statusCode: 401, code: 'unauthenticated', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    http.expectOne(INVITE_URL).flush({ statusCode: 410, code: 'gone', message: 'This invite has expired.' }, { status: 410, statusText: 'Gone' });
    await fixture.whenStable();
    expect(text((fixture.nativeElement as HTMLElement).querySelector('h1'))).toBe('This invite link is not valid or has expired');
  });
});
