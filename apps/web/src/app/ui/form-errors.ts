import { computed, Injectable, signal } from '@angular/core';
import {
  type FieldErrors,
  FORM_ERROR,
  hasErrors,
  removeRowErrors,
  serverFieldErrors,
  type ServerFieldMapping,
  withFieldError,
} from '../core/form-errors';

/**
 * The error state of a page's forms: the messages by dotted field path and how many submits have
 * failed. A page provides one (`providers: [FormErrors]`) and injects it; the error summary, the
 * field errors and the `plxField` / `plxFormGroup` directives in its template read it from there, so
 * the page only says which field is which.
 */
@Injectable()
export class FormErrors {
  readonly #errors = signal<FieldErrors>({});
  readonly #attempt = signal(0);

  /** The messages, by dotted field path (`FORM_ERROR`, `''`, for the whole form). */
  readonly errors = this.#errors.asReadonly();
  /** Goes up with each failed submit: the error summary takes focus each time. */
  readonly attempt = this.#attempt.asReadonly();
  readonly any = computed(() => hasErrors(this.#errors()));

  message(path: string): string | undefined {
    return this.#errors()[path];
  }

  /** The messages about a field and everything under it (`cover.riskReferences.SN/07`). */
  under(path: string): Array<{ path: string; message: string }> {
    return Object.entries(this.#errors())
      .filter(([key]) => key === path || key.startsWith(`${path}.`))
      .map(([key, message]) => ({ path: key, message }));
  }

  /** A failed submit: these messages replace the others and the error summary takes focus. */
  fail(errors: FieldErrors): void {
    this.#errors.set(errors);
    this.#attempt.update((n) => n + 1);
  }

  /** A failed API call: its messages on the fields it names (see `serverFieldErrors`). */
  failFromServer<F extends string>(error: unknown, mapping?: ServerFieldMapping<F>): void {
    this.fail(serverFieldErrors(error, mapping));
  }

  /** A failure about the whole form, listed in the summary without a link. */
  failWith(message: string): void {
    this.fail({ [FORM_ERROR]: message });
  }

  /** A failed submit about one field: its message replaces any it had and the others stay. */
  failField(path: string, message: string): void {
    this.fail(withFieldError(this.#errors(), path, message));
  }

  /** Replaces the messages without moving focus (a file chosen, a panel opened or closed). */
  set(errors: FieldErrors): void {
    this.#errors.set(errors);
  }

  /** Sets (or, given null, removes) one field's message without moving focus. */
  setField(path: string, message: string | null | undefined): void {
    this.#errors.update((errors) => withFieldError(errors, path, message));
  }

  update(change: (errors: FieldErrors) => FieldErrors): void {
    this.#errors.update(change);
  }

  clear(): void {
    this.#errors.set({});
  }

  /** A row of a repeatable list was removed: its messages go, later rows' messages move up. */
  removeRow(listPath: string, index: number): void {
    this.#errors.update((errors) => removeRowErrors(errors, listPath, index));
  }
}
