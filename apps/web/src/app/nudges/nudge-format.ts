import type { NudgeDto, NudgeRoundSummaryDto } from '@plexus/contracts';
import { formatIsoDateLong, nudgeListSummary } from '@plexus/domain';

/** `4 December 2026 at 09:00` (UK time). */
export function whenText(iso: string): string {
  const d = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return `${formatIsoDateLong(day)} at ${time}`;
}

export function roundStateLabel(round: Pick<NudgeRoundSummaryDto, 'state'>): { text: string; tag: string } {
  switch (round.state) {
    case 'scheduled':
      return { text: 'To be sent', tag: 'nhsuk-tag--blue' };
    case 'sent':
      return { text: 'Sent', tag: 'nhsuk-tag--green' };
    default:
      return { text: 'Withdrawn', tag: 'nhsuk-tag--grey' };
  }
}

/** `2 leads nudged, 1 updated` (and failures, when there are any). */
export function roundCountsText(round: Pick<NudgeRoundSummaryDto, 'counts' | 'state'>): string {
  if (round.state === 'scheduled') return 'Not sent yet';
  const c = round.counts;
  if (!c.nudged) return 'Nobody needed a nudge';
  const parts = [`${c.nudged} lead${c.nudged === 1 ? '' : 's'} nudged`, `${c.updated} updated`];
  if (c.failed) parts.push(`${c.failed} email${c.failed === 1 ? '' : 's'} failed`);
  return parts.join(', ');
}

export function nudgeListText(n: Pick<NudgeDto, 'items' | 'risks'>): string {
  return nudgeListSummary(n.items, n.risks);
}

export function emailText(n: Pick<NudgeDto, 'emailStatus' | 'emailError'>): { text: string; tag: string } {
  switch (n.emailStatus) {
    case 'sent':
      return { text: 'Sent', tag: 'nhsuk-tag--green' };
    case 'failed':
      return { text: 'Failed', tag: 'nhsuk-tag--red' };
    default:
      return { text: 'Sending', tag: 'nhsuk-tag--grey' };
  }
}
