/**
 * A date typed as text in UK order: `31/03/2026` (also `31-3-2026`, `31.3.2026`, `31 3 2026`), or as `2026-03-31`, →
 * `2026-03-31`; anything else comes back as typed (trimmed), for the form's check to refuse naming the field. Never
 * month-first: `03/31/2026` is not read as 31 March (it is day 3 of month 31, which the check refuses).
 */
export function isoFromUkText(text: string): string {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const m = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/.exec(value);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : value;
}

/** `2026-03-31` → `31/03/2026`; anything else as it is (so that what was typed stays in the box). */
export function ukTextFromIso(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}

/** The words beside every typed date: what the box takes. */
export const UK_DATE_HINT = 'Day/month/year, for example 31/03/2026';
