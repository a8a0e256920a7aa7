import type {
  TimescaleDto,
  WorkItemDto,
  WorkItemHistoryEntryDto,
  WorkItemLeadDto,
  WorkItemRowDto,
  WorkItemSummaryDto,
  WorkPlanChangeDto,
  WorkPlanDto,
  WorkPlanObjectiveDto,
  WorkPlanSummaryDto,
  WorkPlanThemeDto,
} from '@plexus/contracts';
import { can, type ParsedTimescale } from '@plexus/domain';
import type { WorkItemProgress, WorkItemRow, WorkPlan, WorkPlanChange, WorkPlanObjective, WorkPlanTheme } from '@plexus/server';
import { countsOfSummaries, itemState, leadLabel, mayProgress, quarterOf, type Viewer } from './work-plan-view';

/** The work plan's rows and entities as the API answers them: every work plan response is built here. */

export function toPlanSummary(plan: WorkPlan, counts: WorkPlanSummaryDto['counts']): WorkPlanSummaryDto {
  return {
    id: plan.id,
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    status: plan.status,
    approvedOn: plan.approvedOn,
    counts,
  };
}

/** The plan as a tree: themes → (items, objectives → items), with counts and RAG roll-ups at each level. */
export function toPlanDto(
  plan: WorkPlan,
  parts: {
    themes: WorkPlanTheme[];
    objectives: WorkPlanObjective[];
    rows: WorkItemRow[];
    approvedBy: string | null;
    rolledFrom: WorkPlan | null;
    rolledInto: WorkPlan | null;
  },
  viewer: Viewer,
): WorkPlanDto {
  const items = parts.rows.map((row) => toItemSummary(row, viewer));
  const themes: WorkPlanThemeDto[] = parts.themes.map((theme) => {
    const own = items.filter((i) => i.themeId === theme.id);
    const objectives: WorkPlanObjectiveDto[] = parts.objectives
      .filter((o) => o.themeId === theme.id)
      .map((o) => {
        const under = own.filter((i) => i.objectiveId === o.id);
        return { id: o.id, themeId: theme.id, number: o.number, title: o.title, counts: countsOfSummaries(under), items: under };
      });
    return {
      id: theme.id,
      title: theme.title,
      description: theme.description,
      counts: countsOfSummaries(own),
      items: own.filter((i) => i.objectiveId === null),
      objectives,
    };
  });
  return {
    ...toPlanSummary(plan, countsOfSummaries(items)),
    approvedBy: parts.approvedBy,
    approvalNote: plan.approvalNote,
    rolledFrom: parts.rolledFrom ? { id: parts.rolledFrom.id, title: parts.rolledFrom.title } : null,
    rolledInto: parts.rolledInto ? { id: parts.rolledInto.id, title: parts.rolledInto.title } : null,
    version: plan.version,
    asOf: viewer.today,
    themes,
    can: { edit: can(viewer.role, 'plan.edit'), progress: can(viewer.role, 'plan.progress') },
  };
}

export function toPlanChangeDto(c: WorkPlanChange): WorkPlanChangeDto {
  return {
    id: c.id,
    at: c.createdAt.toISOString(),
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    subjectLabel: c.subjectLabel,
    action: c.action,
    changes: c.changes,
    reason: c.reason,
    actor: c.actorName,
  };
}

/** An item's history: progress updates (by their date) and tracked changes (by when they were made), newest first. */
export function toItemHistory(progress: WorkItemProgress[], changes: WorkPlanChange[]): WorkItemHistoryEntryDto[] {
  const history: Array<WorkItemHistoryEntryDto & { sortKey: string }> = [
    ...progress.map((p) => ({
      kind: 'progress' as const,
      id: p.id,
      on: p.onDate,
      at: p.createdAt.toISOString(),
      status: p.status,
      narrative: p.narrative,
      author: p.authorName,
      sortKey: `${p.onDate}|${p.createdAt.toISOString()}`,
    })),
    ...changes.map((c) => ({
      kind: 'change' as const,
      id: c.id,
      at: c.createdAt.toISOString(),
      action: c.action,
      changes: c.changes,
      reason: c.reason,
      author: c.actorName,
      sortKey: `${c.createdAt.toISOString().slice(0, 10)}|${c.createdAt.toISOString()}`,
    })),
  ];
  history.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  return history.map(({ sortKey: _s, ...entry }) => entry as WorkItemHistoryEntryDto);
}

/** One item with its place, its history and what the viewer may do with it. */
export function toItemDto(
  row: WorkItemRow,
  viewer: Viewer,
  plan: WorkPlan,
  history: { progress: WorkItemProgress[]; changes: WorkPlanChange[] },
): WorkItemDto {
  const dto = toItemRow(row, viewer);
  return {
    ...dto,
    planStatus: plan.status,
    history: toItemHistory(history.progress, history.changes),
    can: { edit: can(viewer.role, 'plan.edit'), progress: dto.canProgress },
    asOf: viewer.today,
  };
}

export function toLeadDto(lead: { id: string; userId: string | null; title: string; name: string | null }): WorkItemLeadDto {
  return { id: lead.id, userId: lead.userId, name: lead.name, title: lead.title, label: leadLabel(lead) };
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
    carriedFrom: row.carriedFrom ?? null,
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
