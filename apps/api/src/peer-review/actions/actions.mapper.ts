import type { ReviewActionDto, ReviewActionSummaryDto } from '@plexus/contracts';
import { actionRag, isActionOpen, itemStatusWords, WORK_ITEM_STATUS_LABELS } from '@plexus/domain';
import type { ReviewAction, ReviewActionProgress, ReviewCycle, StandardCriterion } from '@plexus/server';
import type { PeerReviewCaller } from '../peer-review-scope';
import { criterionRef } from '../reviews/review-criteria';

export interface ActionContext {
  caller: PeerReviewCaller;
  cycles: Map<string, ReviewCycle>;
  organisations: Map<string, { id: string; name: string }>;
  recommendations: Map<string, { id: string; text: string; findingId: string; reportId: string; classification: string }>;
  criteria: Map<string, StandardCriterion>;
  /** The actions these were carried forward from, by id. */
  origins: Map<string, ReviewAction>;
  /** Actions carried forward from these, into later cycles. */
  onward: ReviewAction[];
  /** Each action's latest progress update. */
  latest: Map<string, ReviewActionProgress>;
}

function toProgressDto(p: ReviewActionProgress) {
  return { id: p.id, on: p.onDate, at: p.createdAt.toISOString(), status: p.status, narrative: p.narrative, author: p.authorName };
}

const cycleRef = (a: ReviewAction, ctx: ActionContext) => ({ id: a.id, cycleId: a.cycleId, cycleName: ctx.cycles.get(a.cycleId)?.name ?? '' });

export function toActionSummaryDto(a: ReviewAction, ctx: ActionContext): ReviewActionSummaryDto {
  const rag = actionRag(a.status, a.dueDate, ctx.caller.today);
  const origin = a.originActionId ? ctx.origins.get(a.originActionId) : undefined;
  const latest = ctx.latest.get(a.id);
  const mine = !ctx.caller.organisationId || ctx.caller.organisationId === a.organisationId;
  return {
    id: a.id,
    cycle: { id: a.cycleId, name: ctx.cycles.get(a.cycleId)?.name ?? '' },
    organisation: ctx.organisations.get(a.organisationId) ?? { id: a.organisationId, name: '' },
    description: a.description,
    owner: { userId: a.ownerUserId, name: a.ownerName },
    dueDate: a.dueDate,
    status: a.status,
    statusLabel: WORK_ITEM_STATUS_LABELS[a.status],
    statusOn: a.statusOn,
    rag: rag.rag,
    // The words the web app and the PDFs print for it (status vocabulary): `Amber – Overdue (reported on track)`.
    ragText: itemStatusWords({ rag: rag.rag, status: a.status, escalated: rag.escalated }),
    ragReason: rag.reason ?? null,
    open: isActionOpen(a.status),
    overdue: rag.slipped,
    latestUpdate: latest ? toProgressDto(latest) : null,
    source: {
      recommendation: a.recommendationId ? (ctx.recommendations.get(a.recommendationId) ?? null) : null,
      criterion: criterionRef(a.criterionId ? ctx.criteria.get(a.criterionId) : undefined),
      origin: origin ? cycleRef(origin, ctx) : null,
    },
    carriedForwardTo: ctx.onward.filter((o) => o.originActionId === a.id).map((o) => cycleRef(o, ctx)),
    can: { edit: ctx.caller.canManage, progress: ctx.caller.canSubmit && mine },
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toActionDto(a: ReviewAction, ctx: ActionContext, progress: ReviewActionProgress[]): ReviewActionDto {
  return { ...toActionSummaryDto(a, ctx), asOf: ctx.caller.today, progress: progress.map(toProgressDto) };
}
