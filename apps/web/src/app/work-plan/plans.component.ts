import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { createWorkPlanSchema, type SessionMembership, type WorkPlanSummaryDto } from '@plexus/contracts';
import { can } from '@plexus/domain';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { errorId, type FieldErrors, fieldErrorsFromApi, fieldErrorsFromIssues } from '../core/form-errors';
import { ErrorSummaryComponent } from '../ui/error-summary.component';
import { FieldErrorComponent } from '../ui/field-error.component';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { countsText, longDate, periodText } from './work-plan-format';
import { WorkPlanApi, workPlanUrl } from './work-plan.api';

/** The network's plans, newest first; a manager starts a new one here. */
@Component({
  selector: 'plx-plans',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummaryComponent, FieldErrorComponent, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  templateUrl: './plans.component.html',
})
export class PlansComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(WorkPlanApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);

  protected readonly plans = httpResource<WorkPlanSummaryDto[]>(() => `${workPlanUrl(this.network())}/plans`);
  protected readonly flash = this.#flash.take();
  protected readonly canEdit = computed(() => can(this.membership().role, 'plan.edit'));
  protected readonly canProgress = computed(() => can(this.membership().role, 'plan.progress'));

  protected readonly form = signal({ title: '', periodStart: '', periodEnd: '' });
  protected readonly errors = signal<FieldErrors>({});
  protected readonly attempt = signal(0);
  protected readonly saving = signal(false);

  protected readonly countsText = countsText;
  protected readonly periodText = periodText;
  protected readonly longDate = longDate;

  protected error(path: string): string | undefined {
    return this.errors()[path];
  }

  protected describedBy(path: string, hintId?: string): string | null {
    const ids = [hintId, this.error(path) ? errorId(path) : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  }

  protected set(key: 'title' | 'periodStart' | 'periodEnd', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.form.update((f) => ({ ...f, [key]: value }));
  }

  protected create(event: Event): void {
    event.preventDefault();
    if (this.saving()) return;
    const parsed = createWorkPlanSchema.safeParse(this.form());
    if (!parsed.success) {
      this.errors.set(fieldErrorsFromIssues(parsed.error.issues));
      this.attempt.update((n) => n + 1);
      return;
    }
    this.saving.set(true);
    this.#api.createPlan(this.network(), parsed.data).subscribe({
      next: (plan) => {
        this.saving.set(false);
        this.#flash.set(`The plan "${plan.title}" has been created. Add its themes and work, or import them.`);
        void this.#router.navigate(['/n', this.network(), 'plan', plan.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errors.set(fieldErrorsFromApi(toApiError(error)));
        this.attempt.update((n) => n + 1);
      },
    });
  }
}
