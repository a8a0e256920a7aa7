import { z } from 'zod';
import { WORK_ITEM_STATUSES } from '@plexus/domain';
import { isoDate, prose } from '../fields';
import { day, id, timestamp } from './response-fields';

// Nudges to leads (issue 13 item 2): rounds a manager sends, and the one-page update form their links open.

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const rating = (label: string) =>
  z
    .number({ error: `Choose the ${label} (1 to 5)` })
    .int({ error: `The ${label} must be a whole number from 1 to 5` })
    .min(1, { error: `The ${label} must be from 1 to 5` })
    .max(5, { error: `The ${label} must be from 1 to 5` });
const comment = (label: string, missing: string) => prose(4000, label).min(1, { error: missing });

/** A new round: for a board meeting of the network or none; now (no day) or on a day at a time (UK time, 09:00 unless given). */
export const createNudgeRoundSchema = z.object({
  boardMeetingId: z.uuid({ error: 'Choose one of the board’s meetings' }).nullable().default(null),
  sendOn: isoDate('day to send', { example: '2026-12-01' }).nullable().default(null),
  sendTime: z
    .string({ error: 'Enter the time as a 24-hour time, like 09:00' })
    .regex(TIME_OF_DAY, { error: 'Enter the time as a 24-hour time, like 09:00' })
    .nullable()
    .default(null),
});
export type CreateNudgeRoundRequest = z.input<typeof createNudgeRoundSchema>;

export const NUDGE_EMAIL_STATES = ['pending', 'sending', 'sent', 'failed'] as const;

export const nudgeDtoSchema = z
  .object({
    id: id(),
    userId: id(),
    leadName: z.string(),
    email: z.string(),
    items: z.number().int(),
    risks: z.number().int(),
    /** The email: waiting, being sent, accepted by the mail server, or given up on after retries. */
    emailStatus: z.enum(NUDGE_EMAIL_STATES),
    emailError: z.string().nullable(),
    emailSentAt: timestamp().nullable(),
    /** When the lead sent their update through the link; null while they have not. */
    updatedAt: timestamp().nullable(),
    expiresAt: timestamp(),
  })
  .meta({ id: 'Nudge', description: 'One lead’s nudge in a round: what it lists, its email, and whether they have updated.' });
export type NudgeDto = z.infer<typeof nudgeDtoSchema>;

const roundFields = {
  id: id(),
  state: z.enum(['scheduled', 'sent', 'cancelled']),
  sendAt: timestamp(),
  sentAt: timestamp().nullable(),
  boardMeeting: z.object({ id: id(), title: z.string(), meetingDate: day() }).nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp(),
  counts: z.object({ nudged: z.number().int(), sent: z.number().int(), failed: z.number().int(), updated: z.number().int() }),
};

export const nudgeRoundSummaryDtoSchema = z
  .object(roundFields)
  .meta({ id: 'NudgeRoundSummary', description: 'A round of nudges: when, for which board meeting, and how it is going.' });
export type NudgeRoundSummaryDto = z.infer<typeof nudgeRoundSummaryDtoSchema>;

export const nudgeRoundListDtoSchema = z
  .object({ rounds: z.array(nudgeRoundSummaryDtoSchema) })
  .meta({ id: 'NudgeRoundList', description: 'The network’s nudge rounds, the latest first.' });
export type NudgeRoundListDto = z.infer<typeof nudgeRoundListDtoSchema>;

export const nudgeRoundDtoSchema = z
  .object({ ...roundFields, nudges: z.array(nudgeDtoSchema) })
  .meta({ id: 'NudgeRound', description: 'A round of nudges with each lead nudged: email sent or failed, updated or not.' });
export type NudgeRoundDto = z.infer<typeof nudgeRoundDtoSchema>;

/** What a nudge's link opens: the lead's items and risks, as they stand. */
export const nudgeFormDtoSchema = z
  .object({
    networkName: z.string(),
    leadName: z.string(),
    expiresAt: timestamp(),
    boardMeeting: z.object({ title: z.string(), meetingDate: day() }).nullable(),
    items: z.array(
      z.object({
        id: id(),
        ref: z.string(),
        work: z.string(),
        planTitle: z.string(),
        status: z.enum(WORK_ITEM_STATUSES),
        statusOn: day().nullable(),
      }),
    ),
    risks: z.array(
      z.object({
        id: id(),
        reference: z.string(),
        description: z.string(),
        likelihood: z.number().int().nullable(),
        impact: z.number().int().nullable(),
        nextReviewDue: day().nullable(),
      }),
    ),
  })
  .meta({ id: 'NudgeForm', description: 'The items and risks a nudge asks one lead to update (no sign-in needed).' });
export type NudgeFormDto = z.infer<typeof nudgeFormDtoSchema>;

/** The lead's update: a status and comment per item (a dated progress update each), scores and a comment per risk (a review). */
export const nudgeUpdateSchema = z
  .object({
    items: z
      .array(
        z.object({
          itemId: z.uuid({ error: 'Choose one of the items listed' }),
          status: z.enum(WORK_ITEM_STATUSES, { error: 'Choose a status' }),
          comment: comment('The update', 'Say how the work is going'),
        }),
        { error: 'items must be a list' },
      )
      .max(200, { error: 'Send 200 items or fewer' })
      .default([]),
    risks: z
      .array(
        z.object({
          riskId: z.uuid({ error: 'Choose one of the risks listed' }),
          likelihood: rating('likelihood'),
          impact: rating('impact'),
          comment: comment('The review comment', 'Say what the review found'),
        }),
        { error: 'risks must be a list' },
      )
      .max(200, { error: 'Send 200 risks or fewer' })
      .default([]),
  })
  .refine((v) => v.items.length + v.risks.length > 0, { error: 'Update at least one item or risk', path: ['items'] });
export type NudgeUpdateRequest = z.input<typeof nudgeUpdateSchema>;

export const nudgeUpdatedDtoSchema = z
  .object({ networkName: z.string(), leadName: z.string(), items: z.number().int(), risks: z.number().int() })
  .meta({ id: 'NudgeUpdated', description: 'What was recorded under the lead’s name.' });
export type NudgeUpdatedDto = z.infer<typeof nudgeUpdatedDtoSchema>;
