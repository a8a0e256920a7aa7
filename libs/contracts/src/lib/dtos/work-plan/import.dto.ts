import { z } from 'zod';
import type { TimescaleKind, WorkItemStatus } from '@plexus/domain';
import { text } from './fields';

/** What a column of an imported table can hold. */
export const IMPORT_FIELDS = [
  'theme',
  'themeDescription',
  'objectiveNumber',
  'objective',
  'work',
  'measures',
  'steps',
  'timescale',
  'leads',
  'status',
  'reference',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  theme: 'Theme',
  themeDescription: 'Theme description',
  objectiveNumber: 'Objective number',
  objective: 'Objective',
  work: 'Work',
  measures: 'Measures of success (metric)',
  steps: 'Steps (work to be done)',
  timescale: 'Timescale',
  leads: 'Lead',
  status: 'Status',
  reference: 'Reference (1.1, 3.4…)',
};

/** Largest file the import accepts. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
/** Largest number of rows the import accepts in one go. */
export const IMPORT_MAX_ROWS = 2000;

export const importOptionsSchema = z.object({
  /** The field of each column, by position (null: not imported). Omit to let Plexus guess from the headers. */
  columns: z
    .array(z.enum(IMPORT_FIELDS, { error: 'Choose what the column holds' }).nullable())
    .max(100)
    .optional(),
  /** The theme for rows before any heading, when the table has no theme column. */
  defaultTheme: text(300, 'The theme').optional(),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;

export interface ImportProblemDto {
  field: ImportField | 'row';
  message: string;
  /** Errors stop the import; warnings are kept and flagged (an unread timescale, a lead who is not a member). */
  severity: 'error' | 'warning';
}

export interface ImportRowDto {
  /** The row's number in the file (1 = its first line), and its sheet in a workbook. */
  row: number;
  sheet: string | null;
  /** The item's own reference from the table ("1.1"); empty: numbered by its place in the plan. */
  reference: string;
  theme: string;
  objective: { number: string; title: string } | null;
  work: string;
  measures: string[];
  steps: string[];
  timescale: { text: string; label: string; kind: TimescaleKind; flag: string | null };
  leads: Array<{ label: string; userId: string | null; known: boolean }>;
  status: WorkItemStatus;
  problems: ImportProblemDto[];
}

export interface ImportColumnDto {
  index: number;
  header: string;
  field: ImportField | null;
}

export interface ImportPreviewDto {
  format: 'xlsx' | 'csv' | 'tsv';
  columns: ImportColumnDto[];
  rows: ImportRowDto[];
  themes: Array<{ title: string; existing: boolean; items: number }>;
  summary: { items: number; themes: number; objectives: number; errors: number; warnings: number; flaggedTimescales: number; unknownLeads: number };
  /** Problems with the file as a whole (no header row found, nothing to import…). */
  fileProblems: string[];
  /**
   * What the import made of the table's layout, in words: banner rows used as themes, a reference column kept,
   * leads split at "/" or line breaks, statuses taken from cell colours.
   */
  notes: string[];
  /** True when nothing stops the import. */
  ok: boolean;
}

export interface ImportResultDto {
  planId: string;
  imported: number;
  themes: number;
  objectives: number;
  flaggedTimescales: number;
}
