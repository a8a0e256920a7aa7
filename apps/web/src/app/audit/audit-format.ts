import { AUDIT_RECORD_TYPE_VALUES, AUDIT_RECORD_TYPES, type AuditEventDto } from '@plexus/contracts';
import { ORGANISATION_TYPE_LABELS, ROLE_LABELS, WORK_ITEM_STATUS_LABELS, formatIsoDateLong } from '@plexus/domain';
import { formatDateTime } from '../core/dates';

/** Names of the kinds of record the audit trail covers (the API's list). Unknown kinds are shown humanised. */
export const RECORD_TYPE_LABELS: Readonly<Record<string, string>> = {
  ...AUDIT_RECORD_TYPES,
  network: 'Network',
  member: 'Member',
  logo: 'Logo',
};

/** Every record type the audit trail covers, offered by the filter in alphabetical order of its name. */
export const FILTER_RECORD_TYPES: readonly string[] = [...AUDIT_RECORD_TYPE_VALUES].sort((a, b) =>
  AUDIT_RECORD_TYPES[a].localeCompare(AUDIT_RECORD_TYPES[b], 'en-GB'),
);

/**
 * Fields in people's words where the column's name would not do: what the forms call them. Others are humanised
 * (`memberOrganisations` → "Member organisations").
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  dueOn: 'Target date',
  originalDueOn: 'Original target date',
  timescaleText: 'Timescale',
  originalTimescaleText: 'Original timescale',
  themeId: 'Theme',
  objectiveId: 'Objective',
  planId: 'Plan',
  workItemId: 'Work item',
  riskId: 'Risk',
  userId: 'Person',
  ownerUserId: 'Owner',
  ownerName: 'Owner',
  organisationId: 'Organisation',
  documentId: 'Report',
  scheduleId: 'Scheduled report',
  recipientId: 'Recipient',
  listId: 'Distribution list',
  meetingId: 'Board meeting',
  cycleId: 'Peer review cycle',
  activityId: 'Activity',
  criterionId: 'Criterion',
  sectionId: 'Section',
  actionId: 'Action',
  findingId: 'Finding',
  recommendationId: 'Recommendation',
  onDate: 'Date',
  statusOn: 'Status date',
  periodStart: 'Period starts',
  periodEnd: 'Period ends',
  approvedOn: 'Approved on',
  dateRegistered: 'Date registered',
  likelihoodBefore: 'Likelihood before mitigation',
  impactBefore: 'Impact before mitigation',
  likelihoodAfter: 'Likelihood after mitigation',
  impactAfter: 'Impact after mitigation',
  legacyScore: 'Score from an older register',
  mitigationLead: 'Mitigation lead',
  lastReviewedOn: 'Last reviewed',
  nextReviewDue: 'Next review due',
  reviewedOn: 'Reviewed on',
  closedOn: 'Closed on',
  dueDate: 'Due date',
  meetingDate: 'Meeting date',
  startsAt: 'Starts at',
  narrative: 'Update',
  work: 'Work',
  measures: 'Measures of success',
  steps: 'Steps',
  withdrawnAt: 'Withdrawn on',
  withdrawnBy: 'Withdrawn by',
  withdrawnReason: 'Reason for withdrawing',
  requestedBy: 'Requested by',
  revokedAt: 'Link withdrawn on',
  expiresAt: 'Expires on',
  invitedBy: 'Invited by',
  acceptedAt: 'Accepted on',
  role: 'Role',
  status: 'Status',
  rag: 'Colour',
  position: 'Position in the list',
};

/** `themeId` → "Theme"; `branding.primaryColour` → "Branding: primary colour". */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? humanise(field.replace(/Id$/, ''));
}

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
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Names of the records and people whose ids appear in the changes (the API's `names`): id → name. */
export type AuditNames = Readonly<Record<string, string>>;

/**
 * One value of a change, as a reader would want to see it: dates in UK order ("10 December 2026"), times in UK time,
 * a record's or a person's id as its name, a status or a role in words, yes or no.
 */
export function formatAuditValue(value: unknown, names: AuditNames = {}, field = ''): string {
  const text = formatRaw(value, names, field);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function formatRaw(value: unknown, names: AuditNames = {}, field = ''): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') {
    if (value === '') return '(empty)';
    if (names[value]) return names[value];
    if (ISO_DAY.test(value)) return safe(() => formatIsoDateLong(value), value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    if (field === 'status' && value in WORK_ITEM_STATUS_LABELS) return WORK_ITEM_STATUS_LABELS[value as keyof typeof WORK_ITEM_STATUS_LABELS];
    if (field === 'role' && value in ROLE_LABELS) return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
    if (field === 'type' && value in ORGANISATION_TYPE_LABELS) return ORGANISATION_TYPE_LABELS[value as keyof typeof ORGANISATION_TYPE_LABELS];
    return value;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => formatItem(item, names)).join('; ');
  if (typeof value === 'object') return formatItem(value, names);
  return String(value);
}

function safe(format: () => string, fallback: string): string {
  try {
    return format();
  } catch {
    return fallback;
  }
}

/** A list item: an organisation or a role reads as its name; other objects as key: value pairs. */
function formatItem(item: unknown, names: AuditNames = {}): string {
  if (item === null || typeof item !== 'object') return formatRaw(item, names);
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
    .map(([key, value]) => `${fieldLabel(key)}: ${formatRaw(value, names, key)}`)
    .join(', ');
}

export interface AuditChangeLine {
  field: string;
  before: string;
  after: string;
}

/** Each changed field as "Field: before → after", in people's words, in a stable order. */
export function changeLines(event: Pick<AuditEventDto, 'changes'>, names: AuditNames = {}): AuditChangeLine[] {
  return Object.entries(event.changes ?? {}).map(([field, change]) => ({
    field: fieldLabel(field),
    before: formatAuditValue(change?.from, names, field),
    after: formatAuditValue(change?.to, names, field),
  }));
}

/** "Changed: Work item “1.2 Recruit two coordinators”", or without a name when it cannot be told. */
export function eventTitle(event: Pick<AuditEventDto, 'action' | 'entityType' | 'recordName'>): string {
  const what = `${actionLabel(event.action)}: ${recordTypeLabel(event.entityType)}`;
  return event.recordName ? `${what} “${event.recordName}”` : what;
}
