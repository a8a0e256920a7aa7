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

/** GET …/audit: filter to one record, and page with the cursor of the previous page. */
export const auditQuerySchema = z.object({
  entityType: text(40, 'The record type')
    .regex(/^[a-z_]{1,40}$/, { error: 'Use a record type such as network_profile' })
    .optional(),
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
    changes: fieldChanges(),
  })
  .meta({ id: 'AuditEvent', description: "One create, update or delete of a network's record, with what changed." });
export type AuditEventDto = z.infer<typeof auditEventDtoSchema>;

export const auditPageDtoSchema = z
  .object({
    items: z.array(auditEventDtoSchema),
    nextCursor: z.string().nullable().describe('Pass as `before` to get the next (older) page; null when there is none.'),
  })
  .meta({ id: 'AuditPage', description: 'A page of the audit trail, newest first.' });
export type AuditPageDto = z.infer<typeof auditPageDtoSchema>;
