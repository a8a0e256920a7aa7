import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { FlashService } from '../core/flash.service';
import { PASSWORD_CHANGED, ResetPasswordComponent } from './reset-password.component';

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789_-AB';
const URL = '/api/auth/password-reset/confirm';

describe('ResetPasswordComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(token = TOKEN) {
    const fixture = TestBed.createComponent(ResetPasswordComponent);
    fixture.componentRef.setInput('token', token);
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

  it('asks for the new password twice, with its rule as the hint tied to the field', async () => {
    const { element } = await render();
    expect(text(element.querySelector('h1'))).toBe('Choose a new password');
    expect(text(element.querySelector('label[for="password"]'))).toBe('New password');
    expect(text(element.querySelector('label[for="confirm"]'))).toBe('Type the new password again');
    expect(text(element.querySelector('#password-hint'))).toContain('At least 12 characters');
    expect(element.querySelector('#password')?.getAttribute('aria-describedby')).toContain('password-hint');
    expect(element.querySelector('#password')?.getAttribute('autocomplete')).toBe('new-password');
  });

  it('checks the password rules and that the two match before calling the API', async () => {
    const { element, fill, submit } = await render();
    await fill('password', 'short');
    await submit();
    http.expectNone(URL);
    expect(text(element.querySelector('#password-error'))).toBe('Error: Choose a password of at least 12 characters');
    await fill('password', 'a long enough passphrase');
    await fill('confirm', 'a different passphrase');
    await submit();
    http.expectNone(URL);
    expect(text(element.querySelector('#confirm-error'))).toBe('Error: The two passwords are not the same');
  });

  it('sets the password, then goes to sign in with a confirmation', async () => {
    const { fill, submit, fixture } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await fill('password', 'a long enough passphrase');
    await fill('confirm', 'a long enough passphrase');
    await submit();
    const request = http.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({ token: TOKEN, password: 'a long enough passphrase' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/sign-in']);
    expect(TestBed.inject(FlashService).take()).toBe(PASSWORD_CHANGED);
  });

  it('says why a used, expired or tampered link cannot be used, and offers a new one', async () => {
    const { element, fill, submit, fixture } = await render();
    await fill('password', 'a long enough passphrase');
    await fill('confirm', 'a long enough passphrase');
    await submit();
    const message = 'This link has already been used. If you still need to choose a new password, ask for a new link.';
    http.expectOne({ method: 'POST', url: URL }).flush({ statusCode: 410, code: 'gone', message }, { status: 410, statusText: 'Gone' });
    await fixture.whenStable();
    expect(text(element.querySelector('h1'))).toBe('This link cannot be used');
    expect(text(element.querySelector('#link-problem'))).toBe(message);
    expect(element.querySelector('a.nhsuk-button')?.getAttribute('href')).toBe('/forgot-password');
    expect(element.querySelector('form')).toBeNull();
  });

  it('says so without calling the API when the link was not copied in full', async () => {
    const { element, fill, submit } = await render('short');
    await fill('password', 'a long enough passphrase');
    await fill('confirm', 'a long enough passphrase');
    await submit();
    http.expectNone(URL);
    expect(text(element.querySelector('#link-problem'))).toBe('The link is not complete: open it again from the email');
  });
});
