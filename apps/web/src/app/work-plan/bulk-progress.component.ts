import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  bulkProgressSchema,
  type BulkProgressResultDto,
  type SessionMembership,
  type WorkItemListDto,
  type WorkItemRowDto,
  type WorkPlanDto,
} from '@plexus/contracts';
import { countOf, todayIso, WORK_ITEM_STATUSES, type WorkItemStatus } from '@plexus/domain';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues, fieldId, serverFieldErrors, type FieldErrors } from '../core/form-errors';
import { isoFromParts, partsFromIso, type DateParts } from '../core/uk-date';
import { DateInputComponent } from '../ui/date-input.component';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { longDate, statusLabel } from './work-plan-format';
import { planUrl, WorkPlanApi } from './work-plan.api';

interface Line {
  chosen: boolean;
  status: WorkItemStatus;
  narrative: string;
}

/**
 * Progress on several work items at once, before a board: the items the person may update (a manager every item, a
 * lead the ones they lead), each with a box to include it, its new status and a short note; one date for all. Saving
 * adds one dated progress update per chosen item, all or none, then says what changed.
 */
@Component({
  selector: 'plx-bulk-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, DateInputComponent, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './bulk-progress.component.html',
})
export class BulkProgressComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly planId = input.required<string>();

  readonly #api = inject(WorkPlanApi);
  readonly #injector = inject(Injector);
  protected readonly errors = inject(FormErrors);
  protected readonly plan = httpResource<WorkPlanDto>(() => planUrl(this.network(), this.planId()));
  protected readonly list = httpResource<WorkItemListDto>(() => `${planUrl(this.network(), this.planId())}/items`);
  /** What the person may update: every item they may add progress to that is not complete. */
  protected readonly items = computed(() =>
    this.list.hasValue() ? this.list.value().items.filter((i) => i.canProgress && i.status !== 'complete') : [],
  );
  protected readonly lines = signal<Record<string, Line>>({});
  protected readonly on = signal<DateParts>(partsFromIso(todayIso()));
  protected readonly busy = signal(false);
  protected readonly result = signal<BulkProgressResultDto | null>(null);
  protected readonly chosenCount = computed(() => this.items().filter((i) => this.line(i).chosen).length);

  protected readonly statuses = WORK_ITEM_STATUSES;
  protected readonly statusLabel = statusLabel;
  protected readonly longDate = longDate;
  protected readonly fieldId = fieldId;
  protected readonly countOf = countOf;

  protected line(item: WorkItemRowDto): Line {
    return this.lines()[item.id] ?? { chosen: false, status: item.status, narrative: '' };
  }

  protected path(item: WorkItemRowDto, field: 'chosen' | 'status' | 'narrative'): string {
    return `items.${item.id}.${field}`;
  }

  /** Changing an item's status or note includes it; the box takes it out again. */
  protected change(item: WorkItemRowDto, field: keyof Line, event: Event): void {
    const target = event.target as HTMLInputElement;
    const value = field === 'chosen' ? target.checked : target.value;
    this.lines.update((all) => {
      const next = { ...this.line(item), [field]: value };
      if (field !== 'chosen') next.chosen = true;
      return { ...all, [item.id]: next };
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const chosen = this.items().filter((i) => this.line(i).chosen);
    const date = isoFromParts(this.on(), 'Date of the updates');
    if ('error' in date) {
      this.errors.fail({ on: date.error });
      return;
    }
    if (!chosen.length) {
      this.errors.fail({ [this.items().length ? this.path(this.items()[0], 'chosen') : '']: 'Choose at least one work item to update' });
      return;
    }
    const body = {
      on: date.iso ?? '',
      updates: chosen.map((i) => ({ itemId: i.id, status: this.line(i).status, narrative: this.line(i).narrative.trim() })),
    };
    const checked = bulkProgressSchema.safeParse(body);
    if (!checked.success) {
      this.errors.fail(this.toItems(fieldErrorsFromIssues(checked.error.issues), chosen));
      return;
    }
    this.busy.set(true);
    this.#api.addProgressToMany(this.network(), this.planId(), checked.data).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.errors.clear();
        this.lines.set({});
        this.result.set(result);
        this.list.reload();
        afterNextRender(() => moveFocusTo(document.getElementById('bulk-result')), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.fail(this.toItems(serverFieldErrors(error), chosen));
      },
    });
  }

  /** `updates.2.narrative` (the third item sent) → that item's note field on the page. */
  private toItems(errors: FieldErrors, sent: WorkItemRowDto[]): FieldErrors {
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(errors)) {
      const m = /^updates\.(\d+)\.(itemId|status|narrative)$/.exec(path);
      const item = m ? sent[Number(m[1])] : undefined;
      out[item && m ? this.path(item, m[2] === 'itemId' ? 'chosen' : (m[2] as 'status' | 'narrative')) : path] = message;
    }
    return out;
  }
}
