import { z } from 'zod';
import { WORK_ITEM_STATUSES } from '@plexus/domain';
import { id } from '../response-fields';
import { text } from './fields';
import { TIMESCALE_KINDS } from './item.dto';

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

export const importProblemDtoSchema = z
  .object({
    field: z.enum([...IMPORT_FIELDS, 'row']),
    message: z.string(),
    severity: z
      .enum(['error', 'warning'])
      .describe('Errors stop the import; warnings are kept and flagged (an unread timescale, a lead who is not a member).'),
  })
  .meta({ id: 'ImportProblem', description: 'A problem with a row of an imported table.' });
export type ImportProblemDto = z.infer<typeof importProblemDtoSchema>;

export const importRowDtoSchema = z
  .object({
    row: z.number().int().describe("The row's number in the file (1 = its first line)."),
    sheet: z.string().nullable().describe('Its sheet, in a workbook.'),
    reference: z.string().describe('The item\'s own reference from the table ("1.1"); empty: numbered by its place in the plan.'),
    theme: z.string(),
    objective: z.object({ number: z.string(), title: z.string() }).nullable(),
    work: z.string(),
    measures: z.array(z.string()),
    steps: z.array(z.string()),
    timescale: z.object({ text: z.string(), label: z.string(), kind: z.enum(TIMESCALE_KINDS), flag: z.string().nullable() }),
    leads: z.array(z.object({ label: z.string(), userId: id().nullable(), known: z.boolean() })),
    status: z.enum(WORK_ITEM_STATUSES),
    problems: z.array(importProblemDtoSchema),
  })
  .meta({ id: 'ImportRow', description: 'A row of an imported table as it would become a work item.' });
export type ImportRowDto = z.infer<typeof importRowDtoSchema>;

export const importColumnDtoSchema = z
  .object({ index: z.number().int().min(0), header: z.string(), field: z.enum(IMPORT_FIELDS).nullable() })
  .meta({ id: 'ImportColumn', description: 'A column of an imported table and the field it was read as.' });
export type ImportColumnDto = z.infer<typeof importColumnDtoSchema>;

export const importPreviewDtoSchema = z
  .object({
    format: z.enum(['xlsx', 'csv', 'tsv']),
    columns: z.array(importColumnDtoSchema),
    rows: z.array(importRowDtoSchema),
    themes: z.array(z.object({ title: z.string(), existing: z.boolean(), items: z.number().int() })),
    summary: z.object({
      items: z.number().int(),
      themes: z.number().int(),
      objectives: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
      flaggedTimescales: z.number().int(),
      unknownLeads: z.number().int(),
    }),
    fileProblems: z.array(z.string()).describe('Problems with the file as a whole (no header row found, nothing to import…).'),
    notes: z
      .array(z.string())
      .describe(
        'What the import made of the table\'s layout, in words: banner rows used as themes, a reference column kept, leads split at "/" or line breaks, statuses taken from cell colours.',
      ),
    ok: z.boolean().describe('True when nothing stops the import.'),
  })
  .meta({ id: 'ImportPreview', description: 'What importing a table would do, row by row. Nothing is saved.' });
export type ImportPreviewDto = z.infer<typeof importPreviewDtoSchema>;

export const importResultDtoSchema = z
  .object({ planId: id(), imported: z.number().int(), themes: z.number().int(), objectives: z.number().int(), flaggedTimescales: z.number().int() })
  .meta({ id: 'ImportResult', description: 'What an import added to the plan.' });
export type ImportResultDto = z.infer<typeof importResultDtoSchema>;
