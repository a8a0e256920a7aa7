import { SUBMISSION_FILE_KINDS, SUBMISSION_STATES } from '@plexus/domain';
import { z } from 'zod';
import { isoDate, prose } from '../../fields';
import { day, id, personRef, timestamp } from '../response-fields';

// Submissions (issue 9, item 3): per organisation in scope, per required document of a submission activity. Each
// upload is a new version (PDF, Word or Excel, sniffed from its bytes); the network accepts it or asks for more
// information with a reason, and the organisation submits again.

/** The largest document taken (checked while it arrives). */
export const SUBMISSION_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** What a submission's file may be, by its sniffed kind. */
export const SUBMISSION_FILE_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const satisfies Record<(typeof SUBMISSION_FILE_KINDS)[number], string>;
/** For a file input's `accept`. */
export const SUBMISSION_FILE_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx';

export const requestMoreInformationSchema = z.object({
  /** What the organisation should send, in words they can act on. */
  reason: prose(2000, 'Reason').min(1, { error: 'Say what more information the organisation should send' }),
  /** A new due date for the resubmission; omitted or null to keep the current one. */
  dueDate: isoDate('new due date', { example: '2025-07-31' }).nullable().default(null),
});
export type RequestMoreInformationRequest = z.input<typeof requestMoreInformationSchema>;

export const submissionListQuerySchema = z.object({
  /** One organisation's submissions (a contributor may name only their own). */
  organisationId: z.uuid({ error: 'Choose an organisation in the cycle’s scope' }).optional(),
  /** One activity's submissions. */
  activityId: z.uuid({ error: 'Choose an activity of this cycle' }).optional(),
  state: z.enum(SUBMISSION_STATES, { error: `Choose a state: ${SUBMISSION_STATES.join(', ')}` }).optional(),
});
export type SubmissionListQuery = z.input<typeof submissionListQuerySchema>;

export const submissionFileDtoSchema = z
  .object({
    id: id(),
    version: z.number().int().min(1).describe('1 for the first upload; each upload adds one.'),
    fileName: z.string().describe('The name it was uploaded with.'),
    kind: z.enum(SUBMISSION_FILE_KINDS).describe('What its bytes are (sniffed, not the name or declared type).'),
    contentType: z.string(),
    sizeBytes: z.number().int().min(1),
    sha256: z.string(),
    uploadedAt: timestamp(),
    uploadedBy: personRef(),
    downloadUrl: z.string().describe('Relative URL of the file.'),
  })
  .meta({ id: 'SubmissionFile', description: 'One uploaded version of a submission’s document.' });
export type SubmissionFileDto = z.infer<typeof submissionFileDtoSchema>;

const submissionFields = {
  id: id(),
  cycle: z.object({ id: id(), name: z.string(), status: z.string() }),
  activity: z.object({ id: id(), title: z.string(), fy: z.string(), quarter: z.number().int() }),
  organisation: z.object({ id: id(), name: z.string() }),
  documentName: z.string(),
  state: z.enum(SUBMISSION_STATES),
  reason: z.string().describe('Why more information was asked for (empty otherwise).'),
  dueDate: day(),
  overdue: z.boolean().describe('Awaited or more information requested, and past its due date (UK days).'),
  daysUntilDue: z.number().int().describe('Whole days from today to the due date; negative once past.'),
  submittedAt: timestamp().nullable(),
  submittedBy: personRef().nullable(),
  reviewedAt: timestamp().nullable(),
  reviewedBy: personRef().nullable(),
  latestFile: submissionFileDtoSchema.nullable().describe('The newest version, if any was uploaded.'),
  fileCount: z.number().int().min(0),
  can: z
    .object({ upload: z.boolean(), review: z.boolean() })
    .describe('What the caller may do: upload a version (the organisation’s contributors, managers), accept or ask for more (managers).'),
  createdAt: timestamp(),
  updatedAt: timestamp(),
};

export const submissionSummaryDtoSchema = z
  .object(submissionFields)
  .meta({ id: 'SubmissionSummary', description: 'A required document of one organisation, as lists show it.' });
export type SubmissionSummaryDto = z.infer<typeof submissionSummaryDtoSchema>;

export const submissionChaserDtoSchema = z
  .object({
    step: z.string().describe('before-14d, before-3d… or overdue.'),
    dueDate: day().describe('The due date the step was counted from.'),
    sentAt: timestamp(),
    recipients: z.number().int().min(0).describe('Emails sent: one per contributor of the organisation.'),
  })
  .meta({ id: 'SubmissionChaser', description: 'A reminder emailed to the organisation’s contributors.' });
export type SubmissionChaserDto = z.infer<typeof submissionChaserDtoSchema>;

export const submissionDtoSchema = z
  .object({
    ...submissionFields,
    asOf: day(),
    files: z.array(submissionFileDtoSchema).describe('Every version, newest first.'),
    chasers: z.array(submissionChaserDtoSchema).describe('Reminders sent, newest first.'),
  })
  .meta({ id: 'Submission', description: 'A required document of one organisation, with every uploaded version and the reminders sent.' });
export type SubmissionDto = z.infer<typeof submissionDtoSchema>;

export const submissionListDtoSchema = z
  .object({
    asOf: day().describe('Today in UK time.'),
    items: z.array(submissionSummaryDtoSchema).describe('By due date, then organisation and document.'),
  })
  .meta({ id: 'SubmissionList', description: 'Submissions of a cycle that the caller may see.' });
export type SubmissionListDto = z.infer<typeof submissionListDtoSchema>;

export const mySubmissionsDtoSchema = z
  .object({
    asOf: day(),
    organisation: z
      .object({ id: id(), name: z.string() })
      .nullable()
      .describe('The organisation the caller acts for (contributors); null for everyone else.'),
    items: z
      .array(submissionSummaryDtoSchema)
      .describe('What the organisation owes in active cycles (awaited or more information requested), soonest due first; then what it has sent.'),
  })
  .meta({ id: 'MySubmissions', description: 'What my organisation owes, and by when.' });
export type MySubmissionsDto = z.infer<typeof mySubmissionsDtoSchema>;
