import { Injectable } from '@nestjs/common';
import { formatIsoDateLong } from '@plexus/domain';
import { RequestScopes, WorkPlan, WorkPlanChange, type WorkPlanChangeAction, type WorkPlanChangeSubject } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';
import type { Actor } from './work-plan.types';

export type Snapshot = Record<string, unknown>;

/** The fields that differ between two snapshots, before → after. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const from = before?.[key] ?? null;
    const to = after?.[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/**
 * Once the board has approved a plan, it changes only through tracked updates: each change names its
 * reason and is kept (what changed, before → after, who, when) in the plan's change log, shown in the item's
 * history. Drafts change freely (the audit trail still records every write).
 */
@Injectable()
export class PlanChangeLog {
  /** The reason to record, or null for a draft; an approved plan without a reason is refused, naming the field. */
  reasonFor(plan: WorkPlan, reason: string | undefined): string | null {
    if (plan.status !== 'approved') return null;
    const given = reason?.trim();
    if (!given) {
      const when = plan.approvedOn ? ` on ${formatIsoDateLong(plan.approvedOn)}` : '';
      throw DomainException.field(
        'reason',
        `Give the reason for this change: the board approved this plan${when}, so every change is recorded with its reason`,
      );
    }
    return given;
  }

  /** Records a change to an approved plan (no-op for drafts or when nothing changed). */
  record(
    plan: WorkPlan,
    subject: { type: WorkPlanChangeSubject; id: string; label: string },
    action: WorkPlanChangeAction,
    changes: Record<string, { from: unknown; to: unknown }>,
    reason: string | null,
    actor: Actor,
  ): void {
    if (plan.status !== 'approved' || reason === null) return;
    if (action === 'update' && Object.keys(changes).length === 0) return;
    RequestScopes.em().persist(
      Object.assign(new WorkPlanChange(), {
        networkId: plan.networkId,
        planId: plan.id,
        subjectType: subject.type,
        subjectId: subject.id,
        subjectLabel: subject.label.slice(0, 300),
        action,
        changes,
        reason,
        actorUserId: actor.userId,
        actorName: actor.name,
      }),
    );
  }
}
