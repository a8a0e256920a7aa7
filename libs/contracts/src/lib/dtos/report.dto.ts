import { z } from 'zod';
import { isoDate, prose, text } from '../fields';
import { annualReportOptionsSchema } from './annual-report.dto';
import { id, personRef, timestamp } from './response-fields';

// Board reports: what a manager asks for, and the documents in the network's library.

export const REPORT_KINDS = ['progress', 'risk_register', 'board_paper', 'distribution_record', 'board_pack', 'annual_report'] as const;
export type ReportKindValue = (typeof REPORT_KINDS)[number];
/**
 * The kinds asked for from the new-report form; a distribution record is asked for from the delivery log, a board pack
 * from its meeting's page, an annual report from its own page.
 */
export const DRAFTED_REPORT_KINDS = ['progress', 'risk_register', 'board_paper'] as const;
export type DraftedReportKind = (typeof DRAFTED_REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKindValue, string> = {
  progress: 'Progress report',
  risk_register: 'Risk register report',
  board_paper: 'Board paper',
  distribution_record: 'Distribution record',
  board_pack: 'Board pack',
  annual_report: 'Annual report',
};

export const PAPER_PURPOSES = ['decision', 'discussion', 'assurance', 'noting'] as const;
export const PAPER_PURPOSE_LABELS: Record<(typeof PAPER_PURPOSES)[number], string> = {
  decision: 'Decision — to formally receive a report and approve its recommendations or a course of action',
  discussion: 'Discussion — to discuss, in depth, noting its implications without formally approving',
  assurance: 'Assurance — to assure the board that systems and processes are in place, or to advise a gap with its treatment plan',
  noting: 'Noting — for noting without the need for discussion',
};

export const progressReportOptionsSchema = z.object({
  /** The plan to report on; the network's current (latest) plan when omitted. */
  planId: z.uuid({ error: 'Choose a plan' }).optional(),
  /**
   * "Since the last board": the board meeting to compare from. With neither meeting chosen, the last two meetings
   * held up to today; with only the other one, the meeting before it.
   */
  sinceMeetingId: z.uuid({ error: 'Choose a board meeting to compare from' }).optional(),
  /** The board meeting to compare with (one still to come compares up to today); the last one held when omitted. */
  toMeetingId: z.uuid({ error: 'Choose a board meeting to compare with' }).optional(),
});

export const riskReportOptionsSchema = z.object({
  /** Risks whose scores changed on or after this date are listed as changes (e.g. the last board meeting). */
  changedSince: isoDate('date of the last board').optional(),
  /** How many of the highest-scoring risks to show as top risks. */
  topRisks: z.number().int().min(1, { error: 'Show at least 1 top risk' }).max(50, { error: 'Show 50 top risks at most' }).default(10),
});

export const distributionRecordOptionsSchema = z.object({
  /** One schedule's runs and deliveries; every schedule's when omitted. */
  scheduleId: z.uuid({ error: 'Choose a schedule' }).optional(),
  /** Runs on or after this day. */
  from: isoDate('first day').optional(),
  /** Runs on or before this day. */
  to: isoDate('last day').optional(),
});

export const boardPackOptionsSchema = z.object({
  /** The board meeting whose papers the pack holds (front page, agenda, contents, then every paper in agenda order). */
  meetingId: z.uuid({ error: 'Choose a board meeting' }),
});

export const boardPaperCoverSchema = z.object({
  meeting: text(200, 'Meeting').min(1, { error: 'Enter the meeting the paper is for, like Network Board' }),
  meetingDate: isoDate('meeting date'),
  paperReference: text(40, 'Paper reference').default(''),
  author: text(200, 'Author').min(1, { error: 'Enter the author' }),
  purposes: z.array(z.enum(PAPER_PURPOSES)).min(1, { error: 'Choose what the paper is for' }).max(4),
  previousConsideration: z
    .array(
      z.object({
        meeting: text(200, 'Meeting').min(1, { error: 'Enter the meeting' }),
        date: text(60, 'Date').default(''),
        outcome: prose(1000, 'Outcome').default(''),
      }),
    )
    .max(10, { error: 'List 10 previous meetings at most' })
    .default([]),
  executiveSummary: prose(12_000, 'Executive summary').min(1, { error: 'Write the executive summary' }),
  questions: z
    .array(prose(1000, 'Question').min(1, { error: 'Write the question or remove it' }))
    .max(10, { error: 'Ask 10 questions at most' })
    .default([]),
  priorities: z
    .array(z.object({ priority: text(200, 'Priority').min(1, { error: 'Name the priority' }), link: z.enum(['yes', 'no', 'not_applicable']) }))
    .max(20)
    .default([]),
  equalityImpact: prose(4000, 'Equality impact assessment').default(''),
  publicInvolvement: prose(4000, 'Patient and public involvement').default(''),
  riskReferences: z
    .array(text(20, 'A risk reference').regex(/^[A-Z][A-Z0-9]{0,5}\/\d{1,5}$/, { error: 'Use risk references like SN/07' }))
    .max(30)
    .default([]),
  nextPaperDate: text(60, 'Date of the next paper').default('TBC'),
});

export const requestReportSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('progress'), title: text(200, 'Title').optional(), options: progressReportOptionsSchema.default({}) }),
    z.object({ kind: z.literal('risk_register'), title: text(200, 'Title').optional(), options: riskReportOptionsSchema.default({ topRisks: 10 }) }),
    z.object({ kind: z.literal('annual_report'), title: text(200, 'Title').optional(), options: annualReportOptionsSchema }),
    z.object({
      kind: z.literal('distribution_record'),
      title: text(200, 'Title').optional(),
      options: distributionRecordOptionsSchema.default({}),
    }),
    z.object({
      kind: z.literal('board_paper'),
      title: text(200, 'Title').min(1, { error: 'Give the paper a title' }),
      cover: boardPaperCoverSchema,
      /** The report that follows the cover sheet; omit it for the cover sheet alone (one page). */
      body: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('progress'), options: progressReportOptionsSchema.default({}) }),
          z.object({ kind: z.literal('risk_register'), options: riskReportOptionsSchema.default({ topRisks: 10 }) }),
          z.object({ kind: z.literal('annual_report'), options: annualReportOptionsSchema }),
        ])
        .optional(),
    }),
  ],
  { error: 'Choose a report type: progress, risk_register, board_paper, distribution_record or annual_report' },
);
export type RequestReportRequest = z.input<typeof requestReportSchema>;

/** A board pack, as the meeting's page asks for it (`POST …/board/meetings/{meetingId}/pack`), never from the report form or a schedule. */
export const boardPackRequestSchema = z.object({
  kind: z.literal('board_pack'),
  title: text(200, 'Title').optional(),
  options: boardPackOptionsSchema,
});

/**
 * What a document of the library was asked for with, as it is stored and as the worker reads it back: any report
 * request, or a board pack.
 */
export const documentRequestSchema = z.discriminatedUnion('kind', [...requestReportSchema.options, boardPackRequestSchema]);
export type DocumentRequest = z.output<typeof documentRequestSchema>;

export const REPORT_STATUSES = ['queued', 'rendering', 'ready', 'failed'] as const;
export type ReportStatusValue = (typeof REPORT_STATUSES)[number];

export const reportDocumentDtoSchema = z
  .object({
    id: id(),
    kind: z.enum(REPORT_KINDS),
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    progress: z.number().int().min(0).max(100).describe('0–100 while rendering.'),
    requestedAt: timestamp(),
    requestedBy: personRef(),
    startedAt: timestamp().nullable(),
    finishedAt: timestamp().nullable(),
    attempts: z.number().int().min(0),
    failureReason: z.string().nullable(),
    templateVersion: z.string().nullable(),
    sizeBytes: z.number().int().min(0).nullable(),
    pageCount: z.number().int().min(0).nullable(),
    sha256: z.string().nullable(),
    downloadUrl: z.string().nullable().describe('Relative URL of the PDF once ready.'),
    can: z.object({ retry: z.boolean() }).describe('What the caller may do: retry a failed one (managers).'),
  })
  .meta({
    id: 'ReportDocument',
    description: "A document in the network's library: its status while queued or rendering, its snapshot facts once ready.",
  });
export type ReportDocumentDto = z.infer<typeof reportDocumentDtoSchema>;
