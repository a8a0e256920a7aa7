import {
  DEFAULT_REMINDER_DAYS,
  parseFinancialYearLabel,
  PROGRAMME_TEMPLATE_ID,
  PROGRAMME_TEMPLATE_YEARS,
  REMINDER_DAYS_MAX,
  REMINDERS_MAX,
  REVIEW_CYCLE_MAX_YEARS,
  REVIEW_CYCLE_STATUSES,
} from '@plexus/domain';
import { z } from 'zod';
import { text } from '../../fields';
import { day, id, timestamp } from '../response-fields';
import { reviewActivityDtoSchema } from './activity.dto';
import { submissionCountsDtoSchema } from './submission-counts.dto';

// Peer review programme cycles (issue 9, item 2): a named period of NHS financial years, the member organisations in
// scope, and a plan of quarterly activities (see activity.dto.ts), optionally made from seed 002's two-year template.

/** Organisations in one cycle's scope, at most. */
export const REVIEW_CYCLE_MAX_ORGANISATIONS = 100;

/** An NHS financial year written `2024/25` (1990/91–2099/00). */
export const financialYearField = (label: string) =>
  z
    .string({ error: `Enter the ${label}, like 2024/25` })
    .refine((v) => parseFinancialYearLabel(v) !== null, { error: `Enter the ${label} as an NHS financial year, like 2024/25` });

const reminderDaysField = z
  .array(
    z
      .number({ error: 'Enter each reminder as a number of days' })
      .int({ error: 'Enter each reminder as a whole number of days' })
      .min(1, { error: 'A reminder is at least 1 day before the due date' })
      .max(REMINDER_DAYS_MAX, { error: `A reminder is at most ${REMINDER_DAYS_MAX} days before the due date` }),
    { error: 'List the reminder days, like [14, 3]' },
  )
  .max(REMINDERS_MAX, { error: `Send ${REMINDERS_MAX} reminders at most before a due date` })
  .refine((days) => new Set(days).size === days.length, { error: 'List each reminder day once' });

const organisationIdsField = z
  .array(z.uuid({ error: 'Choose organisations from the network’s member organisations' }), { error: 'List the organisations in scope' })
  .max(REVIEW_CYCLE_MAX_ORGANISATIONS, { error: `A cycle covers ${REVIEW_CYCLE_MAX_ORGANISATIONS} organisations at most` })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'List each organisation once' });

const cycleFields = {
  name: text(200, 'Name').min(1, { error: 'Enter the cycle’s name, like Peer Review Programme 2024/2026' }),
  firstFy: financialYearField('first financial year'),
  lastFy: financialYearField('last financial year'),
  /** Reminders sent this many days before a submission's due date (an overdue chaser follows the day after it). */
  reminderDays: reminderDaysField.default([...DEFAULT_REMINDER_DAYS]),
};

/** The years run forwards, for at most REVIEW_CYCLE_MAX_YEARS years. */
function checkYears(value: { firstFy: string; lastFy: string }, ctx: z.RefinementCtx): void {
  const first = parseFinancialYearLabel(value.firstFy);
  const last = parseFinancialYearLabel(value.lastFy);
  if (first === null || last === null) return;
  if (last < first) ctx.addIssue({ code: 'custom', path: ['lastFy'], message: 'The last financial year cannot be before the first' });
  else if (last - first + 1 > REVIEW_CYCLE_MAX_YEARS)
    ctx.addIssue({ code: 'custom', path: ['lastFy'], message: `A cycle runs for ${REVIEW_CYCLE_MAX_YEARS} financial years at most` });
}

export const createReviewCycleSchema = z
  .object({
    ...cycleFields,
    /** Start the plan from seed 002's two-year programme (its quarterly activities, due at the end of each quarter); null for an empty plan. */
    template: z
      .enum([PROGRAMME_TEMPLATE_ID], { error: `Choose the template "${PROGRAMME_TEMPLATE_ID}", or none` })
      .nullable()
      .default(null),
    /** The member organisations in scope: each gets a submission for every required document. */
    organisationIds: organisationIdsField.default([]),
  })
  .superRefine((value, ctx) => {
    checkYears(value, ctx);
    const first = parseFinancialYearLabel(value.firstFy);
    const last = parseFinancialYearLabel(value.lastFy);
    if (value.template && first !== null && last !== null && last - first + 1 !== PROGRAMME_TEMPLATE_YEARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastFy'],
        message: `The programme template covers ${PROGRAMME_TEMPLATE_YEARS} financial years: make the last year the one after the first`,
      });
    }
  });
export type CreateReviewCycleRequest = z.input<typeof createReviewCycleSchema>;

export const updateReviewCycleSchema = z
  .object({
    ...cycleFields,
    /** draft (being prepared), active (submissions open, chasers sent) or closed. */
    status: z.enum(REVIEW_CYCLE_STATUSES, { error: 'Choose draft, active or closed' }),
  })
  .superRefine(checkYears);
export type UpdateReviewCycleRequest = z.input<typeof updateReviewCycleSchema>;

export const reviewCycleOrganisationsSchema = z.object({ organisationIds: organisationIdsField });
export type ReviewCycleOrganisationsRequest = z.input<typeof reviewCycleOrganisationsSchema>;

// ---- responses ---------------------------------------------------------------------------------------------

const cycleSummaryFields = {
  id: id(),
  name: z.string(),
  firstFy: z.string().describe('NHS financial year, like 2024/25.'),
  lastFy: z.string(),
  status: z.enum(REVIEW_CYCLE_STATUSES),
  reminderDays: z.array(z.number().int()).describe('Reminders this many days before a due date, largest first.'),
  organisationCount: z.number().int().min(0),
  activityCount: z.number().int().min(0),
  submissions: submissionCountsDtoSchema.describe('The submissions the caller may see: a contributor, their organisation’s only.'),
  nextDue: z.object({ activityId: id(), title: z.string(), dueDate: day() }).nullable().describe('The first activity due today or later.'),
  createdAt: timestamp(),
  updatedAt: timestamp(),
};

export const reviewCycleSummaryDtoSchema = z
  .object(cycleSummaryFields)
  .meta({ id: 'ReviewCycleSummary', description: 'A peer review cycle as the list shows it.' });
export type ReviewCycleSummaryDto = z.infer<typeof reviewCycleSummaryDtoSchema>;

export const reviewCycleListDtoSchema = z
  .object({
    asOf: day().describe('Today in UK time: what is overdue is counted from it.'),
    cycles: z.array(reviewCycleSummaryDtoSchema).describe('Newest first by first year, then by name.'),
    can: z.object({ manage: z.boolean() }).describe('What the caller may do: create and change cycles (managers).'),
  })
  .meta({ id: 'ReviewCycleList', description: "The network's peer review cycles." });
export type ReviewCycleListDto = z.infer<typeof reviewCycleListDtoSchema>;

export const reviewCycleQuarterDtoSchema = z
  .object({
    fy: z.string(),
    quarter: z.number().int().min(1).max(4),
    label: z.string().describe('Like Q1 2024/25.'),
    start: day(),
    end: day(),
  })
  .meta({ id: 'ReviewCycleQuarter', description: 'One quarter of a cycle: a column of its timeline.' });
export type ReviewCycleQuarterDto = z.infer<typeof reviewCycleQuarterDtoSchema>;

export const reviewCycleOrganisationDtoSchema = z
  .object({
    id: id(),
    name: z.string(),
    type: z.string(),
    submissions: submissionCountsDtoSchema,
  })
  .meta({ id: 'ReviewCycleOrganisation', description: 'A member organisation in a cycle’s scope, with its submissions’ states.' });
export type ReviewCycleOrganisationDto = z.infer<typeof reviewCycleOrganisationDtoSchema>;

export const reviewCycleDtoSchema = z
  .object({
    ...cycleSummaryFields,
    asOf: day(),
    quarters: z.array(reviewCycleQuarterDtoSchema).describe('Every quarter of the cycle, in order: the timeline’s columns.'),
    organisations: z
      .array(reviewCycleOrganisationDtoSchema)
      .describe('The organisations in scope, by name (a contributor sees every organisation in scope, with counts for their own only).'),
    activities: z.array(reviewActivityDtoSchema).describe('By year, quarter, then due date.'),
    can: z.object({ manage: z.boolean() }).describe('What the caller may do: change the cycle and its plan (managers).'),
  })
  .meta({ id: 'ReviewCycle', description: 'A peer review cycle with its organisations and its plan of activities.' });
export type ReviewCycleDto = z.infer<typeof reviewCycleDtoSchema>;
