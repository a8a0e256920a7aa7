import {
  assessRag,
  formatIsoDateLong,
  itemStatusWords,
  overdueWords,
  RAG_INFO,
  RAG_SEVERITY,
  RAGS,
  targetChange,
  targetMoveWords,
  type Rag,
} from '@plexus/domain';
import { WorkPlanRepository } from '@plexus/server';
import { UnrecoverableError } from 'bullmq';
import { loadNetworkView } from '../shared/network-view';
import { loadSinceBoard, sinceBoardData } from './since-board.view-model';
import { documentViewModel, type DocumentViewModel, type ReportRequestOf, type SectionView, type TagView } from '../shared/view-model';

export interface ProgressReportOptions {
  planId?: string;
  /** "Since the last board": the meetings compared (the last two held when omitted). */
  sinceMeetingId?: string;
  toMeetingId?: string;
}

const ORDER: Rag[] = ['red', 'amber', 'green', 'blue', 'grey'];

function tag(rag: Rag): TagView {
  const i = RAG_INFO[rag];
  return { label: `${i.label} – ${i.meaning}`, colour: i.colour, textColour: i.textColour };
}

/** Stacked bars, one per theme, of item counts by BRAG colour: geometry for the SVG in the template. */
export function statusChart(themes: Array<{ title: string; counts: Record<Rag, number> }>) {
  const labelWidth = 190;
  const barWidth = 390;
  const barHeight = 16;
  const gap = 10;
  const bars = themes.map((t, i) => {
    const total = ORDER.reduce((n, r) => n + t.counts[r], 0);
    const y = 6 + i * (barHeight + gap);
    let x = labelWidth;
    const segments = ORDER.filter((r) => t.counts[r] > 0).map((r) => {
      const width = total ? (t.counts[r] / total) * barWidth : 0;
      const seg = {
        x: round(x),
        y,
        width: round(width),
        height: barHeight,
        colour: RAG_INFO[r].colour,
        textColour: RAG_INFO[r].textColour,
        count: t.counts[r],
        showCount: width >= 14,
        textX: round(x + width / 2),
        textY: y + 11.5,
        title: `${t.title}: ${t.counts[r]} ${RAG_INFO[r].meaning.toLowerCase()}`,
      };
      x += width;
      return seg;
    });
    return { label: t.title.length > 34 ? `${t.title.slice(0, 33)}…` : t.title, textY: y + 11.5, segments };
  });
  // The legend flows from the left edge and wraps to another line before a label would run past the chart's right edge
  // (label widths estimated generously: 0.56 em a character at 8 units), so no label is ever cut, whatever its words.
  const width = labelWidth + barWidth + 10;
  let legendY = 6 + themes.length * (barHeight + gap) + 4;
  let x = 0;
  const legend = ORDER.map((r) => {
    const label = RAG_INFO[r].meaning;
    const itemWidth = 11 + label.length * 8 * 0.56 + 20;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      legendY += 14;
    }
    const entry = { x: round(x), y: legendY, textX: round(x + 11), textY: legendY + 7.5, colour: RAG_INFO[r].colour, label };
    x += itemWidth;
    return entry;
  });
  return { width, height: legendY + 16, bars, legend, label: 'Status of work items by theme' };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A work item's line in a progress report table (see progress-items.hbs). */
export interface ProgressRow {
  /** The item's number: its own reference, or theme.item in the plan ("2.3"). */
  ref: string;
  themeId?: string;
  rag: Rag;
  severity?: number;
  daysLate?: number;
  tag: TagView;
  objective: string;
  work: string;
  measures: string[];
  leads: string;
  target: string;
  slipped: string;
  moved: string;
  update: { on: string; author: string; narrative: string } | null;
}

/**
 * A theme's items as its table prints them: each objective once, as a heading row above its items, instead of on every
 * line (the exceptions table, which mixes themes, keeps the objective on each line).
 */
export function byObjective(rows: ProgressRow[]): Array<ProgressRow & { objectiveHeading: string }> {
  let previous: string | null = null;
  return rows.map((row) => {
    const heading = row.objective !== previous ? row.objective : '';
    previous = row.objective;
    return { ...row, objectiveHeading: heading, objective: '' };
  });
}

/** The progress report's sections: summary with the chart, exceptions and overdue items first, then every theme's items. */
export async function progressSections(
  options: ProgressReportOptions,
  today: string,
): Promise<{ sections: Array<Omit<SectionView, 'number' | 'id'>>; facts: Array<{ label: string; value: string }>; planTitle: string }> {
  // The work plan's own repository: the same queries the API's plan pages use.
  const loaded = await new WorkPlanRepository().planWithItems(options.planId);
  if (!loaded)
    throw new UnrecoverableError(
      options.planId ? 'That plan is not in this network' : 'This network has no work plan yet: create or import one first',
    );
  const { plan, themes } = loaded;

  const rows = loaded.items.map(
    ({ item, objective, leads, latest: u }): ProgressRow & { themeId: string; severity: number; daysLate: number; itemNo: number } => {
      const a = assessRag(item.status, item.dueOn, today);
      const itemLeads = leads.map((l) => (l.name ? (l.title ? `${l.title} (${l.name})` : l.name) : l.title));
      const move = targetChange(item.originalDueOn, item.dueOn);
      const moved =
        item.originalDueOn && item.dueOn && move.moved
          ? (targetMoveWords(move.days, item.originalTimescaleText || formatIsoDateLong(item.originalDueOn)) ?? '')
          : '';
      return {
        ref: item.reference || `${item.themeNo}.${item.itemNo}`,
        itemNo: item.itemNo,
        themeId: item.themeId,
        rag: a.rag,
        severity: RAG_SEVERITY[a.rag],
        daysLate: a.daysLate,
        // The one vocabulary the web app uses too: `Amber – Overdue (reported on track)`.
        tag: { ...tag(a.rag), label: itemStatusWords({ rag: a.rag, status: item.status, escalated: a.escalated }) },
        objective: objective ? `Objective ${objective.number ? objective.number + ': ' : ''}${objective.title}` : '',
        work: item.work,
        measures: item.measures.filter((m) => m.trim()),
        leads: itemLeads.join(', ') || '—',
        target: item.timescaleText || (item.dueOn ? formatIsoDateLong(item.dueOn) : '—'),
        slipped: overdueWords(a.daysLate),
        moved,
        update: u ? { on: formatIsoDateLong(u.onDate), author: u.authorName, narrative: u.narrative } : null,
      };
    },
  );
  const countsOf = (list: typeof rows) => Object.fromEntries(RAGS.map((r) => [r, list.filter((x) => x.rag === r).length])) as Record<Rag, number>;
  const themeRows = themes.map((t) => {
    // In the plan's numbering (objective by objective), so each objective heads its items once.
    const list = rows.filter((r) => r.themeId === t.id).sort((x, y) => x.itemNo - y.itemNo);
    const counts = countsOf(list);
    return { title: t.title, counts, list, slipped: list.filter((r) => r.slipped).length, total: list.length };
  });
  const totals = countsOf(rows);
  const sinceBoard = sinceBoardData(await loadSinceBoard(options, loaded, today));
  const exceptions = rows
    .filter((r) => r.rag === 'red' || r.rag === 'amber' || r.slipped)
    .sort((a, b) => b.severity - a.severity || b.daysLate - a.daysLate);

  const sections: Array<Omit<SectionView, 'number' | 'id'>> = [
    {
      title: 'Summary',
      partial: 'progressSummary',
      data: {
        total: rows.length,
        slippedCount: rows.filter((r) => r.slipped).length,
        totals: ORDER.map((r) => ({ ...tag(r), count: totals[r] })),
        columns: ORDER.map((r) => RAG_INFO[r].meaning),
        themes: themeRows.map((t) => ({ title: t.title, counts: ORDER.map((r) => t.counts[r]), slipped: t.slipped, total: t.total })),
        chart: statusChart(themeRows),
      },
    },
    { title: 'Since the last board', partial: 'progressSinceBoard', data: sinceBoard },
    {
      title: 'Exceptions and overdue items',
      partial: 'progressItems',
      data: {
        intro: 'Items off track or at risk, and overdue items (past their target and not complete): worst first.',
        rows: exceptions,
        empty: 'No exceptions: every item is on track, complete, not yet due or deferred.',
      },
    },
    // Each theme follows the one before on its page, breaking between items where it must.
    ...themeRows.map((t) => ({
      title: t.title,
      partial: 'progressItems',
      data: { intro: '', rows: byObjective(t.list), empty: 'No work items under this theme.' },
      follow: true,
    })),
  ];
  return {
    sections,
    planTitle: plan.title,
    facts: [
      { label: 'Plan', value: plan.title },
      { label: 'Period', value: `${formatIsoDateLong(plan.periodStart)} – ${formatIsoDateLong(plan.periodEnd)}` },
      {
        label: 'Status of plan',
        value: plan.status === 'approved' && plan.approvedOn ? `Approved by the board on ${formatIsoDateLong(plan.approvedOn)}` : 'Draft',
      },
    ],
  };
}

/** The whole progress report: the network's branding, a title page naming the plan, and the sections above. */
export async function buildProgressDocument(request: ReportRequestOf<'progress'>, title: string): Promise<DocumentViewModel> {
  const { network, brand, today, todayLong } = await loadNetworkView();
  const inner = await progressSections(request.options, today);
  return documentViewModel(
    'progress',
    { network, brand, todayLong },
    { title, subtitle: `Progress against ${inner.planTitle}, as at ${todayLong}`, facts: inner.facts, sections: inner.sections, coverSheet: null },
  );
}
