import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { errorId, fieldId } from '../core/form-errors';
import type { DateParts } from '../core/uk-date';
import { controlValue } from './control-value';
import { FieldErrorComponent } from './field-error.component';
import { FormErrors } from './form-errors';
import { FormGroupErrorDirective } from './form-group.directive';

/**
 * The NHS date input: a day, a month and a year box in UK order, in a fieldset with its legend, hint and error message
 * (from the page's `FormErrors` under `path`). The day box takes the field's id, so that the error summary's link
 * lands in it. `form` ties the boxes to a form elsewhere on the page (its id) when the date sits inside another form.
 */
@Component({
  selector: 'plx-date-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldErrorComponent, FormGroupErrorDirective],
  template: `
    <div class="nhsuk-form-group" [plxFormGroup]="path()">
      <fieldset class="nhsuk-fieldset" role="group" [attr.aria-describedby]="describedBy()">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{{ legend() }}</legend>
        <div class="nhsuk-hint" [id]="id() + '-hint'">{{ hint() }}</div>
        <plx-field-error [path]="path()" />
        <div class="nhsuk-date-input" [id]="id() + '-parts'">
          @for (box of boxes; track box.part) {
            <div class="nhsuk-date-input__item">
              <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-date-input__label" [for]="boxId(box.part)">{{ box.label }}</label>
                <input
                  type="text"
                  inputmode="numeric"
                  autocomplete="off"
                  [class]="'nhsuk-input nhsuk-date-input__input ' + box.width + (inError() ? ' nhsuk-input--error' : '')"
                  [id]="boxId(box.part)"
                  [attr.form]="form()"
                  [attr.aria-invalid]="inError() ? 'true' : null"
                  [value]="value()[box.part]"
                  (input)="set(box.part, $event)"
                />
              </div>
            </div>
          }
        </div>
      </fieldset>
    </div>
  `,
})
export class DateInputComponent {
  /** The field's dotted path in the page's `FormErrors`, e.g. `new.dueDate`. */
  readonly path = input.required<string>();
  readonly legend = input.required<string>();
  readonly hint = input('For example, 30 9 2026');
  readonly value = input.required<DateParts>();
  /** The id of the form the boxes belong to, when it is not the one around them. */
  readonly form = input<string | null>(null);
  readonly valueChange = output<DateParts>();

  readonly #errors = inject(FormErrors);
  protected readonly boxes = [
    { part: 'day', label: 'Day', width: 'nhsuk-input--width-2' },
    { part: 'month', label: 'Month', width: 'nhsuk-input--width-2' },
    { part: 'year', label: 'Year', width: 'nhsuk-input--width-4' },
  ] as const;
  protected readonly id = computed(() => fieldId(this.path()));
  protected readonly inError = computed(() => !!this.#errors.message(this.path()));
  protected readonly describedBy = computed(() => `${this.id()}-hint${this.inError() ? ` ${errorId(this.path())}` : ''}`);

  protected boxId(part: keyof DateParts): string {
    return part === 'day' ? this.id() : `${this.id()}-${part}`;
  }

  /** All three boxes as they stand (read from the page: a quick typist may fill two before the value comes back). */
  protected set(part: keyof DateParts, event: Event): void {
    const boxes = (event.target as HTMLElement).closest('.nhsuk-date-input');
    const read = (p: keyof DateParts) =>
      p === part ? controlValue(event) : (boxes?.querySelector<HTMLInputElement>(`[id="${this.boxId(p)}"]`)?.value ?? this.value()[p]);
    this.valueChange.emit({ day: read('day'), month: read('month'), year: read('year') });
  }
}
