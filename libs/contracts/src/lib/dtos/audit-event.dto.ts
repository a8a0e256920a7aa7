import { z } from 'zod';
import { text, UUID_PATTERN } from '../fields';

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

export interface AuditChangeDto {
  from: unknown;
  to: unknown;
}

export interface AuditEventDto {
  id: string;
  occurredAt: string;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  actor: { userId: string; displayName: string } | null;
  changes: Record<string, AuditChangeDto>;
}

export interface AuditPageDto {
  items: AuditEventDto[];
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextCursor: string | null;
}
