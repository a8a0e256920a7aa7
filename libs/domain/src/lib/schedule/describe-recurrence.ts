/**
 * A recurrence in plain English, as the schedule form and the schedules list show it:
 * "First working day of April and October at 07:00", "Monthly on the 15th at 09:30",
 * "Quarterly (NHS financial quarters), first working day, at 07:00", "Cron 0 7 * * 1 (Europe/London)".
 */
import { MONTH_NAMES } from '../timescale';
import { DayInMonth, Recurrence, parseRecurrence } from './recurrence';

/** `1` → `1st`, `2` → `2nd`, `11` → `11th`, `22` → `22nd`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** `['April', 'October']` → `April and October`; three or more: `January, April and July`. */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function monthNames(months: readonly number[]): string {
  return listInWords(months.map((m) => MONTH_NAMES[m - 1]));
}

/** `first_working_day` → `first working day`; `31` → `the 31st (or the month's last day)`. */
function dayInWords(on: DayInMonth): string {
  if (on === 'first_working_day') return 'first working day';
  if (on === 'last_working_day') return 'last working day';
  return on > 28 ? `the ${ordinal(on)} (or the month's last day)` : `the ${ordinal(on)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const QUARTER_MONTH = ['', 'first', 'second', 'third'];

/** Plain English for a recurrence; throws a `RecurrenceError` for an invalid one. */
export function describeRecurrence(recurrence: Recurrence): string {
  const r = parseRecurrence(recurrence);
  switch (r.kind) {
    case 'monthly_on_day':
      return `Monthly on ${dayInWords(r.day)} at ${r.time}`;
    case 'first_working_day':
    case 'last_working_day': {
      const which = r.kind === 'first_working_day' ? 'First' : 'Last';
      const months = r.months === undefined || r.months.length === 12 ? 'every month' : monthNames(r.months);
      return `${which} working day of ${months} at ${r.time}`;
    }
    case 'quarterly': {
      const month = r.monthOfQuarter ?? 1;
      const where = month === 1 ? '' : ` of the quarter's ${QUARTER_MONTH[month]} month`;
      const day = typeof r.on === 'number' ? `on ${dayInWords(r.on)}` : dayInWords(r.on);
      return `Quarterly (NHS financial quarters), ${day}${where}, at ${r.time}`;
    }
    case 'twice_yearly': {
      if (typeof r.on === 'number') {
        const shorter = r.on > 28 ? " (or the month's last day)" : '';
        return `On the ${ordinal(r.on)} of ${monthNames(r.months)}${shorter} at ${r.time}`;
      }
      return `${capitalise(dayInWords(r.on))} of ${monthNames(r.months)} at ${r.time}`;
    }
    case 'after_board_meeting': {
      const after = r.workingDaysAfter ?? 1;
      const when = after === 0 ? 'on the day of the meeting' : after === 1 ? 'the next working day' : `${after} working days later`;
      return `After each board meeting, ${when}, at ${r.time}`;
    }
    case 'cron':
      return `Cron ${r.expression} (Europe/London)`;
  }
}
