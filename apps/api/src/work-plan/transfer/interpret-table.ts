import {
  IMPORT_FIELDS,
  IMPORT_MAX_ROWS,
  type ImportColumnDto,
  type ImportField,
  type ImportPreviewDto,
  type ImportProblemDto,
  type ImportRowDto,
} from '@plexus/contracts';
import { WORK_ITEM_STATUS_LABELS, type ParsedTimescale, type WorkItemStatus } from '@plexus/domain';
import { resolveLead, type KnownPeople, type ResolvedLead } from '../people';
import { splitLeads, splitList } from './split-cells';
import type { Sheet } from './table-reader';

/** Header words for each field, most specific first. Exact matches win over partial ones. */
const HEADER_ALIASES: ReadonlyArray<[ImportField, string[]]> = [
  ['themeDescription', ['theme description', 'function description', 'strategic objective description']],
  ['objectiveNumber', ['objective no', 'objective number', 'objective ref', 'no', 'number', 'ref']],
  ['steps', ['work to be done', 'work to be done progress', 'steps', 'how', 'actions to deliver', 'key steps']],
  ['measures', ['measures of success', 'measures of our success', 'measure of success', 'metric', 'metrics', 'measure', 'measures', 'measurement', 'measurements', 'kpi', 'kpis', 'success measures', 'outcome measures']],
  ['objective', ['key team objective', 'key objective', 'team objective', 'national aims and objectives', 'specific objective', 'specific objectives', 'objective', 'objectives', 'aim', 'aims']],
  ['theme', ['theme', 'function', 'strategic objective', 'strategic aim', 'priority', 'workstream', 'area']],
  ['work', ['work plan', 'work', 'our actions', 'action', 'actions', 'task', 'tasks', 'activity', 'activities', 'deliverable', 'work item', 'description']],
  ['timescale', ['timescale', 'timescales', 'timeline', 'timeframe', 'deadline', 'by when', 'when', 'due date']],
  ['leads', ['owner lead', 'lead', 'leads', 'owner', 'owners', 'responsible', 'lead s', 'who', 'lead officer']],
  ['status', ['status', 'rag status', 'progress status']],
];

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/<[^>]+>/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What each column holds, guessed from its header (exact names, then names containing one); each field at most once. */
export function guessColumns(headers: readonly string[], exactOnly = false): Array<ImportField | null> {
  const normal = headers.map(normaliseHeader);
  const result: Array<ImportField | null> = headers.map(() => null);
  const used = new Set<ImportField>();
  const assign = (test: (header: string, alias: string) => boolean) => {
    for (const [field, aliases] of HEADER_ALIASES) {
      if (used.has(field)) continue;
      const index = normal.findIndex((h, i) => result[i] === null && h !== '' && aliases.some((a) => test(h, a)));
      if (index >= 0) {
        result[index] = field;
        used.add(field);
      }
    }
  };
  assign((h, a) => h === a);
  if (!exactOnly) assign((h, a) => a.length > 3 && (` ${h} `.includes(` ${a} `) || h.startsWith(a)));
  return result;
}

/**
 * A header row: short cells naming at least two things we know, one of them the work (or an objective). Below
 * the first header only exact names count (a repeated header), so that a row of work is never mistaken for one.
 */
function isHeaderRow(cells: readonly string[], exactOnly = false): boolean {
  if (cells.some((c) => c.length > 60)) return false;
  const fields = guessColumns(cells, exactOnly).filter((f): f is ImportField => f !== null);
  return fields.length >= 2 && (fields.includes('work') || fields.includes('objective') || fields.includes('steps'));
}

const STATUS_WORDS: Record<string, WorkItemStatus> = {
  '': 'not_started',
  'not started': 'not_started',
  'not yet started': 'not_started',
  grey: 'not_started',
  'on track': 'on_track',
  green: 'on_track',
  g: 'on_track',
  'at risk': 'at_risk',
  amber: 'at_risk',
  a: 'at_risk',
  'off track': 'off_track',
  red: 'off_track',
  r: 'off_track',
  complete: 'complete',
  completed: 'complete',
  done: 'complete',
  blue: 'complete',
  b: 'complete',
  deferred: 'deferred',
  'on hold': 'deferred',
};

export function readStatus(text: string): WorkItemStatus | null {
  const key = text.toLowerCase().replace(/[_-]/g, ' ').replace(/\s+/g, ' ').trim();
  return STATUS_WORDS[key] ?? null;
}

export interface InterpretContext {
  people: KnownPeople;
  /** Titles of the plan's themes already there (rows under them are added to them). */
  existingThemes: string[];
  readTimescale: (text: string) => { parsed: ParsedTimescale; flag: string | null };
  columns?: Array<ImportField | null>;
  defaultTheme?: string;
}

/** A row ready to write: the preview's row plus what the writer needs. */
export interface PlannedRow extends ImportRowDto {
  themeDescription: string;
  resolvedLeads: ResolvedLead[];
  parsedTimescale: ParsedTimescale;
}

export interface Interpretation extends Omit<ImportPreviewDto, 'format' | 'rows'> {
  rows: PlannedRow[];
}

const LIMITS = { work: 2000, theme: 300, objective: 2000, number: 12, timescale: 200, listEntry: 1000, measures: 50, steps: 100, leads: 20, lead: 300 };

/** A cell's text, trimmed; the quote an export puts before a leading = + @ (so spreadsheets do not run it) is removed. */
function cleanCell(text: string | undefined): string {
  return (text ?? '').replace(/\u00a0/g, ' ').trim().replace(/^'(?=[=+@])/, '');
}

/** "1. To identify…" → number 1, title "To identify…". */
export function splitObjective(text: string): { number: string; title: string } {
  const m = /^(\d{1,3}[a-z]?)\s*[.)]\s*(.+)$/is.exec(text);
  return m ? { number: m[1], title: m[2].trim() } : { number: '', title: text };
}

/**
 * Reads the table into themes, objectives and items, with every row's problems. Headings between tables
 * (a row with one cell, or "X Strategic Objective:" and its description) start a theme; the first heading
 * row after another is that theme's description; repeated header rows are skipped; an empty objective cell
 * continues the objective above it.
 */
export function interpretTable(sheets: readonly Sheet[], ctx: InterpretContext): Interpretation {
  const fileProblems: string[] = [];
  const rows: PlannedRow[] = [];
  let columns: ImportColumnDto[] = [];
  const themeOrder: string[] = [];
  const themeItems = new Map<string, number>();
  const objectiveKeys = new Set<string>();

  for (const sheet of sheets) {
    const headerIndex = sheet.rows.findIndex((cells) => isHeaderRow(cells.map(cleanCell)));
    // A sheet without a table (a workbook's summary sheet) is passed over; no table anywhere is a problem.
    if (headerIndex < 0) continue;
    const header = sheet.rows[headerIndex].map(cleanCell);
    const guessed = guessColumns(header);
    const fields = header.map((_, i) => (ctx.columns && i < ctx.columns.length ? ctx.columns[i] : guessed[i]));
    if (columns.length === 0) columns = header.map((h, index) => ({ index, header: h, field: fields[index] ?? null }));
    const col = (field: ImportField) => fields.indexOf(field);
    const has = (field: ImportField) => col(field) >= 0;
    const get = (cells: readonly string[], field: ImportField) => (has(field) ? cleanCell(cells[col(field)]) : '');
    if (!has('work') && !has('objective')) {
      fileProblems.push(`${sheet.name ? `Sheet "${sheet.name}": choose` : 'Choose'} which column holds the work (or the objective).`);
      continue;
    }

    // The theme: headings just above the header, the sheet's name in a workbook of several, or the default.
    let theme = { title: '', description: '' };
    const above = sheet.rows
      .slice(0, headerIndex)
      .map((cells) => cells.map(cleanCell).filter(Boolean))
      .filter((cells) => cells.length > 0)
      .slice(-2);
    const headings = above.filter((cells) => cells.length === 1 || (cells.length === 2 && cells[0].endsWith(':')));
    if (headings.length === 2 && headings[1].length === 1 && headings[0].length === 1) theme = { title: headings[0][0], description: headings[1][0] };
    else if (headings.length) {
      const last = headings[headings.length - 1];
      theme = last.length === 2 ? { title: last[0].replace(/:$/, ''), description: last[1] } : { title: last[0], description: '' };
    }
    if (!theme.title && sheets.length > 1 && sheet.name && !has('theme')) theme.title = sheet.name;
    let themeHasItems = false;
    let lastWasHeading = theme.title !== '';
    let objective = null as { number: string; title: string } | null;

    for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r].map(cleanCell);
      const filled = cells.map((c, i) => [c, i] as const).filter(([c]) => c !== '');
      if (filled.length === 0) continue;
      if (cells.join('\u0000') === header.join('\u0000') || isHeaderRow(cells, true)) continue;

      const single = filled.length === 1 && !(has('theme') && filled[0][1] === col('work'));
      const labelled = filled.length === 2 && filled[0][0].endsWith(':') && filled[0][1] < filled[1][1] && !has('theme');
      if (single || labelled) {
        const [title, description] = labelled ? [filled[0][0].replace(/:$/, '').trim(), filled[1][0]] : [filled[0][0], ''];
        if (single && lastWasHeading && !themeHasItems && theme.title && !theme.description) {
          theme.description = title;
        } else {
          theme = { title: title.replace(/:$/, '').trim(), description };
          themeHasItems = false;
          objective = null;
        }
        lastWasHeading = true;
        continue;
      }
      lastWasHeading = false;
      if (rows.length >= IMPORT_MAX_ROWS) {
        fileProblems.push(`The table has more than ${IMPORT_MAX_ROWS} rows. Import it in parts.`);
        break;
      }

      const problems: ImportProblemDto[] = [];
      const error = (field: ImportProblemDto['field'], message: string) => problems.push({ field, message, severity: 'error' });
      const warn = (field: ImportProblemDto['field'], message: string) => problems.push({ field, message, severity: 'warning' });

      const rowTheme = get(cells, 'theme');
      if (rowTheme && rowTheme !== theme.title) {
        theme = { title: rowTheme, description: get(cells, 'themeDescription') };
        objective = null;
      } else if (rowTheme && !theme.description) {
        theme.description = get(cells, 'themeDescription');
      }
      const themeTitle = theme.title || ctx.defaultTheme?.trim() || 'General';
      if (themeTitle.length > LIMITS.theme) error('theme', `The theme must be ${LIMITS.theme} characters or fewer`);

      const objectiveText = get(cells, 'objective');
      const numberText = get(cells, 'objectiveNumber');
      if (objectiveText) {
        const split = splitObjective(objectiveText);
        objective = { number: numberText || split.number, title: numberText ? objectiveText : split.title };
      } else if (numberText && objective?.number !== numberText) {
        objective = { number: numberText, title: `Objective ${numberText}` };
      }
      if (objective && objective.title.length > LIMITS.objective) error('objective', `The objective must be ${LIMITS.objective} characters or fewer`);
      if (objective && objective.number.length > LIMITS.number) error('objectiveNumber', `The objective number must be ${LIMITS.number} characters or fewer`);

      const work = has('work') ? get(cells, 'work') : (objective?.title ?? '');
      if (!work) error('work', 'The work is missing: every row needs the work to be done');
      else if (work.length > LIMITS.work) error('work', `The work must be ${LIMITS.work} characters or fewer`);

      const measures = splitList(get(cells, 'measures'));
      const steps = splitList(get(cells, 'steps'));
      if (measures.length > LIMITS.measures) error('measures', `List ${LIMITS.measures} measures or fewer`);
      if (steps.length > LIMITS.steps) error('steps', `List ${LIMITS.steps} steps or fewer`);
      if ([...measures, ...steps].some((entry) => entry.length > LIMITS.listEntry)) error(measures.some((m) => m.length > LIMITS.listEntry) ? 'measures' : 'steps', `Each entry must be ${LIMITS.listEntry} characters or fewer`);

      const timescaleText = get(cells, 'timescale');
      const read = ctx.readTimescale(timescaleText);
      if (timescaleText.length > LIMITS.timescale) error('timescale', `The timescale must be ${LIMITS.timescale} characters or fewer`);
      else if (read.flag) warn('timescale', `${read.parsed.kind === 'unparsed' ? 'Cannot read the timescale' : 'Check the timescale'}: ${read.flag}. It is kept as written and flagged.`);

      const known = [...ctx.people.roles.map((p) => p.title), ...ctx.people.members.values()];
      const resolved = splitLeads(get(cells, 'leads'), known).map((text) => ({ text, lead: resolveLead(text, ctx.people) }));
      if (resolved.length > LIMITS.leads) error('leads', `List ${LIMITS.leads} leads or fewer`);
      for (const { text, lead } of resolved) {
        if (text.length > LIMITS.lead) error('leads', `A lead must be ${LIMITS.lead} characters or fewer`);
        else if (!lead.known) warn('leads', `"${text}" is not a member or a leadership role of the network: kept as a role title`);
      }

      const statusText = get(cells, 'status');
      let status = readStatus(statusText);
      if (status === null) {
        warn('status', `Status "${statusText}" is not one of ${Object.values(WORK_ITEM_STATUS_LABELS).join(', ')}: imported as Not started`);
        status = 'not_started';
      }

      if (!themeOrder.includes(themeTitle)) themeOrder.push(themeTitle);
      themeItems.set(themeTitle, (themeItems.get(themeTitle) ?? 0) + 1);
      if (objective) objectiveKeys.add(`${themeTitle}\u0000${objective.number}\u0000${objective.title}`);
      themeHasItems = true;

      rows.push({
        row: r + 1,
        sheet: sheet.name,
        theme: themeTitle,
        themeDescription: theme.title ? theme.description : '',
        objective: objective ? { ...objective } : null,
        work,
        measures,
        steps,
        timescale: { text: timescaleText, label: read.parsed.label, kind: read.parsed.kind, flag: read.flag },
        parsedTimescale: read.parsed,
        leads: resolved.map(({ text, lead }) => ({ label: text, userId: lead.userId, known: lead.known })),
        resolvedLeads: resolved.map(({ lead }) => lead),
        status,
        problems,
      });
    }
  }
  if (columns.length === 0) {
    fileProblems.push('No header row found. The table needs a row naming its columns, like Work, Metric, Timescale, Lead.');
  } else if (rows.length === 0 && fileProblems.length === 0) {
    fileProblems.push('There are no rows of work to import under the header row.');
  }

  const existing = new Set(ctx.existingThemes.map((t) => t.toLowerCase()));
  const errors = rows.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
  const warnings = rows.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'warning').length, 0);
  return {
    columns: columns.map((c) => ({ ...c, field: c.field && (IMPORT_FIELDS as readonly string[]).includes(c.field) ? c.field : null })),
    rows,
    themes: themeOrder.map((title) => ({ title, existing: existing.has(title.toLowerCase()), items: themeItems.get(title) ?? 0 })),
    summary: {
      items: rows.length,
      themes: themeOrder.length,
      objectives: objectiveKeys.size,
      errors,
      warnings,
      flaggedTimescales: rows.filter((r) => r.timescale.flag !== null).length,
      unknownLeads: rows.reduce((n, r) => n + r.leads.filter((l) => !l.known).length, 0),
    },
    fileProblems,
    ok: errors === 0 && fileProblems.length === 0 && rows.length > 0,
  };
}
