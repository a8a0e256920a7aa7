/**
 * Wall-clock time in a time zone (Europe/London unless told otherwise) and back, with `Intl` only.
 *
 * London goes from GMT to BST at 01:00 UTC on the last Sunday of March (wall clocks jump 01:00 → 02:00)
 * and back at 01:00 UTC on the last Sunday of October (02:00 → 01:00, so 01:00–01:59 happens twice).
 */
import { IsoDate, parseIsoDate, toIsoDate } from '../timescale';

export const SCHEDULE_TIME_ZONE = 'Europe/London';

export interface WallClock {
  date: IsoDate;
  hour: number;
  minute: number;
  second: number;
}

const MS_PER_MINUTE = 60_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('Expected a valid Date');
}

function fieldsAt(instant: Date, timeZone: string) {
  const parts = formatFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** What a clock in `timeZone` shows at `instant` (to the second). */
export function wallClockAt(instant: Date, timeZone = SCHEDULE_TIME_ZONE): WallClock {
  assertInstant(instant);
  const { year, month, day, hour, minute, second } = fieldsAt(instant, timeZone);
  return { date: toIsoDate(year, month, day), hour, minute, second };
}

/** Minutes the zone is ahead of UTC at `instant`: 0 for GMT, 60 for BST. */
export function zoneOffsetMinutes(instant: Date, timeZone = SCHEDULE_TIME_ZONE): number {
  assertInstant(instant);
  const ms = instant.getTime() - (((instant.getTime() % 1000) + 1000) % 1000);
  const f = fieldsAt(new Date(ms), timeZone);
  return Math.round((Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - ms) / MS_PER_MINUTE);
}

/**
 * The instant at which clocks in `timeZone` show `hour:minute` on `date`.
 * - A wall time that happens twice (01:30 on the day clocks go back) gives the first of the two.
 * - A wall time that does not exist (01:30 on the day clocks go forward) gives the first instant after
 *   it, the moment the clocks jump (01:00 UTC, shown as 02:00 BST).
 */
export function instantAtWallTime(date: IsoDate, hour: number, minute: number, timeZone = SCHEDULE_TIME_ZONE): Date {
  const ymd = parseIsoDate(date);
  if (!ymd) throw new RangeError(`Expected date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour must be 0–23 (got ${hour})`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`minute must be 0–59 (got ${minute})`);
  const wallMs = Date.UTC(ymd.year, ymd.month - 1, ymd.day, hour, minute);
  // The offsets in force a day either side; a zone changes offset at most once in between.
  const offsetBefore = zoneOffsetMinutes(new Date(wallMs - 86_400_000), timeZone);
  const offsetAfter = zoneOffsetMinutes(new Date(wallMs + 86_400_000), timeZone);
  const candidates = [...new Set([wallMs - offsetBefore * MS_PER_MINUTE, wallMs - offsetAfter * MS_PER_MINUTE])].sort((a, b) => a - b);
  const valid = candidates.filter((ms) => ms + zoneOffsetMinutes(new Date(ms), timeZone) * MS_PER_MINUTE === wallMs);
  if (valid.length > 0) return new Date(valid[0]);
  // In the gap: find the first minute on the new offset (between the two candidates).
  let lo = candidates[0];
  let hi = candidates[candidates.length - 1];
  const loOffset = zoneOffsetMinutes(new Date(lo), timeZone);
  while (hi - lo > MS_PER_MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    if (zoneOffsetMinutes(new Date(mid), timeZone) === loOffset) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
