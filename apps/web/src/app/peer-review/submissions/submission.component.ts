import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, effect, inject, Injector, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  requestMoreInformationSchema,
  SUBMISSION_FILE_ACCEPT,
  SUBMISSION_FILE_MAX_BYTES,
  type SessionMembership,
  type SubmissionDto,
} from '@plexus/contracts';
import { noticeStepLabel, SUBMISSION_FILE_KIND_LABELS } from '@plexus/domain';
import type { Subscription } from 'rxjs';
import { formatDateTime } from '../../core/dates';
import { moveFocusTo } from '../../core/focus';
import { fieldErrorsFromIssues } from '../../core/form-errors';
import { composePageTitle } from '../../core/page-title';
import { controlValue } from '../../ui/control-value';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { PeerReviewApi, submissionUrl } from '../peer-review.api';
import { dueText, formatBytes, formatDay, submissionStateTag } from '../peer-review-format';

/**
 * One document an organisation owes: its state and due date, what the network asked for, every uploaded version
 * (downloadable) and the reminders sent. The organisation's contributors (and managers) upload a version — its
 * progress shown as it goes, the file checked here for its size first and by the API for its content; managers
 * accept it or ask for more information with a reason (and, if they like, a new due date).
 */
@Component({
  selector: 'plx-submission',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './submission.component.html',
  styles: `
    .plx-upload-progress {
      margin-bottom: 16px;
    }
    .plx-upload-progress progress {
      display: block;
      width: 100%;
      max-width: 30rem;
      height: 1.25rem;
      margin-bottom: 4px;
    }
  `,
})
export class SubmissionComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();
  readonly submissionId = input.required<string>();

  readonly #api = inject(PeerReviewApi);
  readonly #title = inject(Title);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);
  #upload: Subscription | null = null;

  protected readonly submission = httpResource<SubmissionDto>(() => submissionUrl(this.network(), this.submissionId()));
  protected readonly loaded = computed(() => (this.submission.hasValue() ? this.submission.value() : null));
  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(null);
  protected readonly file = signal<File | null>(null);
  /** 0–100 while an upload is on its way; null otherwise. */
  protected readonly progress = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly asking = signal(false);
  protected readonly reason = signal('');
  protected readonly newDueDate = signal('');

  protected readonly accept = SUBMISSION_FILE_ACCEPT;
  protected readonly maxSize = formatBytes(SUBMISSION_FILE_MAX_BYTES);
  protected readonly kindLabels = SUBMISSION_FILE_KIND_LABELS;
  protected readonly formatDay = formatDay;
  protected readonly formatDateTime = formatDateTime;
  protected readonly formatBytes = formatBytes;
  protected readonly dueText = dueText;
  protected readonly stateTag = submissionStateTag;
  protected readonly chaserText = noticeStepLabel;
  protected readonly value = controlValue;

  constructor() {
    effect(() => {
      const s = this.loaded();
      if (s) this.#title.setTitle(composePageTitle(`${s.documentName} – ${s.organisation.name}`, this.membership().name));
    });
  }

  private succeed(message: string, updated: SubmissionDto): void {
    this.busy.set(false);
    this.progress.set(null);
    this.errors.set({});
    this.submission.set(updated);
    this.banner.set(null);
    afterNextRender(() => this.banner.set(message), { injector: this.#injector });
  }

  protected choose(event: Event): void {
    const chosen = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(chosen);
    this.errors.setField('file', chosen && chosen.size > SUBMISSION_FILE_MAX_BYTES ? `The file must be ${this.maxSize} or smaller` : null);
  }

  protected upload(event: Event, submission: SubmissionDto): void {
    event.preventDefault();
    if (this.busy()) return;
    const file = this.file();
    if (!file) return this.errors.failField('file', 'Choose a PDF, Word or Excel file to upload');
    if (file.size > SUBMISSION_FILE_MAX_BYTES) return this.errors.failField('file', `The file must be ${this.maxSize} or smaller`);
    this.busy.set(true);
    this.progress.set(0);
    this.#upload = this.#api.upload(this.network(), submission.id, file).subscribe({
      next: (step) => {
        if (step.kind === 'progress') this.progress.set(step.percent);
        else {
          this.file.set(null);
          this.succeed(
            `${file.name} has been uploaded as version ${step.submission.files[0]?.version ?? ''}. The network will review it.`,
            step.submission,
          );
        }
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.progress.set(null);
        this.errors.failFromServer(error, { unplaced: 'file' });
      },
    });
  }

  protected cancelUpload(): void {
    this.#upload?.unsubscribe();
    this.#upload = null;
    this.busy.set(false);
    this.progress.set(null);
  }

  protected acceptIt(submission: SubmissionDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.accept(this.network(), submission.id).subscribe({
      next: (updated) => this.succeed(`${submission.documentName} has been accepted.`, updated),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }

  protected startAsking(): void {
    this.asking.set(true);
    afterNextRender(() => moveFocusTo(this.#document.getElementById('reason')), { injector: this.#injector });
  }

  protected cancelAsking(): void {
    this.asking.set(false);
    this.errors.set({});
    afterNextRender(() => moveFocusTo(this.#document.getElementById('ask-more')), { injector: this.#injector });
  }

  protected askMore(event: Event, submission: SubmissionDto): void {
    event.preventDefault();
    if (this.busy()) return;
    const parsed = requestMoreInformationSchema.safeParse({ reason: this.reason(), dueDate: this.newDueDate().trim() || null });
    if (!parsed.success) return this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
    this.busy.set(true);
    this.#api.requestInformation(this.network(), submission.id, parsed.data).subscribe({
      next: (updated) => {
        this.asking.set(false);
        this.reason.set('');
        this.newDueDate.set('');
        this.succeed(`${submission.organisation.name} has been asked for more information.`, updated);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}
