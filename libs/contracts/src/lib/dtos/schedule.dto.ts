import { RecurrenceError, parseRecurrence, type Recurrence } from '@plexus/domain';
import { z } from 'zod';
import { prose, text } from '../fields';
import { REPORT_KINDS, scheduledReportSchema } from './report.dto';
import { id, timestamp } from './response-fields';

// Scheduled emailed reports (issue 11): the schedule a manager keeps, its runs and deliveries (the delivery log).

const time = z.string({ error: 'Give a time as HH:MM' }).describe('HH:MM, 24-hour, Europe/London');
const month = z.number({ error: 'Months are numbers 1–12' }).int().min(1).max(12);
const dayInMonth = z
  .union([z.literal('first_working_day'), z.literal('last_working_day'), z.number().int().min(1).max(31)], {
    error: 'Choose first_working_day, last_working_day or a day from 1 to 31',
  })
  .describe(
    'The first or last working day of the month (weekends and England & Wales bank holidays skipped), or a day 1–31 (past the end of a month: its last day).',
  );

/**
 * When a scheduled report is sent, in Europe/London. The shapes are documented here; `parseRecurrence` of
 * @plexus/domain checks the rest (a cron expression's fields, months not repeated) and names the field at fault.
 */
export const recurrenceSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('monthly_on_day'), day: z.number().int().min(1).max(31), time }).strict(),
      z.object({ kind: z.literal('first_working_day'), months: z.array(month).min(1).max(12).optional(), time }).strict(),
      z.object({ kind: z.literal('last_working_day'), months: z.array(month).min(1).max(12).optional(), time }).strict(),
      z
        .object({
          kind: z.literal('quarterly'),
          on: dayInMonth,
          monthOfQuarter: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
          time,
        })
        .strict()
        .describe('Once per NHS financial quarter (Q1 April–June …), in its first month unless monthOfQuarter says otherwise.'),
      z.object({ kind: z.literal('twice_yearly'), months: z.tuple([month, month]), on: dayInMonth, time }).strict(),
      z
        .object({ kind: z.literal('after_board_meeting'), workingDaysAfter: z.number().int().min(0).max(60).optional(), time })
        .strict()
        .describe('After each board meeting of the network: that many working days later (1, the next working day, unless given).'),
      z
        .object({ kind: z.literal('cron'), expression: text(100, 'The cron expression') })
        .strict()
        .describe('Five-field cron (minute hour day-of-month month day-of-week) read in Europe/London.'),
    ],
    {
      error: 'Choose when to send: monthly_on_day, first_working_day, last_working_day, quarterly, twice_yearly, after_board_meeting or cron',
    },
  )
  .transform((value, ctx): Recurrence => {
    try {
      return parseRecurrence(value);
    } catch (error) {
      if (!(error instanceof RecurrenceError)) throw error;
      const path = error.field
        .split(/[.[\]]/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      ctx.addIssue({ code: 'custom', path, message: error.message });
      return z.NEVER;
    }
  })
  .describe('When a scheduled report is sent, in Europe/London.');
export type RecurrenceInput = z.input<typeof recurrenceSchema>;

export const SCHEDULE_DELIVERIES = ['attach', 'link'] as const;
export const SCHEDULE_STATUSES = ['active', 'paused', 'archived'] as const;
export const RUN_STATES = ['pending', 'rendering', 'sent', 'skipped_unchanged', 'skipped_no_recipients', 'failed'] as const;
export type RunStateValue = (typeof RUN_STATES)[number];
export const RUN_STATE_LABELS: Record<RunStateValue, string> = {
  pending: 'Starting',
  rendering: 'Generating the report',
  sent: 'Sent',
  skipped_unchanged: 'Skipped: unchanged since the last delivery',
  skipped_no_recipients: 'Skipped: nobody to send to',
  failed: 'Failed',
};
export const DELIVERY_STATES = ['pending', 'sent', 'retrying', 'given_up'] as const;
export type DeliveryStateValue = (typeof DELIVERY_STATES)[number];
export const DELIVERY_STATE_LABELS: Record<DeliveryStateValue, string> = {
  pending: 'Waiting to send',
  sent: 'Sent',
  retrying: 'Failed, retrying',
  given_up: 'Given up',
};

const uuidList = (label: string, max: number) =>
  z
    .array(z.uuid({ error: `Choose ${label} from the list` }))
    .max(max, { error: `Choose ${max} ${label} or fewer` })
    .default([]);

export const scheduleInputSchema = z
  .object({
    name: text(120, 'Name').min(1, { error: 'Give the schedule a name' }),
    /**
     * What to generate: the same request as "ask for a report" but for the peer review kinds (`scheduledReportSchema`);
     * an annual report is for one year: asked for from its page.
     */
    report: scheduledReportSchema.refine((r) => r.kind !== 'annual_report', {
      path: ['kind'],
      error: 'An annual report tells one year: generate it from the annual report page rather than on a schedule',
    }),
    recurrence: recurrenceSchema,
    recipientIds: uuidList('recipients', 500),
    listIds: uuidList('distribution lists', 50),
    /** Send only when the report's content changed since the last delivery (its view model's hash). */
    onlyIfChanged: z.boolean({ error: 'onlyIfChanged must be true or false' }).default(false),
    /** Attach the PDF (over the size cap, a link is sent instead) or send a signed, expiring link. */
    delivery: z.enum(SCHEDULE_DELIVERIES, { error: 'Choose attach or link' }).default('attach'),
    /** How long a link works, in days. */
    linkDays: z.number({ error: 'Link lifetime must be a number of days' }).int().min(1).max(90).default(30),
    /** The email's subject; the report's title and period when empty. */
    subject: text(200, 'Subject').default(''),
    /** A short message shown above the report's key figures. */
    message: prose(2000, 'Message').default(''),
  })
  .superRefine((value, ctx) => {
    if (value.recipientIds.length === 0 && value.listIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['recipientIds'], message: 'Choose at least one recipient or distribution list' });
    }
  });
export type ScheduleInput = z.input<typeof scheduleInputSchema>;

export const recurrencePreviewRequestSchema = z.object({ recurrence: recurrenceSchema });

export const recurrencePreviewDtoSchema = z
  .object({
    /** In plain words: "First working day of April and October at 07:00". */
    description: z.string(),
    /** The next five send times (fewer for after-board schedules with fewer meetings ahead). */
    nextRuns: z.array(timestamp()),
    /** Set when the recurrence cannot run yet (an after-board schedule and no board meeting ahead). */
    note: z.string().nullable(),
  })
  .meta({ id: 'RecurrencePreview', description: 'A recurrence in plain words and its next five send times.' });
export type RecurrencePreviewDto = z.infer<typeof recurrencePreviewDtoSchema>;

export const emailPreviewDtoSchema = z
  .object({
    to: z.array(z.string()),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    /** Where the figures come from: the latest document of that kind, or an example when there is none yet. */
    figuresFrom: z.string(),
  })
  .meta({ id: 'EmailPreview', description: 'The email a schedule sends, as a recipient would see it.' });
export type EmailPreviewDto = z.infer<typeof emailPreviewDtoSchema>;

export const runSummaryDtoSchema = z
  .object({
    id: id(),
    scheduleId: id(),
    scheduleName: z.string(),
    periodKey: z.string(),
    dueAt: timestamp(),
    trigger: z.enum(['schedule', 'manual']),
    state: z.enum(RUN_STATES),
    reason: z.string().nullable(),
    documentId: id().nullable(),
    /** The SHA-256 of the PDF sent, once generated. */
    documentSha256: z.string().nullable(),
    createdAt: timestamp(),
    finishedAt: timestamp().nullable(),
    deliveries: z.object({
      total: z.number().int().min(0),
      sent: z.number().int().min(0),
      pending: z.number().int().min(0),
      retrying: z.number().int().min(0),
      givenUp: z.number().int().min(0),
    }),
  })
  .meta({ id: 'ReportRun', description: 'One run of a schedule: its period, state, document and delivery counts.' });
export type RunSummaryDto = z.infer<typeof runSummaryDtoSchema>;

export const scheduleDtoSchema = z
  .object({
    id: id(),
    name: z.string(),
    report: z.record(z.string(), z.unknown()).describe('The report request, as for POST /reports.'),
    reportKind: z.enum(REPORT_KINDS),
    recurrence: z.record(z.string(), z.unknown()).describe('The recurrence, as given (see Recurrence).'),
    recurrenceText: z.string(),
    status: z.enum(SCHEDULE_STATUSES),
    onlyIfChanged: z.boolean(),
    delivery: z.enum(SCHEDULE_DELIVERIES),
    linkDays: z.number().int(),
    subject: z.string(),
    message: z.string(),
    recipients: z.array(z.object({ id: id(), name: z.string(), email: z.string() })),
    lists: z.array(z.object({ id: id(), name: z.string(), memberCount: z.number().int().min(0) })),
    /** Recipients who unsubscribed from this schedule (they get nothing from it; other schedules are unchanged). */
    unsubscribed: z.array(z.object({ recipientId: id(), name: z.string(), email: z.string(), at: timestamp() })),
    /** How many people a run would send to now. */
    audience: z.number().int().min(0),
    nextRunAt: timestamp().nullable(),
    lastRun: runSummaryDtoSchema.nullable(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'Schedule', description: 'A report emailed on a recurrence to recipients and distribution lists.' });
export type ScheduleDto = z.infer<typeof scheduleDtoSchema>;

export const deliveryDtoSchema = z
  .object({
    id: id(),
    runId: id(),
    scheduleId: id(),
    scheduleName: z.string(),
    periodKey: z.string(),
    recipientId: id().nullable(),
    recipientName: z.string(),
    toAddress: z.string(),
    mode: z.enum(SCHEDULE_DELIVERIES),
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int().min(0),
    lastError: z.string().nullable(),
    /** What the SMTP server answered when it accepted the email. */
    smtpResponse: z.string().nullable(),
    messageId: z.string(),
    createdAt: timestamp(),
    sentAt: timestamp().nullable(),
    documentSha256: z.string().nullable(),
    link: z
      .object({
        id: id(),
        expiresAt: timestamp(),
        revokedAt: timestamp().nullable(),
        downloads: z.array(z.object({ at: timestamp(), ipAddress: z.string() })),
      })
      .nullable(),
    /** When this recipient unsubscribed from the schedule through this email. */
    unsubscribedAt: timestamp().nullable(),
  })
  .meta({ id: 'ReportDelivery', description: "One recipient's copy of a run: its email's state, the document's checksum, link downloads." });
export type DeliveryDto = z.infer<typeof deliveryDtoSchema>;

export const deliveryLogDtoSchema = z
  .object({ runs: z.array(runSummaryDtoSchema), deliveries: z.array(deliveryDtoSchema) })
  .meta({ id: 'DeliveryLog', description: 'Runs and deliveries, newest first, as filtered.' });
export type DeliveryLogDto = z.infer<typeof deliveryLogDtoSchema>;

export const deliveryLogQuerySchema = z.object({
  scheduleId: z.uuid({ error: 'scheduleId must be a schedule id' }).optional(),
  recipientId: z.uuid({ error: 'recipientId must be a recipient id' }).optional(),
  state: z.enum(DELIVERY_STATES, { error: `state must be one of ${DELIVERY_STATES.join(', ')}` }).optional(),
  from: z.iso.date({ error: 'from must be a date as YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: 'to must be a date as YYYY-MM-DD' }).optional(),
});
export type DeliveryLogQuery = z.infer<typeof deliveryLogQuerySchema>;

/** What a signed link shows before the download: no sign-in needed. */
export const documentLinkDtoSchema = z
  .object({
    networkName: z.string(),
    title: z.string(),
    sizeBytes: z.number().int().min(0).nullable(),
    pageCount: z.number().int().min(0).nullable(),
    generatedAt: timestamp().nullable(),
    expiresAt: timestamp(),
    sha256: z.string().nullable(),
  })
  .meta({ id: 'DocumentLink', description: 'The document a signed link gives: shown before the download.' });
export type DocumentLinkDto = z.infer<typeof documentLinkDtoSchema>;

export const unsubscribePreviewDtoSchema = z
  .object({
    networkName: z.string(),
    scheduleName: z.string(),
    email: z.string(),
    /** Already unsubscribed from this schedule. */
    unsubscribed: z.boolean(),
  })
  .meta({ id: 'UnsubscribePreview', description: 'What the one-click unsubscribe link removes: this recipient from this schedule only.' });
export type UnsubscribePreviewDto = z.infer<typeof unsubscribePreviewDtoSchema>;
