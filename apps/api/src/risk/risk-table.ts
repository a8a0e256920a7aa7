import type { RiskImportPreviewDto, RiskImportRowDto } from '@plexus/contracts';
import { classifyLegacyScore, parseTimescale } from '@plexus/domain';
import { findTables, matchColumns, type Table } from '@plexus/server/table-reader';

/** The columns of a risk register file: our field → the headers we recognise (compared lower-case, words only). */
export const RISK_COLUMNS = {
  reference: ['reference', 'risk number', 'risk no', 'ref', 'risk ref', 'risk reference'],
  dateRegistered: ['date registered', 'registered', 'date raised', 'date identified'],
  identifiedBy: ['identified by', 'raised by'],
  description: ['description', 'risk', 'risk description', 'title'],
  category: ['category'],
  likelihoodBefore: ['likelihood before mitigation', 'likelihood before', 'likelihood', 'initial likelihood'],
  impactBefore: ['impact before mitigation', 'impact before', 'impact', 'consequence', 'initial impact'],
  scoreBefore: ['score before mitigation', 'score before', 'initial score', 'score', 'risk score'],
  mitigation: ['mitigation', 'mitigating actions', 'actions', 'controls'],
  mitigationLead: ['mitigation lead', 'lead', 'owner', 'risk owner'],
  likelihoodAfter: ['likelihood after mitigation', 'likelihood after', 'likelihood post mitigation', 'residual likelihood'],
  impactAfter: ['impact after mitigation', 'impact after', 'impact post mitigation', 'residual impact'],
  scoreAfter: ['score post mitigation', 'score after mitigation', 'score after', 'residual score', 'current score'],
  targetScore: ['target score', 'target'],
  outcome: ['outcome', 'outcome notes'],
  lastReviewedOn: ['date last reviewed', 'last reviewed', 'last review'],
  reviewFrequencyMonths: ['review frequency months', 'review frequency'],
  nextReviewDue: ['next review due', 'review due', 'next review'],
  status: ['status'],
} as const;
export type RiskColumn = keyof typeof RISK_COLUMNS;

/** The headers we write on export, which the importer reads back. */
export const EXPORT_HEADERS: Record<RiskColumn, string> = {
  reference: 'Reference',
  dateRegistered: 'Date registered',
  identifiedBy: 'Identified by',
  description: 'Description',
  category: 'Category',
  likelihoodBefore: 'Likelihood before mitigation',
  impactBefore: 'Impact before mitigation',
  scoreBefore: 'Score before mitigation',
  mitigation: 'Mitigation',
  mitigationLead: 'Mitigation lead',
  likelihoodAfter: 'Likelihood after mitigation',
  impactAfter: 'Impact after mitigation',
  scoreAfter: 'Score after mitigation',
  targetScore: 'Target score',
  outcome: 'Outcome',
  lastReviewedOn: 'Date last reviewed',
  reviewFrequencyMonths: 'Review frequency (months)',
  nextReviewDue: 'Next review due',
  status: 'Status',
};

export type Cell = string | number | Date | null;

const ALIASES = Object.entries(RISK_COLUMNS) as Array<[RiskColumn, readonly string[]]>;

/** Our field → its column, from the headers (exact names only). */
export function mapColumns(headers: readonly string[]): Partial<Record<RiskColumn, number>> {
  const found: Partial<Record<RiskColumn, number>> = {};
  matchColumns(headers, ALIASES, true).forEach((field, index) => {
    if (field) found[field] = index;
  });
  return found;
}

/** A register's header row names at least two of our columns. */
const isRiskHeader = (cells: readonly string[]) => Object.keys(mapColumns(cells)).length >= 2;

/**
 * The register in a file: the first sheet with a header row naming our columns (the same sheet choice and header
 * finding as every import), else the first row of the first sheet with anything in it; the rows under the header
 * that hold something.
 */
export function registerRows(table: Table): { headers: string[]; rows: string[][] } {
  const nonEmpty = (cells: readonly string[]) => cells.some((c) => c.trim() !== '');
  const found =
    findTables(table.sheets, isRiskHeader)[0] ??
    table.sheets.map((sheet) => ({ sheet, headerIndex: sheet.rows.findIndex(nonEmpty) })).find((t) => t.headerIndex >= 0);
  if (!found) return { headers: [], rows: [] };
  const { sheet, headerIndex } = found;
  return { headers: sheet.rows[headerIndex].map((h) => h.trim()), rows: sheet.rows.slice(headerIndex + 1).filter(nonEmpty) };
}

/** A date from a cell: a spreadsheet date, 2026-03-31, 31/03/2026 or words like "22nd March 2016". */
export function readDate(value: Cell): { ok: true; date: string | null } | { ok: false; message: string } {
  if (value === null || String(value).trim() === '') return { ok: true, date: null };
  if (value instanceof Date) return { ok: true, date: value.toISOString().slice(0, 10) };
  const text = String(value).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2].padStart(2, '0'), uk[1].padStart(2, '0')] : [null, null, null];
  if (y) {
    const date = `${y}-${m}-${d}`;
    const check = new Date(`${date}T00:00:00Z`);
    if (!Number.isNaN(check.getTime()) && check.toISOString().startsWith(date)) return { ok: true, date };
    return { ok: false, message: `"${text}" is not a real date` };
  }
  const parsed = parseTimescale(text);
  if (parsed.kind === 'date' && parsed.end && !parsed.flag) return { ok: true, date: parsed.end };
  return { ok: false, message: `"${text}" is not a date we can read; write it like 2026-03-31 or 31/03/2026` };
}

/** A whole number from a cell, or a message saying why not. */
export function readInt(value: Cell, min: number, max: number, label: string): { ok: true; value: number | null } | { ok: false; message: string } {
  if (value === null || String(value).trim() === '') return { ok: true, value: null };
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < min || n > max)
    return { ok: false, message: `${label} must be a whole number from ${min} to ${max} (found "${String(value).trim()}")` };
  return { ok: true, value: n };
}

export function readText(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

const REFERENCE = /^([A-Z][A-Z0-9]{0,5})\/(\d{1,5})$/;
/** The most rows one import takes. */
export const RISK_IMPORT_MAX_ROWS = 1000;

/** What the import needs to know of the network, read before the file is interpreted (off the event loop). */
export interface RiskImportContext {
  /** Members' display names (lower case) → their user ids. */
  membersByName: Array<[string, string]>;
  takenReferences: string[];
  takenNumbers: number[];
  /** Today in Europe/London (no date registered after it). */
  today: string;
}

/** A risk read from a row, as plain values; the service makes the entity and numbers it. */
export interface RiskDraft {
  number: number;
  reference: string;
  description: string;
  dateRegistered: string;
  identifiedBy: string;
  category: string;
  mitigation: string;
  outcome: string;
  mitigationLeadName: string;
  mitigationLeadUserId: string | null;
  likelihoodBefore: number | null;
  impactBefore: number | null;
  legacyScoreBefore: number | null;
  likelihoodAfter: number | null;
  impactAfter: number | null;
  legacyScoreAfter: number | null;
  targetScore: number | null;
  reviewFrequencyMonths: number;
  lastReviewedOn: string | null;
  /** As given; null: the service sets it from the last review (or registration) and the frequency. */
  nextReviewDue: string | null;
  status: 'open' | 'closed';
  closedOn: string | null;
  closedReason: string | null;
}

export interface RiskInterpretation {
  preview: RiskImportPreviewDto;
  /** Per preview row: the risk to write, or null when the row has problems. */
  drafts: Array<RiskDraft | null>;
}

/** Reads a register: every row's risk, problems and warnings (legacy scores flagged). Pure: runs in a worker thread. */
export function interpretRiskTable(table: Table, ctx: RiskImportContext): RiskInterpretation {
  const { headers, rows } = registerRows(table);
  const cols = mapColumns(headers);
  const columns = Object.fromEntries(Object.entries(cols).map(([k, i]) => [k, headers[i as number]]));
  const fileProblems: string[] = [];
  if (cols.description === undefined) fileProblems.push('No "Description" column: the first row must hold the column headers');
  if (cols.dateRegistered === undefined) fileProblems.push('No "Date registered" column');
  if (cols.likelihoodBefore === undefined && cols.scoreBefore === undefined) {
    fileProblems.push(
      'No score before mitigation: give "Likelihood before mitigation" and "Impact before mitigation" columns, or a "Score before mitigation" column',
    );
  }
  if (rows.length === 0) fileProblems.push('The file has no rows under its header');
  if (rows.length > RISK_IMPORT_MAX_ROWS) fileProblems.push(`The file has ${rows.length} rows; import ${RISK_IMPORT_MAX_ROWS} at most at a time`);
  if (fileProblems.length) return { preview: { rows: [], columns, ok: false, fileProblems }, drafts: [] };

  const byName = new Map(ctx.membersByName);
  const takenRefs = new Set(ctx.takenReferences);
  const takenNumbers = new Set(ctx.takenNumbers);

  const results = rows.map((cells, index): { row: RiskImportRowDto; draft: RiskDraft | null } => {
    const get = (c: RiskColumn): Cell => (cols[c] === undefined ? null : (cells[cols[c] as number] ?? null));
    const problems: RiskImportRowDto['problems'] = [];
    const warnings: RiskImportRowDto['warnings'] = [];
    const problem = (field: string, message: string) => problems.push({ field, message });
    const r: RiskDraft = {
      number: 0,
      reference: '',
      description: '',
      dateRegistered: '',
      identifiedBy: '',
      category: '',
      mitigation: '',
      outcome: '',
      mitigationLeadName: '',
      mitigationLeadUserId: null,
      likelihoodBefore: null,
      impactBefore: null,
      legacyScoreBefore: null,
      likelihoodAfter: null,
      impactAfter: null,
      legacyScoreAfter: null,
      targetScore: null,
      reviewFrequencyMonths: 3,
      lastReviewedOn: null,
      nextReviewDue: null,
      status: 'open',
      closedOn: null,
      closedReason: null,
    };

    const ref = readText(get('reference')).toUpperCase();
    if (ref) {
      const m = REFERENCE.exec(ref);
      if (!m) problem('reference', `"${ref}" is not a reference like SN/07`);
      else if (takenRefs.has(ref) || takenNumbers.has(Number(m[2])))
        problem('reference', `${ref} is already used in this register (or in this file); references are never reused`);
      else {
        r.reference = ref;
        r.number = Number(m[2]);
        takenRefs.add(ref);
        takenNumbers.add(r.number);
      }
    }
    r.description = readText(get('description'));
    if (!r.description) problem('description', 'The description is empty');
    if (r.description.length > 4000) problem('description', 'The description is over 4000 characters');
    const registered = readDate(get('dateRegistered'));
    if (!registered.ok) problem('dateRegistered', registered.message);
    else if (!registered.date) problem('dateRegistered', 'The date registered is empty');
    else if (registered.date > ctx.today) problem('dateRegistered', 'The date registered is in the future');
    else r.dateRegistered = registered.date;
    r.identifiedBy = readText(get('identifiedBy'));
    r.category = readText(get('category'));
    r.mitigation = readText(get('mitigation'));
    r.outcome = readText(get('outcome'));
    const lead = readText(get('mitigationLead'));
    r.mitigationLeadName = lead;
    r.mitigationLeadUserId = byName.get(lead.toLowerCase()) ?? null;

    const side = (which: 'Before' | 'After') => {
      const l = readInt(get(`likelihood${which}`), 1, 5, `Likelihood ${which.toLowerCase()} mitigation`);
      const i = readInt(get(`impact${which}`), 1, 5, `Impact ${which.toLowerCase()} mitigation`);
      const s = readInt(get(`score${which}`), 1, 25, `Score ${which.toLowerCase()} mitigation`);
      if (!l.ok) problem(`likelihood${which}`, l.message);
      if (!i.ok) problem(`impact${which}`, i.message);
      if (!s.ok) problem(`score${which}`, s.message);
      const L = l.ok ? l.value : null;
      const I = i.ok ? i.value : null;
      const S = s.ok ? s.value : null;
      if (l.ok && i.ok && (L == null) !== (I == null))
        problem(L == null ? `likelihood${which}` : `impact${which}`, `Give both likelihood and impact ${which.toLowerCase()} mitigation, or neither`);
      if (L != null && I != null) {
        if (S != null && S !== L * I) warnings.push({ field: `score${which}`, message: `The score ${S} is not ${L} × ${I}; ${L * I} is used` });
        return { L, I, legacy: null as number | null };
      }
      if (S != null) {
        const c = classifyLegacyScore(S);
        warnings.push({
          field: `score${which}`,
          message: c.legacy
            ? `Legacy score ${S}: ${c.reason}`
            : `Score ${S} imported without likelihood and impact: kept as a legacy value to re-score at the next review`,
        });
        return { L: null, I: null, legacy: S };
      }
      return { L: null, I: null, legacy: null };
    };
    const before = side('Before');
    const after = side('After');
    if (before.L == null && before.legacy == null && !problems.some((p) => p.field.endsWith('Before'))) {
      problem('scoreBefore', 'Give the likelihood and impact before mitigation (or the score)');
    }
    Object.assign(r, {
      likelihoodBefore: before.L,
      impactBefore: before.I,
      legacyScoreBefore: before.legacy,
      likelihoodAfter: after.L,
      impactAfter: after.I,
      legacyScoreAfter: after.legacy,
    });
    const target = readInt(get('targetScore'), 1, 25, 'Target score');
    if (!target.ok) problem('targetScore', target.message);
    else r.targetScore = target.value;
    const freq = readInt(get('reviewFrequencyMonths'), 1, 24, 'Review frequency');
    if (!freq.ok) problem('reviewFrequencyMonths', freq.message);
    else r.reviewFrequencyMonths = freq.value ?? 3;
    const reviewed = readDate(get('lastReviewedOn'));
    if (!reviewed.ok) problem('lastReviewedOn', reviewed.message);
    else if (reviewed.date && r.dateRegistered && reviewed.date < r.dateRegistered)
      problem('lastReviewedOn', 'The last review is before the date registered');
    else r.lastReviewedOn = reviewed.date;
    const due = readDate(get('nextReviewDue'));
    if (!due.ok) problem('nextReviewDue', due.message);
    else r.nextReviewDue = due.date;
    const status = readText(get('status')).toLowerCase();
    if (status && status !== 'open' && status !== 'closed') problem('status', `Status must be Open or Closed (found "${status}")`);
    if (status === 'closed') {
      r.status = 'closed';
      r.closedOn = r.lastReviewedOn ?? (r.dateRegistered || null);
      r.closedReason = 'Imported as closed';
    }
    return {
      row: { row: index + 1, reference: r.reference || null, description: r.description, problems, warnings },
      draft: problems.length ? null : r,
    };
  });
  const ok = results.every((c) => c.row.problems.length === 0);
  return { preview: { rows: results.map((c) => c.row), columns, ok, fileProblems: [] }, drafts: results.map((c) => c.draft) };
}
