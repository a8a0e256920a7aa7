import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { sessionExpiredInterceptor } from './auth.interceptor';
import { SessionService } from './session.service';

describe('sessionExpiredInterceptor', () => {
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', children: [] }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/n/north/members');
    navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    TestBed.inject(SessionService).set({
      user: { id: 'u1', email: 'sam@example.org', displayName: 'Sam', isOperator: false },
      memberships: [],
      csrfToken: 't',
    });
  });
  afterEach(() => http.verify());

  function call(url: string) {
    const result = firstValueFrom(TestBed.inject(HttpClient).get(url)).catch((error: unknown) => error);
    http.expectOne(url).flush({ statusCode: 401, code: 'unauthenticated', message: 'Sign in' }, { status: 401, statusText: 'Unauthorized' });
    return result;
  }

  it('on a 401 from the API, forgets the session and asks to sign in, coming back afterwards', async () => {
    const error = await call('/api/networks/north/members');
    expect(error).toMatchObject({ status: 401 });
    expect(TestBed.inject(SessionService).signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/n/north/members' } });
  });

  it('leaves 401s that answer the page itself (sign-in, invites) to the page', async () => {
    await call('/api/auth/login');
    await call('/api/invites/north/abc/accept');
    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(SessionService).signedIn()).toBe(true);
  });
});
