import type { ApiError } from '@plexus/contracts';

/**
 * Messages for a form, keyed by the field's dotted path (`memberOrganisations.2.name`), the same
 * paths that zod issues and the API's `ApiError.fields` use. The key `''` holds a message about the
 * whole form (it is listed in the error summary without a link).
 */
export type FieldErrors = Readonly<Record<string, string>>;

export const FORM_ERROR = '';

/** Enough of a zod issue for our purposes (zod 4's `$ZodIssue` fits). */
export interface IssueLike {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}

/** `memberOrganisations.2.name` → `memberOrganisations-2-name`: the id of the field's control. */
export function fieldId(path: string): string {
  return path.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The id of the element holding a field's error message, for `aria-describedby`. */
export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

/** One message per field, the first one found, in the order the issues were raised. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<IssueLike>): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map((part) => String(part)).join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/**
 * The messages of an API error. Field errors go to their fields; an error naming no field (a 403,
 * a 500, a rule about the whole record) becomes a form-level message.
 */
export function fieldErrorsFromApi(error: ApiError): FieldErrors {
  const errors: Record<string, string> = {};
  for (const { field, message } of error.fields ?? []) {
    if (!(field in errors)) errors[field] = message;
  }
  if (Object.keys(errors).length === 0) errors[FORM_ERROR] = error.message;
  return errors;
}

export interface ErrorSummaryItem {
  /** The fragment to link to, or null for a message about the whole form. */
  readonly href: string | null;
  readonly targetId: string | null;
  readonly text: string;
}

/** The error summary's list: form-level messages first, then fields in the order given. */
export function errorSummaryItems(errors: FieldErrors): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  if (errors[FORM_ERROR]) items.push({ href: null, targetId: null, text: errors[FORM_ERROR] });
  for (const [path, text] of Object.entries(errors)) {
    if (path === FORM_ERROR) continue;
    items.push({ href: `#${fieldId(path)}`, targetId: fieldId(path), text });
  }
  return items;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/**
 * When a row is removed from a repeatable list, messages about later rows move up one place and
 * messages about the removed row go, so that each message stays next to the row it is about.
 */
export function removeRowErrors(errors: FieldErrors, listPath: string, removedIndex: number): FieldErrors {
  const prefix = `${listPath}.`;
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!path.startsWith(prefix)) {
      result[path] = message;
      continue;
    }
    const [indexText, ...rest] = path.slice(prefix.length).split('.');
    const index = Number(indexText);
    if (!Number.isInteger(index) || index < removedIndex) {
      result[path] = message;
    } else if (index > removedIndex) {
      result[[listPath, String(index - 1), ...rest].join('.')] = message;
    }
  }
  return result;
}

/**
 * Puts a form's messages under a prefix (`email` → `invite.email`) so that two forms on one page
 * keep apart; form-level messages stay form-level.
 */
export function prefixFieldErrors(errors: FieldErrors, prefix: string): FieldErrors {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    result[path === FORM_ERROR ? FORM_ERROR : `${prefix}.${path}`] = message;
  }
  return result;
}
