import { updateAsAt } from '../plan/year-end';
import { assessRag, slippage, type RagAssessment, type WorkItemStatus } from '../rag/rag';
import { daysBetween, type IsoDate } from '../timescale/dates';
import { financialYearStartOf } from '../timescale/financial-year';
import { parseTimescale } from '../timescale/parse-timescale';

/**
 * A work item as it stood on a past day, from the history the product keeps: its dated progress updates (the latest
 * by date on or before the day sets the status) and the tracked changes to an approved plan (a timescale change
 * records the text before and after, so the target on a past day is the text before the first change after it).
 * The colour is the rag rules' own (`assessRag`) evaluated on that day with that day's status and target.
 */
export interface WorkItemHistory {
  id: string;
  /** `YYYY-MM-DD` (Europe/London): the day the item was added to the plan. */
  createdOn: IsoDate;
  /** The timescale as written now. */
  timescaleText: string;
  progress: ReadonlyArray<{ onDate: IsoDate; status: WorkItemStatus; createdAt?: Date | string }>;
  /** The item's tracked timescale changes: the day each was made (Europe/London) and the text before and after. */
  timescaleChanges: ReadonlyArray<{ on: IsoDate; from: string | null; to: string | null; createdAt?: Date | string }>;
}

export interface WorkItemStateAt {
  status: WorkItemStatus;
  /** The day of the update that set the status; null when none yet (not started). */
  statusOn: IsoDate | null;
  timescaleText: string;
  due: IsoDate | null;
  /** The colour on that day, with the date rule (past target and not complete: at least Amber). */
  rag: RagAssessment;
}

/** Reads a target the way the plan does: year-less timescales fall in the plan's first financial year. */
export function timescaleDue(text: string, planPeriodStart: IsoDate): IsoDate | null {
  return parseTimescale(text, { financialYear: financialYearStartOf(planPeriodStart) }).due ?? null;
}

const time = (v: Date | string | undefined) => (v === undefined ? 0 : new Date(v).getTime());

/** The item at the end of `date`, or null when it had not been added yet. */
export function workItemStateAt(item: WorkItemHistory, date: IsoDate, readDue: (timescaleText: string) => IsoDate | null): WorkItemStateAt | null {
  if (item.createdOn > date) return null;
  const latest = updateAsAt(item.progress, date);
  const later = item.timescaleChanges
    .filter((c) => c.on > date)
    .slice()
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : time(a.createdAt) - time(b.createdAt)));
  const timescaleText = later.length ? (later[0].from ?? '') : item.timescaleText;
  const status = latest?.status ?? 'not_started';
  const due = readDue(timescaleText);
  return { status, statusOn: latest?.onDate ?? null, timescaleText, due, rag: assessRag(status, due, date) };
}

export interface WorkItemChange {
  id: string;
  /** Null for an item added after the first day. */
  from: WorkItemStateAt | null;
  to: WorkItemStateAt;
}

export interface SlippedItem extends WorkItemChange {
  /** The target moved later: by how many days (0 when it did not). */
  movedDays: number;
  /** The target passed between the two days and the item is not complete. */
  passed: boolean;
}

export interface WorkItemMovements {
  /** Items on the plan on both days whose colour changed, e.g. Green → Amber, Amber → Blue. */
  bragChanged: WorkItemChange[];
  /** Items complete on the second day that were not on the first (or were added since), with the day they were marked complete. */
  completed: Array<WorkItemChange & { completedOn: IsoDate | null }>;
  /** Items whose target moved later, or passed while not complete. */
  slipped: SlippedItem[];
  /** Items added to the plan after the first day, up to the second. */
  added: WorkItemChange[];
}

/** What changed for a plan's items between the end of `from` and the end of `to` (`from` before `to`). */
export function workItemMovements(
  items: readonly WorkItemHistory[],
  from: IsoDate,
  to: IsoDate,
  readDue: (timescaleText: string) => IsoDate | null,
): WorkItemMovements {
  const out: WorkItemMovements = { bragChanged: [], completed: [], slipped: [], added: [] };
  for (const item of items) {
    const after = workItemStateAt(item, to, readDue);
    if (!after) continue;
    const before = workItemStateAt(item, from, readDue);
    const change = { id: item.id, from: before, to: after };
    if (!before) out.added.push(change);
    else if (before.rag.rag !== after.rag.rag) out.bragChanged.push(change);
    if (after.status === 'complete' && before?.status !== 'complete') {
      // The first of the updates that have said complete since the last that did not.
      const run = item.progress
        .filter((u) => u.onDate <= to)
        .slice()
        .sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : time(a.createdAt) - time(b.createdAt)));
      let completedOn: IsoDate | null = null;
      for (const u of run) completedOn = u.status === 'complete' ? (completedOn ?? u.onDate) : null;
      out.completed.push({ ...change, completedOn });
    }
    const movedDays = before?.due && after.due ? Math.max(0, daysBetween(before.due, after.due)) : 0;
    const passed =
      slippage({ status: after.status, due: after.due, today: to }).slipped &&
      !(before && slippage({ status: before.status, due: before.due, today: from }).slipped);
    if (movedDays > 0 || passed) out.slipped.push({ ...change, movedDays, passed });
  }
  return out;
}
