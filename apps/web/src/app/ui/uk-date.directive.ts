import { DestroyRef, Directive, ElementRef, inject } from '@angular/core';
import { isoFromUkText, UK_DATE_HINT, ukTextFromIso } from '../core/uk-date-text';

let nextHint = 0;
const NATIVE_VALUE = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

/**
 * Every `<input type="date">` of the app, typed and shown in UK order whatever the browser's language: a browser's own
 * date box follows its language (an American browser asks for mm/dd/yyyy), so the box becomes a text box showing
 * `31/03/2026`, with a hint beside it saying so. The page keeps reading and writing `value` as `YYYY-MM-DD`: writing
 * `2026-03-31` shows `31/03/2026`, and reading gives back `2026-03-31` for `31/03/2026` (or `2026-03-31`) typed;
 * anything else is given back as typed, for the form's check to refuse naming the field.
 *
 * The hint is put before the box and named by its `aria-describedby` (`plxField` adds it to the field's own hint and
 * error message: see FieldDirective).
 */
@Directive({ selector: 'input[type=date]' })
export class UkDateDirective {
  readonly hintId = `plx-date-format-${++nextHint}`;

  constructor() {
    const input = inject(ElementRef).nativeElement as HTMLInputElement;
    const native = NATIVE_VALUE;
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    if (native?.get && native.set) {
      const get = native.get;
      const set = native.set;
      Object.defineProperty(input, 'value', {
        configurable: true,
        get: () => isoFromUkText(get.call(input) as string),
        set: (value: unknown) => set.call(input, ukTextFromIso(value === null || value === undefined ? '' : String(value))),
      });
    }
    const hint = input.ownerDocument.createElement('div');
    hint.className = 'nhsuk-hint plx-date-format-hint';
    hint.id = this.hintId;
    hint.textContent = UK_DATE_HINT;
    // After the element is in the page (the template inserts it after creating it).
    queueMicrotask(() => {
      if (!input.parentNode || hint.isConnected) return;
      input.parentNode.insertBefore(hint, input);
      // With plxField, the field's own aria-describedby already names the hint; without, it is added here.
      const own = input.getAttribute('aria-describedby');
      if (!own?.split(' ').includes(this.hintId)) input.setAttribute('aria-describedby', own ? `${own} ${this.hintId}` : this.hintId);
    });
    inject(DestroyRef).onDestroy(() => hint.remove());
  }
}
