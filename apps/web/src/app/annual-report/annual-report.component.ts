import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  ANNUAL_REPORT_TEXT_MAX,
  updateAnnualReportDraftSchema,
  type AnnualReportDraftDto,
  type SessionMembership,
  type WorkPlanSummaryDto,
} from '@plexus/contracts';
import { formatDate, formatDateTime } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { plansUrl } from '../reports/reports.api';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { AnnualReportApi, annualReportUrl } from './annual-report.api';

export type NarrativeField = 'chairForeword' | 'highlights' | 'priorities';

interface Form {
  planId: string;
  chairForeword: string;
  highlights: string;
  priorities: string;
}

const formOf = (d: AnnualReportDraftDto): Form => ({
  planId: d.planId ?? '',
  chairForeword: d.chairForeword,
  highlights: d.highlights,
  priorities: d.priorities,
});

/** The sections a manager writes, in the order the report prints them, with what each is for. */
export const NARRATIVE_FIELDS: ReadonlyArray<{ field: NarrativeField; label: string; hint: string }> = [
  { field: 'chairForeword', label: 'Foreword from the chair', hint: 'Opens the report, on its own page. Leave it empty to leave it out.' },
  { field: 'highlights', label: 'Highlights of the year', hint: 'What the network is proudest of. Follows the page about the network.' },
  { field: 'priorities', label: 'Priorities for next year', hint: 'Comes after peer review, before what carries forward into next year.' },
];

/**
 * Writing a year's annual report: the plan it tells of, and the foreword, highlights and priorities, saved as a draft
 * (with the version read, so two managers never overwrite each other); then the PDF is generated from what is saved.
 * Blank lines separate paragraphs.
 */
@Component({
  selector: 'plx-annual-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './annual-report.component.html',
  styles: `
    .plx-preview {
      width: 100%;
      height: 80vh;
      border: 1px solid #d8dde0;
      background: #fff;
    }
  `,
})
export class AnnualReportComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly annualReportId = input.required<string>();

  readonly #api = inject(AnnualReportApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #sanitizer = inject(DomSanitizer);

  protected readonly resource = httpResource<AnnualReportDraftDto>(() => annualReportUrl(this.network(), this.annualReportId()));
  protected readonly plans = httpResource<WorkPlanSummaryDto[]>(() => plansUrl(this.network()));
  /** The draft as last saved (as loaded, then as each save answers). */
  protected readonly draft = linkedSignal<AnnualReportDraftDto | null>(() => (this.resource.hasValue() ? this.resource.value() : null));
  protected readonly form = linkedSignal<Form | null>(() => {
    const d = this.draft();
    return d ? formOf(d) : null;
  });
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal<'save' | 'preview' | 'generate' | null>(null);
  protected readonly saved = signal<string | null>(null);
  /** The preview frame's address while it is shown (our own API's page for this draft), else null. */
  protected readonly previewUrl = signal<SafeResourceUrl | null>(null);

  protected readonly fields = NARRATIVE_FIELDS;
  protected readonly max = ANNUAL_REPORT_TEXT_MAX;
  protected readonly formatDateTime = formatDateTime;
  protected readonly unsaved = computed(() => {
    const d = this.draft();
    const f = this.form();
    return !!d && !!f && JSON.stringify(formOf(d)) !== JSON.stringify(f);
  });
  protected readonly planChoices = computed(() => (this.plans.hasValue() ? this.plans.value() : []));

  protected planLabel(plan: WorkPlanSummaryDto): string {
    return `${plan.title} (${formatDate(plan.periodStart)} to ${formatDate(plan.periodEnd)}${plan.status === 'approved' ? ', approved' : ', draft'})`;
  }

  protected set(field: keyof Form, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    this.form.update((f) => f && { ...f, [field]: value });
    this.saved.set(null);
  }

  protected save(event?: Event): void {
    event?.preventDefault();
    this.persist('save', () => {
      this.saved.set('Saved. The PDF uses what is saved when it is generated.');
    });
  }

  /** Saves, then shows the pages as they would be generated (a worker draws them with the PDF's templates). */
  protected preview(): void {
    this.persist('preview', (draft) => {
      this.busy.set(null);
      this.previewUrl.set(null);
      // Our own API's page for this draft: an address built from the route's ids, framed in a sandbox.
      queueMicrotask(() =>
        this.previewUrl.set(this.#sanitizer.bypassSecurityTrustResourceUrl(`${annualReportUrl(this.network(), draft.id)}/preview`)),
      );
    });
  }

  protected generate(): void {
    this.persist('generate', (draft) => {
      this.#api.generate(this.network(), draft.fy).subscribe({
        next: (doc) => {
          this.busy.set(null);
          this.#flash.set(`“${doc.title}” is being generated. It will be in the list below in a moment.`);
          void this.#router.navigate(['/n', this.network(), 'reports']);
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.errors.failFromServer(error);
        },
      });
    });
  }

  /** Saves the form (a no-op when nothing changed), then carries on with the draft as saved. */
  private persist(kind: 'save' | 'preview' | 'generate', then: (draft: AnnualReportDraftDto) => void): void {
    const d = this.draft();
    const f = this.form();
    if (!d || !f || this.busy()) return;
    const body = { version: d.version, planId: f.planId || null, chairForeword: f.chairForeword, highlights: f.highlights, priorities: f.priorities };
    const checked = updateAnnualReportDraftSchema.safeParse(body);
    if (!checked.success) {
      this.errors.fail(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    this.busy.set(kind);
    this.errors.clear();
    if (!this.unsaved()) {
      if (kind === 'save') this.busy.set(null);
      then(d);
      return;
    }
    this.#api.save(this.network(), d.id, body).subscribe({
      next: (savedDraft) => {
        this.draft.set(savedDraft);
        if (kind === 'save') this.busy.set(null);
        then(savedDraft);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.errors.failFromServer(error);
      },
    });
  }
}
