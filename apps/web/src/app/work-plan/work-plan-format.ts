import type { WorkItemSummaryDto, WorkPlanCountsDto } from '@plexus/contracts';
import {
  formatIsoDateLong,
  itemStatusWords,
  overdueWords,
  plural,
  ragCountWords,
  statusLabel,
  targetMoveWords,
  type Rag,
  type WorkItemStatus,
} from '@plexus/domain';

export { statusLabel };

/** NHS tag classes for each colour; the words always go with the colour. */
export const RAG_TAG: Readonly<Record<Rag, string>> = {
  blue: 'nhsuk-tag--blue',
  green: 'nhsuk-tag--green',
  amber: 'nhsuk-tag--yellow',
  red: 'nhsuk-tag--red',
  grey: 'nhsuk-tag--grey',
};

/**
 * The item's colour with its own status, in the words the PDFs use (libs/domain status-vocabulary):
 * `Green – On track`; `Amber – Overdue (reported on track)` when its target has passed and that raised the colour.
 */
export function ragWords(rag: Rag, status: WorkItemStatus, escalatedBy?: string | null): string {
  return itemStatusWords({ rag, status, escalated: !!escalatedBy });
}

export function days(n: number): string {
  return plural(n, 'day');
}

/**
 * Words for how an item stands against its target, or null when there is nothing to say: `Overdue by 10 days` (its
 * target passed), `Slipped: target moved 183 days later (originally Q4 2023/24)` (its target moved).
 */
export function slippageText(item: Pick<WorkItemSummaryDto, 'late' | 'targetMoved' | 'timescale'>): string | null {
  const parts: string[] = [];
  if (item.late.slipped) parts.push(overdueWords(item.late.daysLate));
  const move = item.targetMoved.moved ? targetMoveWords(item.targetMoved.days, item.timescale.original.text || 'none') : null;
  if (move) parts.push(move);
  return parts.length ? parts.join('; ') : null;
}

/** "3 items: 1 blue (complete), 1 green (on track), 1 amber (at risk or overdue); 1 slipped or overdue; 1 timescale to check". */
export function countsText(counts: WorkPlanCountsDto): string {
  if (counts.items === 0) return 'No work items yet';
  const colours = (['blue', 'green', 'amber', 'red', 'grey'] as const)
    .filter((rag) => counts.rag[rag] > 0)
    .map((rag) => ragCountWords(rag, counts.rag[rag]));
  const parts = [`${plural(counts.items, 'item')}: ${colours.join(', ')}`];
  if (counts.slipped) parts.push(`${counts.slipped} slipped or overdue`);
  if (counts.flagged) parts.push(`${plural(counts.flagged, 'timescale')} to check`);
  return parts.join('; ');
}

export function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  try {
    return formatIsoDateLong(iso.slice(0, 10));
  } catch {
    return iso;
  }
}

export function periodText(start: string, end: string): string {
  return `${longDate(start)} to ${longDate(end)}`;
}

/** Textarea ↔ list: one entry per line, blank lines dropped. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function listToLines(list: readonly string[]): string {
  return list.join('\n');
}
