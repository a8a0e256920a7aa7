import { computed, Directive, inject, input } from '@angular/core';
import { FormErrors } from './form-errors';

/**
 * Marks an NHS form group (or a fieldset standing for one) as in error while any of its fields is:
 * `<div class="nhsuk-form-group" plxFormGroup="cover.meeting">` gets `nhsuk-form-group--error`.
 */
@Directive({
  selector: '[plxFormGroup]',
  host: { '[class.nhsuk-form-group--error]': 'inError()' },
})
export class FormGroupErrorDirective {
  /** The dotted path of the group's field, or of each of its fields. */
  readonly paths = input.required<string | readonly string[]>({ alias: 'plxFormGroup' });

  readonly #form = inject(FormErrors);

  protected readonly inError = computed(() => {
    const paths = this.paths();
    return (typeof paths === 'string' ? [paths] : paths).some((path) => !!this.#form.message(path));
  });
}
