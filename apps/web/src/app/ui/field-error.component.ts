import { booleanAttribute, ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { errorId, fieldId } from '../core/form-errors';
import { FormErrors } from './form-errors';

/**
 * The NHS error message shown above a field in error (`nhsuk-error-message`, with the id its
 * control's `aria-describedby` names). It shows the field's message from the page's `FormErrors`
 * and nothing while the field has none; a page without `FormErrors` passes `message` itself.
 */
@Component({
  selector: 'plx-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.nhsuk-error-message]': '!!text()', '[attr.id]': 'text() ? id() : null' },
  template: `@if (text(); as text) {
    <span class="nhsuk-u-visually-hidden">Error:</span> {{ text }}
  }`,
})
export class FieldErrorComponent {
  /** The field's dotted path, e.g. `memberOrganisations.2.name`. */
  readonly path = input.required<string>();
  /** The message, when the page keeps its messages itself. */
  readonly message = input<string | undefined>();
  /**
   * For a message that names no control (a rule about the whole record, like a stale `version`):
   * it takes the field's own id, so that the error summary links to the message itself.
   */
  readonly standalone = input(false, { transform: booleanAttribute });

  readonly #form = inject(FormErrors, { optional: true });
  protected readonly text = computed(() => this.message() ?? this.#form?.message(this.path()));
  protected readonly id = computed(() => (this.standalone() ? fieldId(this.path()) : errorId(this.path())));
}
