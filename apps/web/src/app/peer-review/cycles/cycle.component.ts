import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, effect, inject, Injector, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import type { RequestReportRequest, ReviewCycleDto, SessionMembership } from '@plexus/contracts';
import { can } from '@plexus/domain';
import { toApiError } from '../../core/api-error';
import { FlashService } from '../../core/flash.service';
import { moveFocusTo } from '../../core/focus';
import { composePageTitle } from '../../core/page-title';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { ReportGeneratorComponent } from '../../reports/report-generator.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { PeerReviewApi, reviewCycleUrl } from '../peer-review.api';
import { countsSummary, cycleStatusTag, formatDay } from '../peer-review-format';
import { CycleTimelineComponent } from '../timeline/cycle-timeline.component';

/**
 * A cycle: its years, status and reminders, the organisations in scope with how far each has got (a contributor's
 * own organisation linked), and the timeline of its activities. Managers change the cycle, add activities (each row
 * of the timeline opens its editor), delete it while nothing has been uploaded, and generate its programme summary PDF.
 */
@Component({
  selector: 'plx-cycle',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    FORM_ERROR_UI,
    LoadErrorComponent,
    LoadingComponent,
    SuccessBannerComponent,
    CycleTimelineComponent,
    ReportGeneratorComponent,
  ],
  providers: [FormErrors],
  templateUrl: './cycle.component.html',
})
export class CycleComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();

  readonly #api = inject(PeerReviewApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #title = inject(Title);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly cycle = httpResource<ReviewCycleDto>(() => reviewCycleUrl(this.network(), this.cycleId()));
  protected readonly loaded = computed(() => (this.cycle.hasValue() ? this.cycle.value() : null));
  /** A contributor sees their own organisation's page; others see every organisation's. */
  protected readonly ownOrganisation = computed(() => (this.membership().role === 'contributor' ? this.membership().organisationId : null));
  protected readonly hasSelfAssessment = computed(() => !!this.loaded()?.activities.some((a) => a.kind === 'self_assessment'));
  /** Managers generate the programme summary (a PDF kept in the network's library). */
  protected readonly canGenerate = computed(() => can(this.membership().role, 'reports.generate'));
  protected readonly summaryRequest = computed<RequestReportRequest | null>(() => {
    const c = this.loaded();
    return c ? { kind: 'peer_review_summary', title: `Peer review programme summary: ${c.name}`.slice(0, 200), options: { cycleId: c.id } } : null;
  });
  protected readonly flash = inject(FlashService).take();
  protected readonly errors = inject(FormErrors);
  protected readonly confirmingDelete = signal(false);
  protected readonly busy = signal(false);

  protected readonly formatDay = formatDay;
  protected readonly statusTag = cycleStatusTag;
  protected readonly countsSummary = countsSummary;

  constructor() {
    effect(() => {
      const c = this.loaded();
      if (c) this.#title.setTitle(composePageTitle(c.name, this.membership().name));
    });
  }

  protected reachable(organisationId: string): boolean {
    const own = this.ownOrganisation();
    return own === null ? this.membership().role !== 'contributor' : own === organisationId;
  }

  protected startDelete(): void {
    this.confirmingDelete.set(true);
    afterNextRender(() => moveFocusTo(this.#document.getElementById('delete-confirm-heading')), { injector: this.#injector });
  }

  protected cancelDelete(): void {
    this.confirmingDelete.set(false);
    afterNextRender(() => moveFocusTo(this.#document.getElementById('delete-cycle')), { injector: this.#injector });
  }

  protected confirmDelete(cycle: ReviewCycleDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.deleteCycle(this.network(), cycle.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.#flash.set(`${cycle.name} has been deleted.`);
        void this.#router.navigate(['/n', this.network(), 'peer-review', 'cycles']);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.confirmingDelete.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }
}
