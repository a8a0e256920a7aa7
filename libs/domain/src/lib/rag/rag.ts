/**
 * Work-item status and BRAG (Blue / Red / Amber / Green, plus Grey): Blue is complete. A status past
 * its target date and not complete is at least Amber, and reports say why. Colour is never the only
 * signal: every RAG has a label and a meaning in words.
 */
import { readableTextOn } from '../colour';
import { IsoDate, daysBetween, formatIsoDateLong, parseIsoDate } from '../timescale/dates';

export const WORK_ITEM_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'complete', 'deferred'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

export const WORK_ITEM_STATUS_LABELS: Readonly<Record<WorkItemStatus, string>> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  complete: 'Complete',
  deferred: 'Deferred',
};

export function isWorkItemStatus(value: unknown): value is WorkItemStatus {
  return typeof value === 'string' && (WORK_ITEM_STATUSES as readonly string[]).includes(value);
}

export const RAGS = ['blue', 'green', 'amber', 'red', 'grey'] as const;
export type Rag = (typeof RAGS)[number];

export interface RagInfo {
  rag: Rag;
  /** `Blue`, `Green`, `Amber`, `Red`, `Grey` */
  label: string;
  /** One letter for tight table cells: B, G, A, R, and – for grey. */
  letter: string;
  /** What it means, in words: `Complete`, `On track`… */
  meaning: string;
  /** Background colour, `#rrggbb`. */
  colour: string;
  /** Text colour that reads on `colour` (WCAG contrast ≥ 4.5). */
  textColour: string;
}

function info(rag: Rag, label: string, letter: string, meaning: string, colour: string): RagInfo {
  return { rag, label, letter, meaning, colour, textColour: readableTextOn(colour) };
}

/** NHS identity colours: blue, dark green, warm yellow, red, pale grey. */
export const RAG_INFO: Readonly<Record<Rag, RagInfo>> = {
  blue: info('blue', 'Blue', 'B', 'Complete', '#005eb8'),
  green: info('green', 'Green', 'G', 'On track', '#007f3b'),
  // Amber is an item at risk, or one past its target and not complete (overdue): see `assessRag`.
  amber: info('amber', 'Amber', 'A', 'At risk or overdue', '#ffb81c'),
  red: info('red', 'Red', 'R', 'Off track', '#d5281b'),
  grey: info('grey', 'Grey', '–', 'Not started or deferred', '#aeb7bd'),
};

/** Order of concern, worst first, for sorting exceptions to the top of a report. */
export const RAG_SEVERITY: Readonly<Record<Rag, number>> = { red: 4, amber: 3, green: 2, grey: 1, blue: 0 };

/** A colour with what it means, for counts and roll-ups: `Amber – at risk or overdue`. */
export function ragText(rag: Rag): string {
  const i = RAG_INFO[rag];
  return `${i.label} – ${i.meaning.charAt(0).toLowerCase()}${i.meaning.slice(1)}`;
}

const STATUS_RAG: Readonly<Record<WorkItemStatus, Rag>> = {
  not_started: 'grey',
  on_track: 'green',
  at_risk: 'amber',
  off_track: 'red',
  complete: 'blue',
  deferred: 'grey',
};

/** The colour a status carries by itself (ignoring dates): complete → blue, on track → green… */
export function ragOf(status: WorkItemStatus): Rag {
  const rag = STATUS_RAG[status];
  if (!rag) throw new RangeError(`Unknown work item status: ${String(status)}`);
  return rag;
}

export interface Slippage {
  slipped: boolean;
  /** Whole days past the due date (0 when not slipped). */
  daysLate: number;
}

function requireDate(value: string, name: string): void {
  if (!parseIsoDate(value)) throw new RangeError(`${name} must be a date as YYYY-MM-DD (got ${JSON.stringify(value)})`);
}

/**
 * Has the item slipped? Yes when today is after the due date and the item is neither complete nor
 * deferred. Due on the day itself is not late. No due date → not slipped.
 */
export function slippage(input: { status: WorkItemStatus; due?: IsoDate | null; today: IsoDate }): Slippage {
  const { status, due, today } = input;
  requireDate(today, 'today');
  ragOf(status);
  if (due === undefined || due === null || due === '') return { slipped: false, daysLate: 0 };
  requireDate(due, 'due');
  if (status === 'complete' || status === 'deferred') return { slipped: false, daysLate: 0 };
  const daysLate = daysBetween(due, today);
  return daysLate > 0 ? { slipped: true, daysLate } : { slipped: false, daysLate: 0 };
}

export interface RagAssessment extends Slippage {
  /** The colour to show. */
  rag: Rag;
  /** The colour of the status alone. */
  statusRag: Rag;
  /** True when the date raised the colour above the status's own. */
  escalated: boolean;
  /**
   * Why, when the date raised the colour or the item is overdue: `Overdue: its target of 31 December 2020 passed 12 days
   * ago and it is not complete, so it shows as Amber, not Green` (see status-vocabulary.ts).
   */
  reason?: string;
}

/**
 * The colour with dates taken into account: past its target and not complete (nor deferred) is at
 * least Amber; Red stays Red.
 */
export function assessRag(status: WorkItemStatus, due: IsoDate | null | undefined, today: IsoDate): RagAssessment {
  const statusRag = ragOf(status);
  const s = slippage({ status, due, today });
  if (!s.slipped) return { rag: statusRag, statusRag, escalated: false, ...s };
  const rag: Rag = statusRag === 'red' ? 'red' : 'amber';
  const days = `${s.daysLate} day${s.daysLate === 1 ? '' : 's'}`;
  const shown = rag !== statusRag ? `, so it shows as Amber, not ${RAG_INFO[statusRag].label}` : '';
  return {
    rag,
    statusRag,
    escalated: rag !== statusRag,
    ...s,
    reason: `Overdue: its target of ${formatIsoDateLong(due as IsoDate)} passed ${days} ago and it is not complete${shown}`,
  };
}

/** `assessRag(...).rag`. */
export function effectiveRag(status: WorkItemStatus, due: IsoDate | null | undefined, today: IsoDate): Rag {
  return assessRag(status, due, today).rag;
}

export interface TargetChange {
  /** True when the current target differs from the original one. */
  moved: boolean;
  /** Days the target moved: positive when later (slipped), negative when earlier. */
  days: number;
}

/** How far a work item's current target has moved from its original one. */
export function targetChange(originalDue: IsoDate | null | undefined, currentDue: IsoDate | null | undefined): TargetChange {
  if (!originalDue || !currentDue) return { moved: originalDue !== currentDue && !!(originalDue || currentDue), days: 0 };
  requireDate(originalDue, 'originalDue');
  requireDate(currentDue, 'currentDue');
  const days = daysBetween(originalDue, currentDue);
  return { moved: days !== 0, days };
}

/**
 * A dated progress update (of a work item, a peer review action…) sets the status when it is the latest by date: an
 * update dated before the one that set the current status is kept in the history but does not change the status.
 */
export function progressSetsStatus(statusOn: IsoDate | null, updateOn: IsoDate): boolean {
  return statusOn === null || updateOn >= statusOn;
}
