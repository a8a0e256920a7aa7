import { computed, Directive, ElementRef, HostAttributeToken, inject, input } from '@angular/core';
import { describedByIds } from '../core/form-errors';
import { FormErrors } from './form-errors';
import { UkDateDirective } from './uk-date.directive';

type ErrorClass = 'nhsuk-input--error' | 'nhsuk-select--error' | 'nhsuk-textarea--error' | null;

/** Inputs the NHS design system marks in red when in error; check boxes, radios and colours it does not. */
const UNMARKED_INPUTS = new Set(['checkbox', 'radio', 'color', 'hidden', 'submit', 'button', 'reset', 'image']);

function errorClassFor(tagName: string, type: string | null): ErrorClass {
  switch (tagName.toLowerCase()) {
    case 'select':
      return 'nhsuk-select--error';
    case 'textarea':
      return 'nhsuk-textarea--error';
    case 'input':
      return UNMARKED_INPUTS.has((type ?? 'text').toLowerCase()) ? null : 'nhsuk-input--error';
    default:
      return null; // a fieldset: its form group says it is in error
  }
}

/**
 * Ties a control (or the fieldset of a group of radios or check boxes) to its field in the page's
 * `FormErrors`: `aria-describedby` names its hint and, when the field is in error, its message;
 * `aria-invalid` and the NHS error class (`nhsuk-input--error`, `nhsuk-select--error`,
 * `nhsuk-textarea--error`) are set while it is in error.
 *
 * `<input class="nhsuk-input" id="cover-meeting" plxField="cover.meeting" hint="cover-meeting-hint" />`
 */
@Directive({
  selector: 'input[plxField], select[plxField], textarea[plxField], fieldset[plxField]',
  host: {
    '[attr.aria-describedby]': 'describedBy()',
    '[attr.aria-invalid]': 'invalid()',
    '[class.nhsuk-input--error]': "errorClass() === 'nhsuk-input--error'",
    '[class.nhsuk-select--error]': "errorClass() === 'nhsuk-select--error'",
    '[class.nhsuk-textarea--error]': "errorClass() === 'nhsuk-textarea--error'",
  },
})
export class FieldDirective {
  /** The field's dotted path, e.g. `memberOrganisations.2.name`. */
  readonly path = input.required<string>({ alias: 'plxField' });
  /** The id(s) of the field's hint, if it has one. */
  readonly hint = input<string | null | undefined>(undefined);

  readonly #form = inject(FormErrors);
  /** A date box's "Day/month/year" hint (see UkDateDirective), named with the field's own. */
  readonly #dateHint = inject(UkDateDirective, { optional: true, self: true })?.hintId;
  readonly #errorClass = errorClassFor(
    (inject(ElementRef).nativeElement as HTMLElement).tagName,
    inject(new HostAttributeToken('type'), { optional: true }),
  );

  protected readonly inError = computed(() => !!this.#form.message(this.path()));
  protected readonly describedBy = computed(() =>
    describedByIds(this.path(), [this.hint(), this.#dateHint].filter(Boolean).join(' '), this.inError()),
  );
  /** Only on the controls that are marked in red, so that the mark and the announcement agree. */
  protected readonly invalid = computed(() => (this.inError() && this.#errorClass ? 'true' : null));
  protected readonly errorClass = computed(() => (this.inError() ? this.#errorClass : null));
}
