import { formatIsoDateLong } from '@plexus/domain';

/** One dated change of a risk since the chosen date, in order (a review, a score moving, a closure, a re-opening…). */
export interface RiskChangeEvent {
  riskId: string;
  reference: string;
  description: string;
  /** ISO date it took effect. */
  on: string;
  change: string;
  from: number | null;
  to: number | null;
}

/** A risk's line in "Changes since": its changes in words, one line per run of the same change, and its score then and now. */
export interface RiskChangeRow {
  reference: string;
  description: string;
  changes: string[];
  from: number | string;
  to: number | string;
}

/**
 * The changes grouped per risk, risks in the order of their first change. Each kind of change is one line, in the order
 * it first happened: once, with its date and the score it moved between; more often (a risk closed and re-opened ten
 * times, ten reviews with no change), with how many times and between which dates — never a row each. "From" is the
 * score before the first change, "to" the score after the last.
 */
export function groupRiskChanges(events: readonly RiskChangeEvent[]): RiskChangeRow[] {
  const byRisk = new Map<string, RiskChangeEvent[]>();
  for (const e of events) byRisk.set(e.riskId, [...(byRisk.get(e.riskId) ?? []), e]);
  return [...byRisk.values()].map((list) => {
    const kinds: Array<{ change: string; first: string; last: string; count: number; from: number | null; to: number | null }> = [];
    for (const e of list) {
      const run = kinds.find((r) => r.change === e.change);
      if (run) {
        run.count++;
        run.last = e.on;
        run.to = e.to;
      } else kinds.push({ change: e.change, first: e.on, last: e.on, count: 1, from: e.from, to: e.to });
    }
    const scores = (from: number | null, to: number | null) =>
      from !== to && (from !== null || to !== null) ? ` (${from ?? '—'} → ${to ?? '—'})` : '';
    const changes = kinds.map((r) =>
      r.count === 1
        ? `${formatIsoDateLong(r.first)}: ${r.change}${scores(r.from, r.to)}`
        : `${formatIsoDateLong(r.first)} – ${formatIsoDateLong(r.last)}: ${r.change}, ${r.count} times${scores(r.from, r.to)}`,
    );
    return {
      reference: list[0].reference,
      description: list[0].description,
      changes,
      from: list[0].from ?? '—',
      to: list[list.length - 1].to ?? '—',
    };
  });
}
