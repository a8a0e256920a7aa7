import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { WorkPlan } from '../work-plan/work-plan.entity';
import { AnnualReportDraft } from './annual-report-draft.entity';

/** The network's annual report drafts, and the plan a year's report tells of. Runs in the current request or job scope. */
@Injectable()
export class AnnualReportRepository {
  private get em() {
    return RequestScopes.em();
  }

  drafts(): Promise<AnnualReportDraft[]> {
    return this.em.find(AnnualReportDraft, {}, { orderBy: { fy: 'desc' } });
  }

  draft(id: string): Promise<AnnualReportDraft | null> {
    return this.em.findOne(AnnualReportDraft, { id });
  }

  draftFor(fy: string): Promise<AnnualReportDraft | null> {
    return this.em.findOne(AnnualReportDraft, { fy });
  }

  /**
   * The plan a year's report tells of when none is chosen: of the plans whose period covers part of the year, an
   * approved one before a draft, then the one covering most of the year, then the latest.
   */
  async planForYear(year: { start: string; end: string }): Promise<WorkPlan | null> {
    const plans = await this.em.find(WorkPlan, { periodStart: { $lte: year.end }, periodEnd: { $gte: year.start } });
    const covered = (p: WorkPlan) => {
      const from = p.periodStart > year.start ? p.periodStart : year.start;
      const to = p.periodEnd < year.end ? p.periodEnd : year.end;
      return Date.parse(to) - Date.parse(from);
    };
    plans.sort(
      (a, b) =>
        Number(b.status === 'approved') - Number(a.status === 'approved') ||
        covered(b) - covered(a) ||
        (a.periodStart < b.periodStart ? 1 : a.periodStart > b.periodStart ? -1 : 0),
    );
    return plans[0] ?? null;
  }
}
