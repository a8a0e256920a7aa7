import type { NudgeDto, NudgeRoundSummaryDto } from '@plexus/contracts';
import type { BoardMeeting, NudgeRound, NudgeRoundCounts, NudgeWithEmail } from '@plexus/server';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function toNudgeRoundSummary(
  round: NudgeRound,
  meeting: BoardMeeting | null,
  counts: NudgeRoundCounts | undefined,
  createdBy: string | null,
): NudgeRoundSummaryDto {
  return {
    id: round.id,
    state: round.state,
    sendAt: round.sendAt.toISOString(),
    sentAt: iso(round.sentAt),
    boardMeeting: meeting ? { id: meeting.id, title: meeting.title, meetingDate: meeting.meetingDate } : null,
    createdBy,
    createdAt: round.createdAt.toISOString(),
    counts: counts ?? { nudged: 0, sent: 0, failed: 0, updated: 0 },
  };
}

export function toNudgeDto({ nudge, emailStatus, emailError, sentAt }: NudgeWithEmail): NudgeDto {
  return {
    id: nudge.id,
    userId: nudge.userId,
    leadName: nudge.leadName,
    email: nudge.toAddress,
    items: nudge.itemIds.length,
    risks: nudge.riskIds.length,
    emailStatus,
    emailError,
    emailSentAt: iso(sentAt),
    updatedAt: iso(nudge.usedAt),
    expiresAt: nudge.expiresAt.toISOString(),
  };
}
