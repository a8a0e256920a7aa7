import { z } from 'zod';
import type { Rag } from '@plexus/domain';
import { isoDate, prose, reasonField, requiredProse, requiredText, text } from './fields';
import type { WorkItemSummaryDto } from './item.dto';

export const WORK_PLAN_STATUSES = ['draft', 'approved'] as const;
export type WorkPlanStatusValue = (typeof WORK_PLAN_STATUSES)[number];

const period = {
  title: requiredText(200, 'Title', 'Enter a title for the plan, like Objectives and work plan 2023–25'),
  periodStart: isoDate('start of the period'),
  periodEnd: isoDate('end of the period'),
};

function periodInOrder<T extends { periodStart?: string; periodEnd?: string }>(value: T, ctx: z.RefinementCtx): void {
  if (value.periodStart && value.periodEnd && value.periodEnd < value.periodStart) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'The end of the period must be on or after its start' });
  }
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

export interface RagCountsDto {
  blue: number;
  green: number;
  amber: number;
  red: number;
  grey: number;
}

export interface WorkPlanCountsDto {
  items: number;
  /** By the colour shown today (dates taken into account). */
  rag: RagCountsDto;
  /** The worst colour among the items, for a roll-up; null when there are no items. */
  worst: Rag | null;
  slipped: number;
  /** Timescales that could not be read, or rest on an assumption: the manager should look. */
  flagged: number;
  complete: number;
}

export interface WorkPlanSummaryDto {
  id: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: WorkPlanStatusValue;
  approvedOn: string | null;
  counts: WorkPlanCountsDto;
}

export interface WorkPlanObjectiveDto {
  id: string;
  themeId: string;
  number: string;
  title: string;
  counts: WorkPlanCountsDto;
  items: WorkItemSummaryDto[];
}

export interface WorkPlanThemeDto {
  id: string;
  title: string;
  description: string;
  counts: WorkPlanCountsDto;
  /** Items straight under the theme (no numbered objective), then the objectives with theirs. */
  items: WorkItemSummaryDto[];
  objectives: WorkPlanObjectiveDto[];
}

export interface WorkPlanDto extends WorkPlanSummaryDto {
  approvedBy: string | null;
  approvalNote: string;
  version: number;
  /** The day the colours and slippage were worked out for (Europe/London). */
  asOf: string;
  themes: WorkPlanThemeDto[];
  can: { edit: boolean; progress: boolean };
}

export interface WorkPlanChangeDto {
  id: string;
  at: string;
  subjectType: 'plan' | 'theme' | 'objective' | 'item';
  subjectId: string;
  subjectLabel: string;
  action: 'create' | 'update' | 'delete';
  changes: Record<string, { from: unknown; to: unknown }>;
  reason: string;
  actor: string;
}

/** People and role titles that can lead work, for pickers and for matching imported leads. */
export interface WorkPlanPeopleDto {
  members: Array<{ userId: string; displayName: string; role: string }>;
  roles: Array<{ title: string; personName: string; userId: string | null }>;
}
