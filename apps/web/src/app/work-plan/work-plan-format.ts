import type { WorkItemSummaryDto, WorkPlanCountsDto } from '@plexus/contracts';
import { RAG_INFO, WORK_ITEM_STATUS_LABELS, formatIsoDateLong, type Rag, type WorkItemStatus } from '@plexus/domain';

/** NHS tag classes for each colour; the words always go with the colour. */
export const RAG_TAG: Readonly<Record<Rag, string>> = {
  blue: 'nhsuk-tag--blue',
  green: 'nhsuk-tag--green',
  amber: 'nhsuk-tag--yellow',
  red: 'nhsuk-tag--red',
  grey: 'nhsuk-tag--grey',
};

export function statusLabel(status: WorkItemStatus | string): string {
  return (WORK_ITEM_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** `Amber` + the item's own status words: `Amber – On track (past its target)`. */
export function ragWords(rag: Rag, status: WorkItemStatus, escalatedBy?: string | null): string {
  const colour = RAG_INFO[rag].label;
  return escalatedBy ? `${colour} – ${statusLabel(status)} (past its target)` : `${colour} – ${statusLabel(status)}`;
}

export function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** Words for how an item stands against its target, or null when there is nothing to say. */
export function slippageText(item: Pick<WorkItemSummaryDto, 'late' | 'targetMoved' | 'timescale'>): string | null {
  const parts: string[] = [];
  if (item.late.slipped) parts.push(`${days(item.late.daysLate)} past its target`);
  if (item.targetMoved.moved && item.targetMoved.days > 0) {
    parts.push(`target moved ${days(item.targetMoved.days)} later (originally ${item.timescale.original.text || 'none'})`);
  } else if (item.targetMoved.moved && item.targetMoved.days < 0) {
    parts.push(`target brought ${days(-item.targetMoved.days)} earlier`);
  }
  if (!parts.length) return null;
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "3 items: 1 complete, 1 on track, 1 at risk; 1 slipped; 1 timescale to check". */
export function countsText(counts: WorkPlanCountsDto): string {
  if (counts.items === 0) return 'No work items yet';
  const colours = (['blue', 'green', 'amber', 'red', 'grey'] as const)
    .filter((rag) => counts.rag[rag] > 0)
    .map((rag) => `${counts.rag[rag]} ${RAG_INFO[rag].label.toLowerCase()} (${RAG_INFO[rag].meaning.toLowerCase()})`);
  const parts = [`${counts.items} ${counts.items === 1 ? 'item' : 'items'}: ${colours.join(', ')}`];
  if (counts.slipped) parts.push(`${counts.slipped} slipped`);
  if (counts.flagged) parts.push(`${counts.flagged} ${counts.flagged === 1 ? 'timescale' : 'timescales'} to check`);
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
