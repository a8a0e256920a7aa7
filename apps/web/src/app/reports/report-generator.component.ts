import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReportDocumentDto, RequestReportRequest } from '@plexus/contracts';
import type { Subscription } from 'rxjs';
import { toApiError } from '../core/api-error';
import { isInProgress, POLL_INTERVAL_MS, reportFileFacts, reportStatusView } from './report-status';
import { ReportsApi } from './reports.api';

/**
 * A button that asks for one report (`request`) from the page it sits on — a review's peer review report, a cycle's
 * programme summary — then shows it being made (looking every 2 s, as the library does; said to screen readers when it
 * is ready or failed), links its PDF once ready, and offers to try again if it failed. The document is kept in the
 * network's library like every other.
 */
@Component({
  selector: 'plx-report-generator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="plx-report-generator" [id]="idPrefix()">
      <button
        class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2"
        type="button"
        [id]="idPrefix() + '-generate'"
        [attr.aria-disabled]="busy() || inProgress() ? true : null"
        [attr.aria-describedby]="hint() ? idPrefix() + '-hint' : null"
        (click)="generate()"
      >
        {{ label() }}
      </button>
      @if (hint()) {
        <p class="nhsuk-body-s plx-secondary-text" [id]="idPrefix() + '-hint'">{{ hint() }}</p>
      }
      @if (problem(); as message) {
        <p class="nhsuk-error-message" [id]="idPrefix() + '-error'"><span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}</p>
      }
      @if (doc(); as d) {
        @let view = statusView();
        <div class="nhsuk-body" [id]="idPrefix() + '-document'">
          <strong [class]="'nhsuk-tag ' + view.tagClass">{{ view.text }}</strong>
          {{ d.title }}
          @if (view.progress !== null) {
            <div class="plx-report-progress">
              <label class="nhsuk-u-visually-hidden" [for]="idPrefix() + '-progress'">Rendering progress of {{ d.title }}</label>
              <progress [id]="idPrefix() + '-progress'" max="100" [value]="view.progress">{{ view.progress }}%</progress>
            </div>
          }
          @if (d.status === 'ready' && d.downloadUrl) {
            <p class="nhsuk-body nhsuk-u-margin-top-2">
              <a [href]="d.downloadUrl" download type="application/pdf" [id]="idPrefix() + '-download'"
                >Download {{ d.title }} (PDF{{ facts() ? ', ' + facts() : '' }})</a
              >
            </p>
          }
          @if (d.status === 'failed') {
            <p class="nhsuk-body nhsuk-u-margin-top-2" [id]="idPrefix() + '-failure'">
              It could not be made: {{ d.failureReason || 'no reason was given' }}.
              @if (d.can.retry) {
                <button class="plx-link-button" type="button" [id]="idPrefix() + '-retry'" (click)="retry(d)">Try again</button>
              }
            </p>
          }
          <p class="nhsuk-body-s nhsuk-u-margin-top-2">
            It is kept with the network’s other reports: <a [routerLink]="['/n', network(), 'reports']">see every report</a>.
          </p>
        </div>
      }
      <p class="nhsuk-u-visually-hidden" role="status" aria-live="polite" [id]="idPrefix() + '-status'">{{ announcement() }}</p>
    </div>
  `,
  styles: `
    .plx-report-progress {
      margin-top: 8px;
    }
    .plx-report-progress progress {
      width: 100%;
      max-width: 12em;
      height: 1em;
      accent-color: #005eb8;
    }
  `,
})
export class ReportGeneratorComponent {
  readonly network = input.required<string>();
  /** What is asked for when the button is pressed. */
  readonly request = input.required<RequestReportRequest>();
  /** The button's words, like "Generate the peer review report (PDF)". */
  readonly label = input.required<string>();
  /** What the report holds, under the button (optional). */
  readonly hint = input<string>('');
  /** The start of every element id here (two generators on one page need two). */
  readonly idPrefix = input('report-generator');

  readonly #api = inject(ReportsApi);

  protected readonly doc = signal<ReportDocumentDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly announcement = signal('');
  readonly #pollAttempt = signal(0);

  protected readonly inProgress = computed(() => {
    const d = this.doc();
    return !!d && isInProgress(d);
  });
  protected readonly statusView = computed(() => reportStatusView(this.doc() ?? { status: 'queued', progress: 0 }));
  protected readonly facts = computed(() => {
    const d = this.doc();
    return d ? reportFileFacts(d) : '';
  });

  constructor() {
    // While the document is being made, look again every POLL_INTERVAL_MS (each answer starts the next wait); the
    // timer and any look in flight end with the page.
    effect((onCleanup) => {
      this.#pollAttempt();
      const d = this.doc();
      if (!d || !isInProgress(d)) return;
      const slug = this.network();
      let request: Subscription | undefined;
      const timer = setTimeout(() => {
        request = this.#api.get(slug, d.id).subscribe({
          next: (latest) => untracked(() => this.adopt(latest)),
          error: (error: unknown) =>
            untracked(() => {
              this.problem.set(`We could not check on the report: ${toApiError(error).message} We will keep trying.`);
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

  protected generate(): void {
    if (this.busy() || this.inProgress()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.#api.request(this.network(), this.request()).subscribe({
      next: (doc) => {
        this.busy.set(false);
        this.doc.set(doc);
        this.announcement.set(`${doc.title} is being made. This page shows when it is ready.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiError(error).message);
      },
    });
  }

  protected retry(doc: ReportDocumentDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.retry(this.network(), doc.id).subscribe({
      next: (again) => {
        this.busy.set(false);
        this.doc.set(again);
        this.announcement.set(`${again.title} is queued again.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiError(error).message);
      },
    });
  }

  /** Takes the document as it is now, saying when it became ready or could not be made. */
  private adopt(latest: ReportDocumentDto): void {
    const before = this.doc();
    this.problem.set(null);
    this.doc.set(latest);
    if (before && before.status !== latest.status) {
      if (latest.status === 'ready') this.announcement.set(`${latest.title} is ready to download.`);
      if (latest.status === 'failed') this.announcement.set(`${latest.title} could not be made: ${latest.failureReason ?? 'no reason was given'}.`);
    }
  }
}
