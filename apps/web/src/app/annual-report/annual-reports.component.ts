import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { createAnnualReportDraftSchema, type AnnualReportDraftDto, type SessionMembership } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { formatDateTime } from '../core/dates';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { AnnualReportApi, annualReportsUrl } from './annual-report.api';
import { lastCompleteFinancialYear, recentFinancialYears } from './financial-years';

/** The network's annual reports by year: open one to write it, or start the year's (managers, `reports.generate`). */
@Component({
  selector: 'plx-annual-reports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './annual-reports.component.html',
})
export class AnnualReportsComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(AnnualReportApi);
  readonly #router = inject(Router);

  protected readonly drafts = httpResource<AnnualReportDraftDto[]>(() => annualReportsUrl(this.network()));
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);
  protected readonly formatDateTime = formatDateTime;

  /** Years without a report yet, newest first. */
  protected readonly years = computed(() => {
    const taken = new Set(this.drafts.hasValue() ? this.drafts.value().map((d) => d.fy) : []);
    return recentFinancialYears(todayIso()).filter((fy) => !taken.has(fy));
  });
  protected readonly fy = linkedSignal(() => {
    const years = this.years();
    const usual = lastCompleteFinancialYear(todayIso());
    return years.includes(usual) ? usual : (years[0] ?? '');
  });

  protected chooseYear(event: Event): void {
    this.fy.set((event.target as HTMLSelectElement).value);
  }

  protected start(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const body = { fy: this.fy() };
    const checked = createAnnualReportDraftSchema.safeParse(body);
    if (!checked.success) {
      this.errors.fail(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    this.busy.set(true);
    this.#api.create(this.network(), body).subscribe({
      next: (draft) => {
        this.busy.set(false);
        void this.#router.navigate(['/n', this.network(), 'reports', 'annual', draft.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}
