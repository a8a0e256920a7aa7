import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sql, uuidArray } from '../db/sql';
import { RequestScopes } from '../tenancy/request-scope';
import { SelfAssessment } from './self-assessment.entity';
import { SelfAssessmentAnswer } from './self-assessment-answer.entity';
import { SelfAssessmentFile } from './self-assessment-file.entity';

/** What a list of self-assessments is narrowed to. `organisationId` is also how a contributor's reads are kept to their own. */
export interface SelfAssessmentFilter {
  cycleId?: string;
  activityId?: string;
  organisationId?: string | null;
  organisationIds?: string[];
}

/**
 * Queries for the current network's self-assessments and their answers (scoped by the tenant filter and RLS, which
 * also keeps a contributor to their own organisation's rows; raw statements name the network). Callers pass a
 * contributor's organisation as `organisationId` so that the API's answers are narrowed before RLS.
 */
@Injectable()
export class SelfAssessmentRepository {
  private get em() {
    return RequestScopes.em();
  }

  assessments(filter: SelfAssessmentFilter): Promise<SelfAssessment[]> {
    const where: FilterQuery<SelfAssessment> = {};
    if (filter.cycleId) where.cycleId = filter.cycleId;
    if (filter.activityId) where.activityId = filter.activityId;
    if (filter.organisationId) where.organisationId = filter.organisationId;
    else if (filter.organisationIds) where.organisationId = { $in: filter.organisationIds };
    return this.em.find(SelfAssessment, where, { orderBy: { activityId: 'asc', organisationId: 'asc' } });
  }

  /** One self-assessment, if it is in `organisationId` (when given: a contributor's own organisation). */
  assessment(id: string, organisationId?: string | null): Promise<SelfAssessment | null> {
    return this.em.findOne(SelfAssessment, organisationId ? { id, organisationId } : { id });
  }

  /** The same, its row locked until the transaction ends: saves, submission and reopening of one self-assessment take turns. */
  assessmentForChange(id: string, organisationId?: string | null): Promise<SelfAssessment | null> {
    return this.em.findOne(SelfAssessment, organisationId ? { id, organisationId } : { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  byActivity(activityId: string, organisationId: string): Promise<SelfAssessment | null> {
    return this.em.findOne(SelfAssessment, { activityId, organisationId });
  }

  answers(selfAssessmentId: string): Promise<SelfAssessmentAnswer[]> {
    return this.em.find(SelfAssessmentAnswer, { selfAssessmentId });
  }

  answersOf(selfAssessmentIds: string[]): Promise<SelfAssessmentAnswer[]> {
    if (!selfAssessmentIds.length) return Promise.resolve([]);
    return this.em.find(SelfAssessmentAnswer, { selfAssessmentId: { $in: selfAssessmentIds } });
  }

  /** A self-assessment's evidence files, by criterion, oldest first. */
  files(selfAssessmentId: string): Promise<SelfAssessmentFile[]> {
    return this.em.find(SelfAssessmentFile, { selfAssessmentId }, { orderBy: { uploadedAt: 'asc', id: 'asc' } });
  }

  file(selfAssessmentId: string, fileId: string): Promise<SelfAssessmentFile | null> {
    return this.em.findOne(SelfAssessmentFile, { id: fileId, selfAssessmentId });
  }

  /** How many self-assessments were started for this cycle, activity or organisations (a plan change must not take them with it). */
  async count(filter: { cycleId?: string; activityId?: string; organisationIds?: string[] }): Promise<number> {
    const networkId = RequestScopes.networkId();
    const where = [sql`network_id = ${networkId}`];
    if (filter.cycleId) where.push(sql`cycle_id = ${filter.cycleId}`);
    if (filter.activityId) where.push(sql`activity_id = ${filter.activityId}`);
    if (filter.organisationIds) where.push(sql`organisation_id = any(${uuidArray(filter.organisationIds)}::uuid[])`);
    const q = sql`select count(*)::int as n from self_assessment where ${sql.join(where, sql` and `)}`;
    const [row] = await this.em.execute<Array<{ n: number }>>(q.text, q.params);
    return row?.n ?? 0;
  }

  /**
   * The organisation's latest self-assessment of another cycle against a version of the standard set `setId` (the
   * previous cycle's, to carry answers forward from): cycles by their first year, latest first, then the latest saved.
   */
  async previous(input: { organisationId: string; setId: string; exceptCycleId: string; firstFy: string }): Promise<SelfAssessment | null> {
    const networkId = RequestScopes.networkId();
    const q = sql`select s.id from self_assessment s
      join review_cycle c on c.network_id = s.network_id and c.id = s.cycle_id
      join standard_set_version v on v.id = s.standard_set_version_id
      where s.network_id = ${networkId} and s.organisation_id = ${input.organisationId} and v.set_id = ${input.setId}
        and s.cycle_id <> ${input.exceptCycleId} and c.first_fy <= ${input.firstFy}
      order by c.first_fy desc, s.updated_at desc, s.id
      limit 1`;
    const [row] = await this.em.execute<Array<{ id: string }>>(q.text, q.params);
    return row ? this.assessment(row.id) : null;
  }
}
