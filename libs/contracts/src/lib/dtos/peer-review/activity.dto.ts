import { REVIEW_ACTIVITY_KINDS } from '@plexus/domain';
import { z } from 'zod';
import { isoDate, prose, text } from '../../fields';
import { day, id, personRef, timestamp } from '../response-fields';
import { submissionCountsDtoSchema } from './submission-counts.dto';

// One activity of a cycle's plan, in one quarter of one of its financial years. Its kind decides what else it holds:
// a submission lists the documents each organisation sends; a self-assessment names the standard set version it is
// against; a review meeting has its date, panel and organisation.

export const REVIEW_ACTIVITY_MAX_DOCUMENTS = 20;
export const REVIEW_PANEL_MAX = 30;
/** Activities in one cycle, at most. */
export const REVIEW_CYCLE_MAX_ACTIVITIES = 200;

const unique = (values: string[]) => new Set(values.map((v) => v.toLowerCase())).size === values.length;

const commonFields = {
  /** The financial year it falls in, one of the cycle's (like 2024/25). */
  fy: z.string({ error: 'Choose the financial year, like 2024/25' }).regex(/^\d{4}\/\d{2}$/, { error: 'Choose the financial year, like 2024/25' }),
  quarter: z
    .number({ error: 'Choose the quarter: 1, 2, 3 or 4' })
    .int({ error: 'Choose the quarter: 1, 2, 3 or 4' })
    .min(1, { error: 'Choose the quarter: 1, 2, 3 or 4' })
    .max(4, { error: 'Choose the quarter: 1, 2, 3 or 4' }),
  title: text(200, 'Title').min(1, { error: 'Enter the activity’s title' }),
  description: prose(4000, 'Description').default(''),
  /** Within the cycle's years; null or omitted for the last day of the quarter. */
  dueDate: isoDate('due date', { example: '2025-06-30' }).nullable().default(null),
};

export const reviewActivityInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('submission'),
      ...commonFields,
      /** The documents each organisation in scope sends, e.g. Annual report, Work plan, Operational policy. */
      requiredDocuments: z
        .array(text(200, 'Document name').min(1, { error: 'Name the document, or remove the empty line' }), {
          error: 'List the documents each organisation sends',
        })
        .min(1, { error: 'List at least one document each organisation sends' })
        .max(REVIEW_ACTIVITY_MAX_DOCUMENTS, { error: `List ${REVIEW_ACTIVITY_MAX_DOCUMENTS} documents at most` })
        .refine(unique, { error: 'List each document once' }),
    }),
    z.object({
      kind: z.literal('self_assessment'),
      ...commonFields,
      /**
       * The version of the standard set the organisations assess themselves against (a published version of one of
       * the network's own sets or of a national set; frozen from its first use); null until chosen.
       */
      standardSetVersionId: z.uuid({ error: 'Choose a standard set version' }).nullable().default(null),
    }),
    z.object({
      kind: z.literal('review_meeting'),
      ...commonFields,
      meetingDate: isoDate('meeting date', { example: '2024-11-14' }).nullable().default(null),
      /** The organisation reviewed; null for a meeting with every organisation. */
      organisationId: z.uuid({ error: 'Choose an organisation in the cycle’s scope' }).nullable().default(null),
      /** Panel members from the network, by their user id. */
      panelUserIds: z
        .array(z.uuid({ error: 'Choose panel members from the network’s members' }))
        .max(REVIEW_PANEL_MAX, { error: `A panel has ${REVIEW_PANEL_MAX} members at most` })
        .refine((ids) => new Set(ids).size === ids.length, { error: 'List each panel member once' })
        .default([]),
      /** Reviewers from outside the network, by name (and where they are from). */
      externalReviewers: z
        .array(text(200, 'External reviewer').min(1, { error: 'Name the reviewer, or remove the empty line' }))
        .max(REVIEW_PANEL_MAX, { error: `List ${REVIEW_PANEL_MAX} external reviewers at most` })
        .default([]),
    }),
    z.object({ kind: z.literal('report'), ...commonFields }),
    z.object({ kind: z.literal('action_plan_update'), ...commonFields }),
  ],
  { error: `Choose the kind of activity: ${REVIEW_ACTIVITY_KINDS.join(', ')}` },
);
export type ReviewActivityInput = z.input<typeof reviewActivityInputSchema>;

export const reviewActivityDtoSchema = z
  .object({
    id: id(),
    cycleId: id(),
    fy: z.string(),
    quarter: z.number().int().min(1).max(4),
    kind: z.enum(REVIEW_ACTIVITY_KINDS),
    title: z.string(),
    description: z.string(),
    dueDate: day(),
    requiredDocuments: z.array(z.string()).describe('Submission activities: the documents each organisation sends.'),
    standardSetVersionId: id().nullable().describe('Self-assessments: the standard set version.'),
    meetingDate: day().nullable().describe('Review meetings: the day.'),
    organisation: z.object({ id: id(), name: z.string() }).nullable().describe('Review meetings: the organisation reviewed.'),
    panel: z.array(personRef()).describe('Review meetings: panel members from the network.'),
    externalReviewers: z.array(z.string()).describe('Review meetings: reviewers from outside the network.'),
    submissions: submissionCountsDtoSchema.nullable().describe('Submission activities: the states of the submissions the caller may see.'),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'ReviewActivity', description: 'One activity of a peer review cycle’s plan.' });
export type ReviewActivityDto = z.infer<typeof reviewActivityDtoSchema>;
