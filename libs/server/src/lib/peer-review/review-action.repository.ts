import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sql } from '../db/sql';
import { RequestScopes } from '../tenancy/request-scope';
import { ReviewAction } from './review-action.entity';
import { ReviewActionProgress } from './review-action-progress.entity';

/**
 * Queries for the current network's peer review action plans and their progress updates (scoped by the tenant filter
 * and RLS, which also keeps a contributor to their own organisation's rows; raw statements name the network). Callers
 * pass a contributor's organisation as `organisationId` so that answers are narrowed before RLS.
 */
@Injectable()
export class ReviewActionRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** A cycle's actions (one organisation's, when given), by organisation, due date, then as added. */
  actions(cycleId: string, organisationId?: string | null): Promise<ReviewAction[]> {
    const where: FilterQuery<ReviewAction> = { cycleId };
    if (organisationId) where.organisationId = organisationId;
    return this.em.find(ReviewAction, where, { orderBy: { organisationId: 'asc', dueDate: 'asc', createdAt: 'asc', id: 'asc' } });
  }

  action(id: string, organisationId?: string | null): Promise<ReviewAction | null> {
    return this.em.findOne(ReviewAction, organisationId ? { id, organisationId } : { id });
  }

  /** The action, its row locked until the transaction ends: updates of one action take turns. */
  actionForChange(id: string, organisationId?: string | null): Promise<ReviewAction | null> {
    return this.em.findOne(ReviewAction, organisationId ? { id, organisationId } : { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /**
   * The action of an organisation's plan in a cycle made for a criterion (its gap, or a finding about it): the first
   * added, or null. "Gap → action" answers it rather than making a second one.
   */
  forCriterion(cycleId: string, organisationId: string, criterionId: string): Promise<ReviewAction | null> {
    return this.em.findOne(ReviewAction, { cycleId, organisationId, criterionId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  byIds(ids: string[]): Promise<ReviewAction[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.em.find(ReviewAction, { id: { $in: ids } });
  }

  /** Actions made from these recommendations. */
  fromRecommendations(recommendationIds: string[]): Promise<ReviewAction[]> {
    if (!recommendationIds.length) return Promise.resolve([]);
    return this.em.find(ReviewAction, { recommendationId: { $in: recommendationIds } });
  }

  /** Actions carried forward from these (in any later cycle). */
  carriedFrom(originIds: string[]): Promise<ReviewAction[]> {
    if (!originIds.length) return Promise.resolve([]);
    return this.em.find(ReviewAction, { originActionId: { $in: originIds } });
  }

  /** Progress updates of these actions, newest first (by date, then as recorded). */
  progress(actionIds: string[]): Promise<ReviewActionProgress[]> {
    if (!actionIds.length) return Promise.resolve([]);
    return this.em.find(ReviewActionProgress, { actionId: { $in: actionIds } }, { orderBy: { onDate: 'desc', createdAt: 'desc', id: 'desc' } });
  }

  /**
   * The cycle an organisation's actions carry forward from into `cycleId`: the latest of the network's other cycles
   * that starts before it (by first year, then created), or null.
   */
  async previousCycleId(cycleId: string): Promise<string | null> {
    const networkId = RequestScopes.networkId();
    const q = sql`select p.id from review_cycle p join review_cycle c on c.network_id = p.network_id and c.id = ${cycleId}
      where p.network_id = ${networkId} and p.id <> c.id and (p.first_fy < c.first_fy or (p.first_fy = c.first_fy and p.created_at < c.created_at))
      order by p.first_fy desc, p.created_at desc, p.id desc limit 1`;
    const [row] = await this.em.execute<Array<{ id: string }>>(q.text, q.params);
    return row?.id ?? null;
  }
}
