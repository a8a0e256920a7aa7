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
import { findTables, matchColumns, type CellRange, type HeaderAliases, type TableSheet } from '@plexus/server/table-reader';
import { resolveLead, type KnownPeople, type ResolvedLead } from '../people';
import { ragOfFill, STATUS_OF_FILL } from './fill-colour';
import { splitLeads, splitList } from './split-cells';

/** Header words for each field, most specific first. Exact matches win over partial ones. */
const HEADER_ALIASES: HeaderAliases<ImportField> = [
  ['themeDescription', ['theme description', 'function description', 'strategic objective description']],
  ['objectiveNumber', ['objective no', 'objective number', 'objective ref', 'obj no']],
  [
    'reference',
    [
      'ref',
      'reference',
      'ref no',
      'reference no',
      'reference number',
      'item ref',
      'item no',
      'item number',
      'action no',
      'action ref',
      'id',
      'no',
      'number',
    ],
  ],
  ['steps', ['work to be done', 'work to be done progress', 'steps', 'how', 'actions to deliver', 'key steps']],
  [
    'measures',
    [
      'measures of success',
      'measures of our success',
      'measure of success',
      'metric',
      'metrics',
      'measure',
      'measures',
      'measurement',
      'measurements',
      'kpi',
      'kpis',
      'success measures',
      'outcome measures',
    ],
  ],
  [
    'objective',
    [
      'key team objective',
      'key objective',
      'team objective',
      'national aims and objectives',
      'specific objective',
      'specific objectives',
      'objective',
      'objectives',
      'aim',
      'aims',
    ],
  ],
  ['theme', ['theme', 'function', 'strategic objective', 'strategic aim', 'priority', 'workstream', 'area']],
  [
    'work',
    ['work plan', 'work', 'our actions', 'action', 'actions', 'task', 'tasks', 'activity', 'activities', 'deliverable', 'work item', 'description'],
  ],
  [
    'timescale',
    [
      'timescale',
      'timescales',
      'timeline',
      'timeframe',
      'deadline',
      'by when',
      'when',
      'due date',
      'due',
      'due by',
      'date due',
      'target date',
      'completion date',
    ],
  ],
  ['leads', ['owner lead', 'lead', 'leads', 'owner', 'owners', 'responsible', 'lead s', 'who', 'lead officer']],
  ['status', ['status', 'rag status', 'progress status', 'rag', 'brag', 'rag rating', 'brag rating']],
];

/** What each column holds, guessed from its header (exact names, then names containing one); each field at most once. */
export function guessColumns(headers: readonly string[], exactOnly = false): Array<ImportField | null> {
  return matchColumns(headers, HEADER_ALIASES, exactOnly);
}

/**
 * A header row: short cells naming at least two things we know, one of them the work (or an objective). Below
 * the first header only exact names count (a repeated header), so that a row of work is never mistaken for one.
 */
function isHeaderRow(raw: readonly string[], exactOnly = false): boolean {
  const cells = raw.map(cleanCell);
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

const LIMITS = {
  work: 2000,
  theme: 300,
  objective: 2000,
  number: 12,
  reference: 40,
  timescale: 200,
  listEntry: 1000,
  measures: 50,
  steps: 100,
  leads: 20,
  lead: 300,
};
/** Notes of one kind listed one by one before the rest are counted. */
const NOTES_LISTED = 20;

/** A cell's text, trimmed (the reader has already taken away the apostrophe an export puts before formula-like text). */
function cleanCell(text: string | undefined): string {
  return (text ?? '').replace(/\u00a0/g, ' ').trim();
}

/** 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const quoteShort = (text: string) => `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;

/**
 * Merged ranges that span the table (at least 60% of its columns, and two), by the row they start on: a banner
 * row such as "Capacity and Flow" merged across every column. The widest range of a row wins.
 */
function bannerRanges(merges: readonly CellRange[], headerIndex: number, width: number): Map<number, CellRange> {
  const minSpan = Math.max(2, Math.ceil(width * 0.6));
  const banners = new Map<number, CellRange>();
  for (const m of merges) {
    const span = m.right - m.left + 1;
    if (m.top <= headerIndex || span < minSpan) continue;
    const known = banners.get(m.top);
    if (!known || span > known.right - known.left + 1) banners.set(m.top, m);
  }
  return banners;
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
export function interpretTable(sheets: readonly TableSheet[], ctx: InterpretContext): Interpretation {
  const fileProblems: string[] = [];
  const notes: string[] = [];
  const bannerNotes: string[] = [];
  const rows: PlannedRow[] = [];
  let columns: ImportColumnDto[] = [];
  const themeOrder: string[] = [];
  const themeItems = new Map<string, number>();
  const objectiveKeys = new Set<string>();

  // A sheet without a table (a workbook's summary sheet) is passed over; no table anywhere is a problem.
  for (const { sheet, headerIndex } of findTables(sheets, (cells) => isHeaderRow(cells))) {
    const where = sheets.length > 1 && sheet.name ? ` of "${sheet.name}"` : '';
    const header = sheet.rows[headerIndex].map(cleanCell);
    const guessed = guessColumns(header);
    const fields = header.map((_, i) => (ctx.columns && i < ctx.columns.length ? ctx.columns[i] : guessed[i]));
    // A guessed "No"/"Ref" column whose numbers repeat down an objective column numbers the objectives, not the items.
    const refAt = fields.indexOf('reference');
    if (!ctx.columns && refAt >= 0 && fields.includes('objective') && !fields.includes('objectiveNumber')) {
      const values = sheet.rows
        .slice(headerIndex + 1)
        .map((cells) => cleanCell(cells[refAt]))
        .filter(Boolean);
      if (new Set(values).size < values.length) {
        fields[refAt] = 'objectiveNumber';
        notes.push(
          `Column ${columnLetter(refAt)}${where} (${quoteShort(header[refAt])}) repeats its numbers down the objectives: read as the objective's number.`,
        );
      }
    }
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

    const width = header.reduce((w, h, i) => (h ? i + 1 : w), 0);
    const banners = bannerRanges(sheet.merges, headerIndex, width);
    // The status from a cell's fill colour where the status cell is empty: in the status column, or (with none)
    // in the column whose cells of work are most often filled red, amber, green or blue.
    let colourCol = col('status');
    if (colourCol < 0 && sheet.fills.length > 0) {
      const counts = new Map<number, number>();
      const workCol = has('work') ? col('work') : col('objective');
      for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
        if (banners.has(r) || !cleanCell(sheet.rows[r][workCol])) continue;
        sheet.fills[r]?.forEach((fill, c) => {
          if (ragOfFill(fill)) counts.set(c, (counts.get(c) ?? 0) + 1);
        });
      }
      let best = 0;
      for (const [c, n] of [...counts].sort((x, y) => x[0] - y[0])) {
        if (n > best) [colourCol, best] = [c, n];
      }
    }
    let coloured = 0;
    let referenced = 0;
    let splitLeadRows = 0;
    // A banner right under another banner (not under the title above the header) is that theme's description.
    let lastWasBanner = false;

    for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r].map(cleanCell);
      const filled = cells.map((c, i) => [c, i] as const).filter(([c]) => c !== '');
      if (filled.length === 0) continue;
      if (cells.join('\u0000') === header.join('\u0000') || isHeaderRow(cells, true)) continue;

      const banner = banners.get(r);
      const bannerText = banner ? filled.filter(([, i]) => i >= banner.left && i <= banner.right).map(([c]) => c) : [];
      if (banner && bannerText.length > 0 && filled.every(([, i]) => (i >= banner.left && i <= banner.right) || i === col('reference'))) {
        const title = bannerText.join(' ').replace(/:$/, '').trim();
        if (lastWasBanner && !themeHasItems && theme.title && !theme.description) {
          theme.description = title;
          bannerNotes.push(
            `Row ${r + 1}${where} ${quoteShort(title)} spans the table under the theme ${quoteShort(theme.title)}: used as its description.`,
          );
        } else {
          theme = { title, description: '' };
          themeHasItems = false;
          objective = null;
          bannerNotes.push(`Row ${r + 1}${where} ${quoteShort(title)} spans the table: used as a theme.`);
        }
        lastWasHeading = true;
        lastWasBanner = true;
        continue;
      }
      lastWasBanner = false;

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

      const reference = get(cells, 'reference');
      if (reference.length > LIMITS.reference) error('reference', `The reference must be ${LIMITS.reference} characters or fewer`);
      else if (reference) referenced++;

      const objectiveText = get(cells, 'objective');
      const numberText = get(cells, 'objectiveNumber');
      if (objectiveText) {
        const split = splitObjective(objectiveText);
        objective = { number: numberText || split.number, title: numberText ? objectiveText : split.title };
      } else if (numberText && objective?.number !== numberText) {
        objective = { number: numberText, title: `Objective ${numberText}` };
      }
      if (objective && objective.title.length > LIMITS.objective) error('objective', `The objective must be ${LIMITS.objective} characters or fewer`);
      if (objective && objective.number.length > LIMITS.number)
        error('objectiveNumber', `The objective number must be ${LIMITS.number} characters or fewer`);

      const work = has('work') ? get(cells, 'work') : (objective?.title ?? '');
      if (!work) error('work', 'The work is missing: every row needs the work to be done');
      else if (work.length > LIMITS.work) error('work', `The work must be ${LIMITS.work} characters or fewer`);

      const measures = splitList(get(cells, 'measures'));
      const steps = splitList(get(cells, 'steps'));
      if (measures.length > LIMITS.measures) error('measures', `List ${LIMITS.measures} measures or fewer`);
      if (steps.length > LIMITS.steps) error('steps', `List ${LIMITS.steps} steps or fewer`);
      if ([...measures, ...steps].some((entry) => entry.length > LIMITS.listEntry))
        error(measures.some((m) => m.length > LIMITS.listEntry) ? 'measures' : 'steps', `Each entry must be ${LIMITS.listEntry} characters or fewer`);

      const timescaleText = get(cells, 'timescale');
      const read = ctx.readTimescale(timescaleText);
      if (timescaleText.length > LIMITS.timescale) error('timescale', `The timescale must be ${LIMITS.timescale} characters or fewer`);
      else if (read.flag)
        warn(
          'timescale',
          `${read.parsed.kind === 'unparsed' ? 'Cannot read the timescale' : 'Check the timescale'}: ${read.flag}. It is kept as written and flagged.`,
        );

      const known = [...ctx.people.roles.map((p) => p.title), ...ctx.people.members.values()];
      const leadsText = get(cells, 'leads');
      const resolved = splitLeads(leadsText, known).map((text) => ({ text, lead: resolveLead(text, ctx.people) }));
      if (resolved.length > 1 && /[/\n]/.test(leadsText)) splitLeadRows++;
      if (resolved.length > LIMITS.leads) error('leads', `List ${LIMITS.leads} leads or fewer`);
      for (const { text, lead } of resolved) {
        if (text.length > LIMITS.lead) error('leads', `A lead must be ${LIMITS.lead} characters or fewer`);
        else if (!lead.known) warn('leads', `"${text}" is not a member or a leadership role of the network: kept as a role title`);
      }

      const statusText = get(cells, 'status');
      let status = readStatus(statusText);
      const fillRag = !statusText && colourCol >= 0 ? ragOfFill(sheet.fills[r]?.[colourCol]) : null;
      if (fillRag) {
        status = STATUS_OF_FILL[fillRag];
        coloured++;
      } else if (status === null) {
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
        reference,
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
    if (referenced) {
      const at = col('reference');
      notes.push(
        `References kept from column ${columnLetter(at)}${where} (${quoteShort(header[at])}) for ${referenced} ${referenced === 1 ? 'row' : 'rows'}: the items keep them rather than being numbered.`,
      );
    }
    if (splitLeadRows) notes.push(`Leads split at "/" or line breaks in ${splitLeadRows} ${splitLeadRows === 1 ? 'row' : 'rows'}${where}.`);
    if (coloured) {
      notes.push(
        `Status taken from cell colour in column ${columnLetter(colourCol)}${where}${header[colourCol] ? ` (${quoteShort(header[colourCol])})` : ''} for ${coloured} ${coloured === 1 ? 'row' : 'rows'}.`,
      );
    }
  }
  if (bannerNotes.length > NOTES_LISTED) {
    const rest = bannerNotes.length - NOTES_LISTED;
    bannerNotes.splice(NOTES_LISTED, rest, `…and ${rest} more rows that span the table, used as themes or their descriptions.`);
  }
  notes.unshift(...bannerNotes);
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
    notes,
    ok: errors === 0 && fileProblems.length === 0 && rows.length > 0,
  };
}
