import { Injectable } from '@nestjs/common';
import type { rollOverWorkPlanSchema, RollOverPreviewDto, RollOverResultDto } from '@plexus/contracts';
import {
  carriesForwardByDefault,
  formatIsoDateLong,
  nextPeriod,
  periodsOverlap,
  planPeriodProblem,
  rollOverTitle,
  ROLL_OVER_FLAG,
  targetBeforePeriod,
  todayIso,
  type Period,
} from '@plexus/domain';
import {
  RequestScopes,
  WorkItem,
  WorkItemLead,
  WorkItemProgress,
  WorkPlan,
  WorkPlanObjective,
  WorkPlanRepository,
  WorkPlanTheme,
  type WorkItemRow,
} from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../../core/http/domain.exception';
import { WorkPlanService } from '../work-plan.service';
import type { Actor } from '../work-plan.types';

type Out<S extends z.ZodType> = z.output<S>;

const NARRATIVE_MAX = 4000;

/**
 * The year-end roll-over: from an approved plan, the next period's plan starts as a draft with the same themes and
 * objectives and the chosen open items carried forward, each linked to its origin (whose history stays where it
 * is). Completed items stay in the old plan. Doing it twice answers the plan made the first time; a period that
 * already has another plan is refused, saying which.
 */
@Injectable()
export class WorkPlanRollOverService {
  constructor(
    private readonly repo: WorkPlanRepository,
    private readonly plans: WorkPlanService,
  ) {}

  async preview(planId: string): Promise<RollOverPreviewDto> {
    const source = await this.requirePlan(planId);
    const period = nextPeriod({ start: source.periodStart, end: source.periodEnd });
    const rolledInto = await this.repo.rolledFrom(source.id);
    const themes = await this.repo.themes(source.id);
    const rows = await this.repo.itemRows({ planId: source.id });
    return {
      source: { ...ref(source), status: source.status },
      proposed: { title: rollOverTitle(source.title, periodOf(source), period), periodStart: period.start, periodEnd: period.end },
      rolledInto: rolledInto ? ref(rolledInto) : null,
      blockedBy: rolledInto ? null : await this.blocker(source, period),
      themes: themes.map((theme) => ({
        id: theme.id,
        title: theme.title,
        items: rows
          .filter((r) => r.themeId === theme.id)
          .map((r) => ({
            id: r.id,
            ref: refOf(r),
            work: r.work,
            status: r.status,
            dueOn: r.dueOn,
            carryByDefault: carriesForwardByDefault(r.status),
          })),
      })),
    };
  }

  async rollOver(planId: string, input: Out<typeof rollOverWorkPlanSchema>, actor: Actor): Promise<RollOverResultDto> {
    const source = await this.requirePlan(planId);
    await this.repo.lockPlan(source.id);
    // The ids in the body are checked before anything else answers, a repeated roll-over included.
    const rows = await this.repo.itemRows({ planId: source.id });
    const chosen = this.chosenItems(rows, input.itemIds);
    const already = await this.repo.rolledFrom(source.id);
    if (already) return { plan: await this.plans.summary(already), created: false, carried: await this.carriedInto(already), flagged: 0 };

    const proposed = nextPeriod(periodOf(source));
    const period: Period = { start: input.periodStart ?? proposed.start, end: input.periodEnd ?? proposed.end };
    const problem = planPeriodProblem(period.start, period.end);
    if (problem) throw DomainException.field(problem.field, problem.message);
    if (period.start <= source.periodStart) {
      throw DomainException.field('periodStart', `The new plan must start after this one starts (${formatIsoDateLong(source.periodStart)})`);
    }
    const blocker = await this.blocker(source, period);
    if (blocker)
      throw new DomainException('conflict', blocker, source.status === 'approved' ? [{ field: 'periodStart', message: blocker }] : undefined);

    const em = RequestScopes.em();
    const networkId = RequestScopes.networkId();
    const plan = Object.assign(new WorkPlan(), {
      networkId,
      title: input.title ?? rollOverTitle(source.title, periodOf(source), period),
      periodStart: period.start,
      periodEnd: period.end,
      rolledFromPlanId: source.id,
    });
    em.persist(plan);

    // The same themes and objectives, in the same order: next year's plan keeps this year's shape.
    const themeIds = new Map<string, string>();
    for (const theme of await this.repo.themes(source.id)) {
      const copy = Object.assign(new WorkPlanTheme(), {
        networkId,
        planId: plan.id,
        title: theme.title,
        description: theme.description,
        position: theme.position,
      });
      em.persist(copy);
      themeIds.set(theme.id, copy.id);
    }
    const objectiveIds = new Map<string, string>();
    for (const objective of await this.repo.objectives({ planId: source.id })) {
      const copy = Object.assign(new WorkPlanObjective(), {
        networkId,
        planId: plan.id,
        themeId: mapped(themeIds, objective.themeId),
        number: objective.number,
        title: objective.title,
        position: objective.position,
      });
      em.persist(copy);
      objectiveIds.set(objective.id, copy.id);
    }

    const originals = new Map((await this.repo.items(source.id)).map((i) => [i.id, i]));
    const today = todayIso();
    let flagged = 0;
    for (const row of chosen) {
      const origin = mapped(originals, row.id);
      const late = targetBeforePeriod(origin.dueOn, period);
      if (late) flagged++;
      const item = Object.assign(new WorkItem(), {
        networkId,
        planId: plan.id,
        themeId: mapped(themeIds, origin.themeId),
        objectiveId: origin.objectiveId ? (objectiveIds.get(origin.objectiveId) ?? null) : null,
        position: origin.position,
        reference: origin.reference,
        work: origin.work,
        measures: origin.measures,
        steps: origin.steps,
        timescaleText: origin.timescaleText,
        timescale: origin.timescale,
        timescaleFlag: late ? ROLL_OVER_FLAG : origin.timescaleFlag,
        dueOn: origin.dueOn,
        originalTimescaleText: origin.timescaleText,
        originalDueOn: origin.dueOn,
        status: origin.status,
        statusOn: today,
        carriedFromItemId: origin.id,
      });
      em.persist(item);
      row.leads.forEach((lead, position) =>
        em.persist(Object.assign(new WorkItemLead(), { networkId, itemId: item.id, userId: lead.userId, title: lead.title, position })),
      );
      em.persist(
        Object.assign(new WorkItemProgress(), {
          networkId,
          itemId: item.id,
          onDate: today,
          status: origin.status,
          narrative: carriedNarrative(source, refOf(row), row.latest),
          authorUserId: actor.userId,
          authorName: actor.name,
        }),
      );
    }
    await em.flush();
    return { plan: await this.plans.summary(plan), created: true, carried: chosen.length, flagged };
  }

  private async requirePlan(id: string): Promise<WorkPlan> {
    const plan = await this.repo.plan(id);
    if (!plan) throw DomainException.notFound('plan');
    return plan;
  }

  /** Why this plan cannot be rolled over into `period`, or null. */
  private async blocker(source: WorkPlan, period: Period): Promise<string | null> {
    if (source.status !== 'approved') {
      return 'Only a plan the board has approved can be rolled over: mark this one as approved first, or change it while it is a draft.';
    }
    const taken = (await this.repo.plansOverlapping(period)).find((p) => p.id !== source.id && periodsOverlap(period, periodOf(p)));
    if (taken) {
      return `“${taken.title}” already covers ${formatIsoDateLong(taken.periodStart)} to ${formatIsoDateLong(taken.periodEnd)}, which overlaps the new period (${formatIsoDateLong(period.start)} to ${formatIsoDateLong(period.end)}). Choose another period, or add the work to that plan.`;
    }
    return null;
  }

  /** The items to carry: the ones listed (each must be an item of this plan and not complete), or every one not complete. */
  private chosenItems(rows: WorkItemRow[], itemIds: string[] | undefined): WorkItemRow[] {
    if (!itemIds) return rows.filter((r) => carriesForwardByDefault(r.status));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems = itemIds.flatMap((id, index) => {
      const row = byId.get(id);
      if (!row) return [{ field: `itemIds.${index}`, message: 'This is not an item of the plan being rolled over' }];
      if (!carriesForwardByDefault(row.status))
        return [{ field: `itemIds.${index}`, message: `${refOf(row)} is complete: completed work stays in this plan` }];
      return [];
    });
    if (problems.length) throw new DomainException('validation_failed', problems[0].message, problems);
    const wanted = new Set(itemIds);
    return rows.filter((r) => wanted.has(r.id));
  }

  private async carriedInto(plan: WorkPlan): Promise<number> {
    return (await this.repo.items(plan.id)).filter((i) => i.carriedFromItemId !== null).length;
  }
}

/** A value the roll-over put in the map itself (a copied theme, an item of the plan): missing is a bug. */
function mapped<V>(map: Map<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`roll-over: nothing for ${key}`);
  return value;
}

function periodOf(plan: { periodStart: string; periodEnd: string }): Period {
  return { start: plan.periodStart, end: plan.periodEnd };
}

function ref(plan: WorkPlan) {
  return { id: plan.id, title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd };
}

function refOf(row: WorkItemRow): string {
  return row.reference || `${row.themeNo}.${row.itemNo}`;
}

/** The first update of a carried item: where it came from, and the last word on it there. */
function carriedNarrative(source: WorkPlan, ref: string, latest: WorkItemRow['latest']): string {
  const head = `Carried forward from “${source.title}” (item ${ref}).`;
  if (!latest) return head;
  const text = `${head} Latest update there (${formatIsoDateLong(String(latest.on).slice(0, 10))}, ${latest.author}): ${latest.narrative}`;
  return text.length > NARRATIVE_MAX ? `${text.slice(0, NARRATIVE_MAX - 1)}…` : text;
}
