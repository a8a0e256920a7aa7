import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { loginRequestSchema } from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { errorId, type FieldErrors, fieldErrorsFromApi, fieldErrorsFromIssues, FORM_ERROR } from '../core/form-errors';
import { safeReturnUrl } from '../core/return-url';
import { SessionService } from '../core/session.service';
import { ErrorSummaryComponent } from '../ui/error-summary.component';
import { FieldErrorComponent } from '../ui/field-error.component';

@Component({
  selector: 'plx-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummaryComponent, FieldErrorComponent],
  templateUrl: './sign-in.component.html',
})
export class SignInComponent {
  /** From the query string: where to go after signing in. */
  readonly returnUrl = input<string | undefined>();

  readonly #session = inject(SessionService);
  readonly #router = inject(Router);

  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly attempt = signal(0);
  protected readonly submitting = signal(false);
  protected readonly errorId = errorId;

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.submitting()) return;
    const parsed = loginRequestSchema.safeParse({ email: this.email().trim(), password: this.password() });
    if (!parsed.success) {
      this.fail(fieldErrorsFromIssues(parsed.error.issues));
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
          this.fail({ password: 'Email or password is not right' });
        } else if (apiError.statusCode === 429) {
          this.fail({ [FORM_ERROR]: apiError.message });
        } else {
          this.fail(fieldErrorsFromApi(apiError));
        }
      },
    });
  }

  private fail(errors: FieldErrors): void {
    this.errors.set(errors);
    this.attempt.update((n) => n + 1);
  }
}
