import type { RiskScoreDto } from '@plexus/contracts';
import { formatIsoDateLong, IMPACT, LIKELIHOOD, riskBand, RISK_BANDS, type RiskRating } from '@plexus/domain';

/** One point of a risk's score history (a `risk_score_change` row), as the comparison reads it. */
export interface ScoreHistoryPoint {
  riskId: string;
  effectiveOn: string;
  /** Orders two changes of one day. */
  createdAt: Date;
  source: string;
  /** The risk's current (after-mitigation, else before) score from that change on. */
  current: RiskScoreDto;
}

export interface ComparedRisk {
  id: string;
  reference: string;
  description: string;
  /** Its current score now. */
  current: RiskScoreDto;
}

export type Movement = 'up' | 'down' | 'across' | 'new';

export const MOVEMENT_ARROWS: Record<Movement, string> = { up: '↑', down: '↓', across: '→', new: '+' };

const RATINGS: RiskRating[] = [1, 2, 3, 4, 5];

/**
 * Each risk's current score as it stood at the end of `date`, from its history: the last change effective on or
 * before that day (two on one day in the order they were recorded). A risk with no change by then was not registered
 * yet, and one whose last change closed it was closed: neither is on the register that day (absent from the map).
 */
export function scoresAsAt(history: ScoreHistoryPoint[], date: string): Map<string, RiskScoreDto> {
  const last = new Map<string, ScoreHistoryPoint>();
  for (const point of history) {
    if (point.effectiveOn > date) continue;
    const seen = last.get(point.riskId);
    if (!seen || seen.effectiveOn < point.effectiveOn || (seen.effectiveOn === point.effectiveOn && seen.createdAt <= point.createdAt)) {
      last.set(point.riskId, point);
    }
  }
  const out = new Map<string, RiskScoreDto>();
  for (const [riskId, point] of last) if (point.source !== 'closed') out.set(riskId, point.current);
  return out;
}

/** `likelihood 4 × impact 3 (12, High)`: a cell named in words, so a reader never depends on its colour. */
export function cellName(s: RiskScoreDto): string {
  if (s.likelihood == null || s.impact == null) return s.score != null ? `a legacy score of ${s.score}` : 'no score';
  const band = riskBand(s.likelihood * s.impact);
  return `likelihood ${s.likelihood} ${LIKELIHOOD[s.likelihood as RiskRating]} × impact ${s.impact} ${IMPACT[s.impact as RiskRating]} (${s.likelihood * s.impact}, ${band.label})`;
}

const placed = (s: RiskScoreDto | undefined): s is RiskScoreDto & { likelihood: number; impact: number } =>
  !!s && s.likelihood != null && s.impact != null;

interface CellMark {
  reference: string;
  arrow: string;
  /** Read aloud / printed beside the arrow: "SN/02 down". */
  label: string;
}

/** What the "last board vs this board" section draws: two 5×5 maps of the open risks and every movement between them. */
export interface BoardComparisonView {
  lastBoard: { title: string; date: string; dateLong: string } | null;
  impactLabels: string[];
  maps: Array<{
    title: string;
    rows: Array<{
      label: string;
      cells: Array<{ count: number; band: string; colour: string; textColour: string; marks: CellMark[] }>;
    }>;
  }>;
  movements: Array<{ reference: string; description: string; movement: Movement; arrow: string; from: string; to: string; text: string }>;
  unchanged: number;
  intro: string;
}

/**
 * The open risks now against the same risks as they stood at the last board meeting (scores from the history),
 * each risk that moved named with its arrow (↑ up, ↓ down, → across the map at the same score, + new since then) and
 * the cells it left and entered in words.
 */
export function boardComparison(
  risks: ComparedRisk[],
  history: ScoreHistoryPoint[],
  lastBoard: { title: string; date: string } | null,
): BoardComparisonView {
  const impactLabels = RATINGS.map((i) => `${i} ${IMPACT[i]}`);
  const then = lastBoard ? scoresAsAt(history, lastBoard.date) : new Map<string, RiskScoreDto>();
  const movements: BoardComparisonView['movements'] = [];
  const markOf = new Map<string, CellMark>();
  let unchanged = 0;
  if (lastBoard) {
    for (const r of risks) {
      const before = then.get(r.id);
      const now = r.current;
      let movement: Movement | null;
      if (!before) movement = 'new';
      else if (before.likelihood === now.likelihood && before.impact === now.impact && before.score === now.score) movement = null;
      else movement = (now.score ?? 0) > (before.score ?? 0) ? 'up' : (now.score ?? 0) < (before.score ?? 0) ? 'down' : 'across';
      if (!movement) {
        unchanged++;
        continue;
      }
      const arrow = MOVEMENT_ARROWS[movement];
      const words = { up: 'Up', down: 'Down', across: 'Moved across at the same score', new: 'New since the last board' }[movement];
      const text =
        movement === 'new'
          ? `New since the last board: now at ${cellName(now)}`
          : `${words}: from ${cellName(before as RiskScoreDto)} to ${cellName(now)}`;
      movements.push({
        reference: r.reference,
        description: r.description,
        movement,
        arrow,
        from: before ? String(before.score ?? '–') : '—',
        to: String(now.score ?? '–'),
        text,
      });
      markOf.set(r.id, { reference: r.reference, arrow, label: `${r.reference} ${movement === 'new' ? 'new' : movement}` });
    }
  }
  const grid = (title: string, scoreOf: (r: ComparedRisk) => RiskScoreDto | undefined, marks: boolean) => ({
    title,
    rows: [...RATINGS].reverse().map((l) => ({
      label: `${l} ${LIKELIHOOD[l]}`,
      cells: RATINGS.map((i) => {
        const band = RISK_BANDS[riskBand(l * i).id];
        const here = risks.filter((r) => {
          const s = scoreOf(r);
          return placed(s) && s.likelihood === l && s.impact === i;
        });
        return {
          count: here.length,
          band: band.label,
          colour: band.colour,
          textColour: band.textColour,
          marks: marks ? here.flatMap((r) => (markOf.has(r.id) ? [markOf.get(r.id) as CellMark] : [])) : [],
        };
      }),
    })),
  });
  const dateLong = lastBoard ? formatIsoDateLong(lastBoard.date) : '';
  return {
    lastBoard: lastBoard ? { ...lastBoard, dateLong } : null,
    impactLabels,
    maps: lastBoard
      ? [grid(`At the last board (${dateLong})`, (r) => then.get(r.id), false), grid('Now, for this board', (r) => r.current, true)]
      : [],
    movements,
    unchanged,
    intro: lastBoard
      ? `The open risks as they stood at ${lastBoard.title} on ${dateLong} (from their score history) and now. ` +
        `${movements.length ? `${movements.length} ${movements.length === 1 ? 'moved or is' : 'moved or are'} new;` : 'None moved;'} ${unchanged} did not move.`
      : 'The board has not met before today: there is no earlier board to compare with.',
  };
}
