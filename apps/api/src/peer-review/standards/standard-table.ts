import type { StandardImportPreviewDto, StandardImportRowDto } from '@plexus/contracts';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, parseAppliesTo, type OrganisationType } from '@plexus/domain';
import { findTables, matchColumns, type Table } from '@plexus/server/table-reader';

/**
 * A standard set as a table (import and export): one row per criterion, under the columns Section number, Section
 * title, Criterion number, Criterion, Evidence expected and Applies to. Pure: the import runs it in a worker thread.
 */

/** Our field → the headers we recognise (compared lower-case, words only), most specific field first. */
export const STANDARD_COLUMNS = {
  sectionNumber: ['section number', 'section no', 'section ref', 'section reference', 'section id'],
  sectionTitle: ['section title', 'section', 'section name', 'section heading', 'domain', 'standard area', 'area', 'theme'],
  criterionNumber: [
    'criterion number',
    'criteria number',
    'measure number',
    'measure no',
    'measure ref',
    'measure id',
    'criterion ref',
    'number',
    'no',
    'ref',
    'reference',
    'id',
  ],
  evidenceExpected: ['evidence expected', 'expected evidence', 'evidence required', 'evidence of compliance', 'evidence'],
  appliesTo: ['applies to', 'applicable to', 'applies', 'applicability', 'organisation types', 'organisation type', 'organisations'],
  criterion: ['criterion', 'criteria', 'measure', 'standard', 'criterion text', 'requirement', 'quality measure', 'description'],
} as const;
export type StandardColumn = keyof typeof STANDARD_COLUMNS;

/** The headers an export writes, which the import reads back. */
export const STANDARD_EXPORT_HEADERS: Record<StandardColumn, string> = {
  sectionNumber: 'Section number',
  sectionTitle: 'Section title',
  criterionNumber: 'Criterion number',
  criterion: 'Criterion',
  evidenceExpected: 'Evidence expected',
  appliesTo: 'Applies to',
};
/** The order of the export's columns. */
export const STANDARD_EXPORT_COLUMNS: StandardColumn[] = [
  'sectionNumber',
  'sectionTitle',
  'criterionNumber',
  'criterion',
  'evidenceExpected',
  'appliesTo',
];

/** The same limits as the API's fields and the database's checks. */
export const STANDARD_TABLE_LIMITS = {
  sectionNumber: 40,
  sectionTitle: 300,
  criterionNumber: 60,
  criterion: 4000,
  evidenceExpected: 4000,
  sections: 300,
  criteria: 2000,
} as const;

/** The title given to the one section of a file that has no section columns (an assessment tool like seed 001's). */
export const DEFAULT_SECTION_TITLE = 'Criteria';

export interface CriterionDraft {
  number: string;
  text: string;
  evidenceExpected: string;
  appliesTo: OrganisationType[];
}

export interface SectionDraft {
  number: string;
  title: string;
  criteria: CriterionDraft[];
}

export interface StandardInterpretation {
  preview: Omit<StandardImportPreviewDto, 'replaces'>;
  /** The sections to write, in order, when the file has no problems; empty otherwise. */
  sections: SectionDraft[];
}

const ALIASES = Object.entries(STANDARD_COLUMNS) as Array<[StandardColumn, readonly string[]]>;

export function mapStandardColumns(headers: readonly string[]): Partial<Record<StandardColumn, number>> {
  const found: Partial<Record<StandardColumn, number>> = {};
  matchColumns(headers, ALIASES).forEach((field, index) => {
    if (field) found[field] = index;
  });
  return found;
}

/** A header row names the criterion column and at least one other of ours. */
const isStandardHeader = (cells: readonly string[]) => {
  const cols = mapStandardColumns(cells);
  return cols.criterion !== undefined && Object.keys(cols).length >= 2;
};

const nonEmpty = (cells: readonly string[]) => cells.some((c) => c.trim() !== '');

/** The set in a file: the first sheet with a header row naming our columns; the rows under it that hold something. */
function standardRows(table: Table): { headers: string[]; rows: string[][] } | null {
  const found = findTables(table.sheets, isStandardHeader)[0];
  if (!found) return null;
  const { sheet, headerIndex } = found;
  return { headers: sheet.rows[headerIndex].map((h) => h.trim()), rows: sheet.rows.slice(headerIndex + 1).filter(nonEmpty) };
}

const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/** Words for one line (numbers, titles): line breaks and tabs become spaces, runs of spaces one. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Words over several lines (the criterion, the evidence): each line's ends trimmed, no more than one blank line in a row. */
const prose = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const LABELS: Record<StandardColumn, string> = STANDARD_EXPORT_HEADERS;
const KNOWN_TYPES = ORGANISATION_TYPES.map((t) => ORGANISATION_TYPE_LABELS[t]).join(', ');

/**
 * Reads a standard set from a table: every row's section and criterion, and its problems. Forgiving where it can be
 * (headers by several names, sections given once above their criteria or on every row, applies-to by label, code or
 * short form, no section columns at all: one section); strict where a guess could be wrong (a section number given two
 * titles, a criterion number used twice, an organisation type we do not know).
 */
export function interpretStandardTable(table: Table): StandardInterpretation {
  const found = standardRows(table);
  const empty = (fileProblems: string[], columns: Record<string, string> = {}): StandardInterpretation => ({
    preview: { rows: [], columns, ok: false, fileProblems, sections: 0, criteria: 0 },
    sections: [],
  });
  if (!found) {
    return empty([
      'No header row with a "Criterion" column: the file needs a header row naming its columns, such as Section number, Section title, Criterion number, Criterion, Evidence expected and Applies to',
    ]);
  }
  const { headers, rows } = found;
  const cols = mapStandardColumns(headers);
  const columns = Object.fromEntries(Object.entries(cols).map(([k, i]) => [k, headers[i as number]]));
  const fileProblems: string[] = [];
  if (rows.length === 0) fileProblems.push('The file has no rows under its header');
  if (rows.length > STANDARD_TABLE_LIMITS.criteria) {
    fileProblems.push(`The file has ${rows.length} rows; a set holds ${STANDARD_TABLE_LIMITS.criteria} criteria at most`);
  }
  if (fileProblems.length) return empty(fileProblems, columns);

  const hasSections = cols.sectionNumber !== undefined || cols.sectionTitle !== undefined;
  const sections: SectionDraft[] = [];
  /** Section key (number, else title, lower case) → its section. */
  const byKey = new Map<string, { section: SectionDraft; row: number }>();
  const numbersSeen = new Map<string, number>();
  let current: SectionDraft | null = hasSections ? null : { number: '', title: DEFAULT_SECTION_TITLE, criteria: [] };
  if (current) sections.push(current);

  const previewRows = rows.map((cells, index): StandardImportRowDto => {
    const rowNumber = index + 1;
    const get = (c: StandardColumn) => (cols[c] === undefined ? '' : (cells[cols[c] as number] ?? ''));
    const problems: StandardImportRowDto['problems'] = [];
    const problem = (field: StandardColumn | '', message: string) => problems.push({ field, message });
    const checkText = (field: StandardColumn, value: string, max: number) => {
      if (BIDI_CONTROL.test(value))
        problem(field, `${LABELS[field]} contains an invisible text-direction character that can disguise text; remove it`);
      if (value.length > max) problem(field, `${LABELS[field]} is ${value.length} characters long; ${max} at most`);
    };

    const sectionNumber = oneLine(get('sectionNumber'));
    const sectionTitle = oneLine(get('sectionTitle'));
    const criterionNumber = oneLine(get('criterionNumber'));
    const text = prose(get('criterion'));
    const evidenceExpected = prose(get('evidenceExpected'));
    const appliesCell = get('appliesTo').trim();
    checkText('sectionNumber', sectionNumber, STANDARD_TABLE_LIMITS.sectionNumber);
    checkText('sectionTitle', sectionTitle, STANDARD_TABLE_LIMITS.sectionTitle);
    checkText('criterionNumber', criterionNumber, STANDARD_TABLE_LIMITS.criterionNumber);
    checkText('criterion', text, STANDARD_TABLE_LIMITS.criterion);
    checkText('evidenceExpected', evidenceExpected, STANDARD_TABLE_LIMITS.evidenceExpected);

    // The section: named on this row (by number, else title), or the one above.
    let section: SectionDraft | null = current;
    if (sectionNumber || sectionTitle) {
      const key = (sectionNumber || sectionTitle).toLowerCase();
      const known = byKey.get(key);
      if (known) {
        section = known.section;
        if (sectionTitle && sectionNumber && known.section.title.toLowerCase() !== sectionTitle.toLowerCase()) {
          problem(
            'sectionTitle',
            `Section ${sectionNumber} is titled “${known.section.title}” on row ${known.row}: give it the same title, or another number`,
          );
        }
      } else if (!sectionTitle) {
        problem('sectionTitle', `Section ${sectionNumber} has no title: give its title on its first row`);
        section = null;
      } else if (sections.length >= STANDARD_TABLE_LIMITS.sections) {
        problem('sectionTitle', `A set holds ${STANDARD_TABLE_LIMITS.sections} sections at most`);
        section = null;
      } else {
        section = { number: sectionNumber, title: sectionTitle, criteria: [] };
        if (sectionNumber && sections.some((s) => s.number.toLowerCase() === sectionNumber.toLowerCase())) {
          problem('sectionNumber', `Section number ${sectionNumber} is used twice`);
        }
        sections.push(section);
        byKey.set(key, { section, row: rowNumber });
      }
      if (section) current = section;
    } else if (!section) {
      problem('sectionTitle', 'No section: give the section’s number or title on this row, or on a row above it');
    }

    // The criterion: a row with only a section on it names the section (its criteria follow).
    const parsed = parseAppliesTo(appliesCell);
    const hasCriterion = text !== '' || criterionNumber !== '' || evidenceExpected !== '' || appliesCell !== '';
    if (parsed.unknown.length) {
      const list = parsed.unknown.map((u) => `“${u}”`).join(', ');
      problem(
        'appliesTo',
        `${list} ${parsed.unknown.length === 1 ? 'is not an organisation type' : 'are not organisation types'} we know: use ${KNOWN_TYPES} (or leave it empty for all)`,
      );
    }
    if (hasCriterion) {
      if (!text) problem('criterion', 'The criterion is empty');
      if (criterionNumber) {
        const key = criterionNumber.toLowerCase();
        const seen = numbersSeen.get(key);
        if (seen !== undefined) problem('criterionNumber', `Criterion number ${criterionNumber} is also on row ${seen}: numbers are unique in a set`);
        else numbersSeen.set(key, rowNumber);
      }
      if (section && text) section.criteria.push({ number: criterionNumber, text, evidenceExpected, appliesTo: parsed.types });
    }
    return { row: rowNumber, sectionNumber, sectionTitle, criterionNumber, criterion: text, appliesTo: parsed.types, problems };
  });

  const ok = previewRows.every((r) => r.problems.length === 0);
  const criteria = sections.reduce((n, s) => n + s.criteria.length, 0);
  if (ok && criteria === 0) fileProblems.push('The file has no criteria: each criterion goes on a row of its own, in the "Criterion" column');
  const allOk = ok && fileProblems.length === 0;
  return {
    preview: { rows: previewRows, columns, ok: allOk, fileProblems, sections: sections.length, criteria },
    sections: allOk ? sections : [],
  };
}

/** The rows of an export: one per criterion, its section on every row; a section without criteria as a row of its own. */
export function standardExportRows(
  sections: ReadonlyArray<{ number: string; title: string; criteria: ReadonlyArray<CriterionDraft> }>,
  describe: (types: readonly OrganisationType[]) => string,
): string[][] {
  const rows: string[][] = [];
  for (const s of sections) {
    if (!s.criteria.length) rows.push([s.number, s.title, '', '', '', '']);
    for (const c of s.criteria) rows.push([s.number, s.title, c.number, c.text, c.evidenceExpected, describe(c.appliesTo)]);
  }
  return rows;
}
