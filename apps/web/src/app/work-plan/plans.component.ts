import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { createWorkPlanSchema, type SessionMembership, type WorkPlanSummaryDto } from '@plexus/contracts';
import { can } from '@plexus/domain';
import { FlashService } from '../core/flash.service';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { countsText, longDate, periodText } from './work-plan-format';
import { WorkPlanApi, workPlanUrl } from './work-plan.api';

/** The network's plans, newest first; a manager starts a new one here. */
@Component({
  selector: 'plx-plans',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
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
  protected readonly errors = inject(FormErrors);
  protected readonly saving = signal(false);

  protected readonly countsText = countsText;
  protected readonly periodText = periodText;
  protected readonly longDate = longDate;

  protected set(key: 'title' | 'periodStart' | 'periodEnd', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.form.update((f) => ({ ...f, [key]: value }));
  }

  protected create(event: Event): void {
    event.preventDefault();
    if (this.saving()) return;
    const parsed = createWorkPlanSchema.safeParse(this.form());
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
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
        this.errors.failFromServer(error);
      },
    });
  }
}
