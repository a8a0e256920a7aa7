import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { errorId } from '../core/form-errors';

/** The message shown above a field in error; give the field `aria-describedby` = this id. */
@Component({
  selector: 'plx-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'nhsuk-error-message', '[attr.id]': 'id()' },
  template: `<span class="nhsuk-u-visually-hidden">Error:</span> {{ message() }}`,
})
export class FieldErrorComponent {
  /** The field's dotted path, e.g. `memberOrganisations.2.name`. */
  readonly path = input.required<string>();
  readonly message = input.required<string>();
  protected readonly id = computed(() => errorId(this.path()));
}
