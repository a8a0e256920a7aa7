import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { SessionService } from './session.service';

/** Calls whose 401 is an answer for the page, not a sign that the session has ended. */
const OWN_401 = [/^\/api\/auth\//, /^\/api\/invites\//];

/** A 401 from the API means the session has ended: forget it and ask the person to sign in again. */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const session = inject(SessionService);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        request.url.startsWith('/api/') &&
        !OWN_401.some((pattern) => pattern.test(request.url))
      ) {
        session.clear();
        const returnUrl = router.url;
        if (!returnUrl.startsWith('/sign-in')) {
          void router.navigate(['/sign-in'], { queryParams: { returnUrl } });
        }
      }
      return throwError(() => error);
    }),
  );
};
