import { httpResource } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import {
  approveWorkPlanSchema,
  objectiveSchema,
  themeSchema,
  updateWorkPlanSchema,
  type SessionMembership,
  type WorkItemSummaryDto,
  type WorkPlanChangeDto,
  type WorkPlanDto,
  type WorkPlanObjectiveDto,
  type WorkPlanThemeDto,
} from '@plexus/contracts';
import { plural, todayIso } from '@plexus/domain';
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import { formatAuditValue, humanise } from '../audit/audit-format';
import { toApiError } from '../core/api-error';
import { formatDateTime } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { ItemRowsComponent } from './item-rows.component';
import { PlanNavComponent } from './plan-nav.component';
import { RagTagComponent } from './rag-tag.component';
import { countsText, longDate, periodText } from './work-plan-format';
import { planUrl, WorkPlanApi } from './work-plan.api';

/** Which inline form is open (one at a time). */
export type Panel =
  | { kind: 'edit-plan' }
  | { kind: 'approve' }
  | { kind: 'delete-plan' }
  | { kind: 'add-theme' }
  | { kind: 'edit-theme'; id: string }
  | { kind: 'delete-theme'; id: string }
  | { kind: 'add-objective'; themeId: string }
  | { kind: 'edit-objective'; id: string }
  | { kind: 'delete-objective'; id: string };

type Draft = Record<string, string>;

/** The plan as a tree by theme, with counts and RAG roll-ups; managers shape it here. */
@Component({
  selector: 'plx-plan',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    FORM_ERROR_UI,
    LoadErrorComponent,
    LoadingComponent,
    SuccessBannerComponent,
    ItemRowsComponent,
    PlanNavComponent,
    RagTagComponent,
  ],
  providers: [FormErrors],
  templateUrl: './plan.component.html',
  styles: `
    .plx-theme {
      border-top: 4px solid #005eb8;
      padding-top: 16px;
      margin-top: 32px;
    }
    .plx-objective {
      border-left: 4px solid #d8dde0;
      padding-left: 16px;
      margin: 24px 0;
    }
    .plx-rollup {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 16px;
    }
    .plx-rollup p {
      margin: 0;
    }
    .plx-tools {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 0;
      margin-bottom: 16px;
    }
  `,
})
export class PlanComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly planId = input.required<string>();

  readonly #api = inject(WorkPlanApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly plural = plural;
  protected readonly resource = httpResource<WorkPlanDto>(() => planUrl(this.network(), this.planId()));
  /** The plan on screen: as loaded, then as each change answers. */
  protected readonly plan = linkedSignal<WorkPlanDto | null>(() => (this.resource.hasValue() ? this.resource.value() : null));
  /** Changes since the board approved the plan (loaded once the plan is known to be approved). */
  protected readonly changes = httpResource<WorkPlanChangeDto[]>(() =>
    this.plan()?.status === 'approved' ? `${planUrl(this.network(), this.planId())}/changes` : undefined,
  );
  protected readonly canEdit = computed(() => this.plan()?.can.edit ?? false);
  protected readonly approved = computed(() => this.plan()?.status === 'approved');

  protected readonly banner = signal<string | null>(inject(FlashService).take());
  protected readonly panel = signal<Panel | null>(null);
  protected readonly draft = signal<Draft>({});
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);

  protected readonly countsText = countsText;
  protected readonly formatDateTime = formatDateTime;
  protected readonly changeLines = (change: WorkPlanChangeDto) =>
    Object.entries(change.changes).map(([field, c]) => `${humanise(field)}: ${formatAuditValue(c.from)} → ${formatAuditValue(c.to)}`);
  protected readonly periodText = periodText;
  protected readonly longDate = longDate;

  // ---- helpers ----------------------------------------------------------------------------------

  protected value(name: string): string {
    return this.draft()[name] ?? '';
  }

  protected setValue(name: string, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.draft.update((d) => ({ ...d, [name]: value }));
  }

  protected isOpen(kind: Panel['kind'], id?: string): boolean {
    const panel = this.panel();
    if (!panel || panel.kind !== kind) return false;
    if (id === undefined) return true;
    return ('id' in panel && panel.id === id) || ('themeId' in panel && panel.themeId === id);
  }

  protected itemCount(theme: WorkPlanThemeDto): number {
    return theme.counts.items;
  }

  private focus(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  // ---- opening and closing panels ---------------------------------------------------------------

  protected open(panel: Panel, values: Draft = {}, focusId?: string): void {
    this.errors.set({});
    this.draft.set(values);
    this.panel.set(panel);
    this.focus(focusId ?? 'panel-heading');
  }

  protected openEditPlan(plan: WorkPlanDto): void {
    this.open({ kind: 'edit-plan' }, { title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd }, 'title');
  }

  protected openApprove(): void {
    this.open({ kind: 'approve' }, { approvedOn: todayIso(), note: '' }, 'approvedOn');
  }

  protected openEditTheme(theme: WorkPlanThemeDto): void {
    this.open({ kind: 'edit-theme', id: theme.id }, { title: theme.title, description: theme.description }, 'title');
  }

  protected openAddObjective(theme: WorkPlanThemeDto): void {
    const next = theme.objectives.map((o) => Number.parseInt(o.number, 10)).filter((n) => Number.isFinite(n));
    this.open({ kind: 'add-objective', themeId: theme.id }, { number: next.length ? String(Math.max(...next) + 1) : '', title: '' }, 'number');
  }

  protected openEditObjective(objective: WorkPlanObjectiveDto): void {
    this.open({ kind: 'edit-objective', id: objective.id }, { number: objective.number, title: objective.title }, 'number');
  }

  protected close(returnFocusTo?: string): void {
    this.panel.set(null);
    this.errors.set({});
    if (returnFocusTo) this.focus(returnFocusTo);
  }

  // ---- saving -----------------------------------------------------------------------------------

  /** Validates with the shared schema, then sends. */
  private submit<S extends z.ZodType>(schema: S, body: unknown, send: (data: z.output<S>) => Observable<unknown>, done: string): void {
    if (this.busy()) return;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.send(send(parsed.data), done);
  }

  /** Sends a change and shows the plan the API answers with (or reloads it). */
  private send(request: Observable<unknown>, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    request.subscribe({
      next: (answer) => {
        this.busy.set(false);
        this.panel.set(null);
        this.errors.set({});
        if (answer && typeof answer === 'object' && 'themes' in answer) this.plan.set(answer as WorkPlanDto);
        else this.resource.reload();
        if (this.approved()) this.changes.reload();
        this.banner.set(null);
        afterNextRender(() => this.banner.set(done), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }

  private reason(): string | undefined {
    return this.approved() ? this.value('reason') : undefined;
  }

  protected savePlan(event: Event): void {
    event.preventDefault();
    const body = { title: this.value('title'), periodStart: this.value('periodStart'), periodEnd: this.value('periodEnd'), reason: this.reason() };
    this.submit(updateWorkPlanSchema, body, (data) => this.#api.updatePlan(this.network(), this.planId(), data), 'The plan has been saved.');
  }

  protected approve(event: Event): void {
    event.preventDefault();
    this.submit(
      approveWorkPlanSchema,
      { approvedOn: this.value('approvedOn'), note: this.value('note') },
      (data) => this.#api.approvePlan(this.network(), this.planId(), data),
      'The plan is marked as approved by the board. From now on, every change is recorded with its reason.',
    );
  }

  protected deletePlan(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.deletePlan(this.network(), this.planId()).subscribe({
      next: () => {
        this.busy.set(false);
        this.#flash.set('The plan has been deleted.');
        void this.#router.navigate(['/n', this.network(), 'plan']);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }

  protected saveTheme(event: Event, themeId?: string): void {
    event.preventDefault();
    const body = { title: this.value('title'), description: this.value('description'), reason: this.reason() };
    if (themeId) {
      this.submit(themeSchema, body, (data) => this.#api.updateTheme(this.network(), themeId, data), 'The theme has been saved.');
    } else {
      this.submit(
        themeSchema,
        body,
        (data) => this.#api.addTheme(this.network(), this.planId(), data),
        `The theme "${body.title.trim()}" has been added.`,
      );
    }
  }

  protected saveObjective(event: Event, target: { themeId?: string; objectiveId?: string }): void {
    event.preventDefault();
    const body = { number: this.value('number'), title: this.value('title'), reason: this.reason() };
    if (target.objectiveId) {
      const id = target.objectiveId;
      this.submit(objectiveSchema, body, (data) => this.#api.updateObjective(this.network(), id, data), 'The objective has been saved.');
    } else if (target.themeId) {
      const id = target.themeId;
      this.submit(objectiveSchema, body, (data) => this.#api.addObjective(this.network(), id, data), 'The objective has been added.');
    }
  }

  protected deleteTheme(theme: WorkPlanThemeDto): void {
    this.confirmDelete(this.#api.deleteTheme(this.network(), theme.id, this.reason()), `The theme "${theme.title}" has been deleted.`);
  }

  protected deleteObjective(objective: WorkPlanObjectiveDto): void {
    this.confirmDelete(this.#api.deleteObjective(this.network(), objective.id, this.reason()), 'The objective has been deleted.');
  }

  private confirmDelete(request: Observable<WorkPlanDto>, done: string): void {
    if (this.approved() && !this.value('reason').trim()) {
      this.errors.fail({ reason: 'Give the reason for this change: the board has approved this plan' });
      return;
    }
    this.send(request, done);
  }

  // ---- order ------------------------------------------------------------------------------------

  protected moveTheme(theme: WorkPlanThemeDto, direction: 'up' | 'down'): void {
    this.reorder(this.#api.moveTheme(this.network(), theme.id, direction), `"${theme.title}" moved ${direction}.`);
  }

  protected moveObjective(objective: WorkPlanObjectiveDto, direction: 'up' | 'down'): void {
    this.reorder(this.#api.moveObjective(this.network(), objective.id, direction), `Objective ${objective.number} moved ${direction}.`);
  }

  protected moveItem(event: { item: WorkItemSummaryDto; direction: 'up' | 'down' }): void {
    this.reorder(this.#api.moveItem(this.network(), event.item.id, event.direction), `Item ${event.item.ref} moved ${event.direction}.`);
  }

  protected readonly orderStatus = signal('');

  private reorder(request: Observable<WorkPlanDto>, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    request.subscribe({
      next: (plan) => {
        this.busy.set(false);
        this.plan.set(plan);
        this.orderStatus.set(done);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }
}
