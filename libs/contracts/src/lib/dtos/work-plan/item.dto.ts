import { z } from 'zod';
import { WORK_ITEM_STATUSES, RAGS, type TimescaleKind } from '@plexus/domain';
import { day, fieldChanges, id, timestamp } from '../response-fields';
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

/** Every kind of timescale the parser tells apart (the same list as `TimescaleKind` in @plexus/domain). */
export const TIMESCALE_KINDS = ['date', 'range', 'ongoing', 'as_required', 'tbc', 'unparsed'] as const satisfies readonly TimescaleKind[];
type MissingKinds = Exclude<TimescaleKind, (typeof TIMESCALE_KINDS)[number]>;
const everyKindListed: MissingKinds extends never ? true : false = true;
void everyKindListed;

const status = () => z.enum(WORK_ITEM_STATUSES);
const quarter = () => z.object({ key: z.string(), label: z.string() });

export const workItemLeadDtoSchema = z
  .object({
    id: id(),
    userId: id().nullable(),
    name: z.string().nullable().describe("The member's name, when the lead is a member."),
    title: z.string(),
    label: z.string().describe('`Network Manager (Priya Shah)`, `Network Manager` or `Priya Shah`.'),
  })
  .meta({ id: 'WorkItemLead', description: 'Who leads a work item: a member, a role title, or both.' });
export type WorkItemLeadDto = z.infer<typeof workItemLeadDtoSchema>;

export const timescaleDtoSchema = z
  .object({
    text: z.string().describe('As written.'),
    label: z.string().describe('Normalised, like `Q4 2023/24`.'),
    kind: z.enum(TIMESCALE_KINDS),
    start: day().nullable(),
    end: day().nullable(),
    due: day().nullable(),
    flag: z.string().nullable().describe('Why it needs a look (could not be read, or something was assumed); null when it is fine.'),
    milestones: z.array(z.object({ label: z.string(), end: day(), note: z.string().optional() })),
    original: z
      .object({ text: z.string(), due: day().nullable() })
      .describe('The target when the board approved the plan (or when the item was added).'),
  })
  .meta({ id: 'Timescale', description: 'A timescale as written and as read (NHS financial years and quarters).' });
export type TimescaleDto = z.infer<typeof timescaleDtoSchema>;

const latestUpdate = z.object({ on: day(), status: status(), narrative: z.string(), author: z.string() });

export const workItemSummaryDtoSchema = z
  .object({
    id: id(),
    planId: id(),
    themeId: id(),
    objectiveId: id().nullable(),
    ref: z.string().describe("`3.2`: the theme's place and the item's place in it, or the item's own reference from an imported table."),
    work: z.string(),
    measures: z.array(z.string()),
    steps: z.array(z.string()),
    leads: z.array(workItemLeadDtoSchema),
    timescale: timescaleDtoSchema,
    dueQuarter: quarter().nullable(),
    status: status(),
    statusOn: day().nullable(),
    rag: z.enum(RAGS).describe('The colour shown today: past its target and not complete is at least Amber.'),
    ragReason: z.string().nullable(),
    late: z.object({ slipped: z.boolean(), daysLate: z.number().int() }).describe('Past the (current) target and not complete.'),
    targetMoved: z
      .object({ moved: z.boolean(), days: z.number().int() })
      .describe('How far the current target moved from the original (positive: later).'),
    slipped: z.boolean().describe('Overdue (past its target and not complete), or slipped (its target moved later).'),
    latestUpdate: latestUpdate.nullable(),
    canProgress: z.boolean().describe('May the caller add a progress update (a manager, or one of its leads)?'),
    carriedFrom: z
      .object({ itemId: id(), planId: id(), planTitle: z.string() })
      .nullable()
      .describe('The item of an earlier plan this one was carried forward from at a year-end roll-over (its history stays there).'),
    version: z.number().int().min(1),
  })
  .meta({ id: 'WorkItemSummary', description: 'A work item as the plan tree shows it.' });
export type WorkItemSummaryDto = z.infer<typeof workItemSummaryDtoSchema>;

/** An item in a flat list: with the names of its theme and objective. */
export const workItemRowDtoSchema = workItemSummaryDtoSchema
  .extend({
    theme: z.object({ id: id(), title: z.string() }),
    objective: z.object({ id: id(), number: z.string(), title: z.string() }).nullable(),
    plan: z.object({ id: id(), title: z.string() }),
  })
  .meta({ id: 'WorkItemRow', description: 'A work item in a flat list, with its theme, objective and plan.' });
export type WorkItemRowDto = z.infer<typeof workItemRowDtoSchema>;

export const workItemHistoryEntryDtoSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('progress'), id: id(), on: day(), at: timestamp(), status: status(), narrative: z.string(), author: z.string() }),
    z.object({
      kind: z.literal('change'),
      id: id(),
      at: timestamp(),
      action: z.enum(['create', 'update', 'delete']),
      changes: fieldChanges(),
      reason: z.string(),
      author: z.string(),
    }),
  ])
  .meta({ id: 'WorkItemHistoryEntry', description: 'A progress update, or a tracked change with its reason.' });
export type WorkItemHistoryEntryDto = z.infer<typeof workItemHistoryEntryDtoSchema>;

export const workItemDtoSchema = workItemRowDtoSchema
  .extend({
    planStatus: z.enum(['draft', 'approved']),
    history: z.array(workItemHistoryEntryDtoSchema).describe('Newest first.'),
    can: z.object({ edit: z.boolean(), progress: z.boolean() }),
    asOf: day(),
  })
  .meta({ id: 'WorkItem', description: 'A work item with its history: progress updates and tracked changes, newest first.' });
export type WorkItemDto = z.infer<typeof workItemDtoSchema>;

export const workItemListDtoSchema = z
  .object({
    asOf: day(),
    items: z.array(workItemRowDtoSchema),
    filters: z
      .object({
        leads: z.array(z.object({ value: z.string(), label: z.string() })),
        themes: z.array(z.object({ id: id(), title: z.string() })),
        quarters: z.array(quarter()),
      })
      .describe('Choices for the filters, from the whole list (not only what the filters let through).'),
    total: z.number().int().min(0),
  })
  .meta({ id: 'WorkItemList', description: 'Work items as a filtered list, with the choices for the filters.' });
export type WorkItemListDto = z.infer<typeof workItemListDtoSchema>;

/** Progress on several items of one plan at once (before a board): each line becomes its own dated progress update. */
export const bulkProgressSchema = z
  .object({
    on: isoDate('date of the updates', { notInFuture: true }),
    updates: z
      .array(
        z.object({
          itemId: z.uuid({ error: 'Choose a work item of this plan' }),
          status: z.enum(WORK_ITEM_STATUSES, { error: 'Choose a status' }),
          narrative: requiredProse(1000, 'The note', 'Add a short note on how the work is going'),
        }),
        { error: 'Updates must be a list' },
      )
      .min(1, { error: 'Choose at least one work item to update' })
      .max(200, { error: 'Update 200 items or fewer at once' }),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.updates.forEach((u, index) => {
      if (seen.has(u.itemId)) ctx.addIssue({ code: 'custom', path: ['updates', index, 'itemId'], message: 'This work item is already in the list' });
      seen.add(u.itemId);
    });
  });
export type BulkProgressRequest = z.input<typeof bulkProgressSchema>;

export const bulkProgressResultDtoSchema = z
  .object({
    planId: id(),
    on: day(),
    summary: z.string().describe('"3 work items updated", in words.'),
    updated: z.array(
      z.object({
        itemId: id(),
        progressId: id(),
        ref: z.string(),
        work: z.string(),
        from: status(),
        to: status(),
        statusSet: z.boolean().describe('False when a later-dated update already set the status (the update is still kept in the history).'),
      }),
    ),
  })
  .meta({ id: 'BulkProgressResult', description: 'The progress updates added at once, one per item, in the order sent.' });
export type BulkProgressResultDto = z.infer<typeof bulkProgressResultDtoSchema>;
