import { z } from 'zod';
import { WORK_ITEM_STATUSES } from '@plexus/domain';
import { day, id } from '../response-fields';
import { isoDate, requiredText } from './fields';
import { periodInOrder, WORK_PLAN_STATUSES, workPlanSummaryDtoSchema } from './plan.dto';

/** The year-end roll-over: start the next period's plan from an approved one, carrying forward the open items. */
export const rollOverWorkPlanSchema = z
  .object({
    title: requiredText(200, 'Title', 'Enter a title for the new plan, like Objectives and work plan 2025/26').optional(),
    periodStart: isoDate('start of the new period').optional(),
    periodEnd: isoDate('end of the new period').optional(),
    itemIds: z
      .array(z.uuid({ error: 'Choose items of this plan' }), { error: 'List the items to carry forward' })
      .max(5000, { error: 'List 5,000 items or fewer' })
      .optional()
      .describe('The items to carry forward; left out: every item not complete.'),
  })
  .superRefine((value, ctx) => {
    periodInOrder(value, ctx);
    if (value.itemIds && new Set(value.itemIds).size !== value.itemIds.length) {
      ctx.addIssue({ code: 'custom', path: ['itemIds'], message: 'List each item once' });
    }
  });
export type RollOverWorkPlanRequest = z.input<typeof rollOverWorkPlanSchema>;

const planRef = z.object({ id: id(), title: z.string(), periodStart: day(), periodEnd: day() });

export const rollOverPreviewDtoSchema = z
  .object({
    source: planRef.extend({ status: z.enum(WORK_PLAN_STATUSES) }),
    proposed: z.object({ title: z.string(), periodStart: day(), periodEnd: day() }).describe('The defaults: the next period, as long as this one.'),
    rolledInto: planRef.nullable().describe('Already rolled over: the plan it went into (doing it again answers that plan).'),
    blockedBy: z
      .string()
      .nullable()
      .describe('Why it cannot be rolled over now (a draft plan, or the proposed period already has a plan); null when it can.'),
    themes: z.array(
      z.object({
        id: id(),
        title: z.string(),
        items: z.array(
          z.object({
            id: id(),
            ref: z.string(),
            work: z.string(),
            status: z.enum(WORK_ITEM_STATUSES),
            dueOn: day().nullable(),
            carryByDefault: z.boolean().describe('Not complete: carried forward unless left out.'),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'WorkPlanRollOverPreview', description: 'What a year-end roll-over of this plan would do.' });
export type RollOverPreviewDto = z.infer<typeof rollOverPreviewDtoSchema>;

export const rollOverResultDtoSchema = z
  .object({
    plan: workPlanSummaryDtoSchema,
    created: z.boolean().describe('False when the plan had been rolled over before: this is the plan it went into then.'),
    carried: z.number().int().min(0).describe('Items carried forward into the new plan.'),
    flagged: z.number().int().min(0).describe('Carried items whose target lies before the new period (flagged for a new target).'),
  })
  .meta({ id: 'WorkPlanRollOverResult', description: 'The new plan (a draft) with the items carried forward.' });
export type RollOverResultDto = z.infer<typeof rollOverResultDtoSchema>;
