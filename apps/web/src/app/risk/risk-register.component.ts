import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { RiskHeatMapDto, RiskSummaryDto, SessionMembership } from '@plexus/contracts';
import { can, RISK_BAND_IDS, RISK_BANDS, type RiskBandId } from '@plexus/domain';
import { formatDate } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { exportUrl, heatMapUrl, risksUrl } from './risk.api';
import { countRisks } from './risk-format';
import { RiskHeatMapComponent } from './risk-heat-map.component';
import {
  applyFilter,
  ariaSort,
  DEFAULT_FILTER,
  describeCell,
  describeSort,
  filterFromParams,
  type HeatMapCellRef,
  type HeatMapMatrix,
  isFiltered,
  leadOptions,
  nextSort,
  notReviewedAtLastBoard,
  overdueRisks,
  paramsFor,
  type RegisterFilter,
  type RegisterSort,
  type RiskSortKey,
  sortFromParams,
  sortRisks,
  type StatusFilter,
} from './risk-register-filter';
import { RiskScoreComponent } from './risk-score.component';

const STATUS_OPTIONS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'Open and closed' },
];

@Component({
  selector: 'plx-risk-register',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadErrorComponent, LoadingComponent, SuccessBannerComponent, RiskHeatMapComponent, RiskScoreComponent],
  templateUrl: './risk-register.component.html',
  styleUrl: './risk-register.component.css',
})
export class RiskRegisterComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  /** Query parameters: the filter, the heat map's scores and the sort (see risk-register-filter.ts). */
  readonly status = input<string | undefined>();
  readonly band = input<string | undefined>();
  readonly lead = input<string | undefined>();
  readonly overdue = input<string | undefined>();
  readonly notReviewedAtLastBoard = input<string | undefined>();
  readonly q = input<string | undefined>();
  readonly cell = input<string | undefined>();
  readonly matrix = input<string | undefined>();
  readonly sort = input<string | undefined>();
  readonly direction = input<string | undefined>();

  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  /** The whole register (open and closed); filtering and sorting happen here, at once. */
  protected readonly risks = httpResource<RiskSummaryDto[]>(() => ({ url: risksUrl(this.network()), params: { status: 'all' } }));
  protected readonly heatMap = httpResource<RiskHeatMapDto>(() => heatMapUrl(this.network()));
  protected readonly flash = inject(FlashService).take();

  protected readonly filter = computed<RegisterFilter>(() =>
    filterFromParams({
      status: this.status(),
      band: this.band(),
      lead: this.lead(),
      overdue: this.overdue(),
      notReviewedAtLastBoard: this.notReviewedAtLastBoard(),
      q: this.q(),
      cell: this.cell(),
      matrix: this.matrix(),
    }),
  );
  protected readonly sortState = computed<RegisterSort>(() => sortFromParams({ sort: this.sort(), direction: this.direction() }));

  protected readonly all = computed(() => (this.risks.hasValue() ? this.risks.value() : []));
  protected readonly shown = computed(() => sortRisks(applyFilter(this.all(), this.filter()), this.sortState()));
  protected readonly overdueList = computed(() => overdueRisks(this.all()));
  /** The last board meeting's day (the latest on or before today), once the board has met. */
  protected readonly lastBoardDate = computed(() => this.all().find((risk) => risk.lastBoard)?.lastBoard?.meetingDate ?? null);
  protected readonly notAtLastBoardList = computed(() => this.all().filter(notReviewedAtLastBoard));
  protected readonly isNotAtLastBoard = notReviewedAtLastBoard;
  protected readonly openCount = computed(() => this.all().filter((risk) => risk.status === 'open').length);
  protected readonly closedCount = computed(() => this.all().length - this.openCount());
  protected readonly leads = computed(() => {
    const options = leadOptions(this.all());
    const chosen = this.filter().lead;
    // A lead in the address who leads nothing any more still shows as chosen.
    return chosen && !options.some((o) => o.value === chosen) ? [...options, { value: chosen, label: 'The chosen lead' }] : options;
  });
  protected readonly filtered = computed(() => isFiltered(this.filter()));
  protected readonly cellDescription = computed(() => {
    const { cell, matrix } = this.filter();
    return cell ? describeCell(cell, matrix) : null;
  });
  protected readonly resultText = computed(() => {
    const shown = this.shown().length;
    const filter = this.filter();
    const what = filter.status === 'open' ? 'open risks' : filter.status === 'closed' ? 'closed risks' : 'risks';
    const total = filter.status === 'open' ? this.openCount() : filter.status === 'closed' ? this.closedCount() : this.all().length;
    const count = shown === total ? `Showing all ${total} ${what}` : `Showing ${shown} of ${total} ${what}`;
    return `${count}, sorted by ${describeSort(this.sortState())}.`;
  });

  protected readonly mapCells = computed(() => {
    if (!this.heatMap.hasValue()) return null;
    const map = this.heatMap.value();
    return this.filter().matrix === 'before' ? map.before : map.current;
  });
  protected readonly unplaced = computed(() => {
    if (!this.heatMap.hasValue()) return 0;
    const { unplaced } = this.heatMap.value();
    return this.filter().matrix === 'before' ? unplaced.before : unplaced.current;
  });
  protected readonly mapCaption = computed(() =>
    this.filter().matrix === 'before'
      ? 'Open risks by likelihood and impact before mitigation'
      : 'Open risks by likelihood and impact now (after mitigation)',
  );

  protected readonly canEdit = computed(() => can(this.membership().role, 'risk.edit'));
  protected readonly bands = RISK_BAND_IDS.map((id) => RISK_BANDS[id]);
  protected readonly statusOptions = STATUS_OPTIONS;
  protected readonly formatDate = formatDate;
  protected readonly countRisks = countRisks;

  protected exportHref(format: 'xlsx' | 'csv'): string {
    return exportUrl(this.network(), format);
  }

  protected sortAttr(key: RiskSortKey): 'ascending' | 'descending' | 'none' {
    return ariaSort(this.sortState(), key);
  }

  protected sortIndicator(key: RiskSortKey): string {
    const sort = this.sortState();
    if (sort.key !== key) return '↕';
    return sort.direction === 'asc' ? '▲' : '▼';
  }

  // ---- changing the view ------------------------------------------------------------------------

  private go(filter: RegisterFilter, sort: RegisterSort = this.sortState()): Promise<boolean> {
    return this.#router.navigate([], { relativeTo: this.#route, queryParams: paramsFor(filter, sort) });
  }

  private focusAfter(navigation: Promise<boolean>, find: () => HTMLElement | null): void {
    void navigation.then(() => afterNextRender(() => moveFocusTo(find()), { injector: this.#injector }));
  }

  protected applyFilters(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const band = field('band')?.value ?? '';
    const status = field('status')?.value ?? 'open';
    void this.go({
      ...this.filter(),
      band: (RISK_BAND_IDS as readonly string[]).includes(band) ? (band as RiskBandId) : null,
      status: STATUS_OPTIONS.some((o) => o.value === status) ? (status as StatusFilter) : 'open',
      lead: field('lead')?.value || null,
      overdue: (field('overdue') as HTMLInputElement | null)?.checked ?? false,
      notAtLastBoard: (field('notReviewedAtLastBoard') as HTMLInputElement | null)?.checked ?? false,
      q: field('q')?.value.trim() ?? '',
    });
  }

  protected clearFilters(): void {
    const search = this.#document.getElementById('filter-q') as HTMLInputElement | null;
    if (search) search.value = '';
    this.focusAfter(this.go({ ...DEFAULT_FILTER, matrix: this.filter().matrix }), () => this.#document.getElementById('risks-heading'));
  }

  protected showOverdue(): void {
    this.focusAfter(this.go({ ...DEFAULT_FILTER, matrix: this.filter().matrix, overdue: true }), () =>
      this.#document.getElementById('risks-heading'),
    );
  }

  protected showNotAtLastBoard(): void {
    this.focusAfter(this.go({ ...DEFAULT_FILTER, matrix: this.filter().matrix, notAtLastBoard: true }), () =>
      this.#document.getElementById('risks-heading'),
    );
  }

  protected showClosed(): void {
    void this.go({ ...this.filter(), status: 'closed' });
  }

  /** A heat-map cell: show its open risks (or stop, if it was already chosen), then go to the list. */
  protected chooseCell(ref: HeatMapCellRef): void {
    const current = this.filter().cell;
    if (current && current.likelihood === ref.likelihood && current.impact === ref.impact) {
      this.clearCell();
      return;
    }
    this.focusAfter(this.go({ ...this.filter(), cell: ref, status: 'open' }), () => this.#document.getElementById('cell-filter'));
  }

  protected clearCell(): void {
    const cell = this.filter().cell;
    const key = cell ? `${cell.likelihood},${cell.impact}` : '';
    this.focusAfter(
      this.go({ ...this.filter(), cell: null }),
      () => this.#document.querySelector<HTMLElement>(`[data-cell="${key}"] button`) ?? this.#document.getElementById('heat-map-heading'),
    );
  }

  protected setMatrix(matrix: HeatMapMatrix): void {
    // A cell means a pair of scores on one matrix; it does not carry over to the other.
    void this.go({ ...this.filter(), matrix, cell: null });
  }

  protected sortBy(key: RiskSortKey): void {
    void this.go(this.filter(), nextSort(this.sortState(), key));
  }

  protected isSelectedLead(value: string): boolean {
    return this.filter().lead === value;
  }
}
