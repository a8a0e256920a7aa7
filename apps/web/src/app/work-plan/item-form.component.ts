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
import { Router, RouterLink } from '@angular/router';
import {
  createWorkItemSchema,
  updateWorkItemSchema,
  type SessionMembership,
  type WorkItemDto,
  type WorkPlanDto,
  type WorkPlanPeopleDto,
} from '@plexus/contracts';
import { financialYearStartOf, parseTimescale } from '@plexus/domain';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues, fieldId } from '../core/form-errors';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { linesToList, listToLines, longDate } from './work-plan-format';
import { itemUrl, planUrl, WorkPlanApi, workPlanUrl } from './work-plan.api';

interface LeadRow {
  key: number;
  userId: string;
  title: string;
}

export interface ItemDraft {
  themeId: string;
  objectiveId: string;
  work: string;
  measures: string;
  steps: string;
  leads: LeadRow[];
  timescale: string;
  reason: string;
}

let nextKey = 1;

export function draftFromItem(item: WorkItemDto): ItemDraft {
  return {
    themeId: item.themeId,
    objectiveId: item.objectiveId ?? '',
    work: item.work,
    measures: listToLines(item.measures),
    steps: listToLines(item.steps),
    leads: item.leads.map((l) => ({ key: nextKey++, userId: l.userId ?? '', title: l.title })),
    timescale: item.timescale.text,
    reason: '',
  };
}

/** What the form sends, before validation (so that the schema's issue paths name the form's fields). */
export function requestFromDraft(draft: ItemDraft, approved: boolean) {
  return {
    themeId: draft.themeId || undefined,
    objectiveId: draft.objectiveId || null,
    work: draft.work,
    measures: linesToList(draft.measures),
    steps: linesToList(draft.steps),
    leads: draft.leads.map((l) => ({ userId: l.userId || null, title: l.title })),
    timescale: draft.timescale,
    reason: approved ? draft.reason : undefined,
  };
}

/** Adds a work item, or changes one (with a reason once the plan is approved). */
@Component({
  selector: 'plx-item-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './item-form.component.html',
  styles: `
    .plx-timescale-reading {
      margin-top: 8px;
    }
  `,
})
export class ItemFormComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly planId = input.required<string>();
  /** Route parameter when changing an item. */
  readonly itemId = input<string | undefined>();
  /** Query parameters when adding: where the item goes. */
  readonly themeId = input<string | undefined>();
  readonly objectiveId = input<string | undefined>();

  readonly #api = inject(WorkPlanApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly plan = httpResource<WorkPlanDto>(() => planUrl(this.network(), this.planId()));
  protected readonly people = httpResource<WorkPlanPeopleDto>(() => `${workPlanUrl(this.network())}/people`);
  protected readonly existing = httpResource<WorkItemDto>(() => {
    const id = this.itemId();
    return id ? itemUrl(this.network(), id) : undefined;
  });

  protected readonly editing = computed(() => !!this.itemId());
  protected readonly approved = computed(() => this.plan.hasValue() && this.plan.value().status === 'approved');
  protected readonly ready = computed(() => this.plan.hasValue() && (!this.editing() || this.existing.hasValue()));

  protected readonly draft = linkedSignal<ItemDraft | null>(() => {
    if (!this.ready()) return null;
    if (this.editing()) return draftFromItem(this.existing.value() as WorkItemDto);
    const plan = this.plan.value() as WorkPlanDto;
    const themeId = plan.themes.some((t) => t.id === this.themeId()) ? (this.themeId() as string) : (plan.themes[0]?.id ?? '');
    return { themeId, objectiveId: this.objectiveId() ?? '', work: '', measures: '', steps: '', leads: [], timescale: '', reason: '' };
  });

  protected readonly objectives = computed(() => {
    const plan = this.plan.hasValue() ? this.plan.value() : null;
    const themeId = this.draft()?.themeId;
    return plan?.themes.find((t) => t.id === themeId)?.objectives ?? [];
  });

  /** What Plexus reads from the timescale as it is typed. */
  protected readonly reading = computed(() => {
    const text = this.draft()?.timescale ?? '';
    const plan = this.plan.hasValue() ? this.plan.value() : null;
    if (!plan) return null;
    return parseTimescale(text, { financialYear: financialYearStartOf(plan.periodStart) });
  });

  protected readonly roleTitles = computed(() => (this.people.hasValue() ? this.people.value().roles : []));
  protected readonly members = computed(() => (this.people.hasValue() ? this.people.value().members : []));

  protected readonly errors = inject(FormErrors);
  protected readonly saving = signal(false);
  protected readonly fieldId = fieldId;
  protected readonly longDate = longDate;

  protected set(key: Exclude<keyof ItemDraft, 'leads'>, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    this.draft.update((d) => d && { ...d, [key]: value, ...(key === 'themeId' ? { objectiveId: '' } : {}) });
  }

  protected setLead(index: number, patch: Partial<LeadRow>): void {
    this.draft.update((d) => d && { ...d, leads: d.leads.map((l, i) => (i === index ? { ...l, ...patch } : l)) });
  }

  protected setLeadPerson(index: number, event: Event): void {
    const userId = (event.target as HTMLSelectElement).value;
    const role = this.roleTitles().find((r) => r.userId === userId);
    const current = this.draft()?.leads[index];
    // Choosing the holder of a leadership role fills in the role, when none is written yet.
    this.setLead(index, { userId, ...(role && current && !current.title ? { title: role.title } : {}) });
  }

  protected setLeadTitle(index: number, event: Event): void {
    const title = (event.target as HTMLInputElement).value;
    const role = this.roleTitles().find((r) => r.title.toLowerCase() === title.trim().toLowerCase());
    const current = this.draft()?.leads[index];
    // Writing a leadership role's title links its holder, when they are a member and no one is chosen yet.
    this.setLead(index, { title, ...(role?.userId && current && !current.userId ? { userId: role.userId } : {}) });
  }

  protected addLead(): void {
    const index = this.draft()?.leads.length ?? 0;
    this.draft.update((d) => d && { ...d, leads: [...d.leads, { key: nextKey++, userId: '', title: '' }] });
    afterNextRender(() => moveFocusTo(this.#document.getElementById(fieldId(`leads.${index}.userId`))), { injector: this.#injector });
  }

  protected removeLead(index: number): void {
    this.draft.update((d) => d && { ...d, leads: d.leads.filter((_, i) => i !== index) });
    this.errors.removeRow('leads', index);
    afterNextRender(() => moveFocusTo(this.#document.getElementById('leads-add')), { injector: this.#injector });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const draft = this.draft();
    if (!draft || this.saving()) return;
    const body = requestFromDraft(draft, this.approved());
    const existing = this.existing.hasValue() ? this.existing.value() : null;
    const schema = existing ? updateWorkItemSchema : createWorkItemSchema;
    const parsed = schema.safeParse(existing ? { ...body, version: existing.version } : body);
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.saving.set(true);
    const request = existing
      ? this.#api.updateItem(this.network(), existing.id, parsed.data)
      : this.#api.createItem(this.network(), this.planId(), parsed.data as Parameters<WorkPlanApi['createItem']>[2]);
    request.subscribe({
      next: (item) => {
        this.saving.set(false);
        this.#flash.set(existing ? 'The work item has been saved.' : `The work item ${item.ref} has been added.`);
        void this.#router.navigate(['/n', this.network(), 'plan', item.planId, 'items', item.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}
