import { z } from 'zod';
import type { RiskBandId } from '@plexus/domain';
import { isoDate, prose, text } from '../fields';

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
  q: text(200, 'The search').optional(),
  sort: z.enum(RISK_SORTS).default('reference'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type RiskListQuery = z.input<typeof riskListQuerySchema>;

export interface RiskScoreDto {
  likelihood: number | null;
  impact: number | null;
  /** likelihood × impact, or the legacy value when there is no pair. */
  score: number | null;
  band: RiskBandId | null;
  /** Set when the score came from an old register and is not (or not known to be) likelihood × impact. */
  legacy: { value: number; reason: string } | null;
}

export interface RiskSummaryDto {
  id: string;
  reference: string;
  status: RiskStatus;
  description: string;
  category: string;
  before: RiskScoreDto;
  current: RiskScoreDto;
  targetScore: number | null;
  mitigationLead: { userId: string | null; name: string };
  lastReviewedOn: string | null;
  nextReviewDue: string | null;
  /** Past its review date (open risks only). */
  overdue: boolean;
  dateRegistered: string;
}

export interface RiskReviewDto {
  id: string;
  reviewedOn: string;
  reviewer: { userId: string | null; name: string };
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBandId;
  notes: string;
}

export interface RiskScorePointDto {
  /** The day the scores took effect. */
  on: string;
  source: 'registered' | 'edited' | 'reviewed' | 'imported' | 'closed' | 'reopened';
  before: RiskScoreDto;
  current: RiskScoreDto;
}

export interface RiskDto extends RiskSummaryDto {
  identifiedBy: string;
  mitigation: string;
  outcome: string;
  reviewFrequencyMonths: number;
  closedOn: string | null;
  closedReason: string | null;
  version: number;
  reviews: RiskReviewDto[];
  history: RiskScorePointDto[];
  linkedWorkItems: Array<{ id: string; planId: string; planTitle: string; work: string; status: string }>;
  /** What the caller may do with this risk. */
  can: { edit: boolean; review: boolean };
}

export interface RiskHeatMapCellDto {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBandId;
  count: number;
  riskIds: string[];
}

export interface RiskHeatMapDto {
  /** Rows from likelihood 5 (top) to 1; impact 1 to 5 left to right. Open risks only. */
  current: RiskHeatMapCellDto[][];
  before: RiskHeatMapCellDto[][];
  /** Open risks with only a legacy score, which no cell can show. */
  unplaced: { current: number; before: number };
}

export interface RiskImportRowDto {
  /** Row number in the file (1 = first data row after the header). */
  row: number;
  reference: string | null;
  description: string;
  problems: Array<{ field: string; message: string }>;
  /** Legacy scores kept as they were, flagged (not errors). */
  warnings: Array<{ field: string; message: string }>;
}

export interface RiskImportPreviewDto {
  rows: RiskImportRowDto[];
  /** Columns found, by our field name → the header in the file. */
  columns: Record<string, string>;
  ok: boolean;
  /** Problems with the file as a whole (no header row, unknown format…). */
  fileProblems: string[];
}

export interface RiskImportResultDto {
  imported: number;
  references: string[];
}
