import type { WorkItemStatus } from '@plexus/domain';

/** A progress update on the item whose work starts with `work`. */
export interface DemoUpdate {
  work: string;
  on: string;
  status: WorkItemStatus;
  narrative: string;
}

/** A change made after the board approved the plan (a target that moved), with its reason. */
export interface DemoChange {
  work: string;
  on: string;
  timescale: string;
  reason: string;
}

/** A demo network's plan: the table as its document has it, then what happened during the year. */
export interface DemoWorkPlan {
  title: string;
  periodStart: string;
  periodEnd: string;
  approvedOn: string;
  approvalNote: string;
  /** The table, row by row, as pasted from the source document (headings, header rows, data). */
  rows: string[][];
  /** Lead titles written in the document → the leadership role of the demo network that is the same job. */
  roleAliases: Record<string, string>;
  updates: DemoUpdate[];
  changes: DemoChange[];
}

/** The rows as tab-separated text, quoting cells that hold line breaks (as Excel does on copy). */
export function toTsv(rows: string[][]): string {
  return rows.map((row) => row.map((cell) => (/[\t\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t')).join('\n') + '\n';
}
