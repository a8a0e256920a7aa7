import type { AuditChanges } from './audit-event.entity';

const IGNORED = new Set(['id', 'networkId', 'createdAt', 'updatedAt', 'version', 'tokenHash', 'passwordHash']);

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `[binary, ${value.length} bytes]`;
  if (value && typeof value === 'object' && 'type' in value && (value as { type: unknown }).type === 'Buffer') return '[binary]';
  return value;
}

/** JSON columns reach the flush as serialised text; compare and store them as values. */
function decodeJson(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/** The fields that changed, before → after; bookkeeping fields and secrets are left out. */
export function auditDiff(
  action: 'create' | 'update' | 'delete',
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const from = action === 'create' ? null : normalise(decodeJson(before?.[key]));
    const to = action === 'delete' ? null : normalise(decodeJson(after?.[key]));
    if (action === 'update' && !(after && key in after)) continue;
    if (action === 'update' && same(from, to)) continue;
    if (action !== 'update' && from === null && to === null) continue;
    changes[key] = { from, to };
  }
  return changes;
}
