import type {
  RagCountsDto,
  TimescaleDto,
  WorkItemLeadDto,
  WorkItemRowDto,
  WorkItemSummaryDto,
  WorkPlanCountsDto,
} from '@plexus/contracts';
import {
  RAG_SEVERITY,
  assessRag,
  financialQuarterOf,
  targetChange,
  type MembershipRole,
  type ParsedTimescale,
  type Rag,
  type WorkItemStatus,
} from '@plexus/domain';
import type { WorkItemRow } from './work-plan.repository';

/** Who is looking, and on which day: colours and slippage depend on the date; what they may do on their role. */
export interface Viewer {
  userId: string;
  role: MembershipRole | null;
  today: string;
}

export function leadLabel(lead: { title: string; name: string | null }): string {
  if (lead.title && lead.name) return `${lead.title} (${lead.name})`;
  return lead.title || lead.name || '';
}

export function toLeadDto(lead: { id: string; userId: string | null; title: string; name: string | null }): WorkItemLeadDto {
  return { id: lead.id, userId: lead.userId, name: lead.name, title: lead.title, label: leadLabel(lead) };
}

/** A lead may record progress on the items they lead; a manager on any. */
export function mayProgress(viewer: Viewer, leads: Array<{ userId: string | null }>): boolean {
  if (viewer.role === 'manager') return true;
  return viewer.role === 'lead' && leads.some((l) => l.userId === viewer.userId);
}

export function toTimescaleDto(parsed: ParsedTimescale, flag: string | null, original: { text: string; due: string | null }): TimescaleDto {
  return {
    text: parsed.original,
    label: parsed.label,
    kind: parsed.kind,
    start: parsed.start ?? null,
    end: parsed.end ?? null,
    due: parsed.due ?? null,
    flag,
    milestones: parsed.milestones.map((m) => ({ label: m.label, end: m.end, ...(m.note ? { note: m.note } : {}) })),
    original,
  };
}

/** `2023-Q4` / `Q4 2023/24` for a due date. */
export function quarterOf(due: string | null): { key: string; label: string } | null {
  if (!due) return null;
  const q = financialQuarterOf(due);
  return { key: `${q.fyStartYear}-Q${q.quarter}`, label: q.label };
}

/** The state of an item today: colour (with dates), lateness, and how far its target moved. */
export function itemState(status: WorkItemStatus, dueOn: string | null, originalDueOn: string | null, today: string) {
  const assessed = assessRag(status, dueOn, today);
  const moved = targetChange(originalDueOn, dueOn);
  const finished = status === 'complete' || status === 'deferred';
  const late = { slipped: assessed.slipped, daysLate: assessed.daysLate };
  return {
    rag: assessed.rag,
    ragReason: assessed.reason ?? null,
    late,
    targetMoved: moved,
    slipped: late.slipped || (!finished && moved.days > 0),
  };
}

export function toItemSummary(row: WorkItemRow, viewer: Viewer): WorkItemSummaryDto {
  const leads = row.leads.map(toLeadDto);
  const state = itemState(row.status, row.dueOn, row.originalDueOn, viewer.today);
  return {
    id: row.id,
    planId: row.planId,
    themeId: row.themeId,
    objectiveId: row.objectiveId,
    ref: row.reference || `${row.themeNo}.${row.itemNo}`,
    work: row.work,
    measures: row.measures,
    steps: row.steps,
    leads,
    timescale: toTimescaleDto(row.timescale, row.timescaleFlag, { text: row.originalTimescaleText, due: row.originalDueOn }),
    dueQuarter: quarterOf(row.dueOn),
    status: row.status,
    statusOn: row.statusOn,
    ...state,
    latestUpdate: row.latest ? { ...row.latest, on: String(row.latest.on).slice(0, 10) } : null,
    canProgress: mayProgress(viewer, leads),
    version: row.version,
  };
}

export function toItemRow(row: WorkItemRow, viewer: Viewer): WorkItemRowDto {
  return {
    ...toItemSummary(row, viewer),
    theme: { id: row.themeId, title: row.themeTitle },
    objective: row.objectiveId ? { id: row.objectiveId, number: row.objectiveNumber ?? '', title: row.objectiveTitle ?? '' } : null,
    plan: { id: row.planId, title: row.planTitle },
  };
}

/** Counts and the RAG roll-up of a set of items (a theme, an objective, a plan). */
export function countsOf(items: Array<{ rag: Rag; slipped: boolean; status: WorkItemStatus; timescaleFlagged: boolean }>): WorkPlanCountsDto {
  const rag: RagCountsDto = { blue: 0, green: 0, amber: 0, red: 0, grey: 0 };
  let worst: Rag | null = null;
  let slipped = 0;
  let flagged = 0;
  let complete = 0;
  for (const item of items) {
    rag[item.rag] += 1;
    if (worst === null || RAG_SEVERITY[item.rag] > RAG_SEVERITY[worst]) worst = item.rag;
    if (item.slipped) slipped += 1;
    if (item.timescaleFlagged) flagged += 1;
    if (item.status === 'complete') complete += 1;
  }
  return { items: items.length, rag, worst, slipped, flagged, complete };
}

export function countsOfSummaries(items: WorkItemSummaryDto[]): WorkPlanCountsDto {
  return countsOf(items.map((i) => ({ rag: i.rag, slipped: i.slipped, status: i.status, timescaleFlagged: i.timescale.flag !== null })));
}
