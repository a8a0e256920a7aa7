import type { RiskScoreDto, RiskSummaryDto } from '@plexus/contracts';
import { isRiskRating, RISK_BAND_IDS, riskBandOf, type RiskBandId, type RiskRating } from '@plexus/domain';
import { cellName } from './risk-format';

/**
 * The register's filter and sort, kept in the address (`?band=high&sort=score&direction=desc`) so
 * that a filtered view can be shared, bookmarked and left with the back button. The page loads the
 * whole register once and applies them here, so that a change shows at once.
 */

export type StatusFilter = 'open' | 'closed' | 'all';
export type HeatMapMatrix = 'current' | 'before';
export type RiskSortKey = 'reference' | 'score' | 'before' | 'nextReviewDue' | 'dateRegistered';
export type SortDirection = 'asc' | 'desc';

export interface HeatMapCellRef {
  likelihood: RiskRating;
  impact: RiskRating;
}

export interface RegisterFilter {
  status: StatusFilter;
  band: RiskBandId | null;
  /** A lead: the member's user id, `name:<text>` for a lead who is not a member, or `none`. */
  lead: string | null;
  overdue: boolean;
  /** Only open risks not reviewed at the last board meeting (`?notReviewedAtLastBoard=true`, as the API names it). */
  notAtLastBoard: boolean;
  q: string;
  /** A heat-map cell: open risks whose scores on `matrix` are this likelihood and impact. */
  cell: HeatMapCellRef | null;
  matrix: HeatMapMatrix;
}

export interface RegisterSort {
  key: RiskSortKey;
  direction: SortDirection;
}

export const DEFAULT_FILTER: RegisterFilter = {
  status: 'open',
  band: null,
  lead: null,
  overdue: false,
  notAtLastBoard: false,
  q: '',
  cell: null,
  matrix: 'current',
};
export const DEFAULT_SORT: RegisterSort = { key: 'reference', direction: 'asc' };

const STATUSES: readonly StatusFilter[] = ['open', 'closed', 'all'];
const SORT_KEYS: readonly RiskSortKey[] = ['reference', 'score', 'before', 'nextReviewDue', 'dateRegistered'];

export const SORT_LABELS: Readonly<Record<RiskSortKey, string>> = {
  reference: 'reference',
  score: 'current score',
  before: 'score before mitigation',
  nextReviewDue: 'next review date',
  dateRegistered: 'date registered',
};

/** Query parameters as the router gives them (anything may be missing or wrong). */
export type RegisterParams = Readonly<Record<string, string | null | undefined>>;

/** `4,3` → likelihood 4, impact 3. */
export function parseCell(value: string | null | undefined): HeatMapCellRef | null {
  const match = /^([1-5]),([1-5])$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const likelihood = Number(match[1]);
  const impact = Number(match[2]);
  return isRiskRating(likelihood) && isRiskRating(impact) ? { likelihood, impact } : null;
}

export function filterFromParams(params: RegisterParams): RegisterFilter {
  const status = params['status'];
  const band = params['band'];
  return {
    status: STATUSES.includes(status as StatusFilter) ? (status as StatusFilter) : 'open',
    band: RISK_BAND_IDS.includes(band as RiskBandId) ? (band as RiskBandId) : null,
    lead: params['lead']?.trim() || null,
    overdue: params['overdue'] === 'true',
    notAtLastBoard: params['notReviewedAtLastBoard'] === 'true',
    q: params['q']?.trim() ?? '',
    cell: parseCell(params['cell']),
    matrix: params['matrix'] === 'before' ? 'before' : 'current',
  };
}

export function sortFromParams(params: RegisterParams): RegisterSort {
  const key = params['sort'];
  if (!SORT_KEYS.includes(key as RiskSortKey)) return DEFAULT_SORT;
  return { key: key as RiskSortKey, direction: params['direction'] === 'desc' ? 'desc' : 'asc' };
}

/** Query parameters for a filter and sort; defaults are left out so that the plain address is the default view. */
export function paramsFor(filter: RegisterFilter, sort: RegisterSort): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.status !== 'open') params['status'] = filter.status;
  if (filter.band) params['band'] = filter.band;
  if (filter.lead) params['lead'] = filter.lead;
  if (filter.overdue) params['overdue'] = 'true';
  if (filter.notAtLastBoard) params['notReviewedAtLastBoard'] = 'true';
  if (filter.q.trim()) params['q'] = filter.q.trim();
  if (filter.cell) params['cell'] = `${filter.cell.likelihood},${filter.cell.impact}`;
  if (filter.matrix !== 'current') params['matrix'] = filter.matrix;
  if (sort.key !== DEFAULT_SORT.key || sort.direction !== DEFAULT_SORT.direction) {
    params['sort'] = sort.key;
    params['direction'] = sort.direction;
  }
  return params;
}

/** Is anything narrowing the list beyond the default "open risks"? (The heat map's matrix is not a filter.) */
export function isFiltered(filter: RegisterFilter): boolean {
  return filter.status !== 'open' || !!filter.band || !!filter.lead || filter.overdue || filter.notAtLastBoard || !!filter.q || !!filter.cell;
}

/** The key of a risk's mitigation lead, as used by the lead filter. */
export function leadKey(risk: Pick<RiskSummaryDto, 'mitigationLead'>): string {
  const { userId, name } = risk.mitigationLead;
  if (userId) return userId;
  return name.trim() ? `name:${name.trim()}` : 'none';
}

/** The leads the register names, for the filter: members and names, A–Z, then "No lead" when some have none. */
export function leadOptions(risks: readonly RiskSummaryDto[]): Array<{ value: string; label: string }> {
  const byKey = new Map<string, string>();
  let unled = false;
  for (const risk of risks) {
    const key = leadKey(risk);
    if (key === 'none') unled = true;
    else if (!byKey.has(key)) byKey.set(key, risk.mitigationLead.name.trim() || 'Unnamed member');
  }
  const options = [...byKey].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  return unled ? [...options, { value: 'none', label: 'No lead' }] : options;
}

function scoresOn(risk: RiskSummaryDto, matrix: HeatMapMatrix): RiskScoreDto {
  return matrix === 'before' ? risk.before : risk.current;
}

function matchesText(risk: RiskSummaryDto, q: string): boolean {
  const needle = q.trim().toLocaleLowerCase('en-GB');
  if (!needle) return true;
  return [risk.reference, risk.description, risk.category, risk.mitigationLead.name].some((field) =>
    (field ?? '').toLocaleLowerCase('en-GB').includes(needle),
  );
}

/** The risks the filter lets through, in the order given. */
export function applyFilter(risks: readonly RiskSummaryDto[], filter: RegisterFilter): RiskSummaryDto[] {
  return risks.filter((risk) => {
    if (filter.status !== 'all' && risk.status !== filter.status) return false;
    if (filter.band && risk.current.band !== filter.band) return false;
    if (filter.lead && leadKey(risk) !== filter.lead) return false;
    if (filter.overdue && !risk.overdue) return false;
    if (filter.notAtLastBoard && !notReviewedAtLastBoard(risk)) return false;
    if (filter.cell) {
      // The heat map shows open risks only.
      const scores = scoresOn(risk, filter.matrix);
      if (risk.status !== 'open' || scores.likelihood !== filter.cell.likelihood || scores.impact !== filter.cell.impact) return false;
    }
    return matchesText(risk, filter.q);
  });
}

const REFERENCE_ORDER = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** SN/2 before SN/10. */
export function compareReferences(a: string, b: string): number {
  return REFERENCE_ORDER.compare(a, b);
}

function sortValue(risk: RiskSummaryDto, key: RiskSortKey): number | string | null {
  switch (key) {
    case 'reference':
      return risk.reference;
    case 'score':
      return risk.current.score;
    case 'before':
      return risk.before.score;
    case 'nextReviewDue':
      return risk.status === 'open' ? risk.nextReviewDue : null;
    case 'dateRegistered':
      return risk.dateRegistered;
  }
}

/**
 * A sorted copy. Risks without a value (no score, no review date, closed risks for the review date)
 * go last whichever the direction; ties keep reference order.
 */
export function sortRisks(risks: readonly RiskSummaryDto[], sort: RegisterSort): RiskSummaryDto[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...risks].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va == null || vb == null) {
      if (va == null && vb != null) return 1;
      if (vb == null && va != null) return -1;
    } else {
      const order =
        sort.key === 'reference'
          ? compareReferences(String(va), String(vb))
          : typeof va === 'number' && typeof vb === 'number'
            ? va - vb
            : String(va).localeCompare(String(vb));
      if (order !== 0) return sign * order;
    }
    return compareReferences(a.reference, b.reference);
  });
}

/** Clicking a column: the same column turns round; a new one starts with its most useful direction. */
export function nextSort(current: RegisterSort, key: RiskSortKey): RegisterSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'score' || key === 'before' || key === 'dateRegistered' ? 'desc' : 'asc' };
}

export function ariaSort(sort: RegisterSort, key: RiskSortKey): 'ascending' | 'descending' | 'none' {
  if (sort.key !== key) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

/** "current score, highest first" */
export function describeSort(sort: RegisterSort): string {
  const numeric = sort.key === 'score' || sort.key === 'before';
  const dated = sort.key === 'nextReviewDue' || sort.key === 'dateRegistered';
  const way = numeric
    ? sort.direction === 'asc'
      ? 'lowest first'
      : 'highest first'
    : dated
      ? sort.direction === 'asc'
        ? 'earliest first'
        : 'latest first'
      : sort.direction === 'asc'
        ? 'first to last'
        : 'last to first';
  return `${SORT_LABELS[sort.key]}, ${way}`;
}

/** "Likely × Major (High)", with "before mitigation" when the map shows the earlier scores. */
export function describeCell(cell: HeatMapCellRef, matrix: HeatMapMatrix): string {
  const band = riskBandOf(cell.likelihood, cell.impact);
  return `${cellName(cell.likelihood, cell.impact)} (${band.label})${matrix === 'before' ? ' before mitigation' : ''}`;
}

/** An open risk that was not reviewed at the last board meeting (the latest on or before today). */
export function notReviewedAtLastBoard(risk: RiskSummaryDto): boolean {
  return risk.status === 'open' && !!risk.lastBoard && !risk.lastBoard.reviewed;
}

/** Open risks past their review date, the longest overdue first. */
export function overdueRisks(risks: readonly RiskSummaryDto[]): RiskSummaryDto[] {
  return sortRisks(
    risks.filter((risk) => risk.status === 'open' && risk.overdue),
    { key: 'nextReviewDue', direction: 'asc' },
  );
}
