import { DRAFTED_REPORT_KINDS, PAPER_PURPOSES, requestReportSchema, type DraftedReportKind, type RequestReportRequest } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { lastCompleteFinancialYear } from '../annual-report/financial-years';
import { type FieldErrors, fieldErrorsFromIssues } from '../core/form-errors';

type BoardPaperRequest = Extract<RequestReportRequest, { kind: 'board_paper' }>;

export type PaperPurpose = (typeof PAPER_PURPOSES)[number];
export type PriorityLink = 'yes' | 'no' | 'not_applicable';
/** What follows a board paper's cover sheet: nothing (the cover sheet alone) or one of the reports. */
export type PaperBodyKind = 'none' | 'progress' | 'risk_register' | 'annual_report' | 'peer_review_report' | 'peer_review_summary';

export const PRIORITY_LINKS: ReadonlyArray<{ value: PriorityLink; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_applicable', label: 'Not applicable' },
];

export const PAPER_BODY_KINDS: readonly PaperBodyKind[] = [
  'none',
  'progress',
  'risk_register',
  'annual_report',
  'peer_review_report',
  'peer_review_summary',
];

/** Row limits of the cover sheet (the schema's maximums): the form stops offering "Add" there. */
export const MAX_PREVIOUS_MEETINGS = 10;
export const MAX_QUESTIONS = 10;
export const MAX_PRIORITIES = 20;

/**
 * Options of a progress report, alone or as a board paper's body. `''` is the current approved plan, and for the meetings of
 * "Since the last board" the default (the last two meetings held).
 */
export interface ProgressOptionsDraft {
  planId: string;
  sinceMeetingId: string;
  toMeetingId: string;
}

/** Options of a risk register report, alone or as a board paper's body. Text as typed. */
export interface RiskOptionsDraft {
  changedSince: string;
  topRisks: string;
}

/** Options of an annual report as a board paper's body: the financial year (`2024/25`). */
export interface AnnualOptionsDraft {
  fy: string;
}

/**
 * Options of a peer review report (one organisation's review: the cycle and the organisation) or programme summary
 * (the cycle alone), on its own or as a board paper's body. `''` is not chosen yet.
 */
export interface PeerReviewOptionsDraft {
  cycleId: string;
  organisationId: string;
}

export interface CoverDraft {
  meeting: string;
  meetingDate: string;
  paperReference: string;
  author: string;
  purposes: PaperPurpose[];
  previousConsideration: Array<{ key: number; meeting: string; date: string; outcome: string }>;
  executiveSummary: string;
  recommendation: string;
  questions: Array<{ key: number; text: string }>;
  priorities: Array<{ key: number; priority: string; link: PriorityLink }>;
  equalityImpact: string;
  publicInvolvement: string;
  riskReferences: string[];
  nextPaperDate: string;
}

/**
 * The new-report form. The options of each report are kept once and used both for the report on its
 * own and as a board paper's body, so that switching type keeps what was typed. Rows carry a `key`
 * (never sent) so that the DOM keeps each row's inputs.
 */
export interface ReportDraft {
  kind: DraftedReportKind;
  /** Optional for a progress or risk register report (the API names it after its type), required for a board paper. */
  title: string;
  progress: ProgressOptionsDraft;
  risk: RiskOptionsDraft;
  annual: AnnualOptionsDraft;
  peerReview: PeerReviewOptionsDraft;
  cover: CoverDraft;
  body: PaperBodyKind;
}

let nextKey = 1;
export function newRowKey(): number {
  return nextKey++;
}

export const DEFAULT_TOP_RISKS = 10;
export const DEFAULT_MEETING = 'Network Board';
export const DEFAULT_NEXT_PAPER_DATE = 'TBC';

/** A progress report on the current approved plan, ready to send as it is; a board paper's cover starts with sensible values. */
export function newReportDraft(defaults: { author?: string | null } = {}): ReportDraft {
  return {
    kind: 'progress',
    title: '',
    progress: { planId: '', sinceMeetingId: '', toMeetingId: '' },
    risk: { changedSince: '', topRisks: String(DEFAULT_TOP_RISKS) },
    annual: { fy: lastCompleteFinancialYear(todayIso()) },
    peerReview: { cycleId: '', organisationId: '' },
    cover: {
      meeting: DEFAULT_MEETING,
      meetingDate: '',
      paperReference: '',
      author: defaults.author ?? '',
      purposes: [],
      previousConsideration: [],
      executiveSummary: '',
      recommendation: '',
      questions: [],
      priorities: [],
      equalityImpact: '',
      publicInvolvement: '',
      riskReferences: [],
      nextPaperDate: DEFAULT_NEXT_PAPER_DATE,
    },
    body: 'progress',
  };
}

export function isReportKind(value: unknown): value is DraftedReportKind {
  return typeof value === 'string' && (DRAFTED_REPORT_KINDS as readonly string[]).includes(value);
}

export function isPaperBodyKind(value: unknown): value is PaperBodyKind {
  return typeof value === 'string' && (PAPER_BODY_KINDS as readonly string[]).includes(value);
}

/** An empty date is left out, so that the schema asks for it ("Enter the meeting date") rather than for its format. */
function date(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** An empty box means the default (10); anything else is sent as a number for the schema to check. */
function topRisks(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function progressOptions(draft: ProgressOptionsDraft): { planId?: string; sinceMeetingId?: string; toMeetingId?: string } {
  return {
    ...(draft.planId ? { planId: draft.planId } : {}),
    ...(draft.sinceMeetingId ? { sinceMeetingId: draft.sinceMeetingId } : {}),
    ...(draft.toMeetingId ? { toMeetingId: draft.toMeetingId } : {}),
  };
}

function riskOptions(draft: RiskOptionsDraft): { changedSince?: string; topRisks?: number } {
  const options: { changedSince?: string; topRisks?: number } = {};
  const since = date(draft.changedSince);
  if (since !== undefined) options.changedSince = since;
  const top = topRisks(draft.topRisks);
  if (top !== undefined) options.topRisks = top;
  return options;
}

/** A peer review report's options (or a summary's, the cycle alone): what is not chosen is left out for the schema to ask for. */
function peerReviewOptions(draft: PeerReviewOptionsDraft, withOrganisation: true): { cycleId: string; organisationId: string };
function peerReviewOptions(draft: PeerReviewOptionsDraft, withOrganisation: false): { cycleId: string };
function peerReviewOptions(draft: PeerReviewOptionsDraft, withOrganisation: boolean): { cycleId?: string; organisationId?: string } {
  return {
    ...(draft.cycleId ? { cycleId: draft.cycleId } : {}),
    ...(withOrganisation && draft.organisationId ? { organisationId: draft.organisationId } : {}),
  };
}

/** Risk references in register order (SN/2 before SN/10), whatever order they were ticked in. */
export function sortReferences(references: readonly string[]): string[] {
  return [...new Set(references)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * What the form would send, before validation: the shape of `RequestReportRequest`, so that
 * `requestReportSchema` checks it and its issue paths (`cover.meetingDate`, `body.options.topRisks`)
 * name the form's fields. A board paper without a body is the cover sheet alone.
 */
export function requestFromDraft(draft: ReportDraft): RequestReportRequest {
  const title = draft.title.trim();
  switch (draft.kind) {
    case 'progress':
      return { kind: 'progress', ...(title ? { title } : {}), options: progressOptions(draft.progress) };
    case 'risk_register':
      return { kind: 'risk_register', ...(title ? { title } : {}), options: riskOptions(draft.risk) };
    case 'peer_review_report':
      return { kind: 'peer_review_report', ...(title ? { title } : {}), options: peerReviewOptions(draft.peerReview, true) };
    case 'peer_review_summary':
      return { kind: 'peer_review_summary', ...(title ? { title } : {}), options: peerReviewOptions(draft.peerReview, false) };
    case 'board_paper': {
      const c = draft.cover;
      const request: BoardPaperRequest = {
        kind: 'board_paper',
        title: draft.title,
        cover: {
          meeting: c.meeting,
          // Left out when empty (see `date`): the schema then asks for it.
          meetingDate: date(c.meetingDate) as string,
          paperReference: c.paperReference,
          author: c.author,
          purposes: PAPER_PURPOSES.filter((purpose) => c.purposes.includes(purpose)),
          previousConsideration: c.previousConsideration.map(({ meeting, date: when, outcome }) => ({ meeting, date: when, outcome })),
          executiveSummary: c.executiveSummary,
          recommendation: c.recommendation,
          questions: c.questions.map((row) => row.text),
          priorities: c.priorities.map(({ priority, link }) => ({ priority, link })),
          equalityImpact: c.equalityImpact,
          publicInvolvement: c.publicInvolvement,
          riskReferences: sortReferences(c.riskReferences),
          nextPaperDate: c.nextPaperDate.trim() === '' ? DEFAULT_NEXT_PAPER_DATE : c.nextPaperDate,
        },
      };
      if (draft.body === 'progress') request.body = { kind: 'progress', options: progressOptions(draft.progress) };
      if (draft.body === 'risk_register') request.body = { kind: 'risk_register', options: riskOptions(draft.risk) };
      if (draft.body === 'annual_report') request.body = { kind: 'annual_report', options: { fy: draft.annual.fy } };
      if (draft.body === 'peer_review_report') request.body = { kind: 'peer_review_report', options: peerReviewOptions(draft.peerReview, true) };
      if (draft.body === 'peer_review_summary') request.body = { kind: 'peer_review_summary', options: peerReviewOptions(draft.peerReview, false) };
      return request;
    }
  }
}

/** The path of a report's options in the request: on its own (`options`) or as a board paper's body (`body.options`). */
export function optionsPath(kind: DraftedReportKind): 'options' | 'body.options' {
  return kind === 'board_paper' ? 'body.options' : 'options';
}

/**
 * The schema's messages, with clearer words where zod's own would show (a number of top risks that is
 * not a number), and risk references named by reference rather than by their place in the request.
 */
function messagesFor(request: RequestReportRequest, errors: FieldErrors): FieldErrors {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.endsWith('options.topRisks') && /expected number|NaN/i.test(message)) {
      result[path] = 'Enter the number of top risks as a whole number, like 10';
    } else {
      result[path] = message;
    }
  }
  return riskReferenceErrorsByReference(request, result);
}

/**
 * `cover.riskReferences.2` (the third reference sent) → `cover.riskReferences.SN/07`, whose field id
 * (`cover-riskReferences-SN-07`) is that risk's checkbox. Used for the schema's and the API's messages.
 */
export function riskReferenceErrorsByReference(request: RequestReportRequest, errors: FieldErrors): FieldErrors {
  const sent = request.kind === 'board_paper' ? (request.cover.riskReferences ?? []) : [];
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = /^cover\.riskReferences\.(\d+)$/.exec(path);
    const reference = match ? sent[Number(match[1])] : undefined;
    result[reference ? `cover.riskReferences.${reference}` : path] = message;
  }
  return result;
}

export type CheckedRequest = { ok: true; request: RequestReportRequest } | { ok: false; request: RequestReportRequest; errors: FieldErrors };

/** Builds the request from the form and checks it with the shared schema, as the API will. */
export function checkDraft(draft: ReportDraft): CheckedRequest {
  const request = requestFromDraft(draft);
  const parsed = requestReportSchema.safeParse(request);
  // What is sent is what the schema made of it: trimmed, with its defaults (`topRisks: 10`).
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, request, errors: messagesFor(request, fieldErrorsFromIssues(parsed.error.issues)) };
}
