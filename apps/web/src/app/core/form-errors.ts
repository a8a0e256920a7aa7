import type { ApiError } from '@plexus/contracts';
import { toApiError } from './api-error';

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
  return serverFieldErrors(error);
}

/**
 * How a failed call's messages land on a form. The API's 400 names dotted fields
 * (`memberOrganisations.2.name`, `file`); a form may call them otherwise, keep apart two forms on a
 * page, or show only some of them. `F` is the form's own field paths.
 */
export interface ServerFieldMapping<F extends string = string> {
  /** The server's name of a field → the form's (`file` → `logo`). */
  readonly rename?: Readonly<Record<string, F>>;
  /** Only these of the form's fields show a message from the server; the others are left out. */
  readonly only?: readonly F[];
  /** Puts the form's fields under a prefix (`email` → `invite.email`); form-level messages stay form-level. */
  readonly prefix?: string;
  /** Where the error's own message goes when no field is given one: the whole form (the default) or a field. */
  readonly unplaced?: F | typeof FORM_ERROR;
  /** Rewords that message, e.g. ``(m) => `Nothing has been imported. ${m}` ``. */
  readonly reword?: (message: string) => string;
}

/**
 * The messages of any failed API call (an `HttpErrorResponse`, an `ApiError`, anything thrown), by
 * the form's field paths: the first message for each field the server names, in its order; if none
 * lands on a field, the error's own message at form level (or on `unplaced`).
 */
export function serverFieldErrors<F extends string = string>(error: unknown, mapping: ServerFieldMapping<F> = {}): FieldErrors {
  const apiError = toApiError(error);
  const place = (path: string) => (path === FORM_ERROR || !mapping.prefix ? path : `${mapping.prefix}.${path}`);
  const errors: Record<string, string> = {};
  for (const { field, message } of apiError.fields ?? []) {
    const name: string = mapping.rename?.[field] ?? field;
    if (mapping.only && !(mapping.only as readonly string[]).includes(name)) continue;
    const path = place(name);
    if (!(path in errors)) errors[path] = message;
  }
  if (Object.keys(errors).length === 0) {
    errors[place(mapping.unplaced ?? FORM_ERROR)] = mapping.reword ? mapping.reword(apiError.message) : apiError.message;
  }
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

/**
 * `aria-describedby` for a control: its hint ids (if any), then its error message's id when the field
 * has one — the order the NHS design system reads them in. Null when there is nothing to point at.
 */
export function describedByIds(path: string, hintIds: string | null | undefined, hasError: boolean): string | null {
  const ids = [hintIds?.trim(), hasError ? errorId(path) : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : null;
}

/** The messages with one field's message replaced (it then comes last) or, given null, removed. */
export function withFieldError(errors: FieldErrors, path: string, message: string | null | undefined): FieldErrors {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) if (key !== path) result[key] = value;
  if (message) result[path] = message;
  return result;
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
