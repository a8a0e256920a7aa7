import type { RiskScoreDto, RiskSummaryDto } from '@plexus/contracts';
import { riskBandOf } from '@plexus/domain';
import {
  applyFilter,
  ariaSort,
  compareReferences,
  DEFAULT_FILTER,
  DEFAULT_SORT,
  describeCell,
  describeSort,
  filterFromParams,
  isFiltered,
  leadOptions,
  nextSort,
  notReviewedAtLastBoard,
  overdueRisks,
  paramsFor,
  parseCell,
  type RegisterFilter,
  sortFromParams,
  sortRisks,
} from './risk-register-filter';

function score(likelihood: number | null, impact: number | null, legacy?: number): RiskScoreDto {
  if (likelihood == null || impact == null) {
    return {
      likelihood: null,
      impact: null,
      score: legacy ?? null,
      band: legacy ? 'high' : null,
      legacy: legacy ? { value: legacy, reason: 'old' } : null,
    };
  }
  return { likelihood, impact, score: likelihood * impact, band: riskBandOf(likelihood, impact).id, legacy: null };
}

let n = 0;
function risk(overrides: Partial<RiskSummaryDto> & { reference: string }): RiskSummaryDto {
  n += 1;
  return {
    id: `id-${n}`,
    status: 'open',
    description: `Risk ${overrides.reference}`,
    category: '',
    before: score(4, 4),
    current: score(2, 2),
    targetScore: null,
    mitigationLead: { userId: null, name: '' },
    lastReviewedOn: null,
    nextReviewDue: '2026-06-01',
    overdue: false,
    dateRegistered: '2025-01-01',
    lastBoard: null,
    ...overrides,
  };
}

const ALEX = { userId: '11111111-1111-4111-8111-111111111111', name: 'Alex Smith' };
const RISKS: RiskSummaryDto[] = [
  risk({
    reference: 'SN/10',
    current: score(4, 4),
    before: score(5, 4),
    mitigationLead: ALEX,
    nextReviewDue: '2025-01-01',
    overdue: true,
    description: 'RTT 18 weeks',
  }),
  risk({
    reference: 'SN/2',
    current: score(2, 3),
    mitigationLead: { userId: null, name: 'Chair' },
    category: 'Data',
    description: 'PROMS data collection',
  }),
  risk({ reference: 'SN/1', current: score(1, 2), status: 'closed', nextReviewDue: null, description: 'Referral system' }),
  risk({
    reference: 'SN/3',
    current: score(null, null, 7),
    before: score(null, null, 9),
    nextReviewDue: '2025-02-01',
    overdue: true,
    mitigationLead: ALEX,
  }),
  risk({ reference: 'SN/4', current: score(4, 4), before: score(4, 4), nextReviewDue: null }),
];

const refs = (list: RiskSummaryDto[]) => list.map((r) => r.reference);
const filter = (patch: Partial<RegisterFilter>): RegisterFilter => ({ ...DEFAULT_FILTER, ...patch });

describe('register filter: the address', () => {
  it('reads the defaults from an empty or wrong address', () => {
    expect(filterFromParams({})).toEqual(DEFAULT_FILTER);
    expect(filterFromParams({ status: 'nonsense', band: 'purple', cell: '9,9', matrix: 'sideways', overdue: 'yes' })).toEqual(DEFAULT_FILTER);
    expect(sortFromParams({ sort: 'colour' })).toEqual(DEFAULT_SORT);
  });

  it('round-trips a filter and sort, leaving defaults out of the address', () => {
    const f = filter({
      status: 'all',
      band: 'high',
      lead: ALEX.userId,
      overdue: true,
      notAtLastBoard: true,
      q: 'data',
      cell: { likelihood: 4, impact: 3 },
      matrix: 'before',
    });
    const params = paramsFor(f, { key: 'score', direction: 'desc' });
    expect(params).toEqual({
      status: 'all',
      band: 'high',
      lead: ALEX.userId,
      overdue: 'true',
      notReviewedAtLastBoard: 'true',
      q: 'data',
      cell: '4,3',
      matrix: 'before',
      sort: 'score',
      direction: 'desc',
    });
    expect(filterFromParams(params)).toEqual(f);
    expect(sortFromParams(params)).toEqual({ key: 'score', direction: 'desc' });
    expect(paramsFor(DEFAULT_FILTER, DEFAULT_SORT)).toEqual({});
  });

  it('parses heat-map cells', () => {
    expect(parseCell('4,3')).toEqual({ likelihood: 4, impact: 3 });
    expect(parseCell('0,3')).toBeNull();
    expect(parseCell('4;3')).toBeNull();
    expect(parseCell(undefined)).toBeNull();
  });

  it('knows when anything narrows the list (the heat map’s scores do not)', () => {
    expect(isFiltered(DEFAULT_FILTER)).toBe(false);
    expect(isFiltered(filter({ matrix: 'before' }))).toBe(false);
    expect(isFiltered(filter({ status: 'all' }))).toBe(true);
    expect(isFiltered(filter({ q: 'x' }))).toBe(true);
    expect(isFiltered(filter({ cell: { likelihood: 1, impact: 1 } }))).toBe(true);
  });
});

describe('register filter: applying', () => {
  it('shows open risks by default, and closed or all on request', () => {
    expect(refs(applyFilter(RISKS, DEFAULT_FILTER))).toEqual(['SN/10', 'SN/2', 'SN/3', 'SN/4']);
    expect(refs(applyFilter(RISKS, filter({ status: 'closed' })))).toEqual(['SN/1']);
    expect(applyFilter(RISKS, filter({ status: 'all' }))).toHaveLength(5);
  });

  it('filters by the current score’s band, including a legacy value’s band', () => {
    expect(refs(applyFilter(RISKS, filter({ band: 'extreme' })))).toEqual(['SN/10', 'SN/4']);
    expect(refs(applyFilter(RISKS, filter({ band: 'high' })))).toEqual(['SN/3']);
    expect(refs(applyFilter(RISKS, filter({ band: 'low', status: 'all' })))).toEqual(['SN/1']);
  });

  it('filters by lead: a member, a name, or no lead', () => {
    expect(refs(applyFilter(RISKS, filter({ lead: ALEX.userId })))).toEqual(['SN/10', 'SN/3']);
    expect(refs(applyFilter(RISKS, filter({ lead: 'name:Chair' })))).toEqual(['SN/2']);
    expect(refs(applyFilter(RISKS, filter({ lead: 'none' })))).toEqual(['SN/4']);
  });

  it('filters overdue reviews and searches reference, description, category and lead', () => {
    expect(refs(applyFilter(RISKS, filter({ overdue: true })))).toEqual(['SN/10', 'SN/3']);
    expect(refs(applyFilter(RISKS, filter({ q: 'proms' })))).toEqual(['SN/2']);
    expect(refs(applyFilter(RISKS, filter({ q: 'data' })))).toEqual(['SN/2']);
    expect(refs(applyFilter(RISKS, filter({ q: 'alex' })))).toEqual(['SN/10', 'SN/3']);
    expect(refs(applyFilter(RISKS, filter({ q: 'sn/4' })))).toEqual(['SN/4']);
  });

  it('filters to a heat-map cell on the current or the before-mitigation scores, open risks only', () => {
    expect(refs(applyFilter(RISKS, filter({ cell: { likelihood: 4, impact: 4 } })))).toEqual(['SN/10', 'SN/4']);
    expect(refs(applyFilter(RISKS, filter({ cell: { likelihood: 4, impact: 4 }, matrix: 'before' })))).toEqual(['SN/2', 'SN/4']);
    expect(refs(applyFilter(RISKS, filter({ cell: { likelihood: 1, impact: 2 }, status: 'all' })))).toEqual([]);
    expect(describeCell({ likelihood: 4, impact: 4 }, 'current')).toBe('Likely × Major (Extreme)');
    expect(describeCell({ likelihood: 4, impact: 3 }, 'before')).toBe('Likely × Moderate (High) before mitigation');
  });

  it('combines filters', () => {
    expect(refs(applyFilter(RISKS, filter({ lead: ALEX.userId, band: 'extreme', overdue: true })))).toEqual(['SN/10']);
  });

  it('offers the leads it finds, A–Z, then "No lead"', () => {
    expect(leadOptions(RISKS)).toEqual([
      { value: ALEX.userId, label: 'Alex Smith' },
      { value: 'name:Chair', label: 'Chair' },
      { value: 'none', label: 'No lead' },
    ]);
  });
});

describe('register filter: sorting', () => {
  const open = applyFilter(RISKS, DEFAULT_FILTER);

  it('sorts references as numbers within text (SN/2 before SN/10)', () => {
    expect(refs(sortRisks(open, { key: 'reference', direction: 'asc' }))).toEqual(['SN/2', 'SN/3', 'SN/4', 'SN/10']);
    expect(refs(sortRisks(open, { key: 'reference', direction: 'desc' }))).toEqual(['SN/10', 'SN/4', 'SN/3', 'SN/2']);
    expect(compareReferences('AB/9', 'AB/10')).toBeLessThan(0);
  });

  it('sorts by score with ties in reference order, and by review date with missing dates last either way', () => {
    expect(refs(sortRisks(open, { key: 'score', direction: 'desc' }))).toEqual(['SN/4', 'SN/10', 'SN/3', 'SN/2']);
    expect(refs(sortRisks(open, { key: 'score', direction: 'asc' }))).toEqual(['SN/2', 'SN/3', 'SN/4', 'SN/10']);
    expect(refs(sortRisks(open, { key: 'before', direction: 'desc' }))).toEqual(['SN/10', 'SN/2', 'SN/4', 'SN/3']);
    expect(refs(sortRisks(open, { key: 'nextReviewDue', direction: 'asc' }))).toEqual(['SN/10', 'SN/3', 'SN/2', 'SN/4']);
    expect(refs(sortRisks(open, { key: 'nextReviewDue', direction: 'desc' }))).toEqual(['SN/2', 'SN/3', 'SN/10', 'SN/4']);
  });

  it('does not change the list it is given', () => {
    const copy = [...open];
    sortRisks(open, { key: 'score', direction: 'desc' });
    expect(open).toEqual(copy);
  });

  it('turns a column round on a second click and starts a new one in its most useful direction', () => {
    expect(nextSort(DEFAULT_SORT, 'reference')).toEqual({ key: 'reference', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'score')).toEqual({ key: 'score', direction: 'desc' });
    expect(nextSort({ key: 'score', direction: 'desc' }, 'score')).toEqual({ key: 'score', direction: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'nextReviewDue')).toEqual({ key: 'nextReviewDue', direction: 'asc' });
  });

  it('gives aria-sort for each column and describes the sort in words', () => {
    const sort = { key: 'score', direction: 'desc' } as const;
    expect(ariaSort(sort, 'score')).toBe('descending');
    expect(ariaSort(sort, 'reference')).toBe('none');
    expect(ariaSort(DEFAULT_SORT, 'reference')).toBe('ascending');
    expect(describeSort(sort)).toBe('current score, highest first');
    expect(describeSort({ key: 'nextReviewDue', direction: 'asc' })).toBe('next review date, earliest first');
  });

  it('filters to the open risks not reviewed at the last board meeting', () => {
    const board = (reviewed: boolean) => ({ meetingId: 'm1', meetingDate: '2026-11-12', reviewed });
    const list = [
      risk({ reference: 'SN/01', lastBoard: board(true) }),
      risk({ reference: 'SN/02', lastBoard: board(false) }),
      risk({ reference: 'SN/03', lastBoard: null }),
      risk({ reference: 'SN/04', status: 'closed', lastBoard: null }),
    ];
    expect(applyFilter(list, filter({ notAtLastBoard: true })).map((r) => r.reference)).toEqual(['SN/02']);
    expect(list.filter(notReviewedAtLastBoard).map((r) => r.reference)).toEqual(['SN/02']);
    expect(isFiltered(filter({ notAtLastBoard: true }))).toBe(true);
    expect(filterFromParams({ notReviewedAtLastBoard: 'yes' }).notAtLastBoard).toBe(false);
  });

  it('lists open overdue risks, the longest overdue first', () => {
    expect(refs(overdueRisks(RISKS))).toEqual(['SN/10', 'SN/3']);
  });
});
