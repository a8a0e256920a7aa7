import { FINDING_CLASSIFICATIONS, REVIEW_REPORT_STATES } from '@plexus/domain';
import { z } from 'zod';
import { prose, text } from '../../fields';
import { id, personRef, timestamp } from '../response-fields';

// The review of one organisation in a cycle (issue 9, item 5): findings per criterion or theme, classified immediate
// risk, serious concern, concern or good practice, with recommendations; drafted, agreed with the organisation's lead,
// then issued (read-only). An immediate risk can be raised to the network's risk register.

/** Findings in one report, at most. */
export const REVIEW_REPORT_MAX_FINDINGS = 200;
/** Recommendations of one finding, at most. */
export const REVIEW_FINDING_MAX_RECOMMENDATIONS = 20;

export const createReviewReportSchema = z.object({
  /** The organisation reviewed: one in the cycle's scope, once per cycle. */
  organisationId: z.uuid({ error: 'Choose an organisation in the cycle’s scope' }),
  /** The cycle's review meeting activity the review was held at; null for none. */
  meetingActivityId: z.uuid({ error: 'Choose a review meeting of this cycle' }).nullable().default(null),
  summary: prose(8000, 'Summary').default(''),
});
export type CreateReviewReportRequest = z.input<typeof createReviewReportSchema>;

export const updateReviewReportSchema = z.object({
  meetingActivityId: z.uuid({ error: 'Choose a review meeting of this cycle' }).nullable().default(null),
  summary: prose(8000, 'Summary').default(''),
});
export type UpdateReviewReportRequest = z.input<typeof updateReviewReportSchema>;

export const agreeReviewReportSchema = z.object({
  /** The organisation's lead the report was agreed with, as they are named (e.g. "Dr A. Jones, Clinical Lead"). */
  agreedWith: text(200, 'Agreed with').min(1, { error: 'Name the organisation’s lead the report was agreed with' }),
});
export type AgreeReviewReportRequest = z.input<typeof agreeReviewReportSchema>;

export const reviewFindingInputSchema = z
  .object({
    classification: z.enum(FINDING_CLASSIFICATIONS, {
      error: 'Choose a class: immediate risk, serious concern, concern or good practice',
    }),
    /** A criterion of a standard set version this network may use (its own or a national one); null for a theme. */
    criterionId: z.uuid({ error: 'Choose a criterion of a standard set' }).nullable().default(null),
    /** The theme in words, when the finding is not about one criterion (or as well as it). */
    theme: text(200, 'Theme').default(''),
    text: prose(4000, 'Finding').min(1, { error: 'Describe the finding' }),
    /** Its recommendations, in order (blank lines dropped). */
    recommendations: z
      .array(prose(2000, 'Recommendation'), { error: 'Recommendations must be a list' })
      .max(REVIEW_FINDING_MAX_RECOMMENDATIONS, { error: `List ${REVIEW_FINDING_MAX_RECOMMENDATIONS} recommendations at most` })
      .default([])
      .transform((list) => list.filter((r) => r.length > 0)),
  })
  .refine((f) => f.criterionId !== null || f.theme.length > 0, { error: 'Choose a criterion or write the theme', path: ['theme'] });
export type ReviewFindingRequest = z.input<typeof reviewFindingInputSchema>;

export const raiseFindingRiskSchema = z.object({
  /** Scores before mitigation (and, until it is reviewed, now); 4 × 4 unless given. */
  likelihood: z
    .number()
    .int()
    .min(1, { error: 'The likelihood must be from 1 to 5' })
    .max(5, { error: 'The likelihood must be from 1 to 5' })
    .default(4),
  impact: z.number().int().min(1, { error: 'The impact must be from 1 to 5' }).max(5, { error: 'The impact must be from 1 to 5' }).default(4),
  /** A member of the network who leads the mitigation; null for the caller's team to choose later. */
  mitigationLeadUserId: z.uuid({ error: 'Choose a member of the network' }).nullable().default(null),
});
export type RaiseFindingRiskRequest = z.input<typeof raiseFindingRiskSchema>;

const classCounts = z.object(
  Object.fromEntries(FINDING_CLASSIFICATIONS.map((c) => [c, z.number().int().min(0)])) as Record<
    (typeof FINDING_CLASSIFICATIONS)[number],
    z.ZodNumber
  >,
);

export const reviewCriterionRefSchema = z
  .object({ id: id(), number: z.string(), text: z.string(), versionId: id() })
  .meta({ id: 'ReviewCriterionRef', description: 'A criterion of a standard set version, as a finding or action names it.' });

export const reviewFindingDtoSchema = z
  .object({
    id: id(),
    position: z.number().int().min(1),
    classification: z.enum(FINDING_CLASSIFICATIONS),
    classificationLabel: z.string(),
    criterion: reviewCriterionRefSchema.nullable(),
    theme: z.string(),
    text: z.string(),
    recommendations: z.array(z.object({ id: id(), position: z.number().int(), text: z.string(), actionId: id().nullable() })),
    risk: z
      .object({ id: id(), reference: z.string(), status: z.string() })
      .nullable()
      .describe('The risk raised from it to the network’s register (immediate risks only).'),
    can: z.object({ edit: z.boolean(), raiseRisk: z.boolean() }),
  })
  .meta({ id: 'ReviewFinding', description: 'A finding of a review, with its recommendations and the risk raised from it.' });
export type ReviewFindingDto = z.infer<typeof reviewFindingDtoSchema>;

const reportFields = {
  id: id(),
  cycle: z.object({ id: id(), name: z.string() }),
  organisation: z.object({ id: id(), name: z.string() }),
  meeting: z.object({ id: id(), title: z.string(), meetingDate: z.string().nullable() }).nullable(),
  state: z.enum(REVIEW_REPORT_STATES),
  stateLabel: z.string(),
  agreedWith: z.string().describe('The organisation’s lead it was agreed with (empty until agreed).'),
  agreedAt: timestamp().nullable(),
  agreedBy: personRef().nullable().describe('Who recorded the agreement.'),
  issuedAt: timestamp().nullable(),
  issuedBy: personRef().nullable(),
  counts: classCounts.describe('Findings by class.'),
  createdAt: timestamp(),
  updatedAt: timestamp(),
};

export const reviewReportSummaryDtoSchema = z
  .object(reportFields)
  .meta({ id: 'ReviewReportSummary', description: 'A review of one organisation in a cycle, as lists show it.' });
export type ReviewReportSummaryDto = z.infer<typeof reviewReportSummaryDtoSchema>;

export const reviewReportDtoSchema = z
  .object({
    ...reportFields,
    summary: z.string(),
    findings: z.array(reviewFindingDtoSchema).describe('By class (immediate risks first), then in the order added.'),
    can: z
      .object({ edit: z.boolean(), agree: z.boolean(), reopen: z.boolean(), issue: z.boolean(), delete: z.boolean() })
      .describe('What the caller may do now (managers; an issued report is read-only).'),
  })
  .meta({ id: 'ReviewReport', description: 'A review of one organisation in a cycle with its findings and recommendations.' });
export type ReviewReportDto = z.infer<typeof reviewReportDtoSchema>;

export const reviewReportListDtoSchema = z
  .object({
    organisations: z
      .array(z.object({ id: id(), name: z.string(), report: reviewReportSummaryDtoSchema.nullable() }))
      .describe(
        'Each organisation in the cycle’s scope the caller may see, with its review if one was started (a contributor: their organisation, once issued).',
      ),
    can: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'ReviewReportList', description: 'The reviews of a cycle’s organisations.' });
export type ReviewReportListDto = z.infer<typeof reviewReportListDtoSchema>;

export const raisedRiskDtoSchema = z
  .object({
    created: z.boolean().describe('False when the finding had been raised already: the same risk is answered.'),
    risk: z.object({ id: id(), reference: z.string(), status: z.string(), description: z.string() }),
    finding: reviewFindingDtoSchema,
  })
  .meta({ id: 'RaisedRisk', description: 'The risk in the network’s register that an immediate risk finding was raised to.' });
export type RaisedRiskDto = z.infer<typeof raisedRiskDtoSchema>;
