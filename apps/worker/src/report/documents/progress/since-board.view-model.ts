import {
  chooseMeetings,
  formatIsoDateLong,
  isoDateInZone,
  itemStatusWords,
  RAG_INFO,
  RISK_BAND_IDS,
  RISK_BANDS,
  RISK_MOVEMENT_WORDS,
  riskMovements,
  targetMoveWords,
  timescaleDue,
  WORK_ITEM_STATUS_LABELS,
  workItemMovements,
  type IsoDate,
  type MeetingChoice,
  type MeetingChoiceInput,
  type MeetingRef,
  type RiskMovement,
  type RiskScoreEvent,
  type RiskStateAt,
  type WorkItemHistory,
  type WorkItemStateAt,
} from '@plexus/domain';
import { BoardMeetingRepository, RiskRepository, WorkPlanRepository, type WorkPlanWithItems } from '@plexus/server';
import type { TagView } from '../shared/view-model';

/**
 * "Since the last board": what changed between two board meetings, read from the history the product keeps — dated
 * progress updates, the approved plan's tracked changes, and the risk register's score history — with the domain's
 * readings of it (`workItemMovements`, `riskMovements`). Every change is said in words, never by colour alone.
 */

export interface SinceBoardCell {
  text: string;
  /** Printed bold (the movement arrows). */
  strong?: boolean;
  tag?: TagView;
  note?: string;
}

export interface SinceBoardGroup {
  title: string;
  count: number;
  columns: string[];
  rows: Array<{ cells: SinceBoardCell[] }>;
}

export interface SinceBoardData {
  /** What is compared, in words; or why nothing is. */
  intro: string;
  /** Set when nothing could be compared (fewer than two meetings, or a chosen meeting gone). */
  message: string | null;
  groups: SinceBoardGroup[];
}

/** What the builder reads, gathered by `loadSinceBoard` (or made by a spec). */
export interface SinceBoardInput {
  choice: MeetingChoice;
  today: IsoDate;
  planPeriodStart: IsoDate;
  items: Array<{ id: string; ref: string; work: string; history: WorkItemHistory }>;
  risks: Array<{ id: string; reference: string; description: string }>;
  riskEvents: RiskScoreEvent[];
}

/** An item's colour on a day, in the words the web app uses: `Amber – Overdue (reported on track)`. */
function itemTag(state: WorkItemStateAt): TagView {
  const i = RAG_INFO[state.rag.rag];
  return {
    label: itemStatusWords({ rag: state.rag.rag, status: state.status, escalated: state.rag.escalated }),
    colour: i.colour,
    textColour: i.textColour,
  };
}

function scoreText(state: RiskStateAt | null): SinceBoardCell {
  const score = state?.score ?? null;
  if (!state || score === null) return { text: '—' };
  const band = RISK_BAND_IDS.map((id) => RISK_BANDS[id]).find((b) => score >= b.min && score <= b.max);
  const how = state.likelihood != null && state.impact != null ? `${state.likelihood} × ${state.impact}` : 'from an older register';
  return band ? { text: `${score} (${band.label})`, note: how } : { text: String(score), note: how };
}

const meetingName = (m: MeetingRef) => `the ${m.title} on ${formatIsoDateLong(m.meetingDate)}`;

function targetText(s: WorkItemStateAt | null): string {
  if (!s) return '—';
  if (s.due && s.timescaleText) return `${s.timescaleText} (${formatIsoDateLong(s.due)})`;
  return s.timescaleText || (s.due ? formatIsoDateLong(s.due) : 'No target');
}

/** The section's data from what was read: pure, so the spec can check every group. */
export function sinceBoardData(input: SinceBoardInput): SinceBoardData {
  const { choice } = input;
  if (choice.kind === 'too_few') {
    const held =
      choice.held === 0
        ? 'The network has no board meeting recorded on or before today'
        : 'The network has only one board meeting recorded on or before today';
    return {
      intro: '',
      message:
        `${held}, so there are not two meetings to compare. Record the board's meetings in Plexus (Board meetings), ` +
        `or ask for the report again choosing the meeting to compare from: changes are then shown from that meeting up to today.`,
      groups: [],
    };
  }
  if (choice.kind === 'refused') {
    return {
      intro: '',
      message: `The board meetings chosen for this comparison cannot be used any more (${choice.message.charAt(0).toLowerCase()}${choice.message.slice(1)}). Ask for the report again choosing two of the board's meetings.`,
      groups: [],
    };
  }
  const from = choice.since.meetingDate;
  const to = choice.toDate;
  const toWords = choice.toIsUpcoming ? `today, ${formatIsoDateLong(to)} (${meetingName(choice.to)} is still to come)` : meetingName(choice.to);
  const onFrom = `on ${formatIsoDateLong(from)}`;
  const onTo = choice.toIsUpcoming ? `today, ${formatIsoDateLong(to)}` : `on ${formatIsoDateLong(to)}`;
  const cap = (t: string) => `${t.charAt(0).toUpperCase()}${t.slice(1)}`;
  const intro =
    `What changed between ${meetingName(choice.since)} and ${toWords}: the plan and the risk register as they stood at the end of each day, ` +
    `from the dated progress updates, the tracked changes to the approved plan and the history of every risk score.`;

  const readDue = (text: string) => timescaleDue(text, input.planPeriodStart);
  const moves = workItemMovements(
    input.items.map((i) => i.history),
    from,
    to,
    readDue,
  );
  const item = new Map(input.items.map((i) => [i.id, i]));
  const itemCells = (id: string): SinceBoardCell[] => {
    const i = item.get(id);
    return [{ text: i?.ref ?? '' }, { text: i?.work ?? '' }];
  };

  const groups: SinceBoardGroup[] = [];
  groups.push({
    title: 'Work items whose status changed',
    count: moves.bragChanged.length,
    columns: ['Item', 'Work', cap(onFrom), cap(onTo), 'Why'],
    rows: moves.bragChanged.map((c) => ({
      cells: [
        ...itemCells(c.id),
        { text: '', tag: itemTag(c.from ?? c.to) },
        { text: '', tag: itemTag(c.to), note: `${RAG_INFO[(c.from ?? c.to).rag.rag].label} → ${RAG_INFO[c.to.rag.rag].label}` },
        {
          text: c.to.rag.slipped
            ? (c.to.rag.reason ?? '')
            : c.from?.rag.slipped && c.from.status === c.to.status && c.to.status !== 'complete'
              ? `Target moved to ${targetText(c.to)}: no longer past it`
              : c.to.statusOn
                ? `Progress update of ${formatIsoDateLong(c.to.statusOn)}: ${WORK_ITEM_STATUS_LABELS[c.to.status].toLowerCase()}`
                : WORK_ITEM_STATUS_LABELS[c.to.status],
        },
      ],
    })),
  });
  groups.push({
    title: 'Completed',
    count: moves.completed.length,
    columns: ['Item', 'Work', 'Marked complete on'],
    rows: moves.completed.map((c) => ({ cells: [...itemCells(c.id), { text: c.completedOn ? formatIsoDateLong(c.completedOn) : '—' }] })),
  });
  groups.push({
    // "Slipped" is a target that moved later; "overdue" one that passed (the status vocabulary's words).
    title: 'Slipped or overdue',
    count: moves.slipped.length,
    columns: ['Item', 'Work', `Target ${onFrom}`, `Target ${onTo}`, 'What happened'],
    rows: moves.slipped.map((s) => ({
      cells: [
        ...itemCells(s.id),
        { text: targetText(s.from) },
        { text: targetText(s.to) },
        {
          text: [
            s.movedDays > 0 ? (targetMoveWords(s.movedDays) ?? '') : '',
            s.passed && s.to.due ? `Overdue: target of ${formatIsoDateLong(s.to.due)} passed and not complete` : '',
          ]
            .filter(Boolean)
            .join('; '),
        },
      ],
    })),
  });
  groups.push({
    title: 'New work items',
    count: moves.added.length,
    columns: ['Item', 'Work', 'Target', `Status ${onTo}`],
    rows: moves.added.map((a) => ({ cells: [...itemCells(a.id), { text: targetText(a.to) }, { text: '', tag: itemTag(a.to) }] })),
  });

  const risk = new Map(input.risks.map((r) => [r.id, r]));
  const movements = riskMovements(input.riskEvents, from, to).sort((a, b) =>
    (risk.get(a.riskId)?.reference ?? '').localeCompare(risk.get(b.riskId)?.reference ?? '', 'en', { numeric: true }),
  );
  const riskCells = (m: RiskMovement): SinceBoardCell[] => {
    const r = risk.get(m.riskId);
    return [{ text: r?.reference ?? '' }, { text: r?.description ?? '' }];
  };
  const opened = movements.filter((m) => m.kind === 'new' || m.kind === 'reopened');
  groups.push({
    title: 'New and re-opened risks',
    count: opened.length,
    columns: ['Ref', 'Risk', 'Change', `Score ${onTo} (likelihood × impact)`],
    rows: opened.map((m) => ({
      cells: [...riskCells(m), { text: `${RISK_MOVEMENT_WORDS[m.kind].arrow} ${RISK_MOVEMENT_WORDS[m.kind].words}`, strong: true }, scoreText(m.to)],
    })),
  });
  const closed = movements.filter((m) => m.kind === 'closed');
  groups.push({
    title: 'Closed risks',
    count: closed.length,
    columns: ['Ref', 'Risk', `Score ${onFrom} (likelihood × impact)`, 'Score when closed'],
    rows: closed.map((m) => ({ cells: [...riskCells(m), scoreText(m.from), scoreText(m.to)] })),
  });
  const moved = movements.filter((m) => m.kind === 'up' || m.kind === 'down');
  groups.push({
    title: 'Risks whose score moved',
    count: moved.length,
    columns: ['Ref', 'Risk', 'Movement', `Score ${onFrom} (likelihood × impact)`, `Score ${onTo}`],
    rows: moved.map((m) => ({
      cells: [
        ...riskCells(m),
        { text: `${RISK_MOVEMENT_WORDS[m.kind].arrow} ${RISK_MOVEMENT_WORDS[m.kind].words}`, strong: true },
        scoreText(m.from),
        scoreText(m.to),
      ],
    })),
  });
  return { intro, message: null, groups };
}

/**
 * Reads what the section needs inside the network's context: its meetings, the plan's items with every progress
 * update and tracked change, and the risk register with its score history (a handful of statements whatever the size).
 */
export async function loadSinceBoard(options: MeetingChoiceInput, loaded: WorkPlanWithItems, today: IsoDate): Promise<SinceBoardInput> {
  const meetings = (await new BoardMeetingRepository().meetings()).map((m) => ({ id: m.id, meetingDate: m.meetingDate, title: m.title }));
  const choice = chooseMeetings(meetings, today, options);
  const base = { choice, today, planPeriodStart: loaded.plan.periodStart, items: [], risks: [], riskEvents: [] };
  if (choice.kind !== 'pair') return base;
  const plans = new WorkPlanRepository();
  const rows = loaded.items.map((i) => i.item);
  // One connection per job: the statements run one after another.
  const progress = new Map<string, WorkItemHistory['progress'][number][]>();
  for (const p of await plans.progressOf(rows.map((r) => r.id)))
    progress.set(p.itemId, [...(progress.get(p.itemId) ?? []), { onDate: p.onDate, status: p.status, createdAt: p.createdAt }]);
  const changes = (await plans.planChanges(loaded.plan.id)).filter(
    (c) => c.subjectType === 'item' && c.action === 'update' && c.changes['timescale'],
  );
  const riskRepo = new RiskRepository();
  const risks = await riskRepo.all('all');
  const history = await riskRepo.historyOf(risks.map((r) => r.id));
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    ...base,
    items: rows.map((row) => ({
      id: row.id,
      ref: row.reference || `${row.themeNo}.${row.itemNo}`,
      work: row.work,
      history: {
        id: row.id,
        createdOn: isoDateInZone(new Date(row.createdAt)),
        timescaleText: row.timescaleText,
        progress: progress.get(row.id) ?? [],
        timescaleChanges: changes
          .filter((c) => c.subjectId === row.id)
          .map((c) => ({
            on: isoDateInZone(c.createdAt),
            from: text(c.changes['timescale'].from),
            to: text(c.changes['timescale'].to),
            createdAt: c.createdAt,
          })),
      },
    })),
    risks: risks.map((r) => ({ id: r.id, reference: r.reference, description: r.description })),
    riskEvents: history.map((h) => ({
      riskId: h.riskId,
      effectiveOn: h.effectiveOn,
      source: h.source,
      likelihoodAfter: h.likelihoodAfter,
      impactAfter: h.impactAfter,
      legacyScoreAfter: h.legacyScoreAfter,
      createdAt: h.createdAt,
    })),
  };
}
