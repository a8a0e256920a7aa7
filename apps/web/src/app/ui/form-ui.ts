import { ErrorSummaryComponent } from './error-summary.component';
import { FieldErrorComponent } from './field-error.component';
import { FieldDirective } from './field.directive';
import { FormGroupErrorDirective } from './form-group.directive';
import { UkDateDirective } from './uk-date.directive';

/**
 * What a form's template needs to show its `FormErrors` the NHS way: the error summary, the field
 * error messages, `plxField` on each control and `plxFormGroup` on each form group; and every `<input type="date">`
 * typed and shown in UK order with its hint (UkDateDirective).
 */
export const FORM_ERROR_UI = [ErrorSummaryComponent, FieldErrorComponent, FieldDirective, FormGroupErrorDirective, UkDateDirective] as const;
