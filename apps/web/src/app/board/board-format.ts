const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-06-11` → "Thursday 11 June 2026" (a calendar day: no time zone moves it). */
export function formatMeetingDate(iso: string): string {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? iso : LONG_DATE.format(new Date(time)).replace(',', '');
}

/** `14:00` → "2pm", `09:30` → "9:30am" (the NHS style for times). */
export function formatMeetingTime(time: string | null): string {
  const match = time ? /^(\d{2}):(\d{2})/.exec(time) : null;
  if (!match) return '';
  const hours = Number(match[1]);
  const minutes = match[2];
  if (hours === 12 && minutes === '00') return 'midday';
  if (hours === 0 && minutes === '00') return 'midnight';
  const suffix = hours < 12 ? 'am' : 'pm';
  const h = hours % 12 === 0 ? 12 : hours % 12;
  return `${h}${minutes === '00' ? '' : `:${minutes}`}${suffix}`;
}

/** A place is shown as text; a web address (http or https only) as a link to join. */
export function locationLink(location: string): string | null {
  const trimmed = location.trim();
  return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : null;
}

/** "5 items, 1 paper". */
export function agendaSummary(items: number, papers: number): string {
  if (!items) return 'No agenda yet';
  return `${items} ${items === 1 ? 'item' : 'items'}${papers ? `, ${papers} ${papers === 1 ? 'paper' : 'papers'}` : ''}`;
}

/** The time allowed field: '' → null, digits → a number, anything else as typed (the schema then says what is wrong). */
export function durationFromText(text: string): number | string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The agenda's ids with one item moved one place up or down; the same order when it cannot move. */
export function moveInOrder(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] {
  const order = [...ids];
  const from = order.indexOf(id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length) return order;
  [order[from], order[to]] = [order[to], order[from]];
  return order;
}

/** A paper that cannot be downloaded yet says why, in words (the tag's colour is never the only sign). */
export function paperStatus(status: 'queued' | 'rendering' | 'ready' | 'failed'): { text: string; tagClass: string } {
  switch (status) {
    case 'queued':
    case 'rendering':
      return { text: 'Being made', tagClass: 'nhsuk-tag--grey' };
    case 'failed':
      return { text: 'Could not be made', tagClass: 'nhsuk-tag--red' };
    default:
      return { text: 'Ready', tagClass: 'nhsuk-tag--green' };
  }
}
