import { formatIsoDateLong, nudgeListSummary, ragOf, RAG_INFO, WORK_ITEM_STATUS_LABELS, type WorkItemStatus } from '@plexus/domain';

export interface NudgeEmailInput {
  networkName: string;
  leadName: string;
  /** The board meeting the round is for: its day (`YYYY-MM-DD`) and title; null for a round on its own. */
  meeting: { date: string; title: string } | null;
  items: Array<{ ref: string; work: string; status: WorkItemStatus; statusOn: string | null }>;
  risks: Array<{ reference: string; description: string; nextReviewDue: string | null }>;
  url: string;
  /** When the link stops working. */
  expiresAt: Date;
}

/** One line, control characters and bidirectional overrides out, cut to `max`. */
function oneLine(value: string, max = 200): string {
  return value
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

function shorten(value: string, max = 140): string {
  const line = oneLine(value, 1000);
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * A nudge: a plain-text email to one lead listing their items that need a progress update and their risks due for a
 * review, with the link to the one-page update form (no password; it works once, until it expires).
 */
export function composeNudgeEmail(input: NudgeEmailInput): { subject: string; bodyText: string } {
  const what = nudgeListSummary(input.items.length, input.risks.length);
  const before = input.meeting ? ` before the board meeting on ${formatIsoDateLong(input.meeting.date)}` : '';
  const subject = oneLine(`${input.networkName}: please update ${what}${before}`);
  const expires = input.expiresAt.toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const lines = [`Dear ${oneLine(input.leadName)},`, '', `${oneLine(input.networkName)} asks you to update ${what} you lead${before}.`];
  if (input.items.length) {
    lines.push('', 'Work items needing a progress update:');
    for (const item of input.items) {
      const rag = RAG_INFO[ragOf(item.status)];
      const last = item.statusOn ? `last updated ${formatIsoDateLong(item.statusOn)}` : 'no update yet';
      lines.push(`- ${item.ref} ${shorten(item.work)} (now: ${WORK_ITEM_STATUS_LABELS[item.status]}, ${rag.label}; ${last})`);
    }
  }
  if (input.risks.length) {
    lines.push('', 'Risks due for a review:');
    for (const risk of input.risks) {
      const due = risk.nextReviewDue ? `review due ${formatIsoDateLong(risk.nextReviewDue)}` : 'no review date';
      lines.push(`- ${oneLine(risk.reference, 40)} ${shorten(risk.description)} (${due})`);
    }
  }
  lines.push(
    '',
    'Update them on one page, no password needed:',
    input.url,
    '',
    `The link works once, until ${expires} (UK time). It is for you only: please do not forward it.`,
    'What you send is recorded under your name in each item’s history and in the network’s audit trail.',
  );
  return { subject, bodyText: lines.join('\n') };
}
