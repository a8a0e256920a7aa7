import { riskScore } from './risk';

/**
 * The register as it stood on a past day, from the score history the product keeps (one event per registration,
 * edit, review, import, closure and re-opening, each with the scores after it and the day it took effect). Used by the
 * risk register report's "last board vs this board" pair, the progress report's "since the last board" and the
 * annual report's start and end of year: all read the same history the same way.
 */
export interface RiskScoreEvent {
  riskId: string;
  /** `YYYY-MM-DD`: the day the change took effect. */
  effectiveOn: string;
  source: 'registered' | 'edited' | 'reviewed' | 'imported' | 'closed' | 'reopened';
  likelihoodAfter: number | null;
  impactAfter: number | null;
  legacyScoreAfter: number | null;
  /** When it was written: orders two events of one day. */
  createdAt?: Date | string;
}

export interface RiskStateAt {
  riskId: string;
  open: boolean;
  likelihood: number | null;
  impact: number | null;
  /** A score kept from an older register that has no likelihood and impact. */
  legacyScore: number | null;
  /** likelihood × impact, else the legacy score; null when neither is known. */
  score: number | null;
}

const time = (v: Date | string | undefined) => (v === undefined ? 0 : new Date(v).getTime());

/** Each risk that existed at the end of `date` (registered on or before it), as it stood then. */
export function riskStatesAt(events: readonly RiskScoreEvent[], date: string): Map<string, RiskStateAt> {
  const ordered = events
    .filter((e) => e.effectiveOn <= date)
    .slice()
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : time(a.createdAt) - time(b.createdAt)));
  const states = new Map<string, RiskStateAt>();
  for (const e of ordered) {
    const open = e.source === 'closed' ? false : e.source === 'reopened' ? true : (states.get(e.riskId)?.open ?? true);
    const score = e.likelihoodAfter != null && e.impactAfter != null ? riskScore(e.likelihoodAfter, e.impactAfter) : e.legacyScoreAfter;
    states.set(e.riskId, {
      riskId: e.riskId,
      open,
      likelihood: e.likelihoodAfter,
      impact: e.impactAfter,
      legacyScore: e.legacyScoreAfter,
      score: score ?? null,
    });
  }
  return states;
}

export type RiskMovementKind = 'new' | 'closed' | 'reopened' | 'up' | 'down' | 'same';

export interface RiskMovement {
  riskId: string;
  kind: RiskMovementKind;
  from: RiskStateAt | null;
  to: RiskStateAt | null;
}

/** ↑ ↓ → and words for a movement: a report never says it by colour alone. */
export const RISK_MOVEMENT_WORDS: Readonly<Record<RiskMovementKind, { arrow: string; words: string }>> = {
  new: { arrow: '+', words: 'new' },
  closed: { arrow: '×', words: 'closed' },
  reopened: { arrow: '↺', words: 're-opened' },
  up: { arrow: '↑', words: 'score up' },
  down: { arrow: '↓', words: 'score down' },
  same: { arrow: '→', words: 'no change' },
};

/**
 * How each risk moved between two days: new (registered, or first open, after `from`), closed, re-opened, score up or
 * down, or the same. Risks closed on both days are left out.
 */
export function riskMovements(events: readonly RiskScoreEvent[], from: string, to: string): RiskMovement[] {
  const before = riskStatesAt(events, from);
  const after = riskStatesAt(events, to);
  const out: RiskMovement[] = [];
  for (const [riskId, now] of after) {
    const then = before.get(riskId) ?? null;
    let kind: RiskMovementKind;
    if (!then) {
      if (!now.open) continue; // registered and closed between the two days: in neither register
      kind = 'new';
    } else if (then.open && !now.open) kind = 'closed';
    else if (!then.open && now.open) kind = 'reopened';
    else if (!then.open && !now.open) continue;
    else if (then.score != null && now.score != null && now.score !== then.score) kind = now.score > then.score ? 'up' : 'down';
    else kind = 'same';
    out.push({ riskId, kind, from: then, to: now });
  }
  return out;
}
