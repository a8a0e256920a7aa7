import { Injectable } from '@nestjs/common';
import { planPeriodProblem, todayIso, type ParsedTimescale, type WorkItemStatus } from '@plexus/domain';
import { sql, uuidArray, type Sql } from '../db/sql';
import { RequestScopes } from '../tenancy/request-scope';
import { WorkItem } from './work-item.entity';
import { WorkItemLead } from './work-item-lead.entity';
import { WorkItemProgress } from './work-item-progress.entity';
import { WorkPlan } from './work-plan.entity';
import { WorkPlanChange } from './work-plan-change.entity';
import { WorkPlanObjective } from './work-plan-objective.entity';
import { WorkPlanTheme } from './work-plan-theme.entity';

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
  createdAt: Date;
  leads: Array<{ id: string; userId: string | null; title: string; name: string | null }>;
  /** The item of an earlier plan this one was carried forward from at a roll-over. */
  carriedFrom: { itemId: string; planId: string; planTitle: string } | null;
  latest: { on: string; status: WorkItemStatus; narrative: string; author: string } | null;
}

export interface WorkItemRowFilter {
  planId?: string;
  itemId?: string;
  /** Only items this member leads. */
  leadUserId?: string;
}

/** A plan with everything its progress report shows, in order (see `WorkPlanRepository.planWithItems`). */
export interface WorkPlanWithItems {
  plan: WorkPlan;
  /** By position. */
  themes: WorkPlanTheme[];
  /** By position (each names its theme). */
  objectives: WorkPlanObjective[];
  /** Every item of the plan by position, each with what a report prints beside it. */
  items: Array<{
    item: WorkItemRow;
    objective: WorkPlanObjective | null;
    /** In order; `name` is the member's display name when the lead is a member of the network. */
    leads: WorkItemRow['leads'];
    /** The latest progress update by its date (then by when it was written), or null. */
    latest: { onDate: string; status: WorkItemStatus; narrative: string; authorName: string } | null;
  }>;
}

/**
 * Every item list is one statement: the items with their leads (json_agg) and latest progress update
 * (a lateral LIMIT 1), numbered within their plan — no query per item, whatever the plan's size. The plans
 * in scope come first (one plan, the plans where someone leads an item, or all); themes and items are
 * numbered within them. Tenant scoping is explicit (network_id = …) at every table and enforced again by RLS.
 */
function itemRowsQuery(networkId: string, filter: WorkItemRowFilter): Sql {
  // One plan, or only the plans in which the person leads something (numbered as in those plans), or all.
  const plansInScope = filter.planId
    ? sql` and p.id = ${filter.planId}`
    : filter.leadUserId
      ? sql` and exists (
          select 1 from work_item li join work_item_lead ll on ll.network_id = li.network_id and ll.item_id = li.id
          where li.network_id = ${networkId} and li.plan_id = p.id and ll.user_id = ${filter.leadUserId})`
      : sql``;
  // With one plan, its themes and items are also read by plan (the (network_id, plan_id, …) indexes).
  const themesOfPlan = filter.planId ? sql` and t.plan_id = ${filter.planId}` : sql``;
  const itemsOfPlan = filter.planId ? sql` and i.plan_id = ${filter.planId}` : sql``;
  const itemConditions: Sql[] = [];
  if (filter.itemId) itemConditions.push(sql`n.id = ${filter.itemId}`);
  if (filter.leadUserId) {
    itemConditions.push(
      sql`exists (select 1 from work_item_lead ml where ml.network_id = n.network_id and ml.item_id = n.id and ml.user_id = ${filter.leadUserId})`,
    );
  }
  return sql`
  with plans as (
    select p.id, p.title, p.period_start
    from work_plan p
    where p.network_id = ${networkId}${plansInScope}
  ),
  themes as (
    select t.id, t.plan_id, t.title, row_number() over (partition by t.plan_id order by t.position, t.created_at, t.id) as theme_no
    from work_plan_theme t
    join plans on plans.id = t.plan_id
    where t.network_id = ${networkId}${themesOfPlan}
  ),
  numbered as (
    select i.*, th.title as theme_title, th.theme_no,
      row_number() over (partition by i.theme_id order by o.position nulls first, o.created_at nulls first, i.position, i.created_at, i.id) as item_no,
      o.number as objective_number, o.title as objective_title
    from work_item i
    join themes th on th.id = i.theme_id
    left join work_plan_objective o on o.network_id = i.network_id and o.id = i.objective_id
    where i.network_id = ${networkId}${itemsOfPlan}
  )
  select n.id, n.plan_id as "planId", p.title as "planTitle", n.theme_id as "themeId", n.theme_title as "themeTitle",
    n.theme_no::int as "themeNo", n.item_no::int as "itemNo",
    n.objective_id as "objectiveId", n.objective_number as "objectiveNumber", n.objective_title as "objectiveTitle",
    n.position, n.reference, n.work, n.measures, n.steps, n.timescale_text as "timescaleText", n.timescale, n.timescale_flag as "timescaleFlag",
    n.due_on::text as "dueOn", n.original_timescale_text as "originalTimescaleText", n.original_due_on::text as "originalDueOn",
    n.status, n.status_on::text as "statusOn", n.version, n.created_at as "createdAt",
    coalesce(l.leads, '[]'::json) as leads, u.latest,
    case when cf.id is null then null else json_build_object('itemId', cf.id, 'planId', cf.plan_id, 'planTitle', cp.title) end as "carriedFrom"
  from numbered n
  join plans p on p.id = n.plan_id
  left join work_item cf on cf.network_id = n.network_id and cf.id = n.carried_from_item_id
  left join work_plan cp on cp.network_id = cf.network_id and cp.id = cf.plan_id
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
  where ${sql.join(itemConditions, sql` and `, sql`true`)}
  order by p.period_start desc, p.id, n.theme_no, n.item_no`;
}

/** Of plans sorted by latest start first: the one covering `today`, else the latest started, else the soonest to start. */
export function pickCurrentPlan<P extends { periodStart: string; periodEnd: string }>(plans: P[], today: string): P | null {
  return (
    plans.find((p) => p.periodStart <= today && today <= p.periodEnd) ??
    plans.find((p) => p.periodStart <= today) ??
    [...plans].reverse().find((p) => p.periodStart > today) ??
    null
  );
}

/**
 * Queries for the current network's work plans, for the API and the worker alike: the only place that reads
 * the work plan's tables. Every call runs in the current request or job scope (`RequestScopes`), so the
 * tenant filter and RLS both apply; raw statements also name the network explicitly.
 */
@Injectable()
export class WorkPlanRepository {
  private get em() {
    return RequestScopes.em();
  }

  private run<T>(query: Sql): Promise<T[]> {
    return this.em.execute<T[]>(query.text, query.params);
  }

  plans(): Promise<WorkPlan[]> {
    return this.em.find(WorkPlan, {}, { orderBy: { periodStart: 'desc', createdAt: 'desc' } });
  }

  plan(id: string): Promise<WorkPlan | null> {
    return this.em.findOne(WorkPlan, { id });
  }

  /** Holds the plan's row until the transaction ends: two roll-overs of one plan run one after the other. */
  async lockPlan(id: string): Promise<void> {
    await this.run(sql`select id from work_plan where network_id = ${RequestScopes.networkId()} and id = ${id} for update`);
  }

  /** The plan rolled over from this one at year end, if it has been. */
  rolledFrom(planId: string): Promise<WorkPlan | null> {
    return this.em.findOne(WorkPlan, { rolledFromPlanId: planId });
  }

  /** Plans whose period shares a day with this one, earliest first. */
  plansOverlapping(period: { start: string; end: string }): Promise<WorkPlan[]> {
    return this.em.find(WorkPlan, { periodStart: { $lte: period.end }, periodEnd: { $gte: period.start } }, { orderBy: { periodStart: 'asc' } });
  }

  /** Items carried forward from these items, with the plan each went into. */
  carriedForwardFrom(itemIds: string[]): Promise<Array<{ originId: string; itemId: string; planId: string; planTitle: string }>> {
    if (!itemIds.length) return Promise.resolve([]);
    return this.run(sql`
      select i.carried_from_item_id as "originId", i.id as "itemId", i.plan_id as "planId", p.title as "planTitle"
      from work_item i join work_plan p on p.network_id = i.network_id and p.id = i.plan_id
      where i.network_id = ${RequestScopes.networkId()} and i.carried_from_item_id = any(${uuidArray(itemIds)}::uuid[])`);
  }

  /**
   * The plan a report uses when none is chosen: the current approved plan. Plans whose period is absurd (see
   * `planPeriodProblem`, for rows saved before periods were checked) are never chosen. Among approved plans: the one
   * whose period contains `today` (the latest-starting, when two do); else the most recent one already started;
   * else the soonest to start. Only a network with no approved plan at all falls back to its drafts, by the same
   * order, so that a network still drafting its first plan can preview a report of it (the cover says "draft").
   */
  async currentPlan(today: string = todayIso()): Promise<WorkPlan | null> {
    const sane = (await this.plans()).filter((p) => !planPeriodProblem(p.periodStart, p.periodEnd));
    return (
      pickCurrentPlan(
        sane.filter((p) => p.status === 'approved'),
        today,
      ) ?? pickCurrentPlan(sane, today)
    );
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

  /** Every item of a plan, by position. */
  items(planId: string): Promise<WorkItem[]> {
    return this.em.find(WorkItem, { planId }, { orderBy: { position: 'asc', createdAt: 'asc', id: 'asc' } });
  }

  /** Which of these ids are work items of this network. */
  async existingItemIds(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await this.em.find(WorkItem, { id: { $in: ids } }, { fields: ['id'] })).map((w) => w.id);
  }

  /** Some items, by id, with the title of their plan (for what links to them, such as risks). */
  async itemsWithPlanTitles(ids: string[]): Promise<Array<{ item: WorkItem; planTitle: string }>> {
    if (!ids.length) return [];
    const items = await this.em.find(WorkItem, { id: { $in: ids } });
    const plans = items.length ? await this.em.find(WorkPlan, { id: { $in: [...new Set(items.map((i) => i.planId))] } }) : [];
    return items.map((item) => ({ item, planTitle: plans.find((p) => p.id === item.planId)?.title ?? '' }));
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

  /** Every progress update of a plan's items, oldest first (by date, then by when written). */
  async progressOfPlan(planId: string): Promise<WorkItemProgress[]> {
    const items = await this.em.find(WorkItem, { planId }, { fields: ['id'] });
    return this.progressOf(items.map((i) => i.id));
  }

  /** Every progress update of these items, oldest first (for a plan as it stood on a past day). */
  progressOf(itemIds: string[]): Promise<WorkItemProgress[]> {
    if (!itemIds.length) return Promise.resolve([]);
    return this.em.find(WorkItemProgress, { itemId: { $in: itemIds } }, { orderBy: { onDate: 'asc', createdAt: 'asc' } });
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

  itemRows(filter: WorkItemRowFilter): Promise<WorkItemRow[]> {
    return this.run<WorkItemRow>(itemRowsQuery(RequestScopes.networkId(), filter));
  }

  /** For the plan list's counts: every item's status and dates, in one query. */
  itemStates(): Promise<
    Array<{ planId: string; status: WorkItemStatus; dueOn: string | null; originalDueOn: string | null; timescaleFlag: string | null }>
  > {
    return this.run(sql`
      select plan_id as "planId", status, due_on::text as "dueOn", original_due_on::text as "originalDueOn", timescale_flag as "timescaleFlag"
      from work_item where network_id = ${RequestScopes.networkId()}`);
  }

  /**
   * A plan — the one asked for, or else the current one (`currentPlan`) — with its themes, objectives and items in order, each item
   * with its leads (members' names resolved) and its latest progress update: what a progress report prints.
   * Four statements whatever the plan's size (the items with their leads and latest update are the item list's
   * one statement). Null when there is no such plan in this network.
   */
  async planWithItems(planId?: string): Promise<WorkPlanWithItems | null> {
    const plan = planId ? await this.plan(planId) : await this.currentPlan();
    if (!plan) return null;
    // One transaction, one connection: the queries run one after another.
    const themes = await this.themes(plan.id);
    const objectives = await this.objectives({ planId: plan.id });
    const rows = await this.itemRows({ planId: plan.id });
    // By position, as the plan orders them (the item list is numbered by theme).
    rows.sort(
      (x, y) =>
        x.position - y.position || new Date(x.createdAt).getTime() - new Date(y.createdAt).getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );
    const objectiveById = new Map(objectives.map((o) => [o.id, o]));
    return {
      plan,
      themes,
      objectives,
      items: rows.map((row) => ({
        item: row,
        objective: row.objectiveId ? (objectiveById.get(row.objectiveId) ?? null) : null,
        leads: row.leads,
        latest: row.latest
          ? { onDate: String(row.latest.on).slice(0, 10), status: row.latest.status, narrative: row.latest.narrative, authorName: row.latest.author }
          : null,
      })),
    };
  }
}
