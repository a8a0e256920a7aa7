import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { acceptInviteSchema, type InvitePreviewDto, PASSWORD_MIN_LENGTH, type SessionResponse } from '@plexus/contracts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@plexus/domain';
import { statusOf, toApiError } from '../core/api-error';
import { formatDate } from '../core/dates';
import { errorId, type FieldErrors, fieldErrorsFromApi, fieldErrorsFromIssues } from '../core/form-errors';
import { SessionService } from '../core/session.service';
import { ErrorSummaryComponent } from '../ui/error-summary.component';
import { FieldErrorComponent } from '../ui/field-error.component';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';

function inviteUrl(network: string, token: string): string {
  return `/api/invites/${encodeURIComponent(network)}/${encodeURIComponent(token)}`;
}

@Component({
  selector: 'plx-accept-invite',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummaryComponent, FieldErrorComponent, LoadErrorComponent, LoadingComponent],
  templateUrl: './accept-invite.component.html',
})
export class AcceptInviteComponent {
  readonly network = input.required<string>();
  readonly token = input.required<string>();

  readonly #http = inject(HttpClient);
  readonly #router = inject(Router);
  readonly #session = inject(SessionService);

  protected readonly preview = httpResource<InvitePreviewDto>(() => inviteUrl(this.network(), this.token()));
  /** 404 and 410 (and a link that has just been used) all mean the link cannot be used. */
  protected readonly invalid = computed(() => {
    const error = this.preview.error();
    return !!error && [404, 410].includes(statusOf(error));
  });

  protected readonly displayName = signal<string | null>(null);
  protected readonly password = signal('');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly attempt = signal(0);
  protected readonly submitting = signal(false);
  protected readonly linkUsedUp = signal(false);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleDescriptions = ROLE_DESCRIPTIONS;
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly formatDate = formatDate;
  protected readonly errorId = errorId;

  protected nameValue(preview: InvitePreviewDto): string {
    return this.displayName() ?? preview.displayName;
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected accept(event: Event, preview: InvitePreviewDto): void {
    event.preventDefault();
    if (this.submitting()) return;
    const displayName = this.nameValue(preview);
    if (preview.existingAccount) {
      // The account exists: only its password is asked for (any length: it was set elsewhere).
      if (!this.password()) {
        this.fail({ password: 'Enter the password of your Plexus account' });
        return;
      }
      this.send({ displayName: displayName || preview.displayName, password: this.password() });
      return;
    }
    const parsed = acceptInviteSchema.safeParse({ displayName, password: this.password() });
    if (!parsed.success) {
      this.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.send(parsed.data);
  }

  private send(body: { displayName: string; password: string }): void {
    this.submitting.set(true);
    this.#http.post<SessionResponse>(`${inviteUrl(this.network(), this.token())}/accept`, body).subscribe({
      next: (session) => {
        this.submitting.set(false);
        this.#session.set(session);
        void this.#router.navigate(['/n', this.network()]);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const apiError = toApiError(error);
        if (apiError.statusCode === 401) {
          this.fail({ password: 'The password is not right for this account' });
        } else if (apiError.statusCode === 404 || apiError.statusCode === 410) {
          this.linkUsedUp.set(true);
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
