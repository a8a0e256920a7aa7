import { z } from 'zod';
import { prose } from '../fields';
import { financialYearField } from './peer-review/cycle.dto';
import { day, id, timestamp } from './response-fields';

// The annual report (issue 10, item 5): the narrative a manager writes for a financial year, kept as a draft with the
// report's settings and read when the report is generated.

export const ANNUAL_REPORT_TEXT_MAX = 20_000;

const narrative = {
  planId: z
    .uuid({ error: 'Choose a plan of this network' })
    .nullable()
    .default(null)
    .describe('The plan whose delivery the report tells; null: the plan covering the year.'),
  chairForeword: prose(ANNUAL_REPORT_TEXT_MAX, "The chair's foreword").default(''),
  highlights: prose(ANNUAL_REPORT_TEXT_MAX, 'The highlights').default(''),
  priorities: prose(ANNUAL_REPORT_TEXT_MAX, 'The priorities for next year').default(''),
};

export const createAnnualReportDraftSchema = z.object({ fy: financialYearField('financial year'), ...narrative });
export type CreateAnnualReportDraftRequest = z.input<typeof createAnnualReportDraftSchema>;

export const updateAnnualReportDraftSchema = z.object({
  ...narrative,
  version: z.number({ error: 'Send the version you read' }).int().min(1).describe('The version read: a newer one answers 409.'),
});
export type UpdateAnnualReportDraftRequest = z.input<typeof updateAnnualReportDraftSchema>;

export const annualReportOptionsSchema = z.object({
  /** The financial year the report covers, like 2024/25. */
  fy: financialYearField('financial year'),
});

export const annualReportDraftDtoSchema = z
  .object({
    id: id(),
    fy: z.string(),
    periodStart: day(),
    periodEnd: day(),
    planId: id().nullable(),
    plan: z
      .object({ id: id(), title: z.string() })
      .nullable()
      .describe('The plan the report will tell of: the one chosen, else the one covering the year.'),
    chairForeword: z.string(),
    highlights: z.string(),
    priorities: z.string(),
    updatedAt: timestamp(),
    updatedBy: z.string(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'AnnualReportDraft', description: "A financial year's annual report narrative and settings, saved between sittings." });
export type AnnualReportDraftDto = z.infer<typeof annualReportDraftDtoSchema>;
