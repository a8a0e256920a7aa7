import { z } from 'zod';
import { WORK_ITEM_STATUSES, RAGS, type Rag, type TimescaleKind, type WorkItemStatus } from '@plexus/domain';
import { isoDate, reasonField, requiredProse, text, textList } from './fields';

export const workItemLeadSchema = z
  .object({
    /** A member of the network who leads the item (they may then record its progress). */
    userId: z.uuid({ error: 'Choose a member of the network' }).nullable().default(null),
    /** A role title, like Network Manager; with a userId, the role that person holds. */
    title: text(300, 'The role title').default(''),
  })
  .refine((lead) => lead.userId !== null || lead.title.length > 0, { error: 'Choose a person or write a role title', path: ['title'] });
export type WorkItemLeadRequest = z.input<typeof workItemLeadSchema>;

const itemFields = {
  themeId: z.uuid({ error: 'Choose the theme' }),
  objectiveId: z.uuid({ error: 'Choose an objective' }).nullable().default(null),
  work: requiredProse(2000, 'The work', 'Describe the work'),
  measures: textList('A measure of success', 50).default([]),
  steps: textList('A step', 100).default([]),
  leads: z.array(workItemLeadSchema, { error: 'Leads must be a list' }).max(20, { error: 'List 20 leads or fewer' }).default([]),
  /** As written, like `Q4 2023/24`, `Ongoing` or `by 31st December 2020`; what cannot be read is kept and flagged. */
  timescale: text(200, 'The timescale').default(''),
};

export const createWorkItemSchema = z.object({ ...itemFields, reason: reasonField });
export type CreateWorkItemRequest = z.input<typeof createWorkItemSchema>;

export const updateWorkItemSchema = z.object({
  themeId: itemFields.themeId.optional(),
  objectiveId: z.uuid({ error: 'Choose an objective' }).nullable().optional(),
  work: itemFields.work.optional(),
  measures: textList('A measure of success', 50).optional(),
  steps: textList('A step', 100).optional(),
  leads: z.array(workItemLeadSchema).max(20, { error: 'List 20 leads or fewer' }).optional(),
  timescale: itemFields.timescale.optional(),
  /** The version you read; a stale one answers 409. */
  version: z.number().int().min(1).optional(),
  reason: reasonField,
});
export type UpdateWorkItemRequest = z.input<typeof updateWorkItemSchema>;

export const progressUpdateSchema = z.object({
  on: isoDate('date of the update', { notInFuture: true }),
  status: z.enum(WORK_ITEM_STATUSES, { error: 'Choose a status' }),
  narrative: requiredProse(4000, 'The update', 'Say how the work is going'),
});
export type ProgressUpdateRequest = z.input<typeof progressUpdateSchema>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const workItemQuerySchema = z.object({
  /** A member's user id, or a role title as written. */
  lead: text(300, 'The lead').optional(),
  status: z.enum(WORK_ITEM_STATUSES, { error: 'Choose a status' }).optional(),
  rag: z.enum(RAGS, { error: 'Choose a colour' }).optional(),
  themeId: z.uuid({ error: 'Choose a theme' }).optional(),
  /** The financial quarter the item is due in, as `2023-Q4` (Q4 of 2023/24), or `none` for undated work. */
  quarter: text(20, 'The quarter')
    .regex(/^(\d{4}-Q[1-4]|none)$/, { error: 'Use a quarter like 2023-Q4 (Q4 2023/24)' })
    .optional(),
  slipped: flag.optional(),
  flagged: flag.optional(),
  mine: flag.optional(),
  q: text(200, 'The search').optional(),
});
export type WorkItemQuery = z.input<typeof workItemQuerySchema>;

export interface WorkItemLeadDto {
  id: string;
  userId: string | null;
  /** The member's name, when the lead is a member. */
  name: string | null;
  title: string;
  /** `Network Manager (Priya Shah)`, `Network Manager` or `Priya Shah`. */
  label: string;
}

export interface TimescaleDto {
  /** As written. */
  text: string;
  /** Normalised, like `Q4 2023/24`. */
  label: string;
  kind: TimescaleKind;
  start: string | null;
  end: string | null;
  due: string | null;
  /** Why it needs a look (could not be read, or something was assumed); null when it is fine. */
  flag: string | null;
  milestones: Array<{ label: string; end: string; note?: string }>;
  /** The target when the board approved the plan (or when the item was added). */
  original: { text: string; due: string | null };
}

export interface WorkItemSummaryDto {
  id: string;
  planId: string;
  themeId: string;
  objectiveId: string | null;
  /** `3.2`: the theme's place and the item's place in it, or the item's own reference from an imported table. */
  ref: string;
  work: string;
  measures: string[];
  steps: string[];
  leads: WorkItemLeadDto[];
  timescale: TimescaleDto;
  dueQuarter: { key: string; label: string } | null;
  status: WorkItemStatus;
  statusOn: string | null;
  /** The colour shown today: past its target and not complete is at least Amber. */
  rag: Rag;
  ragReason: string | null;
  /** Past the (current) target and not complete. */
  late: { slipped: boolean; daysLate: number };
  /** How far the current target moved from the original (positive: later). */
  targetMoved: { moved: boolean; days: number };
  /** Late, or its target moved later: what the reports call slipped. */
  slipped: boolean;
  latestUpdate: { on: string; status: WorkItemStatus; narrative: string; author: string } | null;
  /** May the caller add a progress update (a manager, or one of its leads)? */
  canProgress: boolean;
  version: number;
}

/** An item in a flat list: with the names of its theme and objective. */
export interface WorkItemRowDto extends WorkItemSummaryDto {
  theme: { id: string; title: string };
  objective: { id: string; number: string; title: string } | null;
  plan: { id: string; title: string };
}

export type WorkItemHistoryEntryDto =
  | { kind: 'progress'; id: string; on: string; at: string; status: WorkItemStatus; narrative: string; author: string }
  | {
      kind: 'change';
      id: string;
      at: string;
      action: 'create' | 'update' | 'delete';
      changes: Record<string, { from: unknown; to: unknown }>;
      reason: string;
      author: string;
    };

export interface WorkItemDto extends WorkItemRowDto {
  planStatus: 'draft' | 'approved';
  /** Newest first. */
  history: WorkItemHistoryEntryDto[];
  can: { edit: boolean; progress: boolean };
  asOf: string;
}

export interface WorkItemListDto {
  asOf: string;
  items: WorkItemRowDto[];
  /** Choices for the filters, from the whole list (not only what the filters let through). */
  filters: {
    leads: Array<{ value: string; label: string }>;
    themes: Array<{ id: string; title: string }>;
    quarters: Array<{ key: string; label: string }>;
  };
  total: number;
}
