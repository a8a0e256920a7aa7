import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { passwordResetRequestSchema, type PasswordResetRequestedDto } from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';

/**
 * "Forgot your password?": asks for the email address and shows the API's answer, which is the same whether or not
 * the address has an account (so the page says nothing about who uses Plexus either).
 */
@Component({
  selector: 'plx-forgot-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI],
  providers: [FormErrors],
  templateUrl: './forgot-password.component.html',
})
export class ForgotPasswordComponent {
  readonly #http = inject(HttpClient);

  protected readonly email = signal('');
  protected readonly errors = inject(FormErrors);
  protected readonly submitting = signal(false);
  /** The API's answer, once asked: the page then shows it instead of the form. */
  protected readonly sent = signal<string | null>(null);
  protected readonly text = controlValue;

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.submitting()) return;
    const parsed = passwordResetRequestSchema.safeParse({ email: this.email().trim() });
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.submitting.set(true);
    this.#http.post<PasswordResetRequestedDto>('/api/auth/password-reset', parsed.data).subscribe({
      next: (answer) => {
        this.submitting.set(false);
        this.errors.clear();
        this.sent.set(answer.message);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const apiError = toApiError(error);
        if (apiError.statusCode === 429) this.errors.failWith(apiError.message);
        else this.errors.failFromServer(apiError);
      },
    });
  }

  /** Another address (or the same again): back to the form. */
  protected again(): void {
    this.sent.set(null);
  }
}
