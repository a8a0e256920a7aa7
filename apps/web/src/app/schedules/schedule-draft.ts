import {
  type DraftedReportKind,
  type RecurrenceInput,
  REPORT_KINDS,
  type ReportKindValue,
  type ScheduleDto,
  type ScheduleInput,
  scheduleInputSchema,
} from '@plexus/contracts';
import {
  describeRecurrence,
  MAX_WORKING_DAYS_AFTER_MEETING,
  MONTH_NAMES,
  parseRecurrence,
  RECURRENCE_KINDS,
  RecurrenceError,
  type RecurrenceKind,
} from '@plexus/domain';
import { type FieldErrors, fieldErrorsFromIssues, prefixFieldErrors } from '../core/form-errors';
import {
  type CheckedRequest,
  checkDraft,
  isPaperBodyKind,
  isReportKind,
  newReportDraft,
  newRowKey,
  type PaperPurpose,
  type ReportDraft,
} from '../reports/report-draft';

// ---- the recurrence ---------------------------------------------------------------------------------

/** Which day of the month, for the quarterly and twice-a-year kinds: a working day, or a day number. */
export type DayChoice = 'first_working_day' | 'last_working_day' | 'day';

/**
 * The recurrence builder's state. Numbers are kept as typed so that a half-typed value is not lost; one
 * draft serves every kind, so that switching kind keeps what was chosen (the time, the months).
 */
export interface RecurrenceDraft {
  kind: RecurrenceKind;
  /** Monthly on a day: the day 1–31. */
  day: string;
  /** First or last working day: the months (none: every month); twice a year: the two months. */
  months: number[];
  /** Quarterly and twice a year: which day of the month. */
  on: DayChoice;
  /** …and the day number when `on` is `day`. */
  onDay: string;
  /** Quarterly: the quarter's first, second or third month. */
  monthOfQuarter: 1 | 2 | 3;
  /** After each board meeting: how many working days later (0: the day itself). */
  workingDaysAfter: string;
  /** HH:MM, Europe/London. */
  time: string;
  /** Advanced: five-field cron. */
  expression: string;
}

export const DEFAULT_TIME = '07:00';

export const RECURRENCE_KIND_LABELS: Record<RecurrenceKind, string> = {
  monthly_on_day: 'Monthly, on a day of the month',
  first_working_day: 'First working day of the month',
  last_working_day: 'Last working day of the month',
  quarterly: 'Quarterly (NHS financial quarters)',
  twice_yearly: 'Twice a year',
  after_board_meeting: 'After each board meeting',
  cron: 'Advanced: a cron expression',
};

export const RECURRENCE_KIND_HINTS: Record<RecurrenceKind, string> = {
  monthly_on_day: 'The same day every month, working day or not. A day past the end of a month means its last day.',
  first_working_day: 'Weekends and England and Wales bank holidays are skipped. Choose the months, or none for every month.',
  last_working_day: 'Weekends and England and Wales bank holidays are skipped. Choose the months, or none for every month.',
  quarterly: 'Once in each quarter of the NHS financial year: April to June, July to September, October to December, January to March.',
  twice_yearly: 'In two months of every year, for example April and October.',
  after_board_meeting: "After each of the network's board meetings.",
  cron: 'Minute, hour, day of the month, month and day of the week, read in UK time. For example 0 7 * * 1 is every Monday at 07:00.',
};

export const RECURRENCE_KIND_LIST: readonly RecurrenceKind[] = RECURRENCE_KINDS;

export const MONTHS: ReadonlyArray<{ value: number; label: string }> = MONTH_NAMES.map((label, i) => ({ value: i + 1, label }));

export function newRecurrenceDraft(): RecurrenceDraft {
  return {
    kind: 'first_working_day',
    day: '1',
    months: [],
    on: 'first_working_day',
    onDay: '1',
    monthOfQuarter: 1,
    workingDaysAfter: '1',
    time: DEFAULT_TIME,
    expression: '0 7 * * 1',
  };
}

export function isRecurrenceKind(value: unknown): value is RecurrenceKind {
  return typeof value === 'string' && (RECURRENCE_KINDS as readonly string[]).includes(value);
}

/** A whole number as typed, or the text itself (then the check names it). */
function whole(value: string): number | string {
  const trimmed = value.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function dayInMonth(on: DayChoice, day: string): number | string {
  return on === 'day' ? whole(day) : on;
}

/** What the builder would send: the wire shape of the chosen kind, with only that kind's fields. */
export function recurrenceFromDraft(d: RecurrenceDraft): RecurrenceInput {
  const time = d.time.trim();
  const months = [...new Set(d.months)].sort((a, b) => a - b);
  let value: Record<string, unknown>;
  switch (d.kind) {
    case 'monthly_on_day':
      value = { kind: d.kind, day: whole(d.day), time };
      break;
    case 'first_working_day':
    case 'last_working_day':
      value = months.length && months.length < 12 ? { kind: d.kind, months, time } : { kind: d.kind, time };
      break;
    case 'quarterly':
      value = { kind: d.kind, on: dayInMonth(d.on, d.onDay), ...(d.monthOfQuarter === 1 ? {} : { monthOfQuarter: d.monthOfQuarter }), time };
      break;
    case 'twice_yearly':
      value = { kind: d.kind, months, on: dayInMonth(d.on, d.onDay), time };
      break;
    case 'after_board_meeting':
      value = { kind: d.kind, workingDaysAfter: whole(d.workingDaysAfter), time };
      break;
    case 'cron':
      value = { kind: d.kind, expression: d.expression.trim().replace(/\s+/g, ' ') };
      break;
  }
  return value as RecurrenceInput;
}

/** The builder's state for a saved recurrence (as the API gives it back). */
export function recurrenceDraftFrom(recurrence: Record<string, unknown>): RecurrenceDraft {
  const draft = newRecurrenceDraft();
  const r = recurrence as Record<string, unknown> & { kind?: unknown };
  if (!isRecurrenceKind(r.kind)) return draft;
  draft.kind = r.kind;
  if (typeof r['time'] === 'string') draft.time = r['time'];
  if (typeof r['day'] === 'number') draft.day = String(r['day']);
  if (Array.isArray(r['months'])) draft.months = r['months'].filter((m): m is number => typeof m === 'number');
  const on = r['on'];
  if (on === 'first_working_day' || on === 'last_working_day') draft.on = on;
  else if (typeof on === 'number') {
    draft.on = 'day';
    draft.onDay = String(on);
  }
  if (r['monthOfQuarter'] === 2 || r['monthOfQuarter'] === 3) draft.monthOfQuarter = r['monthOfQuarter'];
  if (typeof r['workingDaysAfter'] === 'number') draft.workingDaysAfter = String(r['workingDaysAfter']);
  if (typeof r['expression'] === 'string') draft.expression = r['expression'];
  return draft;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function isWholeIn(value: number | string, min: number, max: number): boolean {
  return typeof value === 'number' && value >= min && value <= max;
}

/**
 * The recurrence's problems in plain words, by field (`time`, `day`, `months`, `on`, `workingDaysAfter`,
 * `expression`), before anything is sent; then the domain's own check (`parseRecurrence`), as the API runs it.
 */
export function recurrenceProblems(d: RecurrenceDraft): FieldErrors {
  const errors: Record<string, string> = {};
  if (d.kind !== 'cron' && !TIME.test(d.time.trim())) errors['time'] = 'Enter a time as HH:MM, 24-hour, like 07:00';
  if (d.kind === 'monthly_on_day' && !isWholeIn(whole(d.day), 1, 31)) errors['day'] = 'Enter a day of the month from 1 to 31';
  if ((d.kind === 'quarterly' || d.kind === 'twice_yearly') && d.on === 'day' && !isWholeIn(whole(d.onDay), 1, 31)) {
    errors['on'] = 'Enter a day of the month from 1 to 31';
  }
  if (d.kind === 'twice_yearly' && new Set(d.months).size !== 2) errors['months'] = 'Choose two months';
  if (d.kind === 'after_board_meeting' && !isWholeIn(whole(d.workingDaysAfter), 0, MAX_WORKING_DAYS_AFTER_MEETING)) {
    errors['workingDaysAfter'] = `Enter a number of working days from 0 to ${MAX_WORKING_DAYS_AFTER_MEETING}`;
  }
  if (d.kind === 'cron' && !d.expression.trim()) errors['expression'] = 'Enter a cron expression, like 0 7 * * 1';
  if (Object.keys(errors).length) return errors;
  try {
    parseRecurrence(recurrenceFromDraft(d));
  } catch (error) {
    if (!(error instanceof RecurrenceError)) throw error;
    const field = error.field.replace(/\[\d+\]$/, '');
    const message = field === 'expression' ? `Check the cron expression: ${error.message.replace(/^expression: (cron )?/, '')}` : error.message;
    errors[field] = message;
  }
  return errors;
}

/** The recurrence in plain words ("First working day of April and October at 07:00"), or null while it is not valid. */
export function describeDraft(d: RecurrenceDraft): string | null {
  if (Object.keys(recurrenceProblems(d)).length) return null;
  try {
    return describeRecurrence(parseRecurrence(recurrenceFromDraft(d)));
  } catch {
    return null;
  }
}

// ---- the report -------------------------------------------------------------------------------------

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The report form's state for a saved report request (the schedule's `report`), keeping every field of it. */
export function reportDraftFrom(report: Record<string, unknown>, defaults: { author?: string | null } = {}): ReportDraft {
  const draft = newReportDraft(defaults);
  const kind = report['kind'];
  if (!isReportKind(kind)) return draft;
  draft.kind = kind;
  draft.title = str(report['title']);
  const readOptions = (options: Record<string, unknown>, as: 'progress' | 'risk_register') => {
    if (as === 'progress')
      draft.progress = { planId: str(options['planId']), sinceMeetingId: str(options['sinceMeetingId']), toMeetingId: str(options['toMeetingId']) };
    else {
      draft.risk = {
        changedSince: str(options['changedSince']),
        topRisks: typeof options['topRisks'] === 'number' ? String(options['topRisks']) : draft.risk.topRisks,
      };
    }
  };
  if (kind === 'progress' || kind === 'risk_register') readOptions(obj(report['options']), kind);
  if (kind === 'board_paper') {
    const c = obj(report['cover']);
    const list = (value: unknown) => (Array.isArray(value) ? value : []);
    draft.cover = {
      ...draft.cover,
      meeting: str(c['meeting'], draft.cover.meeting),
      meetingDate: str(c['meetingDate']),
      paperReference: str(c['paperReference']),
      author: str(c['author'], draft.cover.author),
      purposes: list(c['purposes']).filter((p): p is PaperPurpose => typeof p === 'string') as PaperPurpose[],
      previousConsideration: list(c['previousConsideration']).map((row) => {
        const r = obj(row);
        return { key: newRowKey(), meeting: str(r['meeting']), date: str(r['date']), outcome: str(r['outcome']) };
      }),
      executiveSummary: str(c['executiveSummary']),
      recommendation: str(c['recommendation']),
      questions: list(c['questions']).map((q) => ({ key: newRowKey(), text: str(q) })),
      priorities: list(c['priorities']).map((row) => {
        const r = obj(row);
        const link = r['link'] === 'no' || r['link'] === 'not_applicable' ? r['link'] : 'yes';
        return { key: newRowKey(), priority: str(r['priority']), link };
      }),
      equalityImpact: str(c['equalityImpact']),
      publicInvolvement: str(c['publicInvolvement']),
      riskReferences: list(c['riskReferences']).filter((r): r is string => typeof r === 'string'),
      nextPaperDate: str(c['nextPaperDate'], draft.cover.nextPaperDate),
    };
    const body = obj(report['body']);
    draft.body = isPaperBodyKind(body['kind']) ? body['kind'] : 'none';
    if (body['kind'] === 'progress' || body['kind'] === 'risk_register') readOptions(obj(body['options']), body['kind']);
  }
  return draft;
}

/** The options of a distribution record (the delivery log as a PDF), as typed: '' is "every schedule" or "no limit". */
export interface DistributionDraft {
  scheduleId: string;
  from: string;
  to: string;
}

export function isAnyReportKind(value: unknown): value is ReportKindValue {
  return typeof value === 'string' && (REPORT_KINDS as readonly string[]).includes(value);
}

function distributionDraftFrom(options: Record<string, unknown>): DistributionDraft {
  return { scheduleId: str(options['scheduleId']), from: str(options['from']), to: str(options['to']) };
}

/** A distribution record's request: only the options that are set (the schema checks them). */
function distributionRequest(d: DistributionDraft, title: string): ScheduleInput['report'] {
  const options: { scheduleId?: string; from?: string; to?: string } = {};
  if (d.scheduleId) options.scheduleId = d.scheduleId;
  if (d.from.trim()) options.from = d.from.trim();
  if (d.to.trim()) options.to = d.to.trim();
  const trimmed = title.trim();
  return { kind: 'distribution_record', ...(trimmed ? { title: trimmed } : {}), options };
}

// ---- the whole schedule -----------------------------------------------------------------------------

export type DeliveryMode = 'attach' | 'link';

export interface ScheduleDraft {
  name: string;
  /** Which report: one the report form drafts (its options in `report`), or a distribution record (in `distribution`). */
  reportKind: ReportKindValue;
  /** The options of a progress or risk register report or a board paper; kept while another kind is chosen. */
  report: ReportDraft;
  distribution: DistributionDraft;
  recurrence: RecurrenceDraft;
  recipientIds: string[];
  listIds: string[];
  onlyIfChanged: boolean;
  delivery: DeliveryMode;
  /** How long a link works, in days, as typed. */
  linkDays: string;
  subject: string;
  message: string;
}

export const DEFAULT_LINK_DAYS = 30;

export function newScheduleDraft(defaults: { author?: string | null } = {}): ScheduleDraft {
  return {
    name: '',
    reportKind: 'progress',
    report: newReportDraft(defaults),
    distribution: { scheduleId: '', from: '', to: '' },
    recurrence: newRecurrenceDraft(),
    recipientIds: [],
    listIds: [],
    onlyIfChanged: false,
    delivery: 'attach',
    linkDays: String(DEFAULT_LINK_DAYS),
    subject: '',
    message: '',
  };
}

export function scheduleDraftFrom(dto: ScheduleDto, defaults: { author?: string | null } = {}): ScheduleDraft {
  return {
    name: dto.name,
    reportKind: isAnyReportKind(dto.report['kind']) ? dto.report['kind'] : dto.reportKind,
    report: reportDraftFrom(dto.report, defaults),
    distribution: distributionDraftFrom(obj(dto.report['options'])),
    recurrence: recurrenceDraftFrom(dto.recurrence),
    recipientIds: dto.recipients.map((r) => r.id),
    listIds: dto.lists.map((l) => l.id),
    onlyIfChanged: dto.onlyIfChanged,
    delivery: dto.delivery,
    linkDays: String(dto.linkDays),
    subject: dto.subject,
    message: dto.message,
  };
}

/**
 * A server's (or the schema's) field path as the form names it: `recurrence.months.1` → `recurrence.months`,
 * `recipientIds.0` → `recipientIds`, `listIds.2` → `listIds`, `recurrence` → `recurrence.kind`.
 */
export function formPath(path: string): string {
  if (path === 'recurrence') return 'recurrence.kind';
  const m = /^(recurrence\.months|recipientIds|listIds)\.\d+$/.exec(path);
  return m ? m[1] : path;
}

/** The messages with their paths as the form names them; the first message of a field wins. */
export function formErrors(errors: FieldErrors): FieldErrors {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const to = formPath(path);
    if (!(to in result)) result[to] = message;
  }
  return result;
}

/** The form's fields from top to bottom, by the start of their paths: the error summary lists them in this order. */
const FORM_ORDER = [
  '',
  'name',
  'report.kind',
  'report.title',
  'report',
  'recurrence.kind',
  'recurrence',
  'recipientIds',
  'listIds',
  'onlyIfChanged',
  'delivery',
  'linkDays',
  'subject',
  'message',
];

function orderOf(path: string): number {
  let best = FORM_ORDER.length;
  FORM_ORDER.forEach((start, i) => {
    if (path === start || (start && path.startsWith(`${start}.`))) best = Math.min(best, i);
  });
  return best;
}

/** The messages, from the top of the form down (the error summary's order). */
export function inFormOrder(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => orderOf(a) - orderOf(b)));
}

/** The input the form would send, before any check (numbers as typed, for the schema to name). */
export function inputFromDraft(d: ScheduleDraft, report: ScheduleInput['report']): ScheduleInput {
  const linkDays = whole(d.linkDays);
  return {
    name: d.name,
    report,
    recurrence: recurrenceFromDraft(d.recurrence),
    recipientIds: d.recipientIds,
    listIds: d.listIds,
    onlyIfChanged: d.onlyIfChanged,
    delivery: d.delivery,
    // A link's lifetime only matters for links; otherwise what is kept is sent back (or the default).
    linkDays: (d.delivery === 'link' ? linkDays : isWholeIn(linkDays, 1, 90) ? linkDays : DEFAULT_LINK_DAYS) as number,
    subject: d.subject,
    message: d.message,
  };
}

export type CheckedSchedule = { ok: true; input: ScheduleInput } | { ok: false; errors: FieldErrors };

/**
 * Checks the whole form as the API will (`scheduleInputSchema`), with plain-words messages for the
 * recurrence, the report's options and the link's lifetime, each on its field's path.
 */
export function checkSchedule(d: ScheduleDraft): CheckedSchedule {
  const report: CheckedRequest =
    d.reportKind === 'distribution_record'
      ? { ok: true, request: distributionRequest(d.distribution, d.report.title) }
      : checkDraft({ ...d.report, kind: d.reportKind as DraftedReportKind });
  const errors: Record<string, string> = {
    ...prefixFieldErrors(recurrenceProblems(d.recurrence), 'recurrence'),
    ...(report.ok ? {} : prefixFieldErrors(report.errors, 'report')),
  };
  // The form offers only the kinds a schedule sends; the schedule's schema below refuses any other (naming report.kind).
  const input = inputFromDraft(d, report.request as ScheduleInput['report']);
  if (d.delivery === 'link' && !isWholeIn(whole(d.linkDays), 1, 90)) errors['linkDays'] = 'Enter how many days the link works, from 1 to 90';
  // The schema's own rule, said here too: zod skips it while another field is wrong.
  if (!d.recipientIds.length && !d.listIds.length) errors['recipientIds'] = 'Choose at least one recipient or distribution list';
  const parsed = scheduleInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(formErrors(fieldErrorsFromIssues(parsed.error.issues)))) {
      // The plainer messages above win; the recurrence and report are only the schema's when nothing was said about them.
      const covered = (path.startsWith('recurrence.') && Object.keys(errors).some((p) => p.startsWith('recurrence.'))) || path in errors;
      const coveredReport = path.startsWith('report.') && !report.ok;
      if (!covered && !coveredReport) errors[path] = message;
    }
  }
  if (Object.keys(errors).length || !parsed.success) {
    return { ok: false, errors: Object.keys(errors).length ? inFormOrder(errors) : { '': 'Check the schedule' } };
  }
  return { ok: true, input: parsed.data as unknown as ScheduleInput };
}
