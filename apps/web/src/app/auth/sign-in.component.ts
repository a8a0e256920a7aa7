import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { loginRequestSchema } from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { FlashService } from '../core/flash.service';
import { safeReturnUrl } from '../core/return-url';
import { SessionService } from '../core/session.service';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { SuccessBannerComponent } from '../ui/success-banner.component';

@Component({
  selector: 'plx-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_ERROR_UI, RouterLink, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './sign-in.component.html',
})
export class SignInComponent {
  /** From the query string: where to go after signing in. */
  readonly returnUrl = input<string | undefined>();

  readonly #session = inject(SessionService);
  readonly #router = inject(Router);

  /** A confirmation carried here (a new password chosen). */
  protected readonly flash = inject(FlashService).take();
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly errors = inject(FormErrors);
  protected readonly submitting = signal(false);

  protected readonly text = controlValue;

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.submitting()) return;
    const parsed = loginRequestSchema.safeParse({ email: this.email().trim(), password: this.password() });
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.submitting.set(true);
    this.#session.signIn(parsed.data).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.#router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const apiError = toApiError(error);
        if (apiError.statusCode === 401) {
          this.errors.fail({ password: 'Email or password is not right' });
        } else if (apiError.statusCode === 429) {
          this.errors.failWith(apiError.message);
        } else {
          this.errors.failFromServer(apiError);
        }
      },
    });
  }
}
