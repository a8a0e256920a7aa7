import { LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sql, uuidArray } from '../db/sql';
import { RequestScopes } from '../tenancy/request-scope';
import { ReviewActivity } from './activity.entity';
import { ReviewCycle } from './cycle.entity';
import { ReviewCycleOrganisation } from './cycle-organisation.entity';

/**
 * Queries for the current network's peer review cycles, their organisations in scope and their plans of activities
 * (scoped by the tenant filter and RLS; raw statements also name the network). Used by the API and the worker.
 */
@Injectable()
export class ReviewCycleRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** Every cycle, latest years first, then by name. */
  cycles(): Promise<ReviewCycle[]> {
    return this.em.find(ReviewCycle, {}, { orderBy: { firstFy: 'desc', name: 'asc' } });
  }

  cycle(id: string): Promise<ReviewCycle | null> {
    return this.em.findOne(ReviewCycle, { id });
  }

  /** The cycle, its row locked until the transaction ends: changes to one cycle's plan and scope take turns. */
  cycleForChange(id: string): Promise<ReviewCycle | null> {
    return this.em.findOne(ReviewCycle, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  byName(name: string): Promise<ReviewCycle | null> {
    return this.em.findOne(ReviewCycle, { name: { $ilike: name.replace(/[\\%_]/g, (c) => `\\${c}`) } });
  }

  /** A cycle's plan: by year, quarter, due date, then as added. */
  activities(cycleId: string): Promise<ReviewActivity[]> {
    return this.em.find(ReviewActivity, { cycleId }, { orderBy: { fy: 'asc', quarter: 'asc', dueDate: 'asc', createdAt: 'asc', id: 'asc' } });
  }

  activity(id: string): Promise<ReviewActivity | null> {
    return this.em.findOne(ReviewActivity, { id });
  }

  /** The organisations in a cycle's scope. */
  scope(cycleId: string): Promise<ReviewCycleOrganisation[]> {
    return this.em.find(ReviewCycleOrganisation, { cycleId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Per cycle: how many organisations in scope and activities planned (one statement). */
  async sizes(): Promise<Map<string, { organisations: number; activities: number }>> {
    const networkId = RequestScopes.networkId();
    const q = sql`select c.id as "cycleId",
        (select count(*) from review_cycle_organisation o where o.network_id = c.network_id and o.cycle_id = c.id)::int as organisations,
        (select count(*) from review_activity a where a.network_id = c.network_id and a.cycle_id = c.id)::int as activities
      from review_cycle c where c.network_id = ${networkId}`;
    const rows = await this.em.execute<Array<{ cycleId: string; organisations: number; activities: number }>>(q.text, q.params);
    return new Map(rows.map((r) => [r.cycleId, { organisations: r.organisations, activities: r.activities }]));
  }

  /** Per cycle: the first activity due on or after `today`. */
  async nextDue(today: string): Promise<Map<string, { activityId: string; title: string; dueDate: string }>> {
    const networkId = RequestScopes.networkId();
    const q = sql`select distinct on (cycle_id) cycle_id as "cycleId", id as "activityId", title, due_date::text as "dueDate"
      from review_activity where network_id = ${networkId} and due_date >= ${today}::date
      order by cycle_id, due_date, created_at, id`;
    const rows = await this.em.execute<Array<{ cycleId: string; activityId: string; title: string; dueDate: string }>>(q.text, q.params);
    return new Map(rows.map((r) => [r.cycleId, { activityId: r.activityId, title: r.title, dueDate: r.dueDate }]));
  }

  /** How many cycles hold these organisations in scope (an organisation in a cycle is not removed from the network). */
  async organisationUses(organisationIds: string[]): Promise<number> {
    if (!organisationIds.length) return 0;
    const networkId = RequestScopes.networkId();
    const q = sql`select (select count(*) from review_cycle_organisation where network_id = ${networkId} and organisation_id = any(${uuidArray(organisationIds)}::uuid[]))::int as n`;
    const [row] = await this.em.execute<Array<{ n: number }>>(q.text, q.params);
    return row?.n ?? 0;
  }
}
