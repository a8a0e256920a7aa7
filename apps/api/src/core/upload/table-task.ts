import type { TableFormat } from '@plexus/server/table-reader';
import type { StandardInterpretation } from '../../peer-review/standards/standard-table';
import type { RiskImportContext, RiskInterpretation } from '../../risk/risk-table';
import type { WorkPlanTableContext } from '../../work-plan/transfer/work-plan-table.task';
import type { Interpretation } from '../../work-plan/transfer/interpret-table';

/** What the table worker threads are asked to do: read an uploaded file and interpret it for one import. */
export type TableTask =
  | { kind: 'ping' }
  | { kind: 'work-plan'; bytes: Uint8Array; fileName: string; context: WorkPlanTableContext }
  | { kind: 'risk'; bytes: Uint8Array; fileName: string; context: RiskImportContext }
  | { kind: 'standards'; bytes: Uint8Array; fileName: string };

export type TableTaskKind = TableTask['kind'];

export interface TableTaskOutputs {
  ping: null;
  'work-plan': { format: TableFormat; interpretation: Interpretation };
  risk: RiskInterpretation;
  standards: StandardInterpretation;
}

/** Why a file could not be taken: past a limit (413), or unreadable (400); `detail` is for the log only. */
export interface TableTaskFailure {
  kind: 'limit' | 'unreadable';
  message: string;
  detail?: string;
}

export type TableTaskResult<K extends TableTaskKind = TableTaskKind> =
  { ok: true; value: TableTaskOutputs[K] } | { ok: false; error: TableTaskFailure };
