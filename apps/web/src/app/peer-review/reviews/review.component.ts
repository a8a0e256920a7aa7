import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, effect, inject, Injector, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  agreeReviewReportSchema,
  reviewFindingInputSchema,
  type RequestReportRequest,
  type ReviewCycleDto,
  type ReviewFindingDto,
  type ReviewReportDto,
  type ReviewReportListDto,
  type SessionMembership,
  type StandardSetListDto,
  type StandardVersionDto,
} from '@plexus/contracts';
import {
  can,
  FINDING_CLASSIFICATION_LABELS,
  FINDING_CLASSIFICATION_MEANINGS,
  FINDING_CLASSIFICATIONS,
  type FindingClassification,
} from '@plexus/domain';
import { formatDateTime } from '../../core/dates';
import { moveFocusTo } from '../../core/focus';
import { fieldErrorsFromIssues } from '../../core/form-errors';
import { composePageTitle } from '../../core/page-title';
import { controlValue } from '../../ui/control-value';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { ReportGeneratorComponent } from '../../reports/report-generator.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { reviewCycleUrl } from '../peer-review.api';
import { formatDay } from '../peer-review-format';
import { standardSetsUrl, standardVersionUrl } from '../standards/standards.api';
import { cycleReviewsUrl, ReviewsApi, reviewUrl } from './reviews.api';
import { findingClassTag, reviewStateTag } from './reviews-format';

/** What a confirmation panel is asking about. */
type Confirming =
  | { kind: 'agree' }
  | { kind: 'issue' }
  | { kind: 'reopen' }
  | { kind: 'raise'; finding: ReviewFindingDto }
  | { kind: 'remove'; finding: ReviewFindingDto };

/**
 * The review of one organisation in a cycle: its state (draft → agreed with the organisation's lead → issued, each
 * step confirmed), the findings grouped by class — immediate risks first — with their recommendations, the editor
 * (while a draft), and "Raise to risk register" for an immediate risk, which then shows the linked risk. A contributor
 * sees their own organisation's review once it is issued, read-only.
 */
@Component({
  selector: 'plx-review',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent, ReportGeneratorComponent],
  providers: [FormErrors],
  templateUrl: './review.component.html',
})
export class ReviewComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();
  readonly organisationId = input.required<string>();

  readonly #api = inject(ReviewsApi);
  readonly #title = inject(Title);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly list = httpResource<ReviewReportListDto>(() => cycleReviewsUrl(this.network(), this.cycleId()));
  protected readonly cycle = httpResource<ReviewCycleDto>(() => reviewCycleUrl(this.network(), this.cycleId()));
  protected readonly entry = computed(() =>
    this.list.hasValue() ? (this.list.value().organisations.find((o) => o.id === this.organisationId()) ?? null) : null,
  );
  protected readonly report = httpResource<ReviewReportDto>(() => {
    const id = this.entry()?.report?.id;
    return id ? reviewUrl(this.network(), id) : undefined;
  });
  protected readonly loaded = computed(() => (this.report.hasValue() ? this.report.value() : null));
  /** The cycle's review meetings this organisation may be reviewed at. */
  protected readonly meetings = computed(() =>
    this.cycle.hasValue()
      ? this.cycle.value().activities.filter((a) => a.kind === 'review_meeting' && (!a.organisation || a.organisation.id === this.organisationId()))
      : [],
  );
  /** Managers generate the review's PDF (the peer review report), kept in the network's library. */
  protected readonly canGenerate = computed(() => can(this.membership().role, 'reports.generate'));
  protected readonly reportRequest = computed<RequestReportRequest | null>(() => {
    const e = this.entry();
    if (!e) return null;
    const cycleName = this.cycle.hasValue() ? ` (${this.cycle.value().name})` : '';
    return {
      kind: 'peer_review_report',
      title: `Peer review report: ${e.name}${cycleName}`.slice(0, 200),
      options: { cycleId: this.cycleId(), organisationId: e.id },
    };
  });
  protected readonly groups = computed(() => {
    const r = this.loaded();
    return FINDING_CLASSIFICATIONS.map((c) => ({ classification: c, findings: r ? r.findings.filter((f) => f.classification === c) : [] }));
  });

  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly confirming = signal<Confirming | null>(null);
  protected readonly agreedWith = signal('');
  protected readonly meetingId = signal('');
  /** The finding editor: closed (null), a new finding ('new') or the finding being changed. */
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal({
    classification: '' as FindingClassification | '',
    versionId: '',
    criterionId: '',
    theme: '',
    text: '',
    recommendations: '',
  });
  /** The published versions of the standard sets the network may use (loaded when the editor opens), for the criterion. */
  protected readonly standardSets = httpResource<StandardSetListDto>(() =>
    this.editing() ? standardSetsUrl({ kind: 'network', slug: this.network() }) : undefined,
  );
  protected readonly versions = computed(() =>
    this.standardSets.hasValue()
      ? this.standardSets
          .value()
          .sets.flatMap((set) =>
            set.versions
              .filter((v) => v.status !== 'draft' && v.criterionCount > 0)
              .map((v) => ({ id: v.id, label: `${set.code} version ${v.version} – ${set.name}${set.national ? ' (national)' : ''}` })),
          )
      : [],
  );
  protected readonly version = httpResource<StandardVersionDto>(() => {
    const id = this.draft().versionId;
    return this.editing() && id ? standardVersionUrl({ kind: 'network', slug: this.network() }, id) : undefined;
  });

  protected readonly classes = FINDING_CLASSIFICATIONS;
  protected readonly classLabels = FINDING_CLASSIFICATION_LABELS;
  protected readonly classMeanings = FINDING_CLASSIFICATION_MEANINGS;
  protected readonly classTag = findingClassTag;
  protected readonly stateTag = reviewStateTag;
  protected readonly formatDay = formatDay;
  protected readonly formatDateTime = formatDateTime;
  protected readonly value = controlValue;

  constructor() {
    effect(() => {
      const e = this.entry();
      if (e) this.#title.setTitle(composePageTitle(`Review – ${e.name}`, this.membership().name));
    });
  }

  private done(message: string, focus: string | null = null): void {
    this.busy.set(false);
    this.errors.set({});
    this.confirming.set(null);
    this.banner.set(null);
    afterNextRender(
      () => {
        this.banner.set(message);
        if (focus) moveFocusTo(this.#document.getElementById(focus));
      },
      { injector: this.#injector },
    );
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.confirming.set(null);
    this.errors.failFromServer(error);
  }

  private focusSoon(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  protected start(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api
      .createReview(this.network(), this.cycleId(), { organisationId: this.organisationId(), meetingActivityId: this.meetingId() || null })
      .subscribe({
        next: () => {
          this.list.reload();
          this.done('The review has been started. Add its findings.');
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  protected confirm(what: Confirming): void {
    this.confirming.set(what);
    this.errors.set({});
    this.focusSoon(what.kind === 'agree' ? 'agreedWith' : 'confirm-heading');
  }

  protected cancel(returnTo: string): void {
    this.confirming.set(null);
    this.errors.set({});
    this.focusSoon(returnTo);
  }

  protected agree(event: Event, r: ReviewReportDto): void {
    event.preventDefault();
    if (this.busy()) return;
    const parsed = agreeReviewReportSchema.safeParse({ agreedWith: this.agreedWith() });
    if (!parsed.success) return this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
    this.busy.set(true);
    this.#api.agree(this.network(), r.id, parsed.data).subscribe({
      next: (updated) => {
        this.report.set(updated);
        this.agreedWith.set('');
        this.done(`The report is recorded as agreed with ${updated.agreedWith}.`, 'state');
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected move(r: ReviewReportDto, to: 'issue' | 'reopen'): void {
    if (this.busy()) return;
    this.busy.set(true);
    (to === 'issue' ? this.#api.issue(this.network(), r.id) : this.#api.reopen(this.network(), r.id)).subscribe({
      next: (updated) => {
        this.report.set(updated);
        this.done(
          to === 'issue'
            ? 'The report has been issued: it is now read-only, and each recommendation is an action of the organisation’s plan.'
            : 'The report is a draft again: record the agreement again once it has changed.',
          'state',
        );
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected openEditor(finding: ReviewFindingDto | null): void {
    this.editing.set(finding?.id ?? 'new');
    this.errors.set({});
    this.draft.set(
      finding
        ? {
            classification: finding.classification,
            versionId: finding.criterion?.versionId ?? '',
            criterionId: finding.criterion?.id ?? '',
            theme: finding.theme,
            text: finding.text,
            recommendations: finding.recommendations.map((x) => x.text).join('\n'),
          }
        : { classification: '', versionId: '', criterionId: '', theme: '', text: '', recommendations: '' },
    );
    this.focusSoon('finding-heading');
  }

  protected closeEditor(): void {
    const was = this.editing();
    this.editing.set(null);
    this.errors.set({});
    this.focusSoon(was && was !== 'new' ? `edit-${was}` : 'add-finding');
  }

  protected update(field: 'classification' | 'versionId' | 'criterionId' | 'theme' | 'text' | 'recommendations', value: string): void {
    // Another standard set version: its criterion is chosen again.
    this.draft.update((d) => ({ ...d, [field]: value, ...(field === 'versionId' ? { criterionId: '' } : {}) }));
  }

  /** A criterion's words for the chooser, shortened. */
  protected criterionLabel(c: { number: string; text: string }): string {
    const words = c.text.length > 90 ? `${c.text.slice(0, 89)}…` : c.text;
    return c.number ? `${c.number} ${words}` : words;
  }

  protected save(event: Event, r: ReviewReportDto): void {
    event.preventDefault();
    if (this.busy()) return;
    const d = this.draft();
    const body = {
      classification: d.classification,
      criterionId: d.criterionId || null,
      theme: d.theme,
      text: d.text,
      recommendations: d.recommendations.split('\n').map((line) => line.trim()),
    };
    const parsed = reviewFindingInputSchema.safeParse(body);
    if (!parsed.success) return this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
    const editing = this.editing();
    this.busy.set(true);
    this.#api.saveFinding(this.network(), r.id, editing === 'new' ? null : editing, parsed.data).subscribe({
      next: (finding) => {
        this.editing.set(null);
        this.report.reload();
        this.done(editing === 'new' ? `The ${finding.classificationLabel.toLowerCase()} has been added.` : 'The finding has been changed.');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }

  protected remove(finding: ReviewFindingDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.deleteFinding(this.network(), finding.id).subscribe({
      next: () => {
        this.report.reload();
        this.done('The finding has been removed.', 'add-finding');
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected raise(finding: ReviewFindingDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.raiseRisk(this.network(), finding.id).subscribe({
      next: (raised) => {
        this.report.reload();
        this.done(
          raised.created
            ? `Risk ${raised.risk.reference} has been added to the risk register from this finding.`
            : `This finding was raised already: it is risk ${raised.risk.reference}.`,
        );
      },
      error: (error: unknown) => this.failed(error),
    });
  }
}
