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
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  type MemberDto,
  type ReviewActivityDto,
  reviewActivityInputSchema,
  type ReviewCycleDto,
  type SessionMembership,
  type StandardSetListDto,
} from '@plexus/contracts';
import { REVIEW_ACTIVITY_KINDS, takesPartInWork, type ReviewActivityKind } from '@plexus/domain';
import { toApiError } from '../../core/api-error';
import { FlashService } from '../../core/flash.service';
import { fieldErrorsFromIssues, serverFieldErrors } from '../../core/form-errors';
import { moveFocusTo } from '../../core/focus';
import { composePageTitle } from '../../core/page-title';
import { membersUrl } from '../../members/members.api';
import { controlChecked, controlValue } from '../../ui/control-value';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { PeerReviewApi, reviewCycleUrl } from '../peer-review.api';
import { activityKindLabel, formatDay } from '../peer-review-format';
import { standardSetsUrl } from '../standards/standards.api';
import { collapseListErrors } from './cycle-form';

/** The form as typed: lists as one entry per line. */
export interface ActivityForm {
  kind: ReviewActivityKind;
  fy: string;
  quarter: number;
  title: string;
  description: string;
  dueDate: string;
  requiredDocuments: string;
  standardSetVersionId: string;
  meetingDate: string;
  organisationId: string;
  panelUserIds: string[];
  externalReviewers: string;
}

const KIND_HINTS: Record<ReviewActivityKind, string> = {
  submission: 'Documents each organisation in scope sends, such as its annual report, work plan and operational policy',
  self_assessment: 'Each organisation assesses itself against a set of standards',
  review_meeting: 'A review meeting or panel, with one organisation or with each in turn',
  report: 'Something the network team issues, such as the formal peer review reports',
  action_plan_update: 'Clinical leads report progress on their action plans, for example at the quarterly clinical group meeting',
};
const LISTS = ['requiredDocuments', 'panelUserIds', 'externalReviewers'] as const;
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function formFrom(a: ReviewActivityDto): ActivityForm {
  return {
    kind: a.kind,
    fy: a.fy,
    quarter: a.quarter,
    title: a.title,
    description: a.description,
    dueDate: a.dueDate,
    requiredDocuments: a.requiredDocuments.join('\n'),
    standardSetVersionId: a.standardSetVersionId ?? '',
    meetingDate: a.meetingDate ?? '',
    organisationId: a.organisation?.id ?? '',
    panelUserIds: a.panel.map((p) => p.userId).filter((id): id is string => !!id),
    externalReviewers: a.externalReviewers.join('\n'),
  };
}

/**
 * Add an activity to a cycle's plan (`/:cycleId/activities/new`) or change one (`/:cycleId/activities/:activityId`):
 * its kind, quarter, due date (the quarter's last day when left empty) and what its kind holds — the documents a
 * submission asks of every organisation, the standard set version of a self-assessment, a review meeting's day,
 * organisation and panel. Managers only.
 */
@Component({
  selector: 'plx-activity-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './activity-form.component.html',
  styles: `
    .plx-activity-when {
      display: flex;
      flex-wrap: wrap;
      gap: 0 32px;
    }
  `,
})
export class ActivityFormComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();
  readonly activityId = input<string | undefined>();

  readonly #api = inject(PeerReviewApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #title = inject(Title);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly cycle = httpResource<ReviewCycleDto>(() => reviewCycleUrl(this.network(), this.cycleId()));
  protected readonly members = httpResource<MemberDto[]>(() => membersUrl(this.network()));
  protected readonly standardSets = httpResource<StandardSetListDto>(() => standardSetsUrl({ kind: 'network', slug: this.network() }));
  /** Published versions to assess against: each set's, newest first (national sets first), and the one chosen already. */
  protected readonly versionChoices = computed(() => {
    const sets = this.standardSets.hasValue() ? this.standardSets.value().sets : [];
    return sets.flatMap((set) =>
      set.versions
        .filter((v) => v.status === 'published')
        .map((v) => ({
          id: v.id,
          label: `${set.code} – ${set.name}, version ${v.version}${set.national ? ' (national)' : ''}${v.frozen ? '' : ' (will be frozen)'}`,
        })),
    );
  });
  protected readonly panelChoices = computed(() => (this.members.hasValue() ? this.members.value().filter((m) => takesPartInWork(m.role)) : []));
  protected readonly activity = computed(() => {
    const id = this.activityId();
    return id && this.cycle.hasValue() ? (this.cycle.value().activities.find((a) => a.id === id) ?? null) : null;
  });
  protected readonly years = computed(() => (this.cycle.hasValue() ? [...new Set(this.cycle.value().quarters.map((q) => q.fy))] : []));
  protected readonly form = linkedSignal<ActivityForm | null>(() => {
    if (!this.cycle.hasValue()) return null;
    const found = this.activity();
    if (found) return formFrom(found);
    return {
      kind: 'submission',
      fy: this.cycle.value().firstFy,
      quarter: 1,
      title: '',
      description: '',
      dueDate: '',
      requiredDocuments: '',
      standardSetVersionId: '',
      meetingDate: '',
      organisationId: '',
      panelUserIds: [],
      externalReviewers: '',
    };
  });
  protected readonly editing = computed(() => !!this.activityId());
  protected readonly missing = computed(() => this.editing() && this.cycle.hasValue() && !this.activity());
  protected readonly errors = inject(FormErrors);
  protected readonly saving = signal(false);
  protected readonly confirmingDelete = signal(false);
  protected readonly kinds = REVIEW_ACTIVITY_KINDS;
  protected readonly kindHints = KIND_HINTS;
  protected readonly kindLabel = activityKindLabel;
  protected readonly value = controlValue;
  protected readonly checked = controlChecked;
  protected readonly formatDay = formatDay;

  constructor() {
    effect(() => {
      const a = this.activity();
      if (a) this.#title.setTitle(composePageTitle(`Change ${a.title}`, this.membership().name));
    });
  }

  protected quarterEnd(form: ActivityForm): string {
    const q = this.cycle.hasValue() ? this.cycle.value().quarters.find((x) => x.fy === form.fy && x.quarter === form.quarter) : undefined;
    return q ? formatDay(q.end) : '';
  }

  protected cycleLink(): string[] {
    return ['/n', this.network(), 'peer-review', 'cycles', this.cycleId()];
  }

  protected set(patch: Partial<ActivityForm>): void {
    this.form.update((form) => form && { ...form, ...patch });
  }

  protected togglePanel(userId: string, on: boolean): void {
    this.form.update(
      (form) => form && { ...form, panelUserIds: on ? [...form.panelUserIds, userId] : form.panelUserIds.filter((x) => x !== userId) },
    );
  }

  protected save(event: Event): void {
    event.preventDefault();
    const form = this.form();
    if (!form || this.saving()) return;
    const common = {
      kind: form.kind,
      fy: form.fy,
      quarter: form.quarter,
      title: form.title,
      description: form.description,
      dueDate: form.dueDate.trim() || null,
    };
    const byKind: Record<ReviewActivityKind, Record<string, unknown>> = {
      submission: { requiredDocuments: lines(form.requiredDocuments) },
      self_assessment: { standardSetVersionId: form.standardSetVersionId.trim() || null },
      review_meeting: {
        meetingDate: form.meetingDate.trim() || null,
        organisationId: form.organisationId || null,
        panelUserIds: form.panelUserIds,
        externalReviewers: lines(form.externalReviewers),
      },
      report: {},
      action_plan_update: {},
    };
    const parsed = reviewActivityInputSchema.safeParse({ ...common, ...byKind[form.kind] });
    if (!parsed.success) return this.errors.fail(collapseListErrors(fieldErrorsFromIssues(parsed.error.issues), LISTS));
    this.saving.set(true);
    this.#api.saveActivity(this.network(), this.cycleId(), this.activityId() ?? null, parsed.data).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.#flash.set(this.editing() ? `“${saved.title}” has been changed.` : `“${saved.title}” has been added to the plan.`);
        void this.#router.navigate(this.cycleLink());
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errors.fail(collapseListErrors(serverFieldErrors(error), LISTS));
      },
    });
  }

  protected startDelete(): void {
    this.confirmingDelete.set(true);
    afterNextRender(() => moveFocusTo(this.#document.getElementById('delete-confirm-heading')), { injector: this.#injector });
  }

  protected cancelDelete(): void {
    this.confirmingDelete.set(false);
    afterNextRender(() => moveFocusTo(this.#document.getElementById('delete-activity')), { injector: this.#injector });
  }

  protected confirmDelete(activity: ReviewActivityDto): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.#api.deleteActivity(this.network(), activity.id).subscribe({
      next: () => {
        this.saving.set(false);
        this.#flash.set(`“${activity.title}” has been taken out of the plan.`);
        void this.#router.navigate(this.cycleLink());
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.confirmingDelete.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }
}
