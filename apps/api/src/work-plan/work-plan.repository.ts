import { Injectable } from '@nestjs/common';
import type { ParsedTimescale, WorkItemStatus } from '@plexus/domain';
import {
  AppUser,
  LeadershipRole,
  Membership,
  RequestScopes,
  WorkItem,
  WorkItemLead,
  WorkItemProgress,
  WorkPlan,
  WorkPlanChange,
  WorkPlanObjective,
  WorkPlanTheme,
} from '@plexus/server';

/** One work item as the lists read it: with its leads, latest update, theme, objective and plan, in one row. */
export interface WorkItemRow {
  id: string;
  planId: string;
  planTitle: string;
  themeId: string;
  themeTitle: string;
  themeNo: number;
  itemNo: number;
  objectiveId: string | null;
  objectiveNumber: string | null;
  objectiveTitle: string | null;
  position: number;
  /** The item's own reference from an imported table, if it has one. */
  reference?: string | null;
  work: string;
  measures: string[];
  steps: string[];
  timescaleText: string;
  timescale: ParsedTimescale;
  timescaleFlag: string | null;
  dueOn: string | null;
  originalTimescaleText: string;
  originalDueOn: string | null;
  status: WorkItemStatus;
  statusOn: string | null;
  version: number;
  leads: Array<{ id: string; userId: string | null; title: string; name: string | null }>;
  latest: { on: string; status: WorkItemStatus; narrative: string; author: string } | null;
}

export interface WorkItemRowFilter {
  planId?: string;
  itemId?: string;
  /** Only items this member leads. */
  leadUserId?: string;
}

/**
 * Every item list is one statement: the items with their leads (json_agg) and latest progress update
 * (a lateral LIMIT 1), numbered within their plan — no query per item, whatever the plan's size.
 * Tenant scoping is explicit here (network_id = ?) and enforced again by RLS.
 */
const ITEM_ROWS_SQL = `
  with themes as (
    select t.id, t.plan_id, t.title, row_number() over (partition by t.plan_id order by t.position, t.created_at, t.id) as theme_no
    from work_plan_theme t
    where t.network_id = ? /*plan*/
  ),
  numbered as (
    select i.*, th.title as theme_title, th.theme_no,
      row_number() over (partition by i.theme_id order by o.position nulls first, o.created_at nulls first, i.position, i.created_at, i.id) as item_no,
      o.number as objective_number, o.title as objective_title, o.position as objective_position, o.created_at as objective_created
    from work_item i
    join themes th on th.id = i.theme_id
    left join work_plan_objective o on o.network_id = i.network_id and o.id = i.objective_id
    where i.network_id = ? /*plan*/
  )
  select n.id, n.plan_id as "planId", p.title as "planTitle", n.theme_id as "themeId", n.theme_title as "themeTitle",
    n.theme_no::int as "themeNo", n.item_no::int as "itemNo",
    n.objective_id as "objectiveId", n.objective_number as "objectiveNumber", n.objective_title as "objectiveTitle",
    n.position, n.reference, n.work, n.measures, n.steps, n.timescale_text as "timescaleText", n.timescale, n.timescale_flag as "timescaleFlag",
    n.due_on::text as "dueOn", n.original_timescale_text as "originalTimescaleText", n.original_due_on::text as "originalDueOn",
    n.status, n.status_on::text as "statusOn", n.version,
    coalesce(l.leads, '[]'::json) as leads, u.latest
  from numbered n
  join work_plan p on p.network_id = n.network_id and p.id = n.plan_id
  left join lateral (
    select json_agg(json_build_object('id', wl.id, 'userId', wl.user_id, 'title', wl.title, 'name', au.display_name) order by wl.position, wl.id) as leads
    from work_item_lead wl left join app_user au on au.id = wl.user_id
    where wl.network_id = n.network_id and wl.item_id = n.id
  ) l on true
  left join lateral (
    select json_build_object('on', wp.on_date, 'status', wp.status, 'narrative', wp.narrative, 'author', wp.author_name) as latest
    from work_item_progress wp
    where wp.network_id = n.network_id and wp.item_id = n.id
    order by wp.on_date desc, wp.created_at desc
    limit 1
  ) u on true
  where true /*filter*/
  order by p.period_start desc, p.id, n.theme_no, n.item_no`;

/** Queries for the current network's work plans. Reads are scoped by the tenant filter and RLS. */
@Injectable()
export class WorkPlanRepository {
  private get em() {
    return RequestScopes.em();
  }

  plans(): Promise<WorkPlan[]> {
    return this.em.find(WorkPlan, {}, { orderBy: { periodStart: 'desc', createdAt: 'desc' } });
  }

  plan(id: string): Promise<WorkPlan | null> {
    return this.em.findOne(WorkPlan, { id });
  }

  themes(planId: string): Promise<WorkPlanTheme[]> {
    return this.em.find(WorkPlanTheme, { planId }, { orderBy: { position: 'asc', createdAt: 'asc' } });
  }

  theme(id: string): Promise<WorkPlanTheme | null> {
    return this.em.findOne(WorkPlanTheme, { id });
  }

  objectives(where: { planId?: string; themeId?: string }): Promise<WorkPlanObjective[]> {
    return this.em.find(WorkPlanObjective, where, { orderBy: { position: 'asc', createdAt: 'asc' } });
  }

  objective(id: string): Promise<WorkPlanObjective | null> {
    return this.em.findOne(WorkPlanObjective, { id });
  }

  item(id: string): Promise<WorkItem | null> {
    return this.em.findOne(WorkItem, { id });
  }

  /** Items sharing a parent (theme, and objective or none), in order: for positions and moves. */
  siblings(themeId: string, objectiveId: string | null): Promise<WorkItem[]> {
    return this.em.find(WorkItem, { themeId, objectiveId }, { orderBy: { position: 'asc', createdAt: 'asc' } });
  }

  leads(itemId: string): Promise<WorkItemLead[]> {
    return this.em.find(WorkItemLead, { itemId }, { orderBy: { position: 'asc' } });
  }

  progress(itemId: string): Promise<WorkItemProgress[]> {
    return this.em.find(WorkItemProgress, { itemId }, { orderBy: { onDate: 'desc', createdAt: 'desc' } });
  }

  /** The latest progress update of an item by its date (then by when it was written). */
  latestProgress(itemId: string): Promise<WorkItemProgress | null> {
    return this.em.findOne(WorkItemProgress, { itemId }, { orderBy: { onDate: 'desc', createdAt: 'desc' } });
  }

  changesAbout(subjectId: string): Promise<WorkPlanChange[]> {
    return this.em.find(WorkPlanChange, { subjectId }, { orderBy: { createdAt: 'desc' } });
  }

  planChanges(planId: string): Promise<WorkPlanChange[]> {
    return this.em.find(WorkPlanChange, { planId }, { orderBy: { createdAt: 'desc' } });
  }

  async itemRows(filter: WorkItemRowFilter): Promise<WorkItemRow[]> {
    const networkId = RequestScopes.networkId();
    const params: unknown[] = [networkId, networkId];
    let sql = ITEM_ROWS_SQL;
    if (filter.planId) {
      // Narrow both CTEs to the plan: numbering stays per plan, and only its rows are read.
      sql = sql.replace('where t.network_id = ? /*plan*/', 'where t.network_id = ? and t.plan_id = ?').replace('where i.network_id = ? /*plan*/', 'where i.network_id = ? and i.plan_id = ?');
      params.splice(0, params.length, networkId, filter.planId, networkId, filter.planId);
    } else if (filter.leadUserId) {
      // Number only the plans in which the person leads something.
      const led = 'plan_id in (select li.plan_id from work_item li join work_item_lead ll on ll.network_id = li.network_id and ll.item_id = li.id where li.network_id = ? and ll.user_id = ?)';
      sql = sql.replace('where t.network_id = ? /*plan*/', `where t.network_id = ? and t.${led}`).replace('where i.network_id = ? /*plan*/', `where i.network_id = ? and i.${led}`);
      params.splice(0, params.length, networkId, networkId, filter.leadUserId, networkId, networkId, filter.leadUserId);
    }
    const where: string[] = [];
    if (filter.itemId) {
      where.push('n.id = ?');
      params.push(filter.itemId);
    }
    if (filter.leadUserId) {
      where.push('exists (select 1 from work_item_lead ml where ml.network_id = n.network_id and ml.item_id = n.id and ml.user_id = ?)');
      params.push(filter.leadUserId);
    }
    if (where.length) sql = sql.replace('where true /*filter*/', `where ${where.join(' and ')}`);
    return this.em.execute<WorkItemRow[]>(sql, params);
  }

  /** For the plan list's counts: every item's status and dates, in one query. */
  itemStates(): Promise<Array<{ planId: string; status: WorkItemStatus; dueOn: string | null; originalDueOn: string | null; timescaleFlag: string | null }>> {
    return this.em.execute(
      `select plan_id as "planId", status, due_on::text as "dueOn", original_due_on::text as "originalDueOn", timescale_flag as "timescaleFlag"
       from work_item where network_id = ?`,
      [RequestScopes.networkId()],
    );
  }

  members(): Promise<Membership[]> {
    return this.em.find(Membership, {});
  }

  users(ids: string[]): Promise<AppUser[]> {
    return ids.length ? this.em.find(AppUser, { id: { $in: ids } }) : Promise.resolve([]);
  }

  leadershipRoles(): Promise<LeadershipRole[]> {
    return this.em.find(LeadershipRole, {}, { orderBy: { position: 'asc' } });
  }
}
