import { Injectable } from '@nestjs/common';
import type {
  approveWorkPlanSchema,
  createWorkPlanSchema,
  objectiveSchema,
  themeSchema,
  updateObjectiveSchema,
  updateThemeSchema,
  updateWorkPlanSchema,
  WorkPlanChangeDto,
  WorkPlanDto,
  WorkPlanPeopleDto,
  WorkPlanSummaryDto,
} from '@plexus/contracts';
import { planPeriodProblem, takesPartInWork, todayIso } from '@plexus/domain';
import {
  MembershipRepository,
  NetworkRepository,
  RequestScopes,
  UserRepository,
  WorkPlan,
  WorkPlanObjective,
  WorkPlanRepository,
  WorkPlanTheme,
} from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { normaliseName } from './people';
import { diffSnapshots, PlanChangeLog } from './plan-change-log';
import { countsOf, itemState, type Viewer } from './work-plan-view';
import { toPlanChangeDto, toPlanDto, toPlanSummary } from './work-plan.mapper';
import type { Actor } from './work-plan.types';

type Out<S extends z.ZodType> = z.output<S>;

/** Moves one row up or down among its siblings by swapping positions (renumbering first if they tie). */
export function swapWithNeighbour<T extends { id: string; position: number }>(siblings: T[], id: string, direction: 'up' | 'down'): boolean {
  const index = siblings.findIndex((s) => s.id === id);
  const other = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= siblings.length) return false;
  siblings.forEach((s, i) => {
    if (s.position !== i) s.position = i;
  });
  siblings[index].position = other;
  siblings[other].position = index;
  return true;
}

/** Plans, their themes and numbered objectives: the structure of the work, and who may change it. */
@Injectable()
export class WorkPlanService {
  constructor(
    private readonly repo: WorkPlanRepository,
    private readonly members: MembershipRepository,
    private readonly users: UserRepository,
    private readonly networks: NetworkRepository,
    private readonly log: PlanChangeLog,
  ) {}

  viewer(actor: Actor): Viewer {
    return { userId: actor.userId, role: RequestScopes.tenant().role, today: todayIso() };
  }

  async requirePlan(id: string): Promise<WorkPlan> {
    const plan = await this.repo.plan(id);
    if (!plan) throw DomainException.notFound('plan');
    return plan;
  }

  private async requireTheme(id: string): Promise<{ theme: WorkPlanTheme; plan: WorkPlan }> {
    const theme = await this.repo.theme(id);
    if (!theme) throw DomainException.notFound('theme');
    return { theme, plan: await this.requirePlan(theme.planId) };
  }

  private async requireObjective(id: string): Promise<{ objective: WorkPlanObjective; plan: WorkPlan }> {
    const objective = await this.repo.objective(id);
    if (!objective) throw DomainException.notFound('objective');
    return { objective, plan: await this.requirePlan(objective.planId) };
  }

  // ---- reading ------------------------------------------------------------------------------------

  async list(): Promise<WorkPlanSummaryDto[]> {
    const plans = await this.repo.plans();
    const states = await this.repo.itemStates();
    const today = todayIso();
    return plans.map((plan) => summaryOf(plan, states, today));
  }

  /** One plan as the list shows it. */
  async summary(plan: WorkPlan): Promise<WorkPlanSummaryDto> {
    return summaryOf(plan, await this.repo.itemStates(), todayIso());
  }

  /** The plan as a tree: themes → (items, objectives → items), with counts and RAG roll-ups at each level. */
  async get(planId: string, actor: Actor): Promise<WorkPlanDto> {
    const plan = await this.requirePlan(planId);
    // Three queries whatever the plan's size (one transaction, one connection: one after another).
    const themes = await this.repo.themes(plan.id);
    const objectives = await this.repo.objectives({ planId: plan.id });
    const rows = await this.repo.itemRows({ planId: plan.id });
    const approver = plan.approvedBy ? await this.users.find(plan.approvedBy) : null;
    const rolledFrom = plan.rolledFromPlanId ? await this.repo.plan(plan.rolledFromPlanId) : null;
    const rolledInto = await this.repo.rolledFrom(plan.id);
    return toPlanDto(plan, { themes, objectives, rows, approvedBy: approver?.displayName ?? null, rolledFrom, rolledInto }, this.viewer(actor));
  }

  async changes(planId: string): Promise<WorkPlanChangeDto[]> {
    const plan = await this.requirePlan(planId);
    return (await this.repo.planChanges(plan.id)).map(toPlanChangeDto);
  }

  /** Members who take part in the work (not commissioners, who read only the reports) and leadership roles, for choosing leads. */
  async people(): Promise<WorkPlanPeopleDto> {
    const memberships = (await this.members.withUsers()).filter(({ membership }) => takesPartInWork(membership.role));
    const roles = await this.networks.leadershipRoles();
    const members = memberships
      .map(({ membership, user }) => ({ userId: user.id, displayName: user.displayName, role: membership.role }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    return {
      members,
      roles: roles.map((r) => ({
        title: r.title,
        personName: r.personName,
        userId: members.find((m) => normaliseName(m.displayName) === normaliseName(r.personName))?.userId ?? null,
      })),
    };
  }

  // ---- plans --------------------------------------------------------------------------------------

  async create(input: Out<typeof createWorkPlanSchema>, actor: Actor): Promise<WorkPlanDto> {
    const plan = Object.assign(new WorkPlan(), { networkId: RequestScopes.networkId(), ...input });
    RequestScopes.em().persist(plan);
    await RequestScopes.em().flush();
    return this.get(plan.id, actor);
  }

  async update(planId: string, input: Out<typeof updateWorkPlanSchema>, actor: Actor): Promise<WorkPlanDto> {
    const plan = await this.requirePlan(planId);
    const before = { title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd };
    const after = {
      title: input.title ?? plan.title,
      periodStart: input.periodStart ?? plan.periodStart,
      periodEnd: input.periodEnd ?? plan.periodEnd,
    };
    const problem = planPeriodProblem(after.periodStart, after.periodEnd);
    if (problem) throw DomainException.field(problem.field, problem.message);
    const changes = diffSnapshots(before, after);
    if (Object.keys(changes).length) {
      const reason = this.log.reasonFor(plan, input.reason);
      Object.assign(plan, after);
      plan.version += 1;
      this.log.record(plan, { type: 'plan', id: plan.id, label: plan.title }, 'update', changes, reason, actor);
      await RequestScopes.em().flush();
    }
    return this.get(plan.id, actor);
  }

  async remove(planId: string): Promise<void> {
    const plan = await this.requirePlan(planId);
    if (plan.status === 'approved') {
      throw new DomainException(
        'conflict',
        'The board has approved this plan, so it is kept as the record of what was agreed. Change its items instead.',
      );
    }
    RequestScopes.em().remove(plan);
    await RequestScopes.em().flush();
  }

  /**
   * Marks the plan approved by the board on a date. From then on its targets are the baseline: a target
   * that moves keeps the original, and every change is a tracked update with a reason.
   */
  async approve(planId: string, input: Out<typeof approveWorkPlanSchema>, actor: Actor): Promise<WorkPlanDto> {
    const plan = await this.requirePlan(planId);
    if (plan.status === 'approved')
      throw new DomainException('conflict', 'This plan has already been approved', [
        { field: 'approvedOn', message: `Approved on ${plan.approvedOn}` },
      ]);
    if (input.approvedOn > todayIso()) throw DomainException.field('approvedOn', 'The date the board approved the plan cannot be in the future');
    const items = await this.repo.items(plan.id);
    for (const item of items) {
      if (item.originalTimescaleText !== item.timescaleText) item.originalTimescaleText = item.timescaleText;
      if (item.originalDueOn !== item.dueOn) item.originalDueOn = item.dueOn;
    }
    Object.assign(plan, { status: 'approved', approvedOn: input.approvedOn, approvedBy: actor.userId, approvalNote: input.note });
    plan.version += 1;
    await RequestScopes.em().flush();
    return this.get(plan.id, actor);
  }

  // ---- themes -------------------------------------------------------------------------------------

  async addTheme(planId: string, input: Out<typeof themeSchema>, actor: Actor): Promise<WorkPlanDto> {
    const plan = await this.requirePlan(planId);
    const reason = this.log.reasonFor(plan, input.reason);
    const themes = await this.repo.themes(plan.id);
    const theme = Object.assign(new WorkPlanTheme(), {
      networkId: plan.networkId,
      planId: plan.id,
      title: input.title,
      description: input.description,
      position: themes.reduce((max, t) => Math.max(max, t.position + 1), 0),
    });
    RequestScopes.em().persist(theme);
    this.log.record(
      plan,
      { type: 'theme', id: theme.id, label: theme.title },
      'create',
      diffSnapshots(null, { title: theme.title, description: theme.description }),
      reason,
      actor,
    );
    await RequestScopes.em().flush();
    return this.get(plan.id, actor);
  }

  async updateTheme(themeId: string, input: Out<typeof updateThemeSchema>, actor: Actor): Promise<WorkPlanDto> {
    const { theme, plan } = await this.requireTheme(themeId);
    const before = { title: theme.title, description: theme.description };
    const after = { title: input.title ?? theme.title, description: input.description ?? theme.description };
    const changes = diffSnapshots(before, after);
    if (Object.keys(changes).length) {
      const reason = this.log.reasonFor(plan, input.reason);
      Object.assign(theme, after);
      this.log.record(plan, { type: 'theme', id: theme.id, label: theme.title }, 'update', changes, reason, actor);
      await RequestScopes.em().flush();
    }
    return this.get(plan.id, actor);
  }

  /** Removes a theme with its objectives and work items. */
  async removeTheme(themeId: string, reasonGiven: string | undefined, actor: Actor): Promise<WorkPlanDto> {
    const { theme, plan } = await this.requireTheme(themeId);
    const reason = this.log.reasonFor(plan, reasonGiven);
    const items = await this.repo.itemRows({ planId: plan.id });
    const lost = items.filter((i) => i.themeId === theme.id);
    this.log.record(
      plan,
      { type: 'theme', id: theme.id, label: theme.title },
      'delete',
      diffSnapshots({ title: theme.title, description: theme.description, items: lost.map((i) => i.work) }, null),
      reason,
      actor,
    );
    for (const item of lost) {
      this.log.record(
        plan,
        { type: 'item', id: item.id, label: item.work },
        'delete',
        diffSnapshots({ work: item.work, theme: theme.title }, null),
        reason,
        actor,
      );
    }
    RequestScopes.em().remove(theme);
    await RequestScopes.em().flush();
    return this.get(plan.id, actor);
  }

  async moveTheme(themeId: string, direction: 'up' | 'down', actor: Actor): Promise<WorkPlanDto> {
    const { plan } = await this.requireTheme(themeId);
    if (swapWithNeighbour(await this.repo.themes(plan.id), themeId, direction)) await RequestScopes.em().flush();
    return this.get(plan.id, actor);
  }

  // ---- objectives ---------------------------------------------------------------------------------

  async addObjective(themeId: string, input: Out<typeof objectiveSchema>, actor: Actor): Promise<WorkPlanDto> {
    const { theme, plan } = await this.requireTheme(themeId);
    const reason = this.log.reasonFor(plan, input.reason);
    const siblings = await this.repo.objectives({ themeId: theme.id });
    const objective = Object.assign(new WorkPlanObjective(), {
      networkId: plan.networkId,
      planId: plan.id,
      themeId: theme.id,
      number: input.number,
      title: input.title,
      position: siblings.reduce((max, o) => Math.max(max, o.position + 1), 0),
    });
    RequestScopes.em().persist(objective);
    this.log.record(
      plan,
      { type: 'objective', id: objective.id, label: objectiveLabel(objective) },
      'create',
      diffSnapshots(null, { number: objective.number, title: objective.title, theme: theme.title }),
      reason,
      actor,
    );
    await RequestScopes.em().flush();
    return this.get(plan.id, actor);
  }

  async updateObjective(objectiveId: string, input: Out<typeof updateObjectiveSchema>, actor: Actor): Promise<WorkPlanDto> {
    const { objective, plan } = await this.requireObjective(objectiveId);
    const before = { number: objective.number, title: objective.title };
    const after = { number: input.number ?? objective.number, title: input.title ?? objective.title };
    const changes = diffSnapshots(before, after);
    if (Object.keys(changes).length) {
      const reason = this.log.reasonFor(plan, input.reason);
      Object.assign(objective, after);
      this.log.record(plan, { type: 'objective', id: objective.id, label: objectiveLabel(objective) }, 'update', changes, reason, actor);
      await RequestScopes.em().flush();
    }
    return this.get(plan.id, actor);
  }

  /** Removes an objective with its work items. */
  async removeObjective(objectiveId: string, reasonGiven: string | undefined, actor: Actor): Promise<WorkPlanDto> {
    const { objective, plan } = await this.requireObjective(objectiveId);
    const reason = this.log.reasonFor(plan, reasonGiven);
    const lost = (await this.repo.itemRows({ planId: plan.id })).filter((i) => i.objectiveId === objective.id);
    this.log.record(
      plan,
      { type: 'objective', id: objective.id, label: objectiveLabel(objective) },
      'delete',
      diffSnapshots({ number: objective.number, title: objective.title, items: lost.map((i) => i.work) }, null),
      reason,
      actor,
    );
    for (const item of lost) {
      this.log.record(
        plan,
        { type: 'item', id: item.id, label: item.work },
        'delete',
        diffSnapshots({ work: item.work, objective: objectiveLabel(objective) }, null),
        reason,
        actor,
      );
    }
    RequestScopes.em().remove(objective);
    await RequestScopes.em().flush();
    return this.get(plan.id, actor);
  }

  async moveObjective(objectiveId: string, direction: 'up' | 'down', actor: Actor): Promise<WorkPlanDto> {
    const { objective, plan } = await this.requireObjective(objectiveId);
    if (swapWithNeighbour(await this.repo.objectives({ themeId: objective.themeId }), objectiveId, direction)) await RequestScopes.em().flush();
    return this.get(plan.id, actor);
  }
}

function summaryOf(plan: WorkPlan, states: Awaited<ReturnType<WorkPlanRepository['itemStates']>>, today: string): WorkPlanSummaryDto {
  const items = states
    .filter((s) => s.planId === plan.id)
    .map((s) => ({ ...itemState(s.status, s.dueOn, s.originalDueOn, today), status: s.status, timescaleFlagged: s.timescaleFlag !== null }));
  return toPlanSummary(plan, countsOf(items));
}

export function objectiveLabel(o: { number: string; title: string }): string {
  return o.number ? `${o.number}. ${o.title}` : o.title;
}
