import { Injectable } from '@nestjs/common';
import type {
  bulkProgressSchema,
  BulkProgressResultDto,
  createWorkItemSchema,
  progressUpdateSchema,
  updateWorkItemSchema,
  workItemQuerySchema,
  WorkItemDto,
  WorkItemListDto,
  WorkItemRowDto,
  WorkPlanDto,
} from '@plexus/contracts';
import { countOf, financialYearStartOf, parseTimescale, progressSetsStatus, takesPartInWork, type ParsedTimescale } from '@plexus/domain';
import {
  MembershipRepository,
  RequestScopes,
  UserRepository,
  WorkItem,
  WorkItemLead,
  WorkItemProgress,
  WorkPlanRepository,
  type WorkItemRow,
  type WorkPlan,
} from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { diffSnapshots, PlanChangeLog, type Snapshot } from './plan-change-log';
import { leadLabel, mayProgress, type Viewer } from './work-plan-view';
import { toItemDto, toItemRow } from './work-plan.mapper';
import { objectiveLabel, swapWithNeighbour, WorkPlanService } from './work-plan.service';
import type { Actor } from './work-plan.types';

type Out<S extends z.ZodType> = z.output<S>;
type LeadInput = { userId: string | null; title: string };

/** Reads a timescale in the plan's context (a year-less "Q3" falls in the plan's first financial year, flagged). */
export function readTimescale(text: string, plan: { periodStart: string }): { parsed: ParsedTimescale; flag: string | null; due: string | null } {
  const parsed = parseTimescale(text, { financialYear: financialYearStartOf(plan.periodStart) });
  return { parsed, flag: parsed.flag?.reason ?? null, due: parsed.due ?? null };
}

/** Sets an item's timescale. While the plan is a draft the original follows; after approval it is kept, unless it had no date. */
export function applyTimescale(item: WorkItem, text: string, plan: WorkPlan): void {
  const read = readTimescale(text, plan);
  item.timescaleText = text;
  item.timescale = read.parsed;
  item.timescaleFlag = read.flag;
  item.dueOn = read.due;
  if (plan.status !== 'approved' || item.originalDueOn === null) {
    item.originalTimescaleText = text;
    item.originalDueOn = read.due;
  }
}

function matches(row: WorkItemRowDto, q: Out<typeof workItemQuerySchema>, viewer: Viewer): boolean {
  if (q.lead) {
    const lead = q.lead.toLowerCase();
    if (!row.leads.some((l) => l.userId === q.lead || l.title.toLowerCase() === lead || l.label.toLowerCase() === lead)) return false;
  }
  if (q.status && row.status !== q.status) return false;
  if (q.rag && row.rag !== q.rag) return false;
  if (q.themeId && row.themeId !== q.themeId) return false;
  if (q.quarter && (row.dueQuarter?.key ?? 'none') !== q.quarter) return false;
  if (q.slipped !== undefined && row.slipped !== q.slipped) return false;
  if (q.flagged !== undefined && (row.timescale.flag !== null) !== q.flagged) return false;
  if (q.mine && !row.leads.some((l) => l.userId === viewer.userId)) return false;
  if (q.q) {
    const needle = q.q.toLowerCase();
    const hay = [row.work, ...row.measures, ...row.steps, row.objective?.title ?? '', row.theme.title].join('\n').toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Work items: their content and leads, progress updates, history, and the filtered lists. */
@Injectable()
export class WorkItemService {
  constructor(
    private readonly repo: WorkPlanRepository,
    private readonly members: MembershipRepository,
    private readonly users: UserRepository,
    private readonly plans: WorkPlanService,
    private readonly log: PlanChangeLog,
  ) {}

  private async requireItem(id: string): Promise<{ item: WorkItem; plan: WorkPlan }> {
    const item = await this.repo.item(id);
    if (!item) throw DomainException.notFound('work item');
    return { item, plan: await this.plans.requirePlan(item.planId) };
  }

  // ---- reading ------------------------------------------------------------------------------------

  async get(itemId: string, actor: Actor): Promise<WorkItemDto> {
    const found = await this.repo.item(itemId);
    const [row] = found ? await this.repo.itemRows({ planId: found.planId, itemId }) : [];
    if (!row) throw DomainException.notFound('work item');
    const viewer = this.plans.viewer(actor);
    // One transaction, one connection: queries run one after another.
    const plan = await this.plans.requirePlan(row.planId);
    const progress = await this.repo.progress(row.id);
    const changes = await this.repo.changesAbout(row.id);
    return toItemDto(row, viewer, plan, { progress, changes });
  }

  /** A plan's items, filtered (by lead, status, colour, theme, due quarter, slipped…), with the filters' choices. */
  async list(planId: string, query: Out<typeof workItemQuerySchema>, actor: Actor): Promise<WorkItemListDto> {
    const plan = await this.plans.requirePlan(planId);
    return this.listOf(await this.repo.itemRows({ planId: plan.id }), query, actor);
  }

  /** The items the caller leads, across the network's plans. */
  async mine(query: Out<typeof workItemQuerySchema>, actor: Actor): Promise<WorkItemListDto> {
    return this.listOf(await this.repo.itemRows({ leadUserId: actor.userId }), query, actor);
  }

  private listOf(rows: WorkItemRow[], query: Out<typeof workItemQuerySchema>, actor: Actor): WorkItemListDto {
    const viewer = this.plans.viewer(actor);
    const all = rows.map((row) => toItemRow(row, viewer));
    const leads = new Map<string, string>();
    const themes = new Map<string, string>();
    const quarters = new Map<string, string>();
    for (const item of all) {
      for (const lead of item.leads) {
        if (lead.userId) leads.set(lead.userId, lead.name ?? lead.label);
        else leads.set(lead.title, lead.title);
      }
      themes.set(item.theme.id, item.theme.title);
      quarters.set(item.dueQuarter?.key ?? 'none', item.dueQuarter?.label ?? 'No date (ongoing, as required…)');
    }
    return {
      asOf: viewer.today,
      items: all.filter((row) => matches(row, query, viewer)),
      total: all.length,
      filters: {
        leads: [...leads].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)),
        themes: [...themes].map(([id, title]) => ({ id, title })),
        quarters: [...quarters]
          .map(([key, label]) => ({ key, label }))
          .sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.key.localeCompare(b.key))),
      },
    };
  }

  // ---- writing ------------------------------------------------------------------------------------

  /** Checks the theme and objective belong to the plan (and to each other); names the field otherwise. */
  private async placement(plan: WorkPlan, themeId: string, objectiveId: string | null) {
    const theme = await this.repo.theme(themeId);
    if (!theme || theme.planId !== plan.id) throw DomainException.field('themeId', 'Choose a theme of this plan');
    const objective = objectiveId ? await this.repo.objective(objectiveId) : null;
    if (objectiveId && (!objective || objective.themeId !== theme.id))
      throw DomainException.field('objectiveId', 'Choose an objective of the chosen theme');
    return { theme, objective };
  }

  /** Every person chosen as a lead must be a member of the network who takes part in its work (not a commissioner). */
  private async checkLeads(leads: LeadInput[]): Promise<void> {
    const roles = new Map((await this.members.all()).map((m) => [m.userId, m.role]));
    leads.forEach((lead, index) => {
      if (!lead.userId) return;
      const role = roles.get(lead.userId);
      if (!role) throw DomainException.field(`leads.${index}.userId`, 'That person is not a member of this network');
      if (!takesPartInWork(role))
        throw DomainException.field(`leads.${index}.userId`, 'A commissioner reads only the network’s reports, so cannot lead its work');
    });
  }

  /** Display names of the people among some leads. */
  private async names(...lists: LeadInput[][]): Promise<Map<string, string>> {
    const ids = [...new Set(lists.flat().flatMap((l) => (l.userId ? [l.userId] : [])))];
    return new Map((await this.users.byIds(ids)).map((u) => [u.id, u.displayName]));
  }

  /** Makes the item's leads these, keeping the rows of leads that stay. */
  private syncLeads(item: WorkItem, existing: WorkItemLead[], wanted: LeadInput[]): void {
    const em = RequestScopes.em();
    const left = [...existing];
    wanted.forEach((lead, position) => {
      const index = left.findIndex((l) => l.userId === lead.userId && l.title === lead.title);
      if (index >= 0) {
        const [row] = left.splice(index, 1);
        if (row.position !== position) row.position = position;
      } else {
        em.persist(
          Object.assign(new WorkItemLead(), { networkId: item.networkId, itemId: item.id, userId: lead.userId, title: lead.title, position }),
        );
      }
    });
    for (const row of left) em.remove(row);
  }

  private snapshot(
    item: WorkItem,
    leads: LeadInput[],
    names: Map<string, string>,
    theme: { title: string },
    objective: { number: string; title: string } | null,
  ): Snapshot {
    return {
      work: item.work,
      measures: item.measures,
      steps: item.steps,
      leads: leads.map((l) => leadLabel({ title: l.title, name: l.userId ? (names.get(l.userId) ?? null) : null })),
      timescale: item.timescaleText,
      theme: theme.title,
      objective: objective ? objectiveLabel(objective) : null,
    };
  }

  async create(planId: string, input: Out<typeof createWorkItemSchema>, actor: Actor): Promise<WorkItemDto> {
    const plan = await this.plans.requirePlan(planId);
    const { theme, objective } = await this.placement(plan, input.themeId, input.objectiveId);
    await this.checkLeads(input.leads);
    const names = await this.names(input.leads);
    const reason = this.log.reasonFor(plan, input.reason);
    const siblings = await this.repo.siblings(theme.id, objective?.id ?? null);
    const item = Object.assign(new WorkItem(), {
      networkId: plan.networkId,
      planId: plan.id,
      themeId: theme.id,
      objectiveId: objective?.id ?? null,
      position: siblings.reduce((max, s) => Math.max(max, s.position + 1), 0),
      work: input.work,
      measures: input.measures,
      steps: input.steps,
    });
    applyTimescale(item, input.timescale, plan);
    const em = RequestScopes.em();
    em.persist(item);
    this.syncLeads(item, [], input.leads);
    this.log.record(
      plan,
      { type: 'item', id: item.id, label: item.work },
      'create',
      diffSnapshots(null, this.snapshot(item, input.leads, names, theme, objective)),
      reason,
      actor,
    );
    await em.flush();
    return this.get(item.id, actor);
  }

  /** Edits an item. After approval only with a reason, recorded with what changed in the item's history. */
  async update(itemId: string, input: Out<typeof updateWorkItemSchema>, actor: Actor): Promise<WorkItemDto> {
    const { item, plan } = await this.requireItem(itemId);
    if (input.version !== undefined && input.version !== item.version) {
      throw new DomainException(
        'version_conflict',
        'Someone else changed this item since you opened it. Reload to see their changes, then make yours again.',
        [{ field: 'version', message: `You edited version ${input.version}; the item is now at version ${item.version}` }],
      );
    }
    const existingLeads = await this.repo.leads(item.id);
    const currentLeads = existingLeads.map((l) => ({ userId: l.userId, title: l.title }));
    const wantedLeads = input.leads ?? currentLeads;
    if (input.leads) await this.checkLeads(input.leads);
    const names = await this.names(wantedLeads, currentLeads);
    const oldPlace = await this.placement(plan, item.themeId, item.objectiveId);
    const themeId = input.themeId ?? item.themeId;
    const objectiveId =
      input.objectiveId !== undefined ? input.objectiveId : input.themeId && input.themeId !== item.themeId ? null : item.objectiveId;
    const newPlace = await this.placement(plan, themeId, objectiveId);

    const before = this.snapshot(item, currentLeads, names, oldPlace.theme, oldPlace.objective);
    const draft = Object.assign(new WorkItem(), {
      work: input.work ?? item.work,
      measures: input.measures ?? item.measures,
      steps: input.steps ?? item.steps,
      timescaleText: input.timescale ?? item.timescaleText,
    });
    const after = this.snapshot(draft, wantedLeads, names, newPlace.theme, newPlace.objective);
    const changes = diffSnapshots(before, after);
    if (Object.keys(changes).length === 0) return this.get(item.id, actor);
    const reason = this.log.reasonFor(plan, input.reason);

    if (themeId !== item.themeId || objectiveId !== item.objectiveId) {
      const siblings = await this.repo.siblings(themeId, objectiveId);
      item.position = siblings.reduce((max, s) => Math.max(max, s.position + 1), 0);
      item.themeId = themeId;
      item.objectiveId = objectiveId;
    }
    item.work = draft.work;
    item.measures = draft.measures;
    item.steps = draft.steps;
    if (draft.timescaleText !== item.timescaleText) {
      const hadNoDate = item.originalDueOn === null;
      applyTimescale(item, draft.timescaleText, plan);
      if (plan.status === 'approved' && hadNoDate && item.originalDueOn !== null) {
        changes['originalTarget'] = { from: null, to: item.originalTimescaleText };
      }
    }
    if (input.leads) this.syncLeads(item, existingLeads, wantedLeads);
    item.version += 1;
    this.log.record(plan, { type: 'item', id: item.id, label: item.work }, 'update', changes, reason, actor);
    await RequestScopes.em().flush();
    return this.get(item.id, actor);
  }

  async remove(itemId: string, reasonGiven: string | undefined, actor: Actor): Promise<void> {
    const { item, plan } = await this.requireItem(itemId);
    const reason = this.log.reasonFor(plan, reasonGiven);
    const leads = (await this.repo.leads(item.id)).map((l) => ({ userId: l.userId, title: l.title }));
    const names = await this.names(leads);
    const place = await this.placement(plan, item.themeId, item.objectiveId);
    this.log.record(
      plan,
      { type: 'item', id: item.id, label: item.work },
      'delete',
      diffSnapshots(this.snapshot(item, leads, names, place.theme, place.objective), null),
      reason,
      actor,
    );
    RequestScopes.em().remove(item);
    await RequestScopes.em().flush();
  }

  async move(itemId: string, direction: 'up' | 'down', actor: Actor): Promise<WorkPlanDto> {
    const { item, plan } = await this.requireItem(itemId);
    if (swapWithNeighbour(await this.repo.siblings(item.themeId, item.objectiveId), item.id, direction)) await RequestScopes.em().flush();
    return this.plans.get(plan.id, actor);
  }

  /** A dated progress update by a manager or one of the item's leads; the latest by date sets the status. */
  async addProgress(itemId: string, input: Out<typeof progressUpdateSchema>, actor: Actor): Promise<WorkItemDto> {
    const { item } = await this.requireItem(itemId);
    const viewer = this.plans.viewer(actor);
    const leads = await this.repo.leads(item.id);
    if (!mayProgress(viewer, leads)) {
      throw new DomainException(
        'forbidden',
        'You can add progress updates to the items you lead. Ask the network manager to add you as a lead of this item.',
      );
    }
    if (input.on > viewer.today) throw DomainException.field('on', 'The date of the update cannot be in the future');
    const update = Object.assign(new WorkItemProgress(), {
      networkId: item.networkId,
      itemId: item.id,
      onDate: input.on,
      status: input.status,
      narrative: input.narrative,
      authorUserId: actor.userId,
      authorName: actor.name,
    });
    RequestScopes.em().persist(update);
    if (progressSetsStatus(item.statusOn, input.on)) {
      item.status = input.status;
      item.statusOn = input.on;
    }
    await RequestScopes.em().flush();
    return this.get(item.id, actor);
  }

  /**
   * Progress on several items of one plan at once (before a board): each line becomes its own dated progress update,
   * all in the request's one transaction. Every item is checked first — one of this plan (another plan's, another
   * network's or none is 400 naming `updates.N.itemId`), and for a lead one they lead (403 naming it) — so that
   * nothing is written unless every line can be.
   */
  async addProgressToMany(planId: string, input: Out<typeof bulkProgressSchema>, actor: Actor): Promise<BulkProgressResultDto> {
    const plan = await this.plans.requirePlan(planId);
    const viewer = this.plans.viewer(actor);
    if (input.on > viewer.today) throw DomainException.field('on', 'The date of the updates cannot be in the future');
    const rows = new Map((await this.repo.itemRows({ planId: plan.id })).map((row) => [row.id, row]));
    const items = new Map((await this.repo.items(plan.id)).map((item) => [item.id, item]));
    const lines = input.updates.map((update, index) => {
      const row = rows.get(update.itemId);
      const item = items.get(update.itemId);
      if (!row || !item) throw DomainException.field(`updates.${index}.itemId`, 'Choose a work item of this plan');
      if (!mayProgress(viewer, row.leads)) {
        throw new DomainException('forbidden', 'You can add progress updates to the items you lead only.', [
          {
            field: `updates.${index}.itemId`,
            message: `You do not lead ${toItemRow(row, viewer).ref}: ask the network manager to add you as its lead`,
          },
        ]);
      }
      return { update, row, item };
    });
    const em = RequestScopes.em();
    const updated = lines.map(({ update, row, item }) => {
      const progress = Object.assign(new WorkItemProgress(), {
        networkId: item.networkId,
        itemId: item.id,
        onDate: input.on,
        status: update.status,
        narrative: update.narrative,
        authorUserId: actor.userId,
        authorName: actor.name,
      });
      em.persist(progress);
      const from = item.status;
      const statusSet = progressSetsStatus(item.statusOn, input.on);
      if (statusSet) {
        item.status = update.status;
        item.statusOn = input.on;
      }
      return { itemId: item.id, progressId: progress.id, ref: toItemRow(row, viewer).ref, work: row.work, from, to: update.status, statusSet };
    });
    await em.flush();
    return { planId: plan.id, on: input.on, summary: `${countOf(updated.length, 'work item')} updated`, updated };
  }
}
