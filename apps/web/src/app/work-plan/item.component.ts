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
import { progressUpdateSchema, type SessionMembership, type WorkItemDto, type WorkItemHistoryEntryDto } from '@plexus/contracts';
import { todayIso, WORK_ITEM_STATUSES, type WorkItemStatus } from '@plexus/domain';
import { formatAuditValue, humanise } from '../audit/audit-format';
import { formatDateTime } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { RagTagComponent } from './rag-tag.component';
import { longDate, slippageText, statusLabel } from './work-plan-format';
import { itemUrl, WorkPlanApi } from './work-plan.api';

const CHANGE_FIELD_LABELS: Record<string, string> = {
  work: 'Work',
  measures: 'Measures of success',
  steps: 'Steps',
  leads: 'Leads',
  timescale: 'Timescale',
  theme: 'Theme',
  objective: 'Objective',
  originalTarget: 'Original target (set when the timescale was first given a date)',
};

/** One work item: what it is, how it stands against its target, its history, and a form for progress. */
@Component({
  selector: 'plx-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent, RagTagComponent],
  providers: [FormErrors],
  templateUrl: './item.component.html',
  styles: `
    .plx-history {
      list-style: none;
      padding: 0;
    }
    .plx-history__entry {
      border-left: 4px solid #d8dde0;
      padding: 8px 16px;
      margin-bottom: 16px;
    }
    .plx-history__entry--change {
      border-left-color: #ffb81c;
    }
    .plx-slipped {
      color: #d5281b;
      font-weight: 600;
    }
    .plx-block {
      display: block;
    }
  `,
})
export class ItemComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly planId = input.required<string>();
  readonly itemId = input.required<string>();

  readonly #api = inject(WorkPlanApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly resource = httpResource<WorkItemDto>(() => itemUrl(this.network(), this.itemId()));
  protected readonly item = linkedSignal<WorkItemDto | null>(() => (this.resource.hasValue() ? this.resource.value() : null));
  protected readonly banner = signal<string | null>(this.#flash.take());

  protected readonly statuses = WORK_ITEM_STATUSES;
  protected readonly progress = linkedSignal<WorkItemDto | null, { on: string; status: WorkItemStatus | ''; narrative: string }>({
    source: () => this.item(),
    computation: (item, previous) => previous?.value ?? { on: todayIso(), status: item?.status ?? '', narrative: '' },
  });
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);
  protected readonly deleting = signal(false);
  protected readonly deleteReason = signal('');

  protected readonly slippage = computed(() => {
    const item = this.item();
    return item ? slippageText(item) : null;
  });

  protected readonly statusLabel = statusLabel;
  protected readonly longDate = longDate;
  protected readonly formatDateTime = formatDateTime;

  protected setProgress(key: 'on' | 'narrative', event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.progress.update((p) => ({ ...p, [key]: value }));
  }

  protected setStatus(status: WorkItemStatus): void {
    this.progress.update((p) => ({ ...p, status }));
  }

  protected changeLines(entry: WorkItemHistoryEntryDto): Array<{ field: string; from: string; to: string }> {
    if (entry.kind !== 'change') return [];
    return Object.entries(entry.changes).map(([field, change]) => ({
      field: CHANGE_FIELD_LABELS[field] ?? humanise(field),
      from: formatAuditValue(change.from),
      to: formatAuditValue(change.to),
    }));
  }

  protected addProgress(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const form = this.progress();
    const parsed = progressUpdateSchema.safeParse({ ...form, status: form.status || undefined });
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.busy.set(true);
    this.#api.addProgress(this.network(), this.itemId(), parsed.data).subscribe({
      next: (item) => {
        this.busy.set(false);
        this.errors.set({});
        this.item.set(item);
        this.progress.set({ on: todayIso(), status: item.status, narrative: '' });
        this.banner.set(null);
        afterNextRender(() => this.banner.set(`Your update has been added. The item is now: ${statusLabel(item.status)}.`), {
          injector: this.#injector,
        });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }

  protected startDelete(): void {
    this.deleting.set(true);
    this.errors.set({});
    afterNextRender(() => moveFocusTo(this.#document.getElementById('delete-heading')), { injector: this.#injector });
  }

  protected cancelDelete(): void {
    this.deleting.set(false);
    afterNextRender(() => moveFocusTo(this.#document.getElementById('delete-item')), { injector: this.#injector });
  }

  protected setDeleteReason(event: Event): void {
    this.deleteReason.set((event.target as HTMLTextAreaElement).value);
  }

  protected confirmDelete(item: WorkItemDto): void {
    if (this.busy()) return;
    const approved = item.planStatus === 'approved';
    if (approved && !this.deleteReason().trim()) {
      this.errors.fail({ reason: 'Give the reason for this change: the board has approved this plan' });
      return;
    }
    this.busy.set(true);
    this.#api.deleteItem(this.network(), item.id, approved ? this.deleteReason() : undefined).subscribe({
      next: () => {
        this.busy.set(false);
        this.#flash.set(`The work item ${item.ref} has been deleted.`);
        void this.#router.navigate(['/n', this.network(), 'plan', item.planId]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}
