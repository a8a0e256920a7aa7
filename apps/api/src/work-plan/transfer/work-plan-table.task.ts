import type { ImportField } from '@plexus/contracts';
import { financialYearStartOf, parseTimescale } from '@plexus/domain';
import type { Table } from '@plexus/server/table-reader';
import { interpretTable, type Interpretation } from './interpret-table';

/** What interpreting a plan's table needs to know, as plain data (it crosses into a worker thread). */
export interface WorkPlanTableContext {
  /** Members: user id → display name. */
  members: Array<[string, string]>;
  roles: Array<{ title: string; personName: string }>;
  existingThemes: string[];
  /** The plan's first day: timescales are read in its financial years. */
  periodStart: string;
  columns?: Array<ImportField | null>;
  defaultTheme?: string;
}

/** Interprets a plan's table (in a worker thread): themes, objectives and items, with each row's problems. */
export function interpretWorkPlanTable(table: Table, ctx: WorkPlanTableContext): Interpretation {
  const financialYear = financialYearStartOf(ctx.periodStart);
  return interpretTable(table.sheets, {
    people: { members: new Map(ctx.members), roles: ctx.roles },
    existingThemes: ctx.existingThemes,
    readTimescale: (text) => {
      const parsed = parseTimescale(text, { financialYear });
      return { parsed, flag: parsed.flag?.reason ?? null };
    },
    columns: ctx.columns,
    defaultTheme: ctx.defaultTheme,
  });
}
