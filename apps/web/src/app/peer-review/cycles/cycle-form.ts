import type { FieldErrors } from '../../core/form-errors';

/** Messages about a list's entries (`organisationIds.2`) shown on the list itself (`organisationIds`), the first one kept. */
export function collapseListErrors(errors: FieldErrors, lists: readonly string[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const list = lists.find((l) => path === l || path.startsWith(`${l}.`));
    const key = list ?? path;
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** "14, 3" → [14, 3]; anything that is not a whole number is kept as NaN for the schema to name. */
export function parseReminderDays(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

/** The NHS financial years a cycle may start in, around today: two back, four ahead (`2024/25`…). */
export function financialYearChoices(today: string, back = 2, ahead = 4): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const current = month >= 4 ? year : year - 1;
  const out: string[] = [];
  for (let y = current - back; y <= current + ahead; y++) out.push(`${y}/${String((y + 1) % 100).padStart(2, '0')}`);
  return out;
}

/** The financial year after `fy` (`2024/25` → `2025/26`). */
export function nextFinancialYear(fy: string): string {
  const y = Number(fy.slice(0, 4)) + 1;
  return `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
}
