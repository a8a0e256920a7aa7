/**
 * The one vocabulary for how a work item (or a peer review action) stands, shared by the web app and every PDF, so
 * that a board paper and the screen say the same thing in the same words:
 * - the colour always comes with words: an item's colour with its own status (`Green – On track`), a count of items
 *   by colour with what the colour means (`Amber – at risk or overdue`);
 * - **overdue** is an item whose target date has passed and that is not complete (nor deferred): it shows as at least
 *   Amber, and when the date is what made it Amber the words say so (`Amber – Overdue (reported on track)`);
 * - **slipped** is only a target that moved later than it was first set (`Slipped: target moved 183 days later
 *   (originally Q4 2023/24)`); a target brought earlier is not slipped.
 * Why a date raised a colour is `assessRag(...).reason`, in the same words (`Overdue: its target of 31 December 2020
 * passed 12 days ago…`).
 */
import { plural } from '../words/plural';
import { RAG_INFO, WORK_ITEM_STATUS_LABELS, type Rag, type WorkItemStatus } from './rag';

/** `On track`; an unknown status is shown as it came. */
export function statusLabel(status: WorkItemStatus | string): string {
  return (WORK_ITEM_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** What an item's colour and status are, as one: the assessment of `assessRag` and the item's status. */
export interface ItemStanding {
  rag: Rag;
  status: WorkItemStatus;
  /** True when the date raised the colour above the status's own (past its target and not complete). */
  escalated: boolean;
}

/**
 * How an item stands, without its colour (for a table whose tag already names it): `On track`; when its target has
 * passed and that raised its colour, `Overdue (reported on track)`.
 */
export function standingWords(item: Pick<ItemStanding, 'status' | 'escalated'>): string {
  return item.escalated ? `Overdue (reported ${lowerFirst(statusLabel(item.status))})` : statusLabel(item.status);
}

/**
 * An item's colour in words, with its own status: `Green – On track`, `Red – Off track`, `Blue – Complete`; when its
 * target has passed and that made it Amber, `Amber – Overdue (reported on track)`.
 */
export function itemStatusWords(item: ItemStanding): string {
  return `${RAG_INFO[item.rag].label} – ${standingWords(item)}`;
}

/** `Overdue by 1 day`, `Overdue by 12 days`; empty when not overdue. */
export function overdueWords(daysLate: number): string {
  return daysLate > 0 ? `Overdue by ${plural(daysLate, 'day')}` : '';
}

/**
 * How the target moved from the one first set: `Slipped: target moved 183 days later (originally Q4 2023/24)`, or
 * `Target brought 10 days earlier`; null when it has not moved (or one of the two is not known).
 */
export function targetMoveWords(days: number, original?: string | null): string | null {
  if (days > 0) return `Slipped: target moved ${plural(days, 'day')} later${original ? ` (originally ${original})` : ''}`;
  if (days < 0) return `Target brought ${plural(-days, 'day')} earlier`;
  return null;
}

/** A count by colour: `1 amber (at risk or overdue)`, `3 blue (complete)`. */
export function ragCountWords(rag: Rag, count: number): string {
  return `${count} ${RAG_INFO[rag].label.toLowerCase()} (${RAG_INFO[rag].meaning.toLowerCase()})`;
}
