import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH, passwordResetConfirmSchema } from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { SessionService } from '../core/session.service';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';

/** Where the sign-in page says what happened. */
export const PASSWORD_CHANGED = 'Your password has been changed and you have been signed out everywhere. Sign in with your new password.';

/**
 * The emailed link's page: choose a new password (typed twice). A link that is not valid, used or expired says so
 * and offers a new one; a new password signs the account out everywhere, so the page goes on to sign-in.
 */
@Component({
  selector: 'plx-reset-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI],
  providers: [FormErrors],
  templateUrl: './reset-password.component.html',
})
export class ResetPasswordComponent {
  /** From the route: the emailed link's token. */
  readonly token = input.required<string>();

  readonly #http = inject(HttpClient);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #session = inject(SessionService);

  protected readonly password = signal('');
  protected readonly confirm = signal('');
  protected readonly errors = inject(FormErrors);
  protected readonly submitting = signal(false);
  /** The API's reason the link cannot be used (not valid, used, expired). */
  protected readonly linkProblem = signal<string | null>(null);
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly text = controlValue;

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.submitting()) return;
    const parsed = passwordResetConfirmSchema.safeParse({ token: this.token(), password: this.password() });
    if (!parsed.success) {
      const errors = fieldErrorsFromIssues(parsed.error.issues);
      if (errors['token']) {
        this.linkProblem.set(errors['token']);
        return;
      }
      this.errors.fail(errors);
      return;
    }
    if (this.confirm() !== this.password()) {
      this.errors.fail({ confirm: 'The two passwords are not the same' });
      return;
    }
    this.submitting.set(true);
    this.#http.post('/api/auth/password-reset/confirm', parsed.data).subscribe({
      next: () => {
        this.submitting.set(false);
        this.#session.clear();
        this.#flash.set(PASSWORD_CHANGED);
        void this.#router.navigate(['/sign-in']);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const apiError = toApiError(error);
        if (apiError.statusCode === 410) this.linkProblem.set(apiError.message);
        else if (apiError.statusCode === 429) this.errors.failWith(apiError.message);
        else this.errors.failFromServer(apiError);
      },
    });
  }
}
