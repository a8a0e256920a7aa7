import { ASSESSMENT_SCALE_IDS, ORGANISATION_TYPES, STANDARD_SET_KINDS, STANDARD_VERSION_STATUSES } from '@plexus/domain';
import { z } from 'zod';
import { prose, text } from '../../fields';
import { fieldChanges, id, timestamp } from '../response-fields';

// Standard sets (issue 9, item 1): a national service specification, a network's standards or an assessment tool,
// each a list of versions, each version numbered sections of numbered criteria with the evidence expected and the
// organisation types they apply to. National sets are kept by the platform operator and read by every network.

/** Limits shared by the API (enforced) and the web app (shown and pre-checked); the database checks the lengths too. */
export const STANDARD_LIMITS = {
  code: 40,
  name: 200,
  description: 4000,
  sectionNumber: 40,
  sectionTitle: 300,
  criterionNumber: 60,
  criterionText: 4000,
  evidenceExpected: 4000,
  /** Sections in one version. */
  sections: 300,
  /** Criteria in one version (and rows in one import file). */
  criteria: 2000,
} as const;

const required = (max: number, label: string, missing: string) => text(max, label).min(1, { error: missing });

export const standardSetInputSchema = z.object({
  /** Short code, e.g. "D15" or "EMMTN-AT"; unique among the keeper's sets (the network's, or the national ones), ignoring case. */
  code: required(STANDARD_LIMITS.code, 'Code', 'Enter a short code for the set, like D15'),
  name: required(STANDARD_LIMITS.name, 'Name', 'Enter the name of the set'),
  kind: z.enum(STANDARD_SET_KINDS, { error: 'Choose what kind of set this is' }),
  /** How a self-assessment answers its criteria: `rag` (Red / Amber / Green) or `met` (Met / Partially met / Not met / Not applicable). */
  answerScale: z.enum(ASSESSMENT_SCALE_IDS, { error: 'Choose how criteria are answered' }).default('met'),
  description: prose(STANDARD_LIMITS.description, 'Description').default(''),
});
export type StandardSetInput = z.input<typeof standardSetInputSchema>;

export const standardSectionInputSchema = z.object({
  /** As written in the set, e.g. "1" or "D15-1"; unique in the version where given. */
  number: text(STANDARD_LIMITS.sectionNumber, 'Section number').default(''),
  title: required(STANDARD_LIMITS.sectionTitle, 'Section title', 'Enter the section’s title'),
});
export type StandardSectionInput = z.input<typeof standardSectionInputSchema>;

export const standardCriterionInputSchema = z.object({
  /** As numbered nationally, e.g. "T16-2A-101"; unique in the version where given. */
  number: text(STANDARD_LIMITS.criterionNumber, 'Criterion number').default(''),
  text: prose(STANDARD_LIMITS.criterionText, 'Criterion').min(1, { error: 'Enter the criterion' }),
  evidenceExpected: prose(STANDARD_LIMITS.evidenceExpected, 'Evidence expected').default(''),
  /** Organisation types the criterion applies to; empty for every type. */
  appliesTo: z
    .array(z.enum(ORGANISATION_TYPES, { error: 'Choose organisation types from the list' }), { error: 'List the organisation types it applies to' })
    .max(ORGANISATION_TYPES.length, { error: 'Choose each organisation type once' })
    .default([]),
  /** To move the criterion to another section of the same version (to the end of it); omitted: it stays where it is. */
  sectionId: z.uuid({ error: 'Choose a section of this version' }).optional(),
});
export type StandardCriterionInput = z.input<typeof standardCriterionInputSchema>;

/** A version's sections in their new order: every section, each once. Applied whole or not at all. */
export const standardSectionOrderSchema = z.object({
  sectionIds: z
    .array(z.uuid({ error: 'List the sections by their ids' }), { error: 'List the sections in their new order' })
    .max(STANDARD_LIMITS.sections, { error: `A version holds ${STANDARD_LIMITS.sections} sections at most` }),
});
export type StandardSectionOrderInput = z.input<typeof standardSectionOrderSchema>;

/** A section's criteria in their new order: every criterion of the section, each once. Applied whole or not at all. */
export const standardCriterionOrderSchema = z.object({
  criterionIds: z
    .array(z.uuid({ error: 'List the criteria by their ids' }), { error: 'List the criteria in their new order' })
    .max(STANDARD_LIMITS.criteria, { error: `A version holds ${STANDARD_LIMITS.criteria} criteria at most` }),
});
export type StandardCriterionOrderInput = z.input<typeof standardCriterionOrderSchema>;

export const standardExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv'], { error: 'Choose xlsx or csv' }).default('xlsx'),
});

// ---- responses -------------------------------------------------------------------------------------------------

export const standardVersionSummaryDtoSchema = z
  .object({
    id: id(),
    version: z.number().int().min(1),
    status: z.enum(STANDARD_VERSION_STATUSES),
    frozen: z.boolean().describe('In use by a peer review cycle: refuses edits (create a new version instead).'),
    frozenAt: timestamp().nullable(),
    publishedAt: timestamp().nullable(),
    sectionCount: z.number().int().min(0),
    criterionCount: z.number().int().min(0),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'StandardVersionSummary', description: 'A version of a standard set, as its set lists it.' });
export type StandardVersionSummaryDto = z.infer<typeof standardVersionSummaryDtoSchema>;

const setFields = {
  id: id(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(STANDARD_SET_KINDS),
  answerScale: z.enum(ASSESSMENT_SCALE_IDS),
  description: z.string(),
  national: z.boolean().describe('Kept by the platform operator for every network: read-only to networks.'),
};

export const standardSetDtoSchema = z
  .object({
    ...setFields,
    versions: z.array(standardVersionSummaryDtoSchema).describe('Newest first.'),
    currentVersionId: id().nullable().describe('The newest published version, or null while there is none.'),
    can: z
      .object({
        manage: z.boolean().describe('Change the set, its versions and their content (the keeper only).'),
        newVersion: z.boolean().describe('Create the next version as a draft copy of the newest (none is a draft already).'),
      })
      .describe('What the caller may do with this set.'),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'StandardSet', description: 'A standard set with its versions.' });
export type StandardSetDto = z.infer<typeof standardSetDtoSchema>;

export const standardSetListDtoSchema = z
  .object({
    sets: z.array(standardSetDtoSchema).describe('National sets first, then the network’s own, each by code.'),
    can: z.object({ create: z.boolean().describe('Create a set (managers; operators for national sets).') }),
  })
  .meta({ id: 'StandardSetList', description: 'The standard sets visible here: the national ones and the network’s own.' });
export type StandardSetListDto = z.infer<typeof standardSetListDtoSchema>;

export const standardCriterionDtoSchema = z
  .object({
    id: id(),
    sectionId: id(),
    position: z.number().int().min(1).describe('1 for the first criterion of its section.'),
    number: z.string(),
    text: z.string(),
    evidenceExpected: z.string(),
    appliesTo: z.array(z.enum(ORGANISATION_TYPES)).describe('Organisation types it applies to; empty for every type.'),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'StandardCriterion', description: 'A criterion (measure) of a standard set, with the evidence expected.' });
export type StandardCriterionDto = z.infer<typeof standardCriterionDtoSchema>;

export const standardSectionDtoSchema = z
  .object({
    id: id(),
    position: z.number().int().min(1).describe('1 for the first section.'),
    number: z.string(),
    title: z.string(),
    criteria: z.array(standardCriterionDtoSchema).describe('In order.'),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'StandardSection', description: 'A section of a standard set’s version, with its criteria in order.' });
export type StandardSectionDto = z.infer<typeof standardSectionDtoSchema>;

export const standardVersionDtoSchema = z
  .object({
    id: id(),
    version: z.number().int().min(1),
    status: z.enum(STANDARD_VERSION_STATUSES),
    frozen: z.boolean().describe('In use by a peer review cycle: refuses edits (create a new version instead).'),
    frozenAt: timestamp().nullable(),
    publishedAt: timestamp().nullable(),
    set: z.object(setFields).describe('The set this is a version of.'),
    sections: z.array(standardSectionDtoSchema).describe('In order.'),
    criterionCount: z.number().int().min(0),
    otherVersions: z.array(standardVersionSummaryDtoSchema).describe('The set’s other versions, newest first.'),
    can: z
      .object({
        edit: z.boolean().describe('Change its sections and criteria, import into it (the keeper, while it is not frozen).'),
        publish: z.boolean().describe('Publish this draft.'),
        delete: z.boolean().describe('Delete this draft.'),
        newVersion: z.boolean().describe('Create the set’s next version as a draft copy of its newest.'),
      })
      .describe('What the caller may do with this version.'),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'StandardVersion', description: 'A version of a standard set with its sections and criteria.' });
export type StandardVersionDto = z.infer<typeof standardVersionDtoSchema>;

// ---- import ----------------------------------------------------------------------------------------------------

const problem = () => z.object({ field: z.string().describe('Our name of the column, or empty for the row as a whole.'), message: z.string() });

export const standardImportRowDtoSchema = z
  .object({
    row: z.number().int().describe('Row number in the file (1 = first data row after the header).'),
    sectionNumber: z.string(),
    sectionTitle: z.string(),
    criterionNumber: z.string(),
    criterion: z.string().describe('The criterion as read; empty on a row that only names a section.'),
    appliesTo: z.array(z.enum(ORGANISATION_TYPES)),
    problems: z.array(problem()),
  })
  .meta({ id: 'StandardImportRow', description: 'A row of an imported standard set with its problems.' });
export type StandardImportRowDto = z.infer<typeof standardImportRowDtoSchema>;

export const standardImportPreviewDtoSchema = z
  .object({
    rows: z.array(standardImportRowDtoSchema),
    columns: z.record(z.string(), z.string()).describe('Columns found, by our field name → the header in the file.'),
    ok: z.boolean(),
    fileProblems: z.array(z.string()).describe('Problems with the file as a whole (no header row, too many rows…).'),
    sections: z.number().int().min(0).describe('Sections the import would make.'),
    criteria: z.number().int().min(0).describe('Criteria the import would make.'),
    replaces: z
      .object({ sections: z.number().int().min(0), criteria: z.number().int().min(0) })
      .describe('What the version holds now, which an import replaces.'),
  })
  .meta({ id: 'StandardImportPreview', description: 'What an import of a standard set file would do, row by row. Nothing is saved.' });
export type StandardImportPreviewDto = z.infer<typeof standardImportPreviewDtoSchema>;

export const standardImportResultDtoSchema = z
  .object({ sections: z.number().int().min(0), criteria: z.number().int().min(0), version: standardVersionDtoSchema })
  .meta({ id: 'StandardImportResult', description: 'How many sections and criteria were imported, and the version as it now stands.' });
export type StandardImportResultDto = z.infer<typeof standardImportResultDtoSchema>;

// ---- the platform's own audit trail (what operators changed in national sets) ----------------------------------

export const platformAuditEventDtoSchema = z
  .object({
    id: id(),
    occurredAt: timestamp(),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: z.string(),
    actor: z.object({ userId: id(), displayName: z.string() }).nullable(),
    changes: fieldChanges(),
  })
  .meta({ id: 'PlatformAuditEvent', description: 'A change an operator made to what every network shares (national standard sets).' });
export type PlatformAuditEventDto = z.infer<typeof platformAuditEventDtoSchema>;

/** GET /api/admin/standards/changes: the newest first, optionally of one record. */
export const platformAuditQuerySchema = z.object({
  entityId: z.uuid({ error: 'Use the id of a record (a UUID)' }).optional(),
  limit: z.coerce.number({ error: 'The limit must be a number from 1 to 500' }).int().min(1).max(500).default(100),
});
