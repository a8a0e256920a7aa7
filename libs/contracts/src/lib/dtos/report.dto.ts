import { z } from 'zod';
import { isoDate, prose, text } from '../fields';
import { annualReportOptionsSchema } from './annual-report.dto';
import { id, personRef, timestamp } from './response-fields';

// Board reports: what a manager asks for, and the documents in the network's library.

export const REPORT_KINDS = [
  'progress',
  'risk_register',
  'board_paper',
  'distribution_record',
  'board_pack',
  'annual_report',
  'peer_review_report',
  'peer_review_summary',
] as const;
export type ReportKindValue = (typeof REPORT_KINDS)[number];
/**
 * The kinds asked for from the new-report form; a distribution record is asked for from the delivery log, a board pack
 * from its meeting's page, an annual report from its own page. The peer review kinds are also asked for from the
 * review's page and the cycle's page.
 */
export const DRAFTED_REPORT_KINDS = ['progress', 'risk_register', 'board_paper', 'peer_review_report', 'peer_review_summary'] as const;
export type DraftedReportKind = (typeof DRAFTED_REPORT_KINDS)[number];
/** The peer review kinds: they hold organisations' self-assessment results and reviews (see `hiddenFromContributors`). */
export const PEER_REVIEW_REPORT_KINDS = ['peer_review_report', 'peer_review_summary'] as const;
export type PeerReviewReportKind = (typeof PEER_REVIEW_REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKindValue, string> = {
  progress: 'Progress report',
  risk_register: 'Risk register report',
  board_paper: 'Board paper',
  distribution_record: 'Distribution record',
  board_pack: 'Board pack',
  annual_report: 'Annual report',
  peer_review_report: 'Peer review report',
  peer_review_summary: 'Peer review programme summary',
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

export const peerReviewReportOptionsSchema = z.object({
  /** The peer review cycle (programme) the review belongs to. */
  cycleId: z.uuid({ error: 'Choose a peer review cycle' }),
  /** The organisation reviewed: one in the cycle's scope (a cycle holds one review per organisation). */
  organisationId: z.uuid({ error: 'Choose an organisation in the cycle' }),
});

export const peerReviewSummaryOptionsSchema = z.object({
  /** The peer review cycle (programme) summarised across every organisation in its scope. */
  cycleId: z.uuid({ error: 'Choose a peer review cycle' }),
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
  /** What the board is asked to do; when left empty the paper says it from the purposes ("The board is asked to note …"). */
  recommendation: prose(4000, 'Recommendation').default(''),
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

const title = () => text(200, 'Title').optional();
const progressRequest = z.object({ kind: z.literal('progress'), title: title(), options: progressReportOptionsSchema.default({}) });
const riskRequest = z.object({ kind: z.literal('risk_register'), title: title(), options: riskReportOptionsSchema.default({ topRisks: 10 }) });
const annualRequest = z.object({ kind: z.literal('annual_report'), title: title(), options: annualReportOptionsSchema });
const distributionRequest = z.object({
  kind: z.literal('distribution_record'),
  title: title(),
  options: distributionRecordOptionsSchema.default({}),
});
const peerReviewReportRequest = z.object({ kind: z.literal('peer_review_report'), title: title(), options: peerReviewReportOptionsSchema });
const peerReviewSummaryRequest = z.object({ kind: z.literal('peer_review_summary'), title: title(), options: peerReviewSummaryOptionsSchema });

/** The reports a board paper can carry after its cover sheet. */
const paperBodies = {
  progress: z.object({ kind: z.literal('progress'), options: progressReportOptionsSchema.default({}) }),
  risk_register: z.object({ kind: z.literal('risk_register'), options: riskReportOptionsSchema.default({ topRisks: 10 }) }),
  annual_report: z.object({ kind: z.literal('annual_report'), options: annualReportOptionsSchema }),
  peer_review_report: z.object({ kind: z.literal('peer_review_report'), options: peerReviewReportOptionsSchema }),
  peer_review_summary: z.object({ kind: z.literal('peer_review_summary'), options: peerReviewSummaryOptionsSchema }),
};

const boardPaperFields = {
  kind: z.literal('board_paper'),
  title: text(200, 'Title').min(1, { error: 'Give the paper a title' }),
  cover: boardPaperCoverSchema,
};
const boardPaperRequest = z.object({
  ...boardPaperFields,
  /** The report that follows the cover sheet; omit it for the cover sheet alone (one page). */
  body: z
    .discriminatedUnion(
      'kind',
      [paperBodies.progress, paperBodies.risk_register, paperBodies.annual_report, paperBodies.peer_review_report, paperBodies.peer_review_summary],
      { error: 'Choose the report that follows the cover sheet: progress, risk_register, annual_report, peer_review_report or peer_review_summary' },
    )
    .optional(),
});
/** A board paper sent on a schedule: its body is not a peer review report or summary. */
const scheduledBoardPaperRequest = z.object({
  ...boardPaperFields,
  body: z
    .discriminatedUnion('kind', [paperBodies.progress, paperBodies.risk_register, paperBodies.annual_report], {
      error:
        'A paper sent on a schedule carries a progress, risk register or annual report: a peer review report or programme summary is asked for once',
    })
    .optional(),
});

export const requestReportSchema = z.discriminatedUnion(
  'kind',
  [progressRequest, riskRequest, annualRequest, distributionRequest, peerReviewReportRequest, peerReviewSummaryRequest, boardPaperRequest],
  {
    error:
      'Choose a report type: progress, risk_register, board_paper, distribution_record, annual_report, peer_review_report or peer_review_summary',
  },
);
export type RequestReportRequest = z.input<typeof requestReportSchema>;

/**
 * What a schedule may send: the report requests but the peer review kinds (one cycle's state, asked for from the
 * review's or the cycle's page, or as a board paper), alone or as a board paper's body. The annual report is refused
 * by the schedule's own rule (see `scheduleInputSchema`).
 */
export const scheduledReportSchema = z.discriminatedUnion(
  'kind',
  [progressRequest, riskRequest, annualRequest, distributionRequest, scheduledBoardPaperRequest],
  {
    error:
      'Choose a report a schedule can send: progress, risk_register, board_paper or distribution_record (a peer review report or programme summary is generated from the peer review pages, or as a board paper asked for once)',
  },
);

/**
 * Whether a document made from this request holds member organisations' peer review results (self-assessments,
 * reviews, action plans): a contributor, who sees only their own organisation's, does not see it in the library.
 */
export function holdsPeerReviewResults(request: { kind: string; body?: { kind: string } | null }): boolean {
  const isPeerReview = (kind: string | undefined) => (PEER_REVIEW_REPORT_KINDS as readonly string[]).includes(kind ?? '');
  return isPeerReview(request.kind) || (request.kind === 'board_paper' && isPeerReview(request.body?.kind));
}

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
    withdrawn: z
      .object({ at: timestamp(), by: personRef(), reason: z.string() })
      .nullable()
      .describe('Set when a manager withdrew the document: kept unchanged, no longer offered by default; its emailed links answer 410.'),
    can: z
      .object({ retry: z.boolean(), withdraw: z.boolean() })
      .describe('What the caller may do: retry a failed one, withdraw a ready one not yet withdrawn (managers).'),
  })
  .meta({
    id: 'ReportDocument',
    description: "A document in the network's library: its status while queued or rendering, its snapshot facts once ready.",
  });
export type ReportDocumentDto = z.infer<typeof reportDocumentDtoSchema>;

/** POST …/reports/{documentId}/withdraw: why the document is withdrawn (required; kept with it and in the audit trail). */
export const withdrawReportSchema = z.object({
  reason: prose(2000, 'The reason').min(1, { error: 'Say why the document is withdrawn' }),
});
export type WithdrawReportRequest = z.input<typeof withdrawReportSchema>;

/** GET …/reports: withdrawn documents are left out unless `withdrawn=include`. */
export const reportLibraryQuerySchema = z.object({
  withdrawn: z.enum(['include', 'exclude'], { error: 'Use withdrawn=include or withdrawn=exclude' }).default('exclude'),
});
export type ReportLibraryQuery = z.input<typeof reportLibraryQuerySchema>;
