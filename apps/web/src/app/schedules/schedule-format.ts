import {
  DELIVERY_STATE_LABELS,
  type DeliveryStateValue,
  REPORT_KIND_LABELS,
  RUN_STATE_LABELS,
  type RunStateValue,
  type RunSummaryDto,
} from '@plexus/contracts';
import { MONTH_NAMES } from '@plexus/domain';
import { formatDateTime } from '../core/dates';

const SEND_TIME = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** "Thu 1 April 2027, 07:00": a send time in Europe/London, whatever the browser's zone. */
export function formatSendTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(SEND_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part['weekday']} ${part['day']} ${part['month']} ${part['year']}, ${part['hour']}:${part['minute']}`;
}

function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * A run's period (its key, see periodKey of @plexus/domain) in words: `2027-04` → "April 2027",
 * `2026/27-Q1` → "2026/27 Q1", `2027-05-14` → "Board meeting of 14 May 2027",
 * `2027-03-29T07:00` → "29 March 2027, 07:00", `now 2026-12-03T09:15` → "Sent now, 3 December 2026, 09:15".
 */
export function periodLabel(key: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4}\/\d{2})-Q([1-4])$/.exec(key);
  if (m) return `${m[1]} Q${m[2]}`;
  m = /^(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (m) return `Board meeting of ${longDate(m[1])}`;
  m = /^(now )?(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(key);
  if (m) return `${m[1] ? 'Sent now, ' : ''}${longDate(m[2])}, ${m[3]}`;
  return key;
}

export function runStateLabel(state: RunStateValue | string): string {
  return (RUN_STATE_LABELS as Record<string, string>)[state] ?? state;
}

export function deliveryStateLabel(state: DeliveryStateValue | string): string {
  return (DELIVERY_STATE_LABELS as Record<string, string>)[state] ?? state;
}

export function reportKindLabel(kind: string): string {
  return (REPORT_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

const RUN_TAGS: Record<RunStateValue, string> = {
  pending: 'nhsuk-tag--grey',
  rendering: 'nhsuk-tag--blue',
  sent: 'nhsuk-tag--green',
  skipped_unchanged: 'nhsuk-tag--grey',
  skipped_no_recipients: 'nhsuk-tag--yellow',
  failed: 'nhsuk-tag--red',
};

const DELIVERY_TAGS: Record<DeliveryStateValue, string> = {
  pending: 'nhsuk-tag--grey',
  sent: 'nhsuk-tag--green',
  retrying: 'nhsuk-tag--orange',
  given_up: 'nhsuk-tag--red',
};

export function runTagClass(state: string): string {
  return (RUN_TAGS as Record<string, string>)[state] ?? 'nhsuk-tag--grey';
}

export function deliveryTagClass(state: string): string {
  return (DELIVERY_TAGS as Record<string, string>)[state] ?? 'nhsuk-tag--grey';
}

/** "3 of 3 sent", "2 of 3 sent, 1 retrying, 1 given up": how a run's emails went, never only a colour. */
export function deliveryCounts(run: Pick<RunSummaryDto, 'deliveries'>): string {
  const d = run.deliveries;
  if (d.total === 0) return 'No emails';
  const parts = [`${d.sent} of ${d.total} sent`];
  if (d.pending) parts.push(`${d.pending} waiting`);
  if (d.retrying) parts.push(`${d.retrying} retrying`);
  if (d.givenUp) parts.push(`${d.givenUp} given up`);
  return parts.join(', ');
}

/** A run that needs the manager's attention: it failed, or some of its emails were given up. */
export function runNeedsAttention(run: Pick<RunSummaryDto, 'state' | 'deliveries'> | null): boolean {
  return !!run && (run.state === 'failed' || run.deliveries.givenUp > 0);
}

/** The first 12 hex digits of a SHA-256, enough to tell documents apart by eye. */
export function shortChecksum(sha256: string | null): string {
  return sha256 ? sha256.slice(0, 12) : '';
}

/** "3 March 2025 at 14:05" (UK time), or '' for none. */
export const formatWhen = formatDateTime;

/** "attachment" or "link", as the log says how a copy was sent. */
export function sentAsLabel(mode: 'attach' | 'link' | string): string {
  return mode === 'link' ? 'Link' : 'Attachment';
}
