import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  acceptInviteNewAccountSchema,
  type AcceptInviteRequest,
  type InvitePreviewDto,
  PASSWORD_MIN_LENGTH,
  type SessionResponse,
} from '@plexus/contracts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@plexus/domain';
import { statusOf, toApiError } from '../core/api-error';
import { formatDate } from '../core/dates';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { SessionService } from '../core/session.service';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';

function inviteUrl(network: string, token: string): string {
  return `/api/invites/${encodeURIComponent(network)}/${encodeURIComponent(token)}`;
}

/** Who is looking at the invite: decides which way of accepting the page offers. */
export type InviteViewer = 'checking' | 'anonymous' | 'invitee' | 'someone-else';

/**
 * The invite link's page. The API does not say whether the invited email already has an account, so a
 * visitor who is signed out is offered both ways: create an account (name and password), or sign in to an
 * existing one and come back here (`returnUrl`) to accept with one button. Someone signed in as another
 * person is asked to sign out first.
 */
@Component({
  selector: 'plx-accept-invite',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
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

  readonly #sessionChecked = signal(false);
  protected readonly signedInEmail = computed(() => this.#session.user()?.email ?? null);
  protected readonly viewer = computed<InviteViewer>(() => {
    if (!this.#sessionChecked()) return 'checking';
    const email = this.signedInEmail();
    const invite = this.preview.hasValue() ? this.preview.value() : null;
    if (!email) return 'anonymous';
    return invite && invite.email.toLowerCase() === email.toLowerCase() ? 'invitee' : 'someone-else';
  });

  protected readonly displayName = signal<string | null>(null);
  protected readonly password = signal('');
  protected readonly errors = inject(FormErrors);
  protected readonly submitting = signal(false);
  protected readonly linkUsedUp = signal(false);
  /** The API said the email already has an account: only signing in can accept. */
  protected readonly accountExists = signal(false);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleDescriptions = ROLE_DESCRIPTIONS;
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly formatDate = formatDate;
  protected readonly text = controlValue;

  constructor() {
    // The page is public: whether someone is signed in (and as whom) decides what it offers.
    this.#session.ensureLoaded().then(
      () => this.#sessionChecked.set(true),
      () => this.#sessionChecked.set(true),
    );
  }

  /** Where the sign-in page sends the person back to: this invite. */
  protected returnUrl(): string {
    return `/invite/${encodeURIComponent(this.network())}/${encodeURIComponent(this.token())}`;
  }

  protected nameValue(preview: InvitePreviewDto): string {
    return this.displayName() ?? preview.displayName;
  }

  /** Signed out: create the account with a name and password. */
  protected createAccount(event: Event, preview: InvitePreviewDto): void {
    event.preventDefault();
    if (this.submitting()) return;
    const parsed = acceptInviteNewAccountSchema.safeParse({ displayName: this.nameValue(preview), password: this.password() });
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.send(parsed.data);
  }

  /** Signed in as the invited person: accept with one button (the session is the proof). */
  protected acceptSignedIn(event: Event): void {
    event.preventDefault();
    if (this.submitting()) return;
    this.send({});
  }

  protected async signOut(): Promise<void> {
    this.errors.clear();
    await this.#session.signOut().catch(() => undefined);
  }

  private send(body: AcceptInviteRequest): void {
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
        if (apiError.code === 'sign_in_required') {
          this.accountExists.set(true);
          this.errors.failWith(apiError.message);
        } else if (apiError.statusCode === 404 || apiError.statusCode === 410) {
          this.linkUsedUp.set(true);
        } else {
          this.errors.failFromServer(apiError);
        }
      },
    });
  }
}
