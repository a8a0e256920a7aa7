import { LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { FindingClassification, ReviewReportState } from '@plexus/domain';
import { sql } from '../db/sql';
import { RequestScopes } from '../tenancy/request-scope';
import { ReviewFinding } from './review-finding.entity';
import { ReviewRecommendation } from './review-recommendation.entity';
import { ReviewReport } from './review-report.entity';

/** Where a risk raised from a review came from: its finding, report, cycle and organisation. */
export interface RiskOriginFinding {
  findingId: string;
  reportId: string;
  cycleId: string;
  cycleName: string;
  organisationId: string;
  organisationName: string;
  classification: FindingClassification;
  text: string;
}

/**
 * Queries for the current network's peer review reports, their findings and recommendations (scoped by the tenant
 * filter and RLS, which also keeps a contributor to their organisation's issued reports; raw statements name the
 * network). Callers pass a contributor's organisation as `organisationId` so that answers are narrowed before RLS.
 */
@Injectable()
export class ReviewReportRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** A cycle's reports (one organisation's, when given), optionally only in these states. */
  reports(cycleId: string, organisationId?: string | null, states?: ReviewReportState[]): Promise<ReviewReport[]> {
    return this.em.find(
      ReviewReport,
      { cycleId, ...(organisationId ? { organisationId } : {}), ...(states?.length ? { state: { $in: states } } : {}) },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  report(id: string, organisationId?: string | null): Promise<ReviewReport | null> {
    return this.em.findOne(ReviewReport, organisationId ? { id, organisationId } : { id });
  }

  /** The report, its row locked until the transaction ends: changes to one report (and its findings) take turns. */
  reportForChange(id: string): Promise<ReviewReport | null> {
    return this.em.findOne(ReviewReport, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  reportOf(cycleId: string, organisationId: string): Promise<ReviewReport | null> {
    return this.em.findOne(ReviewReport, { cycleId, organisationId });
  }

  /** A report's findings, in the order added. */
  findings(reportIds: string[]): Promise<ReviewFinding[]> {
    if (!reportIds.length) return Promise.resolve([]);
    return this.em.find(ReviewFinding, { reportId: { $in: reportIds } }, { orderBy: { position: 'asc', id: 'asc' } });
  }

  finding(id: string): Promise<ReviewFinding | null> {
    return this.em.findOne(ReviewFinding, { id });
  }

  /** The finding, its row locked: a second "raise to the register" waits for the first and then finds its risk. */
  findingForChange(id: string): Promise<ReviewFinding | null> {
    return this.em.findOne(ReviewFinding, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Recommendations of these findings, each finding's in order. */
  recommendations(findingIds: string[]): Promise<ReviewRecommendation[]> {
    if (!findingIds.length) return Promise.resolve([]);
    return this.em.find(ReviewRecommendation, { findingId: { $in: findingIds } }, { orderBy: { findingId: 'asc', position: 'asc' } });
  }

  /** The next position for a finding of this report. */
  async nextFindingPosition(reportId: string): Promise<number> {
    const networkId = RequestScopes.networkId();
    const q = sql`select coalesce(max(position), 0)::int + 1 as n from review_finding where network_id = ${networkId} and report_id = ${reportId}`;
    const [row] = await this.em.execute<Array<{ n: number }>>(q.text, q.params);
    return row?.n ?? 1;
  }

  /** The finding a risk was raised from (null when it was not, or the caller may not see it). */
  async originOfRisk(riskId: string): Promise<RiskOriginFinding | null> {
    const networkId = RequestScopes.networkId();
    const q = sql`select f.id as "findingId", f.report_id as "reportId", r.cycle_id as "cycleId", c.name as "cycleName",
        f.organisation_id as "organisationId", o.name as "organisationName", f.classification, f.text
      from review_finding f
      join review_report r on r.network_id = f.network_id and r.id = f.report_id
      join review_cycle c on c.network_id = r.network_id and c.id = r.cycle_id
      join member_organisation o on o.network_id = f.network_id and o.id = f.organisation_id
      where f.network_id = ${networkId} and f.risk_id = ${riskId}`;
    const [row] = await this.em.execute<RiskOriginFinding[]>(q.text, q.params);
    return row ?? null;
  }

  /**
   * The organisations of a cycle (all, or these) that have a review or actions in it: a change of scope or deleting the
   * cycle would take those with it, so the cycle's rules refuse it.
   */
  async organisationsWithOutcomes(cycleId: string, organisationIds?: string[]): Promise<string[]> {
    const networkId = RequestScopes.networkId();
    const q = sql`select organisation_id as id from review_report where network_id = ${networkId} and cycle_id = ${cycleId}
      union select organisation_id from review_action where network_id = ${networkId} and cycle_id = ${cycleId}`;
    const rows = await this.em.execute<Array<{ id: string }>>(q.text, q.params);
    const found = rows.map((r) => r.id);
    return organisationIds ? found.filter((id) => organisationIds.includes(id)) : found;
  }

  /** Per report of a cycle: how many findings of each class. */
  async classCounts(cycleId: string): Promise<Map<string, Record<FindingClassification, number>>> {
    const networkId = RequestScopes.networkId();
    const q = sql`select f.report_id as "reportId", f.classification, count(*)::int as n
      from review_finding f join review_report r on r.network_id = f.network_id and r.id = f.report_id
      where f.network_id = ${networkId} and r.cycle_id = ${cycleId} group by f.report_id, f.classification`;
    const rows = await this.em.execute<Array<{ reportId: string; classification: FindingClassification; n: number }>>(q.text, q.params);
    const out = new Map<string, Record<FindingClassification, number>>();
    for (const r of rows) {
      const counts = out.get(r.reportId) ?? { immediate_risk: 0, serious_concern: 0, concern: 0, good_practice: 0 };
      counts[r.classification] = r.n;
      out.set(r.reportId, counts);
    }
    return out;
  }
}
