import type { ReviewActivityDto, ReviewCycleDto, ReviewCycleQuarterDto, ReviewCycleSummaryDto, SubmissionCountsDto } from '@plexus/contracts';
import { cycleYears, financialQuarter, parseFinancialYearLabel, type FinancialQuarterNumber } from '@plexus/domain';
import { NO_SUBMISSIONS, type MemberOrganisation, type ReviewActivity, type ReviewCycle, type SubmissionCounts } from '@plexus/server';
import { personRefOf } from '../peer-review-scope';

export const countsDto = (c: SubmissionCounts): SubmissionCountsDto => ({
  total: c.total,
  awaited: c.awaited,
  submitted: c.submitted,
  accepted: c.accepted,
  moreInformationRequested: c.moreInformationRequested,
  overdue: c.overdue,
});

/** Every quarter of a cycle, in order: the timeline's columns. */
export function cycleQuarters(cycle: Pick<ReviewCycle, 'firstFy' | 'lastFy'>): ReviewCycleQuarterDto[] {
  const first = parseFinancialYearLabel(cycle.firstFy) as number;
  const last = parseFinancialYearLabel(cycle.lastFy) as number;
  return cycleYears(first, last).flatMap((year) =>
    ([1, 2, 3, 4] as FinancialQuarterNumber[]).map((q) => {
      const quarter = financialQuarter(year, q);
      return { fy: quarter.fy, quarter: q, label: quarter.label, start: quarter.start, end: quarter.end };
    }),
  );
}

export function toReviewCycleSummaryDto(
  cycle: ReviewCycle,
  extra: {
    organisationCount: number;
    activityCount: number;
    submissions: SubmissionCounts;
    nextDue: { activityId: string; title: string; dueDate: string } | null;
  },
): ReviewCycleSummaryDto {
  return {
    id: cycle.id,
    name: cycle.name,
    firstFy: cycle.firstFy,
    lastFy: cycle.lastFy,
    status: cycle.status,
    reminderDays: [...cycle.reminderDays],
    organisationCount: extra.organisationCount,
    activityCount: extra.activityCount,
    submissions: countsDto(extra.submissions),
    nextDue: extra.nextDue,
    createdAt: cycle.createdAt.toISOString(),
    updatedAt: cycle.updatedAt.toISOString(),
  };
}

export function toReviewActivityDto(
  a: ReviewActivity,
  ctx: { organisations: Map<string, MemberOrganisation>; names: Map<string, string>; counts: SubmissionCounts | null },
): ReviewActivityDto {
  const organisation = a.organisationId ? ctx.organisations.get(a.organisationId) : undefined;
  return {
    id: a.id,
    cycleId: a.cycleId,
    fy: a.fy,
    quarter: a.quarter,
    kind: a.kind,
    title: a.title,
    description: a.description,
    dueDate: a.dueDate,
    requiredDocuments: [...a.requiredDocuments],
    standardSetVersionId: a.standardSetVersionId,
    meetingDate: a.meetingDate,
    organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
    panel: a.panelUserIds.map((id) => personRefOf(id, ctx.names) ?? { userId: null, name: 'Former member' }),
    externalReviewers: [...a.externalReviewers],
    submissions: a.kind === 'submission' ? countsDto(ctx.counts ?? NO_SUBMISSIONS) : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toReviewCycleDto(
  summary: ReviewCycleSummaryDto,
  parts: {
    cycle: ReviewCycle;
    asOf: string;
    organisations: Array<{ organisation: MemberOrganisation; submissions: SubmissionCounts }>;
    activities: ReviewActivityDto[];
    canManage: boolean;
  },
): ReviewCycleDto {
  return {
    ...summary,
    asOf: parts.asOf,
    quarters: cycleQuarters(parts.cycle),
    organisations: parts.organisations.map(({ organisation, submissions }) => ({
      id: organisation.id,
      name: organisation.name,
      type: organisation.type,
      submissions: countsDto(submissions),
    })),
    activities: parts.activities,
    can: { manage: parts.canManage },
  };
}
