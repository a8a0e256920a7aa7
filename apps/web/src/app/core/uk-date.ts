/** A date as typed into the NHS date input: day, month and year boxes, in that (UK) order. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = Object.freeze({ day: '', month: '', year: '' });

/** `2026-09-30` → `{ day: '30', month: '9', year: '2026' }`; anything else → empty boxes. */
export function partsFromIso(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] } : { ...EMPTY_DATE };
}

/**
 * The boxes as `YYYY-MM-DD` (`null` when all three are empty: no date), or what is wrong with them in the NHS
 * design system's words, for the field named `label` ("Due date must include a month", "Due date must be a real
 * date"). The range of dates the API takes is the API's to say.
 */
export function isoFromParts(parts: DateParts, label: string): { iso: string | null } | { error: string } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { iso: null };
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter((x): x is string => !!x);
  if (missing.length) return { error: `${label} must include ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time) || !new Date(time).toISOString().startsWith(iso)) return { error: `${label} must be a real date` };
  return { iso };
}
