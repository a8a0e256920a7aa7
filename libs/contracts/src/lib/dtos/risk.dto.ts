import { z } from 'zod';
import type { RiskBandId } from '@plexus/domain';
import { isoDate, prose, text } from '../fields';
import { day, id, personRef } from './response-fields';

// Request schemas and response types for the risk register.

const rating = (label: string) =>
  z
    .number({ error: `Choose the ${label} (1 to 5)` })
    .int({ error: `The ${label} must be a whole number from 1 to 5` })
    .min(1, {
      error: `The ${label} must be from 1 to 5`,
    })
    .max(5, { error: `The ${label} must be from 1 to 5` });

export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

const riskFields = {
  dateRegistered: isoDate('date registered', { notInFuture: true }),
  identifiedBy: text(200, 'Identified by').default(''),
  description: prose(4000, 'Description').min(1, { error: 'Describe the risk' }),
  category: text(120, 'Category').default(''),
  likelihoodBefore: rating('likelihood before mitigation'),
  impactBefore: rating('impact before mitigation'),
  mitigation: prose(4000, 'Mitigation').default(''),
  /** A member of the network who leads the mitigation (can record reviews), or a name/role as text. */
  mitigationLeadUserId: z.uuid({ error: 'Choose a member of the network' }).nullable().default(null),
  mitigationLeadName: text(200, 'Mitigation lead').default(''),
  likelihoodAfter: rating('likelihood after mitigation'),
  impactAfter: rating('impact after mitigation'),
  targetScore: z
    .number()
    .int()
    .min(1, { error: 'The target score must be from 1 to 25' })
    .max(25, { error: 'The target score must be from 1 to 25' })
    .nullable()
    .default(null),
  outcome: prose(4000, 'Outcome').default(''),
  reviewFrequencyMonths: z
    .number()
    .int()
    .min(1, { error: 'Review at least every 24 months' })
    .max(24, { error: 'Review at least every 24 months' })
    .default(3),
  nextReviewDue: isoDate('next review date').nullable().default(null),
  /** Work items (from the network's work plans) that mitigate this risk. */
  linkedWorkItemIds: z
    .array(z.uuid({ error: 'Choose work items from the work plan' }))
    .max(50, { error: 'Link 50 work items at most' })
    .default([]),
};

export const createRiskSchema = z.object(riskFields);
export type CreateRiskRequest = z.input<typeof createRiskSchema>;

export const updateRiskSchema = z.object({ ...riskFields, version: z.number().int().min(1) });
export type UpdateRiskRequest = z.input<typeof updateRiskSchema>;

export const closeRiskSchema = z.object({
  closedOn: isoDate('date closed', { notInFuture: true }),
  reason: prose(2000, 'Reason').min(1, { error: 'Say why the risk is closed' }),
});
export type CloseRiskRequest = z.input<typeof closeRiskSchema>;

export const recordRiskReviewSchema = z.object({
  reviewedOn: isoDate('review date', { notInFuture: true }),
  /** The current (after-mitigation) scores found at the review. */
  likelihood: rating('likelihood'),
  impact: rating('impact'),
  notes: prose(4000, 'Notes').default(''),
  /** Defaults to the review date plus the risk's review frequency. */
  nextReviewDue: isoDate('next review date').nullable().default(null),
  /** The board meeting the review was done at ("reviewed at Board 12/06/2025"): one of this network's meetings; null for none. */
  boardMeetingId: z.uuid({ error: 'Choose one of the board’s meetings' }).nullable().default(null),
});
export type RecordRiskReviewRequest = z.input<typeof recordRiskReviewSchema>;

export const RISK_SORTS = ['reference', 'score', 'nextReviewDue', 'dateRegistered'] as const;
export const riskListQuerySchema = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  band: z.enum(['low', 'medium', 'high', 'extreme']).optional(),
  leadUserId: z.uuid().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Cell of the heat map: `L,I`, on the current (after-mitigation) or `before` scores. */
  cell: text(10, 'The heat map cell')
    .regex(/^[1-5],[1-5]$/, { error: 'Use likelihood,impact like 4,3' })
    .optional(),
  matrix: z.enum(['current', 'before']).default('current'),
  /** `true`: only open risks not reviewed at the last board meeting (the latest on or before today); `false`: only those that were. */
  notReviewedAtLastBoard: z
    .enum(['true', 'false'], { error: 'Use true or false' })
    .transform((v) => v === 'true')
    .optional(),
  q: text(200, 'The search').optional(),
  sort: z.enum(RISK_SORTS).default('reference'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type RiskListQuery = z.input<typeof riskListQuerySchema>;

export const RISK_BAND_IDS = ['low', 'medium', 'high', 'extreme'] as const satisfies readonly RiskBandId[];
const band = () => z.enum(RISK_BAND_IDS);
const oneToFive = () => z.number().int().min(1).max(5);
const problem = () => z.object({ field: z.string(), message: z.string() });

export const riskScoreDtoSchema = z
  .object({
    likelihood: oneToFive().nullable(),
    impact: oneToFive().nullable(),
    score: z.number().nullable().describe('likelihood × impact, or the legacy value when there is no pair.'),
    band: band().nullable(),
    legacy: z
      .object({ value: z.number(), reason: z.string() })
      .nullable()
      .describe('Set when the score came from an old register and is not (or not known to be) likelihood × impact.'),
  })
  .meta({ id: 'RiskScore', description: 'A likelihood × impact score and its band.' });
export type RiskScoreDto = z.infer<typeof riskScoreDtoSchema>;

export const riskSummaryDtoSchema = z
  .object({
    id: id(),
    reference: z.string(),
    status: z.enum(RISK_STATUSES),
    description: z.string(),
    category: z.string(),
    before: riskScoreDtoSchema,
    current: riskScoreDtoSchema,
    targetScore: z.number().int().nullable(),
    mitigationLead: personRef(),
    lastReviewedOn: day().nullable(),
    nextReviewDue: day().nullable(),
    overdue: z.boolean().describe('Past its review date (open risks only).'),
    dateRegistered: day(),
    lastBoard: z
      .object({
        meetingId: id(),
        meetingDate: day(),
        reviewed: z.boolean().describe('A review of this risk names that meeting.'),
      })
      .nullable()
      .describe(
        'The last board meeting (the latest on or before today) and whether this risk was reviewed at it; null for a closed risk or a board that has not met.',
      ),
  })
  .meta({ id: 'RiskSummary', description: 'A risk as the register lists it.' });
export type RiskSummaryDto = z.infer<typeof riskSummaryDtoSchema>;

export const riskReviewDtoSchema = z
  .object({
    id: id(),
    reviewedOn: day(),
    reviewer: personRef(),
    likelihood: oneToFive(),
    impact: oneToFive(),
    score: z.number().int(),
    band: band(),
    notes: z.string(),
    boardMeeting: z
      .object({ id: id(), title: z.string(), meetingDate: day() })
      .nullable()
      .describe('The board meeting the review was done at, if one was named.'),
  })
  .meta({ id: 'RiskReview', description: 'A review of a risk: the date, the current scores found, notes.' });
export type RiskReviewDto = z.infer<typeof riskReviewDtoSchema>;

export const riskScorePointDtoSchema = z
  .object({
    on: day().describe('The day the scores took effect.'),
    source: z.enum(['registered', 'edited', 'reviewed', 'imported', 'closed', 'reopened']),
    before: riskScoreDtoSchema,
    current: riskScoreDtoSchema,
  })
  .meta({ id: 'RiskScorePoint', description: "A point in the history of a risk's scores." });
export type RiskScorePointDto = z.infer<typeof riskScorePointDtoSchema>;

export const riskDtoSchema = riskSummaryDtoSchema
  .extend({
    identifiedBy: z.string(),
    mitigation: z.string(),
    outcome: z.string(),
    reviewFrequencyMonths: z.number().int(),
    closedOn: day().nullable(),
    closedReason: z.string().nullable(),
    version: z.number().int().min(1).describe('Send it back when you edit the risk; a stale one answers 409.'),
    reviews: z.array(riskReviewDtoSchema),
    history: z.array(riskScorePointDtoSchema),
    linkedWorkItems: z.array(z.object({ id: id(), planId: id(), planTitle: z.string(), work: z.string(), status: z.string() })),
    origin: z
      .object({
        kind: z.literal('peer-review-finding'),
        findingId: id(),
        reportId: id(),
        cycleId: id(),
        cycleName: z.string(),
        organisationId: id(),
        organisationName: z.string(),
        text: z.string(),
      })
      .nullable()
      .describe('Where the risk came from: the peer review finding (an immediate risk) it was raised from; null when entered directly.'),
    can: z.object({ edit: z.boolean(), review: z.boolean() }).describe('What the caller may do with this risk.'),
  })
  .meta({ id: 'Risk', description: 'A risk with its reviews, score history and linked work items.' });
export type RiskDto = z.infer<typeof riskDtoSchema>;

export const riskHeatMapCellDtoSchema = z
  .object({
    likelihood: oneToFive(),
    impact: oneToFive(),
    score: z.number().int(),
    band: band(),
    count: z.number().int().min(0),
    riskIds: z.array(id()),
  })
  .meta({ id: 'RiskHeatMapCell', description: 'One cell of the 5×5 heat map and the open risks in it.' });
export type RiskHeatMapCellDto = z.infer<typeof riskHeatMapCellDtoSchema>;

export const riskHeatMapDtoSchema = z
  .object({
    current: z.array(z.array(riskHeatMapCellDtoSchema)).describe('Rows from likelihood 5 (top) to 1; impact 1 to 5 left to right. Open risks only.'),
    before: z.array(z.array(riskHeatMapCellDtoSchema)),
    unplaced: z
      .object({ current: z.number().int(), before: z.number().int() })
      .describe('Open risks with only a legacy score, which no cell can show.'),
  })
  .meta({ id: 'RiskHeatMap', description: '5×5 heat maps of the open risks, current and before mitigation.' });
export type RiskHeatMapDto = z.infer<typeof riskHeatMapDtoSchema>;

export const riskImportRowDtoSchema = z
  .object({
    row: z.number().int().describe('Row number in the file (1 = first data row after the header).'),
    reference: z.string().nullable(),
    description: z.string(),
    problems: z.array(problem()),
    warnings: z.array(problem()).describe('Legacy scores kept as they were, flagged (not errors).'),
  })
  .meta({ id: 'RiskImportRow', description: 'A row of an imported register with its problems.' });
export type RiskImportRowDto = z.infer<typeof riskImportRowDtoSchema>;

export const riskImportPreviewDtoSchema = z
  .object({
    rows: z.array(riskImportRowDtoSchema),
    columns: z.record(z.string(), z.string()).describe('Columns found, by our field name → the header in the file.'),
    ok: z.boolean(),
    fileProblems: z.array(z.string()).describe('Problems with the file as a whole (no header row, unknown format…).'),
  })
  .meta({ id: 'RiskImportPreview', description: 'What an import of a register file would do, row by row. Nothing is saved.' });
export type RiskImportPreviewDto = z.infer<typeof riskImportPreviewDtoSchema>;

export const riskImportResultDtoSchema = z
  .object({ imported: z.number().int(), references: z.array(z.string()) })
  .meta({ id: 'RiskImportResult', description: 'How many risks were imported, and their references.' });
export type RiskImportResultDto = z.infer<typeof riskImportResultDtoSchema>;
