import type { RiskDto, RiskReviewDto, RiskScorePointDto, RiskSummaryDto } from '@plexus/contracts';
import { riskBand, type IsoDate } from '@plexus/domain';
import { beforeOf, currentOf, isOverdue, type BoardMeeting, type Risk, type RiskReview, type RiskScoreChange, type WorkItem } from '@plexus/server';

/** The risk register's entities as the API answers them: every risk response is built here. */

/** The last board meeting (the latest on or before today) and the risks reviewed at it. */
export interface LastBoard {
  meeting: BoardMeeting;
  reviewed: Set<string>;
}

export function toRiskSummary(r: Risk, today: IsoDate, lastBoard: LastBoard | null = null): RiskSummaryDto {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    description: r.description,
    category: r.category,
    before: beforeOf(r),
    current: currentOf(r),
    targetScore: r.targetScore,
    mitigationLead: { userId: r.mitigationLeadUserId, name: r.mitigationLeadName },
    lastReviewedOn: r.lastReviewedOn,
    nextReviewDue: r.nextReviewDue,
    overdue: isOverdue(r, today),
    dateRegistered: r.dateRegistered,
    lastBoard:
      lastBoard && r.status === 'open'
        ? { meetingId: lastBoard.meeting.id, meetingDate: lastBoard.meeting.meetingDate, reviewed: lastBoard.reviewed.has(r.id) }
        : null,
  };
}

export function toRiskReview(v: RiskReview, meetings: Map<string, BoardMeeting> = new Map()): RiskReviewDto {
  const score = v.likelihood * v.impact;
  return {
    id: v.id,
    reviewedOn: v.reviewedOn,
    reviewer: { userId: v.reviewerUserId, name: v.reviewerName },
    likelihood: v.likelihood,
    impact: v.impact,
    score,
    band: riskBand(score).id,
    notes: v.notes,
    boardMeeting: (() => {
      const m = v.boardMeetingId ? meetings.get(v.boardMeetingId) : undefined;
      return m ? { id: m.id, title: m.title, meetingDate: m.meetingDate } : null;
    })(),
  };
}

export function toScorePoint(c: RiskScoreChange): RiskScorePointDto {
  return { on: c.effectiveOn, source: c.source, before: beforeOf(c), current: currentOf(c) };
}

export function toRiskDto(
  r: Risk,
  reviews: RiskReview[],
  history: RiskScoreChange[],
  today: IsoDate,
  can: RiskDto['can'],
  linkedWorkItems: RiskDto['linkedWorkItems'] = [],
  board: { lastBoard: LastBoard | null; meetings: Map<string, BoardMeeting> } = { lastBoard: null, meetings: new Map() },
  origin: RiskDto['origin'] = null,
): RiskDto {
  return {
    ...toRiskSummary(r, today, board.lastBoard),
    identifiedBy: r.identifiedBy,
    mitigation: r.mitigation,
    outcome: r.outcome,
    reviewFrequencyMonths: r.reviewFrequencyMonths,
    closedOn: r.closedOn,
    closedReason: r.closedReason,
    version: r.version,
    reviews: reviews.map((v) => toRiskReview(v, board.meetings)),
    history: history.map(toScorePoint),
    linkedWorkItems,
    origin,
    can,
  };
}

export function toLinkedWorkItem(link: { item: WorkItem; planTitle: string }): RiskDto['linkedWorkItems'][number] {
  return { id: link.item.id, planId: link.item.planId, planTitle: link.planTitle, work: link.item.work, status: link.item.status };
}
