import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { isoFromUkText, UK_DATE_HINT, ukTextFromIso } from '../core/uk-date-text';
import { FieldDirective } from './field.directive';
import { FormErrors } from './form-errors';
import { UkDateDirective } from './uk-date.directive';

describe('dates typed in UK order', () => {
  it.each([
    ['31/03/2026', '2026-03-31'],
    ['1/4/2026', '2026-04-01'],
    [' 10-12-2026 ', '2026-12-10'],
    ['10.12.2026', '2026-12-10'],
    ['10 12 2026', '2026-12-10'],
    ['2026-03-31', '2026-03-31'],
    // Never month-first: 03/31 is day 3 of month 31 (which the form's check refuses), not 31 March.
    ['03/31/2026', '2026-31-03'],
    ['', ''],
    ['next Tuesday', 'next Tuesday'],
    ['31/03/26', '31/03/26'],
  ])('%j → %j', (typed, iso) => {
    expect(isoFromUkText(typed)).toBe(iso);
  });

  it('shows a date in UK order, and anything else as it is', () => {
    expect(ukTextFromIso('2026-03-31')).toBe('31/03/2026');
    expect(ukTextFromIso('')).toBe('');
    expect(ukTextFromIso(null)).toBe('');
    expect(ukTextFromIso('soon')).toBe('soon');
  });
});

const NATIVE = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') as PropertyDescriptor;
/** What the box shows (the browser's own value, under the page's). */
const shown = (input: HTMLInputElement): string => NATIVE.get?.call(input) as string;
/** Types into the box as a person would. */
const type = (input: HTMLInputElement, text: string): void => void NATIVE.set?.call(input, text);

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UkDateDirective, FieldDirective],
  providers: [FormErrors],
  template: `
    <label for="due">Due date</label>
    <div id="due-hint">Optional</div>
    <input id="due" type="date" plxField="due" hint="due-hint" [value]="due()" (input)="read($event)" />
    <input id="plain" type="date" [value]="'2026-01-05'" />
  `,
})
class HostComponent {
  readonly due = signal('2026-03-31');
  seen: string | null = null;
  read(event: Event): void {
    this.seen = (event.target as HTMLInputElement).value;
  }
}

describe('UkDateDirective', () => {
  it('turns a browser date box into a UK text box with its hint, keeping YYYY-MM-DD for the page', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await Promise.resolve();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const due = element.querySelector('#due') as HTMLInputElement;
    expect(due.type).toBe('text');
    // What the person sees is UK order; what the page reads is the ISO date.
    expect(due.value).toBe('2026-03-31');
    expect(shown(due)).toBe('31/03/2026');

    // The hint sits before the box and is named by it, with the field's own hint.
    const hint = due.previousElementSibling as HTMLElement;
    expect(hint.textContent).toBe(UK_DATE_HINT);
    expect(due.getAttribute('aria-describedby')?.split(' ')).toEqual(['due-hint', hint.id]);

    const plain = element.querySelector('#plain') as HTMLInputElement;
    expect(shown(plain)).toBe('05/01/2026');
    expect(plain.getAttribute('aria-describedby')).toBe((plain.previousElementSibling as HTMLElement).id);

    // Typed in UK order: the page reads the ISO date.
    type(due, '1/4/2026');
    due.dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.seen).toBe('2026-04-01');
    fixture.componentInstance.due.set('2026-04-01');
    fixture.detectChanges();
    expect(shown(due)).toBe('01/04/2026');
  });
});
