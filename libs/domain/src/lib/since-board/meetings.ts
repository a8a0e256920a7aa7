import { formatIsoDateLong as longDate, type IsoDate } from '../timescale/dates';

/**
 * "Since the last board": which two board meetings a report compares. By default the last two meetings held on or
 * before today; a manager may name either or both. Pure, so the API (refusing a bad choice before anything is queued)
 * and the worker (building the section) choose the same way.
 */
export interface MeetingRef {
  id: string;
  /** `YYYY-MM-DD`. */
  meetingDate: IsoDate;
  title: string;
}

export type SinceBoardField = 'sinceMeetingId' | 'toMeetingId';

export type MeetingChoice =
  /** Compare the network as it stood at the end of `since.meetingDate` with the end of `toDate`. */
  | {
      kind: 'pair';
      since: MeetingRef;
      to: MeetingRef;
      /** The day compared with: the `to` meeting's day, or today when that meeting has not happened yet. */
      toDate: IsoDate;
      /** True when the `to` meeting is after today: the comparison runs up to today. */
      toIsUpcoming: boolean;
    }
  /** Nothing chosen and fewer than two meetings held up to today: nothing to compare (the report says so). */
  | { kind: 'too_few'; held: number }
  /** A choice that cannot be used: the field and why (`not_found` when the id is not one of the network's meetings). */
  | { kind: 'refused'; field: SinceBoardField; reason: 'not_found' | 'invalid'; message: string };

export interface MeetingChoiceInput {
  sinceMeetingId?: string | null;
  toMeetingId?: string | null;
}

function byDate(a: MeetingRef, b: MeetingRef): number {
  return a.meetingDate < b.meetingDate ? -1 : a.meetingDate > b.meetingDate ? 1 : 0;
}

/**
 * The two meetings to compare, from the network's meetings (any order) and today (Europe/London).
 * - neither chosen: the last two meetings held on or before today (`too_few` when there are not two);
 * - only `toMeetingId`: it, and the latest meeting on an earlier day;
 * - only `sinceMeetingId`: it, and the latest meeting held up to today on a later day, else the next one after it
 *   (still to come: the comparison runs up to today);
 * - both: as chosen; the first must be on an earlier day than the second.
 * The first meeting must have been held (on or before today). Meetings on the same day count as one board.
 */
export function chooseMeetings(meetings: readonly MeetingRef[], today: IsoDate, input: MeetingChoiceInput): MeetingChoice {
  const sorted = [...meetings].sort(byDate);
  const find = (id: string | null | undefined) => (id ? (sorted.find((m) => m.id === id) ?? null) : null);
  const sinceChosen = find(input.sinceMeetingId);
  const toChosen = find(input.toMeetingId);
  if (input.sinceMeetingId && !sinceChosen)
    return { kind: 'refused', field: 'sinceMeetingId', reason: 'not_found', message: 'That board meeting is not in this network' };
  if (input.toMeetingId && !toChosen)
    return { kind: 'refused', field: 'toMeetingId', reason: 'not_found', message: 'That board meeting is not in this network' };
  if (sinceChosen && sinceChosen.meetingDate > today)
    return {
      kind: 'refused',
      field: 'sinceMeetingId',
      reason: 'invalid',
      message: `The meeting on ${longDate(sinceChosen.meetingDate)} has not happened yet: compare from a meeting held on or before today`,
    };

  const held = sorted.filter((m) => m.meetingDate <= today);
  let since: MeetingRef | null;
  let to: MeetingRef | null;
  if (!sinceChosen && !toChosen) {
    const last = held.at(-1) ?? null;
    to = last;
    since = last ? (held.filter((m) => m.meetingDate < last.meetingDate).at(-1) ?? null) : null;
    if (!to || !since) return { kind: 'too_few', held: new Set(held.map((m) => m.meetingDate)).size };
  } else if (toChosen && !sinceChosen) {
    to = toChosen;
    since = sorted.filter((m) => m.meetingDate < toChosen.meetingDate).at(-1) ?? null;
    if (!since)
      return {
        kind: 'refused',
        field: 'toMeetingId',
        reason: 'invalid',
        message: `There is no board meeting before ${longDate(toChosen.meetingDate)} to compare it with`,
      };
    if (since.meetingDate > today)
      return {
        kind: 'refused',
        field: 'toMeetingId',
        reason: 'invalid',
        message: `The meeting before it (${longDate(since.meetingDate)}) has not happened yet: choose a later meeting, or the meeting to compare from as well`,
      };
  } else if (sinceChosen && !toChosen) {
    since = sinceChosen;
    const later = sorted.filter((m) => m.meetingDate > sinceChosen.meetingDate);
    to = later.filter((m) => m.meetingDate <= today).at(-1) ?? later[0] ?? null;
    if (!to)
      return {
        kind: 'refused',
        field: 'sinceMeetingId',
        reason: 'invalid',
        message: `There is no board meeting after ${longDate(sinceChosen.meetingDate)} to compare it with: add the next meeting first`,
      };
  } else if (sinceChosen && toChosen) {
    since = sinceChosen;
    to = toChosen;
    if (since.meetingDate >= to.meetingDate)
      return {
        kind: 'refused',
        field: 'sinceMeetingId',
        reason: 'invalid',
        message: `Choose a meeting before the one on ${longDate(to.meetingDate)} to compare from`,
      };
  } else return { kind: 'too_few', held: 0 }; // unreachable: the four cases above cover every choice

  const toIsUpcoming = to.meetingDate > today;
  return { kind: 'pair', since, to, toDate: toIsUpcoming ? today : to.meetingDate, toIsUpcoming };
}
