import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { SessionMembership, WorkItemListDto, WorkPlanDto } from '@plexus/contracts';
import { RAG_INFO, RAGS, WORK_ITEM_STATUSES } from '@plexus/domain';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { ItemRowsComponent } from './item-rows.component';
import { PlanNavComponent } from './plan-nav.component';
import { countsText, longDate, statusLabel } from './work-plan-format';
import { planUrl, workPlanUrl } from './work-plan.api';

export const FILTER_KEYS = ['lead', 'status', 'rag', 'themeId', 'quarter', 'slipped', 'flagged', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The query the table sends: only the filters that are set. */
export function filterParams(values: Partial<Record<FilterKey, string | undefined>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = values[key]?.trim();
    if (value) params[key] = value;
  }
  return params;
}

/** A plan's items as a filterable table (by lead, status, colour, theme, due quarter, slipped), or the caller's own items. */
@Component({
  selector: 'plx-items-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadErrorComponent, LoadingComponent, ItemRowsComponent, PlanNavComponent],
  templateUrl: './items-table.component.html',
})
export class ItemsTableComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  /** Absent for "my items" (across plans). */
  readonly planId = input<string | undefined>();
  /** Route data: the caller's items. */
  readonly mine = input(false);
  readonly lead = input<string | undefined>();
  readonly status = input<string | undefined>();
  readonly rag = input<string | undefined>();
  readonly themeId = input<string | undefined>();
  readonly quarter = input<string | undefined>();
  readonly slipped = input<string | undefined>();
  readonly flagged = input<string | undefined>();
  readonly q = input<string | undefined>();

  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);

  protected readonly params = computed(() =>
    filterParams({
      lead: this.lead(),
      status: this.status(),
      rag: this.rag(),
      themeId: this.themeId(),
      quarter: this.quarter(),
      slipped: this.slipped(),
      flagged: this.flagged(),
      q: this.q(),
    }),
  );
  protected readonly list = httpResource<WorkItemListDto>(() => {
    const planId = this.planId();
    const url = this.mine() || !planId ? `${workPlanUrl(this.network())}/my-items` : `${planUrl(this.network(), planId)}/items`;
    return { url, params: this.params() };
  });
  protected readonly plan = httpResource<WorkPlanDto>(() => {
    const planId = this.planId();
    return planId && !this.mine() ? planUrl(this.network(), planId) : undefined;
  });
  protected readonly filtered = computed(() => Object.keys(this.params()).length > 0);

  protected readonly statuses = WORK_ITEM_STATUSES;
  protected readonly rags = RAGS;
  protected readonly ragInfo = RAG_INFO;
  protected readonly statusLabel = statusLabel;
  protected readonly countsText = countsText;
  protected readonly longDate = longDate;

  protected applyFilter(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const read = (name: string) => {
      const element = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (!element) return undefined;
      if (element instanceof HTMLInputElement && element.type === 'checkbox') return element.checked ? 'true' : undefined;
      return element.value;
    };
    const params = filterParams(Object.fromEntries(FILTER_KEYS.map((key) => [key, read(key)])));
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: Object.fromEntries(FILTER_KEYS.map((key) => [key, params[key] ?? null])),
    });
  }
}
