import { z } from 'zod';
import { MEMBERSHIP_ROLES, planPeriodProblem, RAGS } from '@plexus/domain';
import { day, fieldChanges, id, timestamp } from '../response-fields';
import { isoDate, prose, reasonField, requiredProse, requiredText, text } from './fields';
import { workItemSummaryDtoSchema } from './item.dto';

export const WORK_PLAN_STATUSES = ['draft', 'approved'] as const;
export type WorkPlanStatusValue = (typeof WORK_PLAN_STATUSES)[number];

const period = {
  title: requiredText(200, 'Title', 'Enter a title for the plan, like Objectives and work plan 2023–25'),
  periodStart: isoDate('start of the period'),
  periodEnd: isoDate('end of the period'),
};

/** A sensible period (see `planPeriodProblem`: start before end, years 2000–2100, at most five years), naming the field. */
export function periodInOrder<T extends { periodStart?: string; periodEnd?: string }>(value: T, ctx: z.RefinementCtx): void {
  if (!value.periodStart || !value.periodEnd) return;
  const problem = planPeriodProblem(value.periodStart, value.periodEnd);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

export const createWorkPlanSchema = z.object(period).superRefine(periodInOrder);
export type CreateWorkPlanRequest = z.input<typeof createWorkPlanSchema>;

export const updateWorkPlanSchema = z
  .object({ title: period.title.optional(), periodStart: period.periodStart.optional(), periodEnd: period.periodEnd.optional(), reason: reasonField })
  .superRefine(periodInOrder);
export type UpdateWorkPlanRequest = z.input<typeof updateWorkPlanSchema>;

export const approveWorkPlanSchema = z.object({
  approvedOn: isoDate('date the board approved the plan', { notInFuture: true }),
  note: prose(2000, 'The note').default(''),
});
export type ApproveWorkPlanRequest = z.input<typeof approveWorkPlanSchema>;

/** Deleting from an approved plan needs a reason, like any other change to it. */
export const deleteWithReasonSchema = z.object({ reason: reasonField });
export type DeleteWithReasonRequest = z.input<typeof deleteWithReasonSchema>;

export const themeSchema = z.object({
  title: requiredText(300, 'Title', 'Enter the theme, like Function 4 – Quality'),
  description: prose(4000, 'Description').default(''),
  reason: reasonField,
});
export type ThemeRequest = z.input<typeof themeSchema>;
export const updateThemeSchema = themeSchema.partial();
export type UpdateThemeRequest = z.input<typeof updateThemeSchema>;

export const objectiveSchema = z.object({
  number: text(12, 'The number').default(''),
  title: requiredProse(2000, 'The objective', 'Enter the objective'),
  reason: reasonField,
});
export type ObjectiveRequest = z.input<typeof objectiveSchema>;
export const updateObjectiveSchema = objectiveSchema.partial();
export type UpdateObjectiveRequest = z.input<typeof updateObjectiveSchema>;

export const moveSchema = z.object({ direction: z.enum(['up', 'down'], { error: 'Choose up or down' }) });
export type MoveRequest = z.input<typeof moveSchema>;

const count = () => z.number().int().min(0);

export const ragCountsDtoSchema = z
  .object({ blue: count(), green: count(), amber: count(), red: count(), grey: count() })
  .meta({ id: 'RagCounts', description: 'How many items show each colour.' });
export type RagCountsDto = z.infer<typeof ragCountsDtoSchema>;

export const workPlanCountsDtoSchema = z
  .object({
    items: count(),
    rag: ragCountsDtoSchema.describe('By the colour shown today (dates taken into account).'),
    worst: z.enum(RAGS).nullable().describe('The worst colour among the items, for a roll-up; null when there are no items.'),
    slipped: count(),
    flagged: count().describe('Timescales that could not be read, or rest on an assumption: the manager should look.'),
    complete: count(),
  })
  .meta({ id: 'WorkPlanCounts', description: 'Counts of items by colour, slipped, flagged and complete.' });
export type WorkPlanCountsDto = z.infer<typeof workPlanCountsDtoSchema>;

export const workPlanSummaryDtoSchema = z
  .object({
    id: id(),
    title: z.string(),
    periodStart: day(),
    periodEnd: day(),
    status: z.enum(WORK_PLAN_STATUSES),
    approvedOn: day().nullable(),
    counts: workPlanCountsDtoSchema,
  })
  .meta({ id: 'WorkPlanSummary', description: 'A plan as the list of plans shows it.' });
export type WorkPlanSummaryDto = z.infer<typeof workPlanSummaryDtoSchema>;

export const workPlanObjectiveDtoSchema = z
  .object({
    id: id(),
    themeId: id(),
    number: z.string(),
    title: z.string(),
    counts: workPlanCountsDtoSchema,
    items: z.array(workItemSummaryDtoSchema),
  })
  .meta({ id: 'WorkPlanObjective', description: 'A numbered objective of a theme, with its items.' });
export type WorkPlanObjectiveDto = z.infer<typeof workPlanObjectiveDtoSchema>;

export const workPlanThemeDtoSchema = z
  .object({
    id: id(),
    title: z.string(),
    description: z.string(),
    counts: workPlanCountsDtoSchema,
    items: z.array(workItemSummaryDtoSchema).describe('Items straight under the theme (no numbered objective); the objectives follow with theirs.'),
    objectives: z.array(workPlanObjectiveDtoSchema),
  })
  .meta({ id: 'WorkPlanTheme', description: 'A theme of the plan (a function or strategic objective), with its items and objectives.' });
export type WorkPlanThemeDto = z.infer<typeof workPlanThemeDtoSchema>;

const planLink = z.object({ id: id(), title: z.string() }).meta({ id: 'WorkPlanLink', description: 'Another plan, by id and title.' });

export const workPlanDtoSchema = workPlanSummaryDtoSchema
  .extend({
    approvedBy: z.string().nullable(),
    approvalNote: z.string(),
    rolledFrom: planLink.nullable().describe('The plan this one was rolled over from at year end.'),
    rolledInto: planLink.nullable().describe('The plan this one was rolled over into at year end.'),
    version: z.number().int().min(1),
    asOf: day().describe('The day the colours and slippage were worked out for (Europe/London).'),
    themes: z.array(workPlanThemeDtoSchema),
    can: z.object({ edit: z.boolean(), progress: z.boolean() }),
  })
  .meta({ id: 'WorkPlan', description: 'A plan as a tree: themes, objectives and items, with counts and RAG roll-ups.' });
export type WorkPlanDto = z.infer<typeof workPlanDtoSchema>;

export const workPlanChangeDtoSchema = z
  .object({
    id: id(),
    at: timestamp(),
    subjectType: z.enum(['plan', 'theme', 'objective', 'item']),
    subjectId: id(),
    subjectLabel: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    changes: fieldChanges(),
    reason: z.string(),
    actor: z.string(),
  })
  .meta({ id: 'WorkPlanChange', description: 'A change made to an approved plan, with its reason.' });
export type WorkPlanChangeDto = z.infer<typeof workPlanChangeDtoSchema>;

/** People and role titles that can lead work, for pickers and for matching imported leads. */
export const workPlanPeopleDtoSchema = z
  .object({
    members: z.array(z.object({ userId: id(), displayName: z.string(), role: z.enum(MEMBERSHIP_ROLES) })),
    roles: z.array(z.object({ title: z.string(), personName: z.string(), userId: id().nullable() })),
  })
  .meta({ id: 'WorkPlanPeople', description: 'Members and leadership roles who can lead work.' });
export type WorkPlanPeopleDto = z.infer<typeof workPlanPeopleDtoSchema>;
