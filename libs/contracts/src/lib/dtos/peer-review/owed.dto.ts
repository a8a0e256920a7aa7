import { z } from 'zod';
import { day, id } from '../response-fields';

// What is owed in peer review, and by when (issue 9, item 8): the landing page of a member organisation's contributors.
// Open submissions (awaited, or more information requested), self-assessments not yet submitted and open actions of the
// network's active cycles, soonest due first — a contributor's organisation's only; the whole network's for others.

export const PEER_REVIEW_OWED_KINDS = ['submission', 'self_assessment', 'action'] as const;
export type PeerReviewOwedKind = (typeof PEER_REVIEW_OWED_KINDS)[number];

export const peerReviewOwedItemDtoSchema = z
  .object({
    kind: z.enum(PEER_REVIEW_OWED_KINDS),
    id: id().nullable().describe('The submission, self-assessment or action; null for a self-assessment not started yet.'),
    cycle: z.object({ id: id(), name: z.string() }),
    organisation: z.object({ id: id(), name: z.string() }),
    activity: z
      .object({ id: id(), title: z.string() })
      .nullable()
      .describe('The activity of the plan it is for (submissions and self-assessments); null for an action.'),
    title: z.string().describe('The document, the standard set assessed against, or the action.'),
    state: z.string().describe('awaited, more_information_requested; not_started, draft; an action’s status.'),
    stateLabel: z.string(),
    progressText: z.string().nullable().describe('A self-assessment’s progress, `34 of 52 answered`; null for the others.'),
    reason: z.string().nullable().describe('What the network asked for, when it asked for more information.'),
    owner: z.string().nullable().describe('An action’s owner, as named.'),
    dueDate: day().nullable(),
    daysUntilDue: z.number().int().nullable().describe('Whole days from today to the due date; negative once past; null with no due date.'),
    overdue: z.boolean(),
  })
  .meta({ id: 'PeerReviewOwedItem', description: 'Something an organisation owes: a document, a self-assessment or an action.' });
export type PeerReviewOwedItemDto = z.infer<typeof peerReviewOwedItemDtoSchema>;

export const peerReviewOwedDtoSchema = z
  .object({
    asOf: day().describe('Today in UK time.'),
    organisation: z
      .object({ id: id(), name: z.string() })
      .nullable()
      .describe('The organisation the caller acts for (contributors: only its items are listed); null for the whole network’s.'),
    items: z.array(peerReviewOwedItemDtoSchema).describe('Soonest due first (overdue first of all), those with no due date last.'),
    counts: z.object({
      total: z.number().int().min(0),
      overdue: z.number().int().min(0),
      submissions: z.number().int().min(0),
      selfAssessments: z.number().int().min(0),
      actions: z.number().int().min(0),
    }),
  })
  .meta({ id: 'PeerReviewOwed', description: 'What is owed in the network’s active peer review cycles, and by when.' });
export type PeerReviewOwedDto = z.infer<typeof peerReviewOwedDtoSchema>;
