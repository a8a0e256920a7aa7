import { httpResource } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReportDocumentDto, SessionMembership } from '@plexus/contracts';
import { can } from '@plexus/domain';
import type { Subscription } from 'rxjs';
import { toApiError } from '../core/api-error';
import { formatDate, formatDateTime } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { libraryUrl, ReportsApi } from './reports.api';
import { POLL_INTERVAL_MS, reportFileFacts, reportKindLabel, reportStatusView, shouldPoll, statusAnnouncements } from './report-status';

/**
 * The network's document library, newest first. While a document is queued or rendering it looks
 * again every 2 seconds, and says in a live region when one is ready or has failed.
 */
@Component({
  selector: 'plx-report-library',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './report-library.component.html',
  styleUrl: './report-library.component.css',
})
export class ReportLibraryComponent {
  /** Route parameter: the network's slug. */
  readonly network = input.required<string>();
  /** Resolved: the signed-in person's membership of this network. */
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(ReportsApi);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  /** "Show withdrawn documents": withdrawn ones are kept but not offered by default. */
  protected readonly showWithdrawn = signal(false);
  /** The first load (and "Try again" after a failed one); loaded again when the toggle changes. */
  protected readonly library = httpResource<ReportDocumentDto[]>(() => libraryUrl(this.network(), this.showWithdrawn()));
  /** What is on screen: the loaded list, then kept up to date by polling and retries. */
  protected readonly documents = linkedSignal<ReportDocumentDto[] | null>(() => (this.library.hasValue() ? this.library.value() : null));

  protected readonly flash = inject(FlashService).take();
  protected readonly canGenerate = computed(() => can(this.membership().role, 'reports.generate'));
  protected readonly errors = inject(FormErrors);
  protected readonly retrying = signal<string | null>(null);
  /** The document whose withdrawal is being confirmed, and the reason typed so far. */
  protected readonly withdrawing = signal<ReportDocumentDto | null>(null);
  protected readonly withdrawReason = signal('');
  protected readonly withdrawBusy = signal(false);
  /** Said in a banner after a withdrawal. */
  protected readonly banner = signal<string | null>(null);
  /** Read by screen readers when it changes: documents that became ready or failed. */
  protected readonly announcement = signal('');
  /** A look that failed: said once, and the next look is tried all the same. */
  protected readonly pollProblem = signal<string | null>(null);
  /** Bumped after a failed look so that polling goes on. */
  readonly #pollAttempt = signal(0);

  protected readonly statusView = reportStatusView;
  protected readonly kindLabel = reportKindLabel;
  protected readonly fileFacts = reportFileFacts;
  protected readonly formatDateTime = formatDateTime;
  protected readonly formatDate = formatDate;

  constructor() {
    // Poll only while something is being made; the timer and any request in flight end with the page.
    effect((onCleanup) => {
      const docs = this.documents();
      this.#pollAttempt();
      if (!shouldPoll(docs)) return;
      let request: Subscription | undefined;
      const timer = setTimeout(() => {
        request = this.#api.list(this.network(), untracked(this.showWithdrawn)).subscribe({
          next: (latest) => untracked(() => this.adopt(latest)),
          error: (error: unknown) =>
            untracked(() => {
              this.pollProblem.set(`We could not check for changes: ${toApiError(error).message} We will keep trying.`);
              this.#pollAttempt.update((n) => n + 1);
            }),
        });
      }, POLL_INTERVAL_MS);
      onCleanup(() => {
        clearTimeout(timer);
        request?.unsubscribe();
      });
    });
  }

  /** Takes a fresh list, announcing what changed. */
  private adopt(latest: ReportDocumentDto[]): void {
    const before = this.documents() ?? [];
    this.pollProblem.set(null);
    const messages = statusAnnouncements(before, latest);
    this.documents.set(latest);
    if (messages.length) this.announcement.set(`${messages.join('. ')}.`);
  }

  protected retry(doc: ReportDocumentDto): void {
    if (this.retrying()) return;
    this.retrying.set(doc.id);
    this.errors.set({});
    this.#api.retry(this.network(), doc.id).subscribe({
      next: (queued) => {
        this.retrying.set(null);
        this.documents.update((docs) => docs && docs.map((d) => (d.id === queued.id ? queued : d)));
        this.announcement.set(`${queued.title} is queued again.`);
        // The button has gone with the failure: keep the keyboard in the row.
        afterNextRender(() => moveFocusTo(this.#document.getElementById(`report-${queued.id}-title`)), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.retrying.set(null);
        const apiError = toApiError(error);
        if (apiError.statusCode === 409) {
          // Someone else already tried again (or it is no longer failed): show where it is now.
          this.errors.failWith(`${doc.title} is no longer failed, so it was not tried again. The list below shows where it is now.`);
          this.refresh();
          return;
        }
        this.errors.failWith(apiError.message);
      },
    });
  }

  protected toggleWithdrawn(event: Event): void {
    this.showWithdrawn.set((event.target as HTMLInputElement).checked);
  }

  protected startWithdraw(doc: ReportDocumentDto): void {
    this.errors.clear();
    this.banner.set(null);
    this.withdrawReason.set('');
    this.withdrawing.set(doc);
    afterNextRender(() => moveFocusTo(this.#document.getElementById('withdraw-heading')), { injector: this.#injector });
  }

  protected cancelWithdraw(): void {
    const doc = this.withdrawing();
    this.withdrawing.set(null);
    this.errors.clear();
    if (doc) afterNextRender(() => moveFocusTo(this.#document.getElementById(`withdraw-${doc.id}`)), { injector: this.#injector });
  }

  protected reasonInput(event: Event): void {
    this.withdrawReason.set((event.target as HTMLTextAreaElement).value);
  }

  /** Withdraws the document: a reason is required (checked here and by the API, which names the field). */
  protected confirmWithdraw(event?: Event): void {
    event?.preventDefault();
    const doc = this.withdrawing();
    if (!doc || this.withdrawBusy()) return;
    const reason = this.withdrawReason().trim();
    if (!reason) {
      this.errors.failField('reason', 'Say why the document is withdrawn');
      return;
    }
    this.withdrawBusy.set(true);
    this.#api.withdraw(this.network(), doc.id, { reason }).subscribe({
      next: (withdrawn) => {
        this.withdrawBusy.set(false);
        this.withdrawing.set(null);
        this.errors.clear();
        this.documents.update(
          (docs) =>
            docs && (this.showWithdrawn() ? docs.map((d) => (d.id === withdrawn.id ? withdrawn : d)) : docs.filter((d) => d.id !== withdrawn.id)),
        );
        this.banner.set(`${withdrawn.title} has been withdrawn. It is kept, and its emailed links no longer work.`);
      },
      error: (error: unknown) => {
        this.withdrawBusy.set(false);
        const apiError = toApiError(error);
        if (apiError.statusCode === 409) {
          this.withdrawing.set(null);
          this.errors.failWith(apiError.message);
          this.refresh();
          return;
        }
        this.errors.failFromServer(error);
      },
    });
  }

  private refresh(): void {
    this.#api.list(this.network(), this.showWithdrawn()).subscribe({
      next: (latest) => this.adopt(latest),
      error: () => this.library.reload(),
    });
  }
}
