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
  untracked,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  createReviewActionSchema,
  progressUpdateSchema,
  reviewActionInputSchema,
  type ReviewActionDto,
  type ReviewActionListDto,
  type ReviewActionSummaryDto,
  type ReviewCycleDto,
  type SessionMembership,
  type WorkPlanPeopleDto,
} from '@plexus/contracts';
import { can, RAG_INFO, RAGS, todayIso, WORK_ITEM_STATUS_LABELS, WORK_ITEM_STATUSES } from '@plexus/domain';
import { formatDateTime } from '../../core/dates';
import { moveFocusTo } from '../../core/focus';
import { fieldErrorsFromIssues, prefixFieldErrors } from '../../core/form-errors';
import { EMPTY_DATE, isoFromParts, type DateParts } from '../../core/uk-date';
import { composePageTitle } from '../../core/page-title';
import { controlValue } from '../../ui/control-value';
import { DateInputComponent } from '../../ui/date-input.component';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { RagTagComponent } from '../../work-plan/rag-tag.component';
import { workPlanUrl } from '../../work-plan/work-plan.api';
import { reviewCycleUrl } from '../peer-review.api';
import { formatDay } from '../peer-review-format';
import { actionUrl, cycleActionsUrl, ReviewsApi } from '../reviews/reviews.api';

/**
 * A cycle's action plans: each organisation's actions (from its issued review's recommendations, added by the network,
 * or carried forward from the previous cycle), with owner, due date, status and BRAG in words (the work plan's tag and
 * rules), the latest update, and filters. The organisation's contributors (and managers) add dated progress updates to
 * its actions; managers carry the previous cycle's open actions forward. A contributor sees their organisation's only.
 */
@Component({
  selector: 'plx-action-plan',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent, RagTagComponent, DateInputComponent],
  providers: [FormErrors],
  templateUrl: './action-plan.component.html',
})
export class ActionPlanComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();
  /** From the query string: the page opens on one organisation's plan. */
  readonly organisationId = input<string | undefined>(undefined);
  /** From the query string (a self-assessment criterion's link to its action): that action opens with its progress. */
  readonly actionId = input<string | undefined>(undefined);

  readonly #api = inject(ReviewsApi);
  readonly #title = inject(Title);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  /** The organisation filter: the one in the address to begin with (from its first request), then the person's choice. */
  protected readonly organisation = linkedSignal(() => this.organisationId() ?? '');
  protected readonly status = signal('');
  protected readonly rag = signal('');
  protected readonly openOnly = signal(false);

  protected readonly cycle = httpResource<ReviewCycleDto>(() => reviewCycleUrl(this.network(), this.cycleId()));
  protected readonly actions = httpResource<ReviewActionListDto>(() =>
    cycleActionsUrl(this.network(), this.cycleId(), {
      organisationId: this.organisation() || undefined,
      status: this.status() || undefined,
      rag: this.rag() || undefined,
      open: this.openOnly() ? 'true' : undefined,
    }),
  );
  protected readonly loaded = computed(() => (this.actions.hasValue() ? this.actions.value() : null));
  /** The action whose progress history and update form are open, with its detail once loaded. */
  protected readonly openId = signal<string | null>(null);
  protected readonly detail = httpResource<ReviewActionDto>(() => {
    const id = this.openId();
    return id ? actionUrl(this.network(), id) : undefined;
  });

  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly update = signal({ on: todayIso('Europe/London'), status: '', narrative: '' });
  /** The manager's form for the open action's words, owner and due date. */
  protected readonly details = signal({ description: '', ownerUserId: '', ownerName: '', dueDate: '' });
  /** A manager's form for an action added by hand: open or not, and what it holds. */
  protected readonly adding = signal(false);
  protected readonly newAction = signal<NewActionForm>(emptyNewAction(''));
  /** The network's people who take part in its work, for a manager choosing an action's owner. */
  protected readonly people = httpResource<WorkPlanPeopleDto>(() =>
    (this.openId() || this.adding()) && can(this.membership().role, 'peer-review.manage') ? `${workPlanUrl(this.network())}/people` : undefined,
  );
  protected readonly members = computed(() => (this.people.hasValue() ? this.people.value().members.filter((m) => m.role !== 'commissioner') : []));

  protected readonly statuses = WORK_ITEM_STATUSES;
  protected readonly statusLabels = WORK_ITEM_STATUS_LABELS;
  protected readonly rags = RAGS;
  protected readonly ragInfo = RAG_INFO;
  protected readonly formatDay = formatDay;
  protected readonly formatDateTime = formatDateTime;
  protected readonly value = controlValue;

  constructor() {
    effect(() => {
      const c = this.cycle.hasValue() ? this.cycle.value() : null;
      this.#title.setTitle(composePageTitle(c ? `Action plan – ${c.name}` : 'Action plan', this.membership().name));
    });
    // The action in the address opens with its progress, once (its heading takes focus, which scrolls it into view).
    let linked: string | null = null;
    effect(() => {
      const wanted = this.actionId();
      const action = wanted && wanted !== linked ? this.loaded()?.items.find((a) => a.id === wanted) : undefined;
      if (!action) return;
      linked = action.id;
      untracked(() => {
        if (this.openId() !== action.id) this.toggle(action);
      });
    });
  }

  /** Opens (or closes) the form for an action added by hand; it starts on the organisation the page is filtered to. */
  protected toggleAdding(plan: ReviewActionListDto): void {
    const opening = !this.adding();
    this.adding.set(opening);
    this.errors.set({});
    if (opening) this.newAction.set(emptyNewAction(this.organisation() || (plan.organisations.length === 1 ? plan.organisations[0].id : '')));
    afterNextRender(() => moveFocusTo(this.#document.getElementById(opening ? 'new-action-heading' : 'add-action')), { injector: this.#injector });
  }

  protected setNew(field: Exclude<keyof NewActionForm, 'due'>, value: string): void {
    this.newAction.update((f) => ({ ...f, [field]: value }));
  }

  protected setNewDue(due: DateParts): void {
    this.newAction.update((f) => ({ ...f, due }));
  }

  /** Adds the action to the chosen organisation's plan: checked here first, then by the API (its messages by field). */
  protected addAction(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const f = this.newAction();
    const due = isoFromParts(f.due, 'Due date');
    const parsed = createReviewActionSchema.safeParse({
      organisationId: f.organisationId,
      description: f.description,
      ownerUserId: f.ownerUserId || null,
      ownerName: f.ownerName,
      dueDate: 'iso' in due ? due.iso : null,
    });
    const errors = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...('error' in due ? { dueDate: due.error } : {}) };
    if (!parsed.success || 'error' in due) return this.errors.fail(prefixFieldErrors(inFormOrder(errors), 'new'));
    this.busy.set(true);
    this.#api.createAction(this.network(), this.cycleId(), parsed.data).subscribe({
      next: (created) => {
        this.busy.set(false);
        this.errors.set({});
        this.adding.set(false);
        this.actions.reload();
        this.banner.set(null);
        afterNextRender(() => this.banner.set(`The action has been added to the action plan of ${created.organisation.name}.`), {
          injector: this.#injector,
        });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'new', only: NEW_FIELDS });
      },
    });
  }

  protected toggle(action: ReviewActionSummaryDto): void {
    const opening = this.openId() !== action.id;
    this.openId.set(opening ? action.id : null);
    this.errors.set({});
    this.update.set({ on: todayIso('Europe/London'), status: action.status, narrative: '' });
    this.details.set({
      description: action.description,
      ownerUserId: action.owner.userId ?? '',
      ownerName: action.owner.userId ? '' : action.owner.name,
      dueDate: action.dueDate ?? '',
    });
    afterNextRender(() => moveFocusTo(this.#document.getElementById(opening ? `progress-${action.id}` : `toggle-${action.id}`)), {
      injector: this.#injector,
    });
  }

  protected set(field: 'on' | 'status' | 'narrative', value: string): void {
    this.update.update((u) => ({ ...u, [field]: value }));
  }

  protected addProgress(event: Event, action: ReviewActionSummaryDto): void {
    event.preventDefault();
    if (this.busy()) return;
    const parsed = progressUpdateSchema.safeParse(this.update());
    if (!parsed.success) return this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
    this.busy.set(true);
    this.#api.addProgress(this.network(), action.id, parsed.data).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.errors.set({});
        this.detail.set(updated);
        this.actions.reload();
        this.update.set({ on: todayIso('Europe/London'), status: updated.status, narrative: '' });
        this.banner.set(null);
        afterNextRender(() => this.banner.set(`Progress recorded: the action is ${updated.statusLabel.toLowerCase()}.`), {
          injector: this.#injector,
        });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }

  protected setDetail(field: 'description' | 'ownerUserId' | 'ownerName' | 'dueDate', value: string): void {
    this.details.update((d) => ({ ...d, [field]: value }));
  }

  /** A manager chooses the owner (a member of the network, or a person at the organisation by name) and the due date. */
  protected saveDetails(event: Event, action: ReviewActionSummaryDto): void {
    event.preventDefault();
    if (this.busy()) return;
    const d = this.details();
    const parsed = reviewActionInputSchema.safeParse({
      description: d.description,
      ownerUserId: d.ownerUserId || null,
      ownerName: d.ownerName,
      dueDate: d.dueDate.trim() || null,
      criterionId: action.source.criterion?.id ?? null,
    });
    if (!parsed.success) return this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
    this.busy.set(true);
    this.#api.updateAction(this.network(), action.id, parsed.data).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.errors.set({});
        this.detail.set(updated);
        this.actions.reload();
        this.banner.set(null);
        afterNextRender(() => this.banner.set('The action has been changed.'), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }

  protected carryForward(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.carryForward(this.network(), this.cycleId()).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.actions.reload();
        this.banner.set(null);
        const message = !result.fromCycle
          ? 'There is no earlier cycle to carry actions from.'
          : result.carried
            ? `${result.carried} open action${result.carried === 1 ? '' : 's'} carried forward from ${result.fromCycle.name}.`
            : `Nothing more to carry: the open actions of ${result.fromCycle.name} are here already.`;
        afterNextRender(() => this.banner.set(message), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}

/** What the form for an action added by hand holds; the due date as typed in its three boxes. */
interface NewActionForm {
  organisationId: string;
  description: string;
  ownerUserId: string;
  ownerName: string;
  due: DateParts;
}

const emptyNewAction = (organisationId: string): NewActionForm => ({
  organisationId,
  description: '',
  ownerUserId: '',
  ownerName: '',
  due: { ...EMPTY_DATE },
});

/** The form's messages in the order of its fields, so that the error summary lists them as the page does. */
const NEW_FIELDS = ['organisationId', 'description', 'ownerUserId', 'ownerName', 'dueDate'];
function inFormOrder(errors: Record<string, string>): Record<string, string> {
  const rank = (field: string) => (NEW_FIELDS.includes(field) ? NEW_FIELDS.indexOf(field) : NEW_FIELDS.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
