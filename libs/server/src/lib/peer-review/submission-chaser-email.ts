import { daysBetween, formatIsoDateLong, type ChaserStep, type SubmissionState } from '@plexus/domain';

export interface ChaserEmailInput {
  step: ChaserStep;
  /** The day the chaser goes, in UK time. */
  today: string;
  networkName: string;
  organisationName: string;
  recipientName: string;
  cycleName: string;
  activityTitle: string;
  documentName: string;
  state: SubmissionState;
  reason: string;
  dueDate: string;
  /** The submission's page. */
  url: string;
}

/** One line: a subject never carries a line break a header could be split at. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/**
 * A chaser: a plain-text email to one contributor of the organisation, about one document it owes — "due in 14 days",
 * "due in 3 days" or "overdue" — with the reason when more information was asked for, and the link to upload it.
 */
export function composeChaserEmail(input: ChaserEmailInput): { subject: string; bodyText: string } {
  const due = formatIsoDateLong(input.dueDate);
  const days = daysBetween(input.today, input.dueDate);
  const what = `${input.documentName} (${input.activityTitle})`;
  const when =
    input.step === 'overdue'
      ? `was due on ${due} and has not been received`
      : days === 0
        ? `is due today, ${due}`
        : `is due on ${due}, in ${days} day${days === 1 ? '' : 's'}`;
  const subject = oneLine(
    input.step === 'overdue'
      ? `Overdue: ${input.documentName} for ${input.cycleName} (due ${due})`
      : `Reminder: ${input.documentName} for ${input.cycleName} is due ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`} (${due})`,
  );
  const lines = [
    `Dear ${input.recipientName},`,
    '',
    input.state === 'more_information_requested'
      ? `${input.networkName} asked ${input.organisationName} for more information about its ${what}. The resubmission ${when}.`
      : `${input.organisationName}'s ${what} for ${input.networkName}'s ${input.cycleName} ${when}.`,
  ];
  if (input.state === 'more_information_requested' && input.reason) lines.push('', 'What the network asked for:', input.reason);
  lines.push(
    '',
    `Upload it (PDF, Word or Excel) on its page in Plexus: ${input.url}`,
    '',
    `You receive this because you are a contributor for ${input.organisationName} in ${input.networkName}. Reminders stop once the document is submitted.`,
  );
  return { subject, bodyText: lines.join('\n') };
}

export interface InformationRequestEmailInput {
  networkName: string;
  organisationName: string;
  recipientName: string;
  cycleName: string;
  activityTitle: string;
  documentName: string;
  /** What the network asked for, as written. */
  reason: string;
  /** When the resubmission is due (a new date when the network gave one). */
  dueDate: string;
  /** Whether the network moved the due date with its request. */
  dueDateChanged: boolean;
  /** The submission's page. */
  url: string;
}

/**
 * A request for more information: a plain-text email to one contributor of the organisation, sent when the network
 * asks, with the reason as written, when the resubmission is due and the link to upload it.
 */
export function composeInformationRequestEmail(input: InformationRequestEmailInput): { subject: string; bodyText: string } {
  const due = formatIsoDateLong(input.dueDate);
  const subject = oneLine(`More information requested: ${input.documentName} for ${input.cycleName} (due ${due})`);
  const lines = [
    `Dear ${input.recipientName},`,
    '',
    `${input.networkName} has looked at ${input.organisationName}'s ${input.documentName} (${input.activityTitle}) for ${input.cycleName} and asks for more information before accepting it.`,
    '',
    'What the network asked for:',
    input.reason,
    '',
    input.dueDateChanged ? `Please submit it again by ${due} (a new due date).` : `Please submit it again by ${due}.`,
    '',
    `Upload the new version (PDF, Word or Excel) on its page in Plexus: ${input.url}`,
    '',
    `You receive this because you are a contributor for ${input.organisationName} in ${input.networkName}.`,
  ];
  return { subject, bodyText: lines.join('\n') };
}
