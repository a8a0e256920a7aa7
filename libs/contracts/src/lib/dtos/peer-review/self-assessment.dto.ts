import { ASSESSMENT_SCALE_IDS, MET_ANSWERS, RAG_ANSWERS, SELF_ASSESSMENT_STATES, SUBMISSION_FILE_KINDS, WORK_ITEM_STATUSES } from '@plexus/domain';
import { z } from 'zod';
import { prose } from '../../fields';
import { day, id, personRef, timestamp } from '../response-fields';

// Self-assessments (issue 9, item 4): per self-assessment activity of a cycle and organisation in its scope, one
// answer per applicable criterion of the activity's standard set version — a rating on the set's scale, evidence,
// gaps identified, comments — saved as a draft, then submitted. Answers carried forward from the organisation's
// previous cycle are marked until confirmed. Managers see a compliance summary and heat map.

export const SELF_ASSESSMENT_RATINGS = [...RAG_ANSWERS, ...MET_ANSWERS] as const;
/** Evidence files of one criterion's answer, at most. */
export const SELF_ASSESSMENT_MAX_FILES = 10;
/** Answers saved in one request, at most. */
export const SELF_ASSESSMENT_MAX_ANSWERS = 500;

export const selfAssessmentListQuerySchema = z.object({
  /** One activity's self-assessments. */
  activityId: z.uuid({ error: 'Choose a self-assessment activity of this cycle' }).optional(),
  /** One organisation's (a contributor may name only their own). */
  organisationId: z.uuid({ error: 'Choose an organisation in the cycle’s scope' }).optional(),
});
export type SelfAssessmentListQuery = z.input<typeof selfAssessmentListQuerySchema>;

export const startSelfAssessmentSchema = z.object({
  /** The organisation whose self-assessment starts; a contributor may leave it out (their own). */
  organisationId: z.uuid({ error: 'Choose an organisation in the cycle’s scope' }).nullable().default(null),
});
export type StartSelfAssessmentRequest = z.input<typeof startSelfAssessmentSchema>;

export const selfAssessmentAnswerInputSchema = z.object({
  /** A criterion of the self-assessment's standard set version that applies to the organisation. */
  criterionId: z.uuid({ error: 'Choose a criterion of this self-assessment' }),
  /** On the set's scale (green, amber, red; or met, partially_met, not_met, not_applicable); null for not rated yet. */
  rating: z
    .enum(SELF_ASSESSMENT_RATINGS, { error: `Choose a rating: ${SELF_ASSESSMENT_RATINGS.join(', ')}` })
    .nullable()
    .default(null),
  evidence: prose(8000, 'Evidence').default(''),
  gaps: prose(4000, 'Identified gaps').default(''),
  comments: prose(4000, 'Comments').default(''),
});

export const saveSelfAssessmentAnswersSchema = z.object({
  /** The answers to save (each one saved is confirmed: no longer marked carried forward). */
  answers: z
    .array(selfAssessmentAnswerInputSchema, { error: 'List the answers to save' })
    .min(1, { error: 'List at least one answer to save' })
    .max(SELF_ASSESSMENT_MAX_ANSWERS, { error: `Save ${SELF_ASSESSMENT_MAX_ANSWERS} answers at most at once` })
    .refine((answers) => new Set(answers.map((a) => a.criterionId)).size === answers.length, { error: 'Answer each criterion once' }),
});
export type SaveSelfAssessmentAnswersRequest = z.input<typeof saveSelfAssessmentAnswersSchema>;

export const complianceDtoSchema = z
  .object({
    met: z.number().int(),
    partiallyMet: z.number().int(),
    notMet: z.number().int(),
    notApplicable: z.number().int(),
    unanswered: z.number().int(),
    applicable: z.number().int(),
    percent: z.number().int().nullable().describe('Whole per cent of applicable measures met; null when none applies.'),
    text: z.string().describe('`12 of 20 applicable measures met (60%)`'),
  })
  .meta({ id: 'Compliance', description: 'Compliance with a standard set: N of M applicable measures met.' });
export type ComplianceDto = z.infer<typeof complianceDtoSchema>;

export const assessmentScaleDtoSchema = z
  .object({
    id: z.enum(ASSESSMENT_SCALE_IDS),
    label: z.string(),
    answers: z.array(z.object({ value: z.enum(SELF_ASSESSMENT_RATINGS), label: z.string(), letter: z.string(), meaning: z.string() })),
  })
  .meta({ id: 'AssessmentScale', description: 'The answers a standard set’s criteria take, best first.' });
export type AssessmentScaleDto = z.infer<typeof assessmentScaleDtoSchema>;

const versionRef = z.object({ id: id(), setId: id(), code: z.string(), name: z.string(), version: z.number().int(), national: z.boolean() });

const summaryFields = {
  id: id().nullable().describe('Null while the organisation has not started it.'),
  cycle: z.object({ id: id(), name: z.string(), status: z.string() }),
  activity: z.object({ id: id(), title: z.string(), fy: z.string(), quarter: z.number().int(), dueDate: day() }),
  organisation: z.object({ id: id(), name: z.string(), type: z.string() }),
  state: z.enum(SELF_ASSESSMENT_STATES),
  standardSetVersion: versionRef.nullable().describe('Null while the activity names no version.'),
  answered: z.number().int().describe('Applicable criteria rated.'),
  applicable: z.number().int().describe('Criteria that apply to the organisation’s type.'),
  carriedForward: z.number().int().describe('Answers carried forward from the previous cycle, not yet confirmed.'),
  progressText: z.string().describe('`34 of 52 answered`'),
  compliance: complianceDtoSchema,
  overdue: z.boolean().describe('Not submitted, and the activity’s due date has passed.'),
  submittedAt: timestamp().nullable(),
  submittedBy: personRef().nullable(),
  updatedAt: timestamp().nullable(),
};

export const selfAssessmentSummaryDtoSchema = z
  .object(summaryFields)
  .meta({ id: 'SelfAssessmentSummary', description: 'An organisation’s self-assessment for an activity: its state and progress.' });
export type SelfAssessmentSummaryDto = z.infer<typeof selfAssessmentSummaryDtoSchema>;

export const selfAssessmentListDtoSchema = z
  .object({
    asOf: day(),
    items: z.array(selfAssessmentSummaryDtoSchema),
    can: z.object({ manage: z.boolean(), submit: z.boolean() }),
  })
  .meta({ id: 'SelfAssessmentList', description: 'A cycle’s self-assessments the caller may see: per activity, per organisation in scope.' });
export type SelfAssessmentListDto = z.infer<typeof selfAssessmentListDtoSchema>;

export const selfAssessmentAnswerDtoSchema = z.object({
  rating: z.enum(SELF_ASSESSMENT_RATINGS).nullable(),
  evidence: z.string(),
  gaps: z.string(),
  comments: z.string(),
  carriedForward: z.boolean().describe('The previous cycle’s answer, not yet confirmed or changed.'),
  answeredBy: personRef().nullable(),
  answeredAt: timestamp().nullable(),
});
export type SelfAssessmentAnswerDto = z.infer<typeof selfAssessmentAnswerDtoSchema>;

export const selfAssessmentFileDtoSchema = z
  .object({
    id: id(),
    fileName: z.string(),
    kind: z.enum(SUBMISSION_FILE_KINDS).describe('What its bytes are (sniffed, not the name or declared type).'),
    sizeBytes: z.number().int().min(1),
    uploadedAt: timestamp(),
    uploadedBy: personRef().nullable(),
    carriedForward: z.boolean().describe('Evidence of the previous cycle, until the answer is confirmed.'),
    downloadUrl: z.string().describe('Relative URL of the file.'),
  })
  .meta({ id: 'SelfAssessmentFile', description: 'An evidence file of a criterion’s answer.' });
export type SelfAssessmentFileDto = z.infer<typeof selfAssessmentFileDtoSchema>;

export const selfAssessmentCriterionActionDtoSchema = z
  .object({
    id: id(),
    description: z.string(),
    status: z.enum(WORK_ITEM_STATUSES),
    statusLabel: z.string(),
    dueDate: day().nullable(),
    overdue: z.boolean().describe('Past its due date and not complete.'),
  })
  .meta({ id: 'SelfAssessmentCriterionAction', description: 'An action of the organisation’s plan for a criterion of its self-assessment.' });
export type SelfAssessmentCriterionActionDto = z.infer<typeof selfAssessmentCriterionActionDtoSchema>;

export const selfAssessmentDtoSchema = z
  .object({
    ...summaryFields,
    id: id(),
    scale: assessmentScaleDtoSchema,
    carriedFrom: z.object({ id: id(), cycleName: z.string() }).nullable().describe('The previous cycle’s self-assessment its answers started from.'),
    sections: z.array(
      z.object({
        id: id(),
        number: z.string(),
        title: z.string(),
        compliance: complianceDtoSchema,
        criteria: z.array(
          z.object({
            id: id(),
            number: z.string(),
            text: z.string(),
            evidenceExpected: z.string(),
            answer: selfAssessmentAnswerDtoSchema.nullable(),
            files: z.array(selfAssessmentFileDtoSchema).describe('Evidence files, oldest first.'),
            actions: z
              .array(selfAssessmentCriterionActionDtoSchema)
              .describe(
                'The actions of the organisation’s plan in this cycle for this criterion (its gap made an action, or a finding’s), oldest first.',
              ),
          }),
        ),
      }),
    ),
    reopenedAt: timestamp().nullable(),
    can: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      reopen: z.boolean(),
      addAction: z.boolean().describe('Make a criterion’s gap an action of the organisation’s plan (managers).'),
    }),
  })
  .meta({
    id: 'SelfAssessment',
    description: 'An organisation’s self-assessment: its criteria by section (those that apply to it) and its answers.',
  });
export type SelfAssessmentDto = z.infer<typeof selfAssessmentDtoSchema>;

export const complianceSummaryDtoSchema = z
  .object({
    asOf: day(),
    cycle: z.object({ id: id(), name: z.string(), status: z.string() }),
    activity: z.object({ id: id(), title: z.string(), fy: z.string(), quarter: z.number().int(), dueDate: day() }),
    standardSetVersion: versionRef.nullable(),
    scale: assessmentScaleDtoSchema.nullable(),
    sections: z.array(z.object({ id: id(), number: z.string(), title: z.string() })),
    organisations: z.array(
      z.object({
        organisation: z.object({ id: id(), name: z.string(), type: z.string() }),
        selfAssessmentId: id().nullable(),
        state: z.enum(SELF_ASSESSMENT_STATES),
        overall: complianceDtoSchema,
        sections: z
          .array(z.object({ sectionId: id(), compliance: complianceDtoSchema }))
          .describe('In the order of `sections`; a section with no criterion applying to the organisation has applicable 0.'),
      }),
    ),
    overall: complianceDtoSchema.describe('Every organisation’s answers together.'),
  })
  .meta({
    id: 'ComplianceSummary',
    description: 'A self-assessment activity’s compliance: per organisation, per section, and organisations × sections (the heat map).',
  });
export type ComplianceSummaryDto = z.infer<typeof complianceSummaryDtoSchema>;
