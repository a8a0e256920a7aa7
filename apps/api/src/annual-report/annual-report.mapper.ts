import type { AnnualReportDraftDto } from '@plexus/contracts';
import type { AnnualReportDraft, WorkPlan } from '@plexus/server';

export function toAnnualReportDraftDto(draft: AnnualReportDraft, year: { start: string; end: string }, plan: WorkPlan | null): AnnualReportDraftDto {
  return {
    id: draft.id,
    fy: draft.fy,
    periodStart: year.start,
    periodEnd: year.end,
    planId: draft.planId,
    plan: plan ? { id: plan.id, title: plan.title } : null,
    chairForeword: draft.chairForeword,
    highlights: draft.highlights,
    priorities: draft.priorities,
    updatedAt: draft.updatedAt.toISOString(),
    updatedBy: draft.updatedByName,
    version: draft.version,
  };
}
