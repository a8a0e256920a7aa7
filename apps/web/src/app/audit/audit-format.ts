import type { AuditEventDto } from '@plexus/contracts';
import { ORGANISATION_TYPE_LABELS } from '@plexus/domain';

/** Names of the kinds of record the audit trail covers. Unknown kinds are shown humanised. */
export const RECORD_TYPE_LABELS: Readonly<Record<string, string>> = {
  network_profile: 'Network profile',
  network: 'Network',
  membership: 'Member',
  member: 'Member',
  invite: 'Invite',
  logo: 'Logo',
};

/** The record types offered by the filter (the API's `entityType` values). */
export const FILTER_RECORD_TYPES = ['network_profile', 'membership', 'invite'] as const;

export const ACTION_LABELS: Record<AuditEventDto['action'], string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
};

export function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? humanise(action);
}

/** `memberOrganisations` → "Member organisations"; `branding.primaryColour` → "Branding: primary colour". */
export function humanise(name: string): string {
  return name
    .split('.')
    .map((part) =>
      part
        .replace(/_/g, ' ')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .trim(),
    )
    .filter(Boolean)
    .map((part, index) => (index === 0 ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join(': ');
}

export function recordTypeLabel(entityType: string): string {
  return RECORD_TYPE_LABELS[entityType] ?? humanise(entityType);
}

const MAX_VALUE_LENGTH = 300;

/** One value of a change, as a reader would want to see it. */
export function formatAuditValue(value: unknown): string {
  const text = formatRaw(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function formatRaw(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(formatItem).join('; ');
  if (typeof value === 'object') return formatItem(value);
  return String(value);
}

/** A list item: an organisation or a role reads as its name; other objects as key: value pairs. */
function formatItem(item: unknown): string {
  if (item === null || typeof item !== 'object') return formatRaw(item);
  const record = item as Record<string, unknown>;
  if (typeof record['title'] === 'string' && typeof record['personName'] === 'string') {
    return `${record['title']}: ${record['personName']}`;
  }
  if (typeof record['name'] === 'string') {
    const type = record['type'];
    if (typeof type !== 'string') return record['name'];
    const label = (ORGANISATION_TYPE_LABELS as Record<string, string>)[type] ?? humanise(type);
    return `${record['name']} (${label})`;
  }
  return Object.entries(record)
    .filter(([key]) => key !== 'id')
    .map(([key, value]) => `${humanise(key)}: ${formatRaw(value)}`)
    .join(', ');
}

export interface AuditChangeLine {
  field: string;
  before: string;
  after: string;
}

/** Each changed field as "Field: before → after", in a stable order. */
export function changeLines(event: Pick<AuditEventDto, 'changes'>): AuditChangeLine[] {
  return Object.entries(event.changes ?? {}).map(([field, change]) => ({
    field: humanise(field),
    before: formatAuditValue(change?.from),
    after: formatAuditValue(change?.to),
  }));
}
