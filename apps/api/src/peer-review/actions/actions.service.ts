import { Injectable } from '@nestjs/common';
import {
  type CarryForwardDto,
  type createReviewActionSchema,
  type progressUpdateSchema,
  type ReviewActionDto,
  type reviewActionInputSchema,
  type ReviewActionListDto,
  type reviewActionListQuerySchema,
} from '@plexus/contracts';
import { isActionOpen, progressSetsStatus, takesPartInWork } from '@plexus/domain';
import {
  MembershipRepository,
  NetworkRepository,
  RequestScopes,
  ReviewAction,
  ReviewActionProgress,
  ReviewActionRepository,
  ReviewCycleRepository,
  ReviewReportRepository,
  StandardSetRepository,
  UserRepository,
  type ReviewCycle,
} from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../../core/http/domain.exception';
import { peerReviewCaller, type PeerReviewCaller } from '../peer-review-scope';
import { criteriaByIds, usableCriterion } from '../reviews/review-criteria';
import { toActionDto, toActionSummaryDto, type ActionContext } from './actions.mapper';

type CreateInput = z.output<typeof createReviewActionSchema>;
type ActionInput = z.output<typeof reviewActionInputSchema>;
type ListQuery = z.output<typeof reviewActionListQuerySchema>;
type ProgressInput = z.output<typeof progressUpdateSchema>;

/**
 * Action plans: the rules. An organisation's actions in a cycle come from its issued review's recommendations, from
 * the network, or carried forward from its previous cycle; their status, BRAG and dated progress updates follow the work
 * plan's rules (`@plexus/domain`: the latest update by date sets the status; past its due date and not complete is at
 * least Amber). Managers keep them; the organisation's contributors record progress on their own organisation's only —
 * another organisation's action answers 404 on every route (RLS narrows their transaction to the same rows underneath).
 */
@Injectable()
export class ActionsService {
  constructor(
    private readonly actions: ReviewActionRepository,
    private readonly reports: ReviewReportRepository,
    private readonly cycles: ReviewCycleRepository,
    private readonly network: NetworkRepository,
    private readonly members: MembershipRepository,
    private readonly users: UserRepository,
    private readonly standards: StandardSetRepository,
  ) {}

  async list(cycleId: string, query: ListQuery): Promise<ReviewActionListDto> {
    const caller = peerReviewCaller();
    await this.findCycle(cycleId);
    const scope = await this.cycles.scope(cycleId);
    if (query.organisationId) {
      const inScope = scope.some((s) => s.organisationId === query.organisationId);
      if (!inScope || (caller.organisationId && caller.organisationId !== query.organisationId)) {
        throw DomainException.field('organisationId', 'That organisation is not in this cycle’s scope', 'not_found');
      }
    }
    const actions = await this.actions.actions(cycleId, caller.organisationId ?? query.organisationId);
    const ctx = await this.context(caller, actions);
    let items = actions.map((a) => toActionSummaryDto(a, ctx));
    if (query.status) items = items.filter((a) => a.status === query.status);
    if (query.rag) items = items.filter((a) => a.rag === query.rag);
    if (query.open !== undefined) items = items.filter((a) => a.open === query.open);
    if (query.overdue !== undefined) items = items.filter((a) => a.overdue === query.overdue);
    const organisations = scope
      .filter((s) => !caller.organisationId || s.organisationId === caller.organisationId)
      .map((s) => ctx.organisations.get(s.organisationId))
      .filter((o): o is { id: string; name: string } => !!o)
      .sort((a, b) => a.name.localeCompare(b.name));
    return { asOf: caller.today, items, organisations, can: { manage: caller.canManage } };
  }

  async get(id: string): Promise<ReviewActionDto> {
    return this.dto(await this.find(id));
  }

  /**
   * An action added by the network, e.g. for a self-assessment criterion's gap ("gap → action"): the criterion must be
   * one of the standard set versions the cycle's self-assessments use. One action per criterion and organisation in a
   * cycle: when the organisation's plan has one for that criterion already, that action is answered as it is (a second
   * click, or two at once — the cycle's row is locked while it is looked for — makes no duplicate).
   */
  async create(cycleId: string, input: CreateInput): Promise<ReviewActionDto> {
    const cycle = await this.findCycle(cycleId, input.criterionId !== null);
    if (!(await this.cycles.scope(cycleId)).some((s) => s.organisationId === input.organisationId)) {
      throw DomainException.field('organisationId', 'That organisation is not in this cycle’s scope', 'not_found');
    }
    const action = Object.assign(new ReviewAction(), { networkId: cycle.networkId, cycleId, organisationId: input.organisationId });
    // Every id of the body is checked before the existing action is answered.
    await this.apply(action, input);
    if (input.criterionId) {
      const existing = await this.actions.forCriterion(cycleId, input.organisationId, input.criterionId);
      if (existing) return this.dto(existing);
    }
    RequestScopes.em().persist(action);
    await RequestScopes.em().flush();
    return this.dto(action);
  }

  async update(id: string, input: ActionInput): Promise<ReviewActionDto> {
    const action = await this.find(id, true);
    await this.apply(action, input);
    await RequestScopes.em().flush();
    return this.dto(action);
  }

  async remove(id: string): Promise<void> {
    const em = RequestScopes.em();
    const action = await this.find(id, true);
    em.remove(await this.actions.progress([action.id]));
    em.remove(action);
    await em.flush();
  }

  /** A dated progress update (the work plan's request and rule): by a manager, or a contributor of the action's organisation. */
  async addProgress(id: string, input: ProgressInput): Promise<ReviewActionDto> {
    const caller = peerReviewCaller();
    const action = await this.find(id, true);
    if (input.on > caller.today) throw DomainException.field('on', 'The date of the update cannot be in the future');
    const author = caller.userId ? await this.users.find(caller.userId) : null;
    RequestScopes.em().persist(
      Object.assign(new ReviewActionProgress(), {
        networkId: action.networkId,
        actionId: action.id,
        organisationId: action.organisationId,
        onDate: input.on,
        status: input.status,
        narrative: input.narrative,
        authorUserId: caller.userId,
        authorName: author?.displayName ?? 'Unknown',
      }),
    );
    if (progressSetsStatus(action.statusOn, input.on)) Object.assign(action, { status: input.status, statusOn: input.on });
    await RequestScopes.em().flush();
    return this.dto(action);
  }

  /**
   * Carries the open actions of the network's previous cycle (the latest starting before this one) into this cycle, for
   * the organisations in this cycle's scope, each linked to its origin — once: a second call carries nothing more.
   */
  async carryForward(cycleId: string): Promise<CarryForwardDto> {
    const caller = peerReviewCaller();
    const em = RequestScopes.em();
    const cycle = await this.findCycle(cycleId, true);
    const fromId = await this.actions.previousCycleId(cycleId);
    const from = fromId ? await this.cycles.cycle(fromId) : null;
    if (!from) return { fromCycle: null, carried: 0, alreadyCarried: 0, items: [] };
    const inScope = new Set((await this.cycles.scope(cycleId)).map((s) => s.organisationId));
    const open = (await this.actions.actions(from.id)).filter((a) => inScope.has(a.organisationId) && isActionOpen(a.status));
    const existing = (await this.actions.carriedFrom(open.map((a) => a.id))).filter((a) => a.cycleId === cycleId);
    const done = new Set(existing.map((a) => a.originActionId));
    const start = Date.now();
    const carried = open
      .filter((a) => !done.has(a.id))
      .map((origin, index) =>
        Object.assign(new ReviewAction(), {
          createdAt: new Date(start + index),
          updatedAt: new Date(start + index),
          networkId: cycle.networkId,
          cycleId,
          organisationId: origin.organisationId,
          originActionId: origin.id,
          criterionId: origin.criterionId,
          description: origin.description,
          ownerUserId: origin.ownerUserId,
          ownerName: origin.ownerName,
          dueDate: origin.dueDate,
          status: origin.status,
          statusOn: origin.statusOn,
        }),
      );
    for (const a of carried) em.persist(a);
    await em.flush();
    const all = [...existing, ...carried];
    const ctx = await this.context(caller, all);
    return {
      fromCycle: { id: from.id, name: from.name },
      carried: carried.length,
      alreadyCarried: existing.length,
      items: all.map((a) => toActionSummaryDto(a, ctx)),
    };
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private async findCycle(id: string, forChange = false): Promise<ReviewCycle> {
    const cycle = await (forChange ? this.cycles.cycleForChange(id) : this.cycles.cycle(id));
    if (!cycle) throw DomainException.notFound('peer review cycle');
    return cycle;
  }

  /** The action, if the caller may see it: a contributor, only their own organisation's (else 404, as if absent). */
  private async find(id: string, forChange = false): Promise<ReviewAction> {
    const { organisationId } = peerReviewCaller();
    const action = await (forChange ? this.actions.actionForChange(id, organisationId) : this.actions.action(id, organisationId));
    if (!action) throw DomainException.notFound('action');
    return action;
  }

  /**
   * Checks the owner (a member of the network who takes part in its work, or a name) and the criterion, then applies.
   * A criterion newly named must be of a standard set version one of the action's cycle's self-assessments use (404
   * naming `criterionId`); one the action names already (a finding's, or its origin's in an earlier cycle) may stay.
   */
  private async apply(action: ReviewAction, input: ActionInput): Promise<void> {
    let ownerName = input.ownerName;
    if (input.ownerUserId) {
      const member = await this.members.ofUser(input.ownerUserId);
      const user = member ? await this.users.find(input.ownerUserId) : null;
      if (!member || !user || !takesPartInWork(member.role)) {
        throw DomainException.field('ownerUserId', 'Choose the owner from the people of this network, or name them', 'not_found');
      }
      ownerName = ownerName || user.displayName;
    }
    const criterion = await usableCriterion(this.standards, input.criterionId);
    if (criterion && criterion.id !== action.criterionId) {
      const versions = (await this.cycles.activities(action.cycleId)).filter((a) => a.kind === 'self_assessment').map((a) => a.standardSetVersionId);
      if (!versions.includes(criterion.versionId)) {
        throw DomainException.field('criterionId', 'That criterion is not in the standard set version of this cycle’s self-assessments', 'not_found');
      }
    }
    Object.assign(action, {
      description: input.description,
      ownerUserId: input.ownerUserId,
      ownerName,
      dueDate: input.dueDate,
      criterionId: input.criterionId,
    });
  }

  private async context(caller: PeerReviewCaller, actions: ReviewAction[]): Promise<ActionContext> {
    const recommendations = new Map<string, { id: string; text: string; findingId: string; reportId: string; classification: string }>();
    const recIds = actions.map((a) => a.recommendationId).filter((x): x is string => !!x);
    if (recIds.length) {
      const reportIds = new Set<string>();
      for (const key of new Set(actions.filter((a) => a.recommendationId).map((a) => `${a.cycleId}|${a.organisationId}`))) {
        const [cycleId, organisationId] = key.split('|');
        const report = await this.reports.reportOf(cycleId, organisationId);
        if (report) reportIds.add(report.id);
      }
      const findings = await this.reports.findings([...reportIds]);
      for (const r of await this.reports.recommendations(findings.map((f) => f.id))) {
        const f = findings.find((x) => x.id === r.findingId);
        if (f) recommendations.set(r.id, { id: r.id, text: r.text, findingId: f.id, reportId: f.reportId, classification: f.classification });
      }
    }
    const related = await this.actions.byIds(actions.map((a) => a.originActionId).filter((x): x is string => !!x));
    const onward = await this.actions.carriedFrom(actions.map((a) => a.id));
    const cycles = new Map<string, ReviewCycle>();
    for (const id of new Set([...actions, ...related, ...onward].map((a) => a.cycleId))) {
      const c = await this.cycles.cycle(id);
      if (c) cycles.set(id, c);
    }
    const latest = new Map<string, ReviewActionProgress>();
    for (const p of await this.actions.progress(actions.map((a) => a.id))) if (!latest.has(p.actionId)) latest.set(p.actionId, p);
    return {
      caller,
      cycles,
      organisations: new Map((await this.network.organisations()).map((o) => [o.id, { id: o.id, name: o.name }])),
      recommendations,
      criteria: await criteriaByIds(
        this.standards,
        actions.map((a) => a.criterionId),
      ),
      origins: new Map(related.map((a) => [a.id, a])),
      onward,
      latest,
    };
  }

  private async dto(action: ReviewAction): Promise<ReviewActionDto> {
    const caller = peerReviewCaller();
    const ctx = await this.context(caller, [action]);
    return toActionDto(action, ctx, await this.actions.progress([action.id]));
  }
}
