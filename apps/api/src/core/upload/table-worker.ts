// The entry of the table worker threads (piscina): bundled as dist/apps/api/table-worker.js, or loaded from this
// TypeScript file through scripts/ts-register.js. Loads only the read side of the table module, not the server lib.
import { readTable, TableLimitError, UnreadableTableError } from '@plexus/server/table-reader';
import { interpretStandardTable } from '../../peer-review/standards/standard-table';
import { interpretRiskTable } from '../../risk/risk-table';
import { interpretWorkPlanTable } from '../../work-plan/transfer/work-plan-table.task';
import type { TableTask, TableTaskResult } from './table-task';

const UNREADABLE = 'This file could not be read as a table. Save it as an Excel workbook (.xlsx) or CSV and try again.';

function detailOf(err: unknown): string | undefined {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? (cause.stack ?? cause.message) : undefined;
}

export default function runTableTask(task: TableTask): TableTaskResult {
  try {
    switch (task.kind) {
      case 'ping':
        return { ok: true, value: null };
      case 'work-plan': {
        const table = readTable(task.bytes, task.fileName);
        return { ok: true, value: { format: table.format, interpretation: interpretWorkPlanTable(table, task.context) } };
      }
      case 'risk':
        return { ok: true, value: interpretRiskTable(readTable(task.bytes, task.fileName), task.context) };
      case 'standards':
        return { ok: true, value: interpretStandardTable(readTable(task.bytes, task.fileName)) };
    }
  } catch (err) {
    if (err instanceof TableLimitError) return { ok: false, error: { kind: 'limit', message: err.message } };
    if (err instanceof UnreadableTableError) return { ok: false, error: { kind: 'unreadable', message: err.message, detail: detailOf(err) } };
    return { ok: false, error: { kind: 'unreadable', message: UNREADABLE, detail: detailOf(err) } };
  }
}
