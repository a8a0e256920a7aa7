import { RAGS, WORK_ITEM_STATUSES } from '@plexus/domain';
import { z } from 'zod';
import { isoDate, prose, text } from '../../fields';
import { day, id, timestamp } from '../response-fields';
import { reviewCriterionRefSchema } from './review-report.dto';

// An organisation's action plan in a cycle (issue 9, item 6): each recommendation of its issued review becomes an
// action; the network adds others; open actions carry forward into the next cycle. Status, BRAG and dated progress
// updates are the work plan's (progress updates take the work plan's own request, `progressUpdateSchema`).

const actionInputFields = {
  description: prose(4000, 'Action').min(1, { error: 'Describe the action' }),
  /** A member of the network who owns it; or null with `ownerName` for a named person at the organisation. */
  ownerUserId: z.uuid({ error: 'Choose a member of the network' }).nullable().default(null),
  ownerName: text(200, 'Owner').default(''),
  dueDate: isoDate('due date', { example: '2025-09-30' }).nullable().default(null),
  /** A self-assessment criterion whose gap the action closes; null for none. */
  criterionId: z.uuid({ error: 'Choose a criterion of a standard set' }).nullable().default(null),
};
const hasOwner = (a: { ownerUserId: string | null; ownerName: string }) => a.ownerUserId !== null || a.ownerName.length > 0;
const ownerMissing = { error: 'Choose a member of the network or name the owner', path: ['ownerName'] };

export const reviewActionInputSchema = z.object(actionInputFields).refine(hasOwner, ownerMissing);
export type ReviewActionRequest = z.input<typeof reviewActionInputSchema>;

export const createReviewActionSchema = z
  .object({ organisationId: z.uuid({ error: 'Choose an organisation in the cycle’s scope' }), ...actionInputFields })
  .refine(hasOwner, ownerMissing);
export type CreateReviewActionRequest = z.input<typeof createReviewActionSchema>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const reviewActionListQuerySchema = z.object({
  organisationId: z.uuid({ error: 'Choose an organisation in the cycle’s scope' }).optional(),
  status: z.enum(WORK_ITEM_STATUSES, { error: 'Choose a status' }).optional(),
  rag: z.enum(RAGS, { error: 'Choose a colour' }).optional(),
  open: flag.optional(),
  overdue: flag.optional(),
});
export type ReviewActionListQuery = z.input<typeof reviewActionListQuerySchema>;

export const reviewActionProgressDtoSchema = z
  .object({ id: id(), on: day(), at: timestamp(), status: z.enum(WORK_ITEM_STATUSES), narrative: z.string(), author: z.string() })
  .meta({ id: 'ReviewActionProgress', description: 'A dated progress update of an action.' });

const actionFields = {
  id: id(),
  cycle: z.object({ id: id(), name: z.string() }),
  organisation: z.object({ id: id(), name: z.string() }),
  description: z.string(),
  owner: z.object({ userId: id().nullable(), name: z.string() }),
  dueDate: day().nullable(),
  status: z.enum(WORK_ITEM_STATUSES),
  statusLabel: z.string(),
  statusOn: day().nullable(),
  rag: z.enum(RAGS).describe('The colour shown today: past its due date and not complete is at least Amber (the work plan’s rule).'),
  ragText: z.string().describe('The colour with the action’s status in words, e.g. “Amber – At risk” or “Amber – Overdue (reported on track)”.'),
  ragReason: z.string().nullable(),
  open: z.boolean().describe('Not complete: carried forward into the organisation’s next cycle.'),
  overdue: z.boolean(),
  latestUpdate: reviewActionProgressDtoSchema.nullable(),
  source: z
    .object({
      recommendation: z.object({ id: id(), text: z.string(), findingId: id(), reportId: id(), classification: z.string() }).nullable(),
      criterion: reviewCriterionRefSchema.nullable(),
      origin: z
        .object({ id: id(), cycleId: id(), cycleName: z.string() })
        .nullable()
        .describe('The action of the previous cycle it carries forward.'),
    })
    .describe('Where it came from: a recommendation, a self-assessment criterion, an earlier cycle’s action.'),
  carriedForwardTo: z.array(z.object({ id: id(), cycleId: id(), cycleName: z.string() })),
  can: z.object({ edit: z.boolean(), progress: z.boolean() }),
  createdAt: timestamp(),
  updatedAt: timestamp(),
};

export const reviewActionSummaryDtoSchema = z
  .object(actionFields)
  .meta({ id: 'ReviewActionSummary', description: 'An action of an organisation’s plan.' });
export type ReviewActionSummaryDto = z.infer<typeof reviewActionSummaryDtoSchema>;

export const reviewActionDtoSchema = z
  .object({ ...actionFields, asOf: day(), progress: z.array(reviewActionProgressDtoSchema).describe('Newest first.') })
  .meta({ id: 'ReviewAction', description: 'An action of an organisation’s plan with its progress updates.' });
export type ReviewActionDto = z.infer<typeof reviewActionDtoSchema>;

export const reviewActionListDtoSchema = z
  .object({
    asOf: day(),
    items: z.array(reviewActionSummaryDtoSchema).describe('By organisation, due date, then as added.'),
    organisations: z.array(z.object({ id: id(), name: z.string() })).describe('The organisations whose actions the caller may see.'),
    can: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'ReviewActionList', description: 'A cycle’s action plans the caller may see.' });
export type ReviewActionListDto = z.infer<typeof reviewActionListDtoSchema>;

export const carryForwardDtoSchema = z
  .object({
    fromCycle: z.object({ id: id(), name: z.string() }).nullable().describe('The cycle carried from (the latest before this one); null if none.'),
    carried: z.number().int().min(0).describe('Actions carried by this call (0 when they had been already).'),
    alreadyCarried: z.number().int().min(0),
    items: z.array(reviewActionSummaryDtoSchema).describe('Every action of this cycle carried forward from the previous one.'),
  })
  .meta({ id: 'CarryForward', description: 'Open actions of the previous cycle carried into this one, once each.' });
export type CarryForwardDto = z.infer<typeof carryForwardDtoSchema>;
