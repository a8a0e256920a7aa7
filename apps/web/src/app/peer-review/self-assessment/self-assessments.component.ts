import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import type { ReviewCycleDto, SelfAssessmentListDto, SelfAssessmentSummaryDto, SessionMembership } from '@plexus/contracts';
import { composePageTitle } from '../../core/page-title';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { reviewCycleUrl } from '../peer-review.api';
import { formatDay } from '../peer-review-format';
import { cycleSelfAssessmentsUrl, SelfAssessmentApi } from './self-assessment.api';
import { selfAssessmentStateTag } from './self-assessment-format';

/**
 * A cycle's self-assessments (`/n/:network/peer-review/cycles/:cycleId/self-assessments`): per self-assessment activity,
 * each organisation in scope with its state, progress and compliance (a contributor: their organisation alone), opened
 * or started from here. Managers reach each activity's compliance summary and heat map.
 */
@Component({
  selector: 'plx-self-assessments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './self-assessments.component.html',
})
export class SelfAssessmentsComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();

  readonly #api = inject(SelfAssessmentApi);
  readonly #router = inject(Router);
  readonly #title = inject(Title);

  protected readonly cycle = httpResource<ReviewCycleDto>(() => reviewCycleUrl(this.network(), this.cycleId()));
  protected readonly list = httpResource<SelfAssessmentListDto>(() => cycleSelfAssessmentsUrl(this.network(), this.cycleId()));
  protected readonly errors = inject(FormErrors);
  protected readonly starting = signal<string | null>(null);
  /** The cycle's self-assessment activities, each with its organisations' rows. */
  protected readonly groups = computed(() => {
    if (!this.cycle.hasValue() || !this.list.hasValue()) return [];
    const items = this.list.value().items;
    return this.cycle
      .value()
      .activities.filter((a) => a.kind === 'self_assessment')
      .map((activity) => ({ activity, rows: items.filter((i) => i.activity.id === activity.id) }));
  });

  protected readonly stateTag = selfAssessmentStateTag;
  protected readonly formatDay = formatDay;

  constructor() {
    effect(() => {
      if (this.cycle.hasValue()) this.#title.setTitle(composePageTitle(`Self-assessments – ${this.cycle.value().name}`, this.membership().name));
    });
  }

  protected rowKey(row: SelfAssessmentSummaryDto): string {
    return `${row.activity.id}:${row.organisation.id}`;
  }

  /** Starts (or opens) the organisation's self-assessment, then goes to it. */
  protected start(row: SelfAssessmentSummaryDto): void {
    if (this.starting()) return;
    this.starting.set(this.rowKey(row));
    const organisationId = this.membership().role === 'contributor' ? null : row.organisation.id;
    this.#api.start(this.network(), row.activity.id, organisationId).subscribe({
      next: (started) => {
        this.starting.set(null);
        void this.#router.navigate(['/n', this.network(), 'peer-review', 'cycles', this.cycleId(), 'self-assessments', started.id]);
      },
      error: (error: unknown) => {
        this.starting.set(null);
        this.errors.failFromServer(error);
      },
    });
  }
}
