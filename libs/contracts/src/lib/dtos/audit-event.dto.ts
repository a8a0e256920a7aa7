import { z } from 'zod';
import { text, UUID_PATTERN } from '../fields';
import { fieldChangeDtoSchema, fieldChanges, id, timestamp } from './response-fields';

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Reads a `nextCursor` (`<ISO time>|<event id>`); null when it is not one the API could have given out. */
export function parseAuditCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id, ...rest] = cursor.split('|');
  if (rest.length || !at || !id || !CURSOR_TIME.test(at) || !UUID_PATTERN.test(id)) return null;
  const time = new Date(at);
  if (Number.isNaN(time.getTime()) || time.toISOString() !== at) return null;
  return { at: time, id };
}

/**
 * Every kind of record the audit trail covers (its `entityType`), with its name in people's words: the filter offers
 * each one, and the API refuses any other (400 naming `entityType`). The server's entity registry maps each audited
 * entity to one of these (a spec checks that they agree).
 */
export const AUDIT_RECORD_TYPES = {
  network_profile: 'Network profile',
  membership: 'Member',
  member_organisation: 'Member organisation',
  leadership_role: 'Leadership role',
  file: 'File',
  invite: 'Invite',
  work_plan: 'Work plan',
  work_plan_theme: 'Theme',
  work_plan_objective: 'Objective',
  work_item: 'Work item',
  work_item_lead: 'Work item lead',
  work_item_progress: 'Progress update',
  risk: 'Risk',
  risk_review: 'Risk review',
  risk_work_item: 'Risk linked to a work item',
  report_document: 'Report',
  recipient: 'Recipient',
  distribution_list: 'Distribution list',
  distribution_list_member: 'Distribution list member',
  report_schedule: 'Scheduled report',
  report_schedule_target: 'Scheduled report recipient',
  report_schedule_unsubscribe: 'Unsubscribe from a scheduled report',
  document_link: 'Emailed report link',
  board_meeting: 'Board meeting',
  board_agenda_item: 'Agenda item',
  annual_report_draft: 'Annual report draft',
  nudge_round: 'Nudge round',
  standard_set: 'Standard set',
  standard_set_version: 'Standard set version',
  standard_section: 'Standards section',
  standard_criterion: 'Standard criterion',
  review_cycle: 'Peer review cycle',
  review_cycle_organisation: 'Organisation in a peer review cycle',
  review_activity: 'Peer review activity',
  submission: 'Submission',
  submission_file: 'Submission file',
  self_assessment: 'Self-assessment',
  self_assessment_answer: 'Self-assessment answer',
  self_assessment_file: 'Self-assessment file',
  review_report: 'Peer review report',
  review_finding: 'Peer review finding',
  review_recommendation: 'Peer review recommendation',
  review_action: 'Peer review action',
  review_action_progress: 'Peer review action update',
} as const satisfies Record<string, string>;
export type AuditRecordType = keyof typeof AUDIT_RECORD_TYPES;
export const AUDIT_RECORD_TYPE_VALUES = Object.keys(AUDIT_RECORD_TYPES) as [AuditRecordType, ...AuditRecordType[]];

/** GET …/audit: filter to one kind of record or one record, and page with the cursor of the previous page. */
export const auditQuerySchema = z.object({
  entityType: z.enum(AUDIT_RECORD_TYPE_VALUES, { error: 'Choose a kind of record the audit trail covers, such as work_item or risk' }).optional(),
  entityId: text(64, 'The record id').regex(UUID_PATTERN, { error: 'Use the id of a record (a UUID)' }).optional(),
  before: text(100, 'The cursor')
    .refine((v) => parseAuditCursor(v) !== null, { error: 'The cursor is not one this API gave out: use the nextCursor of the previous page' })
    .optional(),
  limit: z.coerce.number({ error: 'The limit must be a number from 1 to 200' }).int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export type AuditChangeDto = z.infer<typeof fieldChangeDtoSchema>;

export const auditEventDtoSchema = z
  .object({
    id: id(),
    occurredAt: timestamp(),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: z.string(),
    actor: z.object({ userId: id(), displayName: z.string() }).nullable(),
    recordName: z
      .string()
      .nullable()
      .describe('The record in people’s words (a work item’s number and work, a risk’s reference, a person’s name), or null when it cannot be told.'),
    changes: fieldChanges(),
  })
  .meta({ id: 'AuditEvent', description: "One create, update or delete of a network's record, with what changed." });
export type AuditEventDto = z.infer<typeof auditEventDtoSchema>;

export const auditPageDtoSchema = z
  .object({
    items: z.array(auditEventDtoSchema),
    nextCursor: z.string().nullable().describe('Pass as `before` to get the next (older) page; null when there is none.'),
    names: z
      .record(z.string(), z.string())
      .describe('Names of the records and people whose ids appear in the changes (a theme, an organisation, a lead): id → name.'),
  })
  .meta({ id: 'AuditPage', description: 'A page of the audit trail, newest first.' });
export type AuditPageDto = z.infer<typeof auditPageDtoSchema>;
