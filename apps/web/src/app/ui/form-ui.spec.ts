import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FORM_ERROR, type FieldErrors } from '../core/form-errors';
import { ErrorSummaryComponent } from './error-summary.component';
import { FieldErrorComponent } from './field-error.component';
import { FormErrors } from './form-errors';
import { FORM_ERROR_UI } from './form-ui';

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A page with one field of each kind, wired the way the app's forms are. */
@Component({
  selector: 'plx-test-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_ERROR_UI],
  providers: [FormErrors],
  template: `
    <plx-error-summary />
    <form novalidate>
      <div class="nhsuk-form-group" plxFormGroup="name">
        <label class="nhsuk-label" for="name">Name</label>
        <div class="nhsuk-hint" id="name-hint">Your full name</div>
        <plx-field-error path="name" />
        <input class="nhsuk-input" id="name" type="text" plxField="name" hint="name-hint" />
      </div>
      <div class="nhsuk-form-group" plxFormGroup="role">
        <label class="nhsuk-label" for="role">Role</label>
        <plx-field-error path="role" />
        <select class="nhsuk-select" id="role" plxField="role">
          <option value="">Choose</option>
        </select>
      </div>
      <div class="nhsuk-form-group" [plxFormGroup]="notesPath()">
        <label class="nhsuk-label" [for]="'notes'">Notes</label>
        <plx-field-error [path]="notesPath()" />
        <textarea class="nhsuk-textarea" id="notes" [plxField]="notesPath()" [hint]="notesHint()"></textarea>
      </div>
      <div class="nhsuk-form-group" plxFormGroup="colour">
        <label class="nhsuk-label" for="colour">Colour</label>
        <input id="colour" type="color" plxField="colour" />
      </div>
      <div class="nhsuk-form-group" [plxFormGroup]="['kind', 'kind.other']">
        <fieldset class="nhsuk-fieldset" id="kind" plxField="kind">
          <legend class="nhsuk-fieldset__legend">Kind</legend>
          <plx-field-error path="kind" />
          <div class="nhsuk-checkboxes">
            <input class="nhsuk-checkboxes__input" id="kind-a" type="checkbox" plxField="kind.a" />
          </div>
        </fieldset>
      </div>
      <plx-field-error path="version" standalone />
    </form>
  `,
})
class TestFormComponent {
  readonly errors = inject(FormErrors);
  readonly notesPath = signal('notes');
  readonly notesHint = signal<string | null>(null);
}

async function render() {
  const fixture = TestBed.createComponent(TestFormComponent);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const errors = fixture.componentInstance.errors;
  const byId = (id: string) => element.querySelector(`#${id}`) as HTMLElement;
  const show = async (change: () => void) => {
    change();
    await fixture.whenStable();
  };
  return { fixture, element, errors, byId, show };
}

describe('form error UI (FormErrors, plxField, plxFormGroup, plx-field-error, plx-error-summary)', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows nothing while there are no errors, and points the control at its hint only', async () => {
    const { element, byId } = await render();
    expect(element.querySelector('.nhsuk-error-summary')).toBeNull();
    expect(element.querySelectorAll('.nhsuk-error-message, .nhsuk-form-group--error, [aria-invalid]')).toHaveLength(0);
    expect(text(element.querySelector('form plx-field-error'))).toBe('');
    expect(byId('name').getAttribute('aria-describedby')).toBe('name-hint');
    expect(byId('role').hasAttribute('aria-describedby')).toBe(false);
    expect(byId('kind').hasAttribute('aria-describedby')).toBe(false);
  });

  it('marks a field in error the NHS way: group, message with its id, control class, aria-describedby and aria-invalid', async () => {
    const { element, errors, byId, show } = await render();
    await show(() => errors.fail({ name: 'Enter your name', role: 'Choose a role', notes: 'Notes must be 400 characters or fewer' }));

    expect(byId('name').closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
    expect(byId('name-error').classList).toContain('nhsuk-error-message');
    expect(text(byId('name-error'))).toBe('Error: Enter your name');
    expect(byId('name-error').querySelector('.nhsuk-u-visually-hidden')!.textContent).toBe('Error:');
    expect(byId('name').classList).toContain('nhsuk-input--error');
    expect(byId('name').getAttribute('aria-describedby')).toBe('name-hint name-error');
    expect(byId('name').getAttribute('aria-invalid')).toBe('true');

    expect(byId('role').classList).toContain('nhsuk-select--error');
    expect(byId('role').getAttribute('aria-describedby')).toBe('role-error');
    expect(byId('notes').classList).toContain('nhsuk-textarea--error');
    expect(byId('notes').getAttribute('aria-describedby')).toBe('notes-error');

    // Fields without a message stay as they were.
    expect(byId('colour').closest('.nhsuk-form-group')!.classList).not.toContain('nhsuk-form-group--error');
    expect(element.querySelectorAll('.nhsuk-error-message')).toHaveLength(3);
  });

  it('does not mark in red what the NHS design system does not (colours, check boxes, fieldsets) but still describes them', async () => {
    const { errors, byId, show } = await render();
    await show(() => errors.fail({ colour: 'Choose a colour', kind: 'Choose a kind', 'kind.a': 'Not this one' }));

    expect(byId('colour').className).toBe('');
    expect(byId('colour').hasAttribute('aria-invalid')).toBe(false);
    expect(byId('colour').getAttribute('aria-describedby')).toBe('colour-error');
    expect(byId('colour').closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');

    expect(byId('kind').getAttribute('aria-describedby')).toBe('kind-error');
    expect(byId('kind').hasAttribute('aria-invalid')).toBe(false);
    expect(byId('kind').closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
    expect(byId('kind-a').getAttribute('aria-describedby')).toBe('kind-a-error');
    expect(byId('kind-a').classList).not.toContain('nhsuk-input--error');
  });

  it('marks a group in error when any of the paths it is given is', async () => {
    const { errors, byId, show } = await render();
    await show(() => errors.fail({ 'kind.other': 'Say what kind' }));
    expect(byId('kind').closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
    expect(byId('kind').hasAttribute('aria-describedby')).toBe(false);
  });

  it('follows a field whose path and hint change (rows of a repeatable list)', async () => {
    const { fixture, errors, byId, show } = await render();
    await show(() => errors.fail({ 'notes.1': 'Enter the note' }));
    expect(byId('notes').getAttribute('aria-describedby')).toBeNull();
    fixture.componentInstance.notesPath.set('notes.1');
    fixture.componentInstance.notesHint.set('name-hint');
    await fixture.whenStable();
    expect(byId('notes').getAttribute('aria-describedby')).toBe('name-hint notes-1-error');
    expect(text(byId('notes-1-error'))).toBe('Error: Enter the note');
    expect(byId('notes').closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
  });

  it('clears the marks as soon as the messages go', async () => {
    const { element, errors, byId, show } = await render();
    await show(() => errors.fail({ name: 'Enter your name' }));
    await show(() => errors.clear());
    expect(byId('name').classList).not.toContain('nhsuk-input--error');
    expect(byId('name').hasAttribute('aria-invalid')).toBe(false);
    expect(byId('name').getAttribute('aria-describedby')).toBe('name-hint');
    expect(element.querySelector('#name-error')).toBeNull();
    expect(element.querySelector('.nhsuk-error-summary')).toBeNull();
  });

  it('gives a message about no control (a stale version) the field’s own id, so the summary can link to it', async () => {
    const { element, errors, byId, show } = await render();
    await show(() => errors.fail({ version: 'Someone else changed this record' }));
    expect(text(byId('version'))).toBe('Error: Someone else changed this record');
    expect(byId('version').classList).toContain('nhsuk-error-message');
    expect(element.querySelector('.nhsuk-error-summary a')!.getAttribute('href')).toBe('#version');
  });

  it('summary: "There is a problem", form-level messages first and unlinked, then a link to each field', async () => {
    const { element, errors, show } = await render();
    await show(() => errors.fail({ role: 'Choose a role', [FORM_ERROR]: 'Only managers can do this', name: 'Enter your name' }));
    const summary = element.querySelector('.nhsuk-error-summary')!;
    expect(summary.getAttribute('aria-labelledby')).toBe('error-summary-title');
    expect(text(summary.querySelector('#error-summary-title'))).toBe('There is a problem');
    expect(summary.querySelector('[role="alert"]')).not.toBeNull();
    expect(Array.from(summary.querySelectorAll('li')).map((li) => [li.querySelector('a')?.getAttribute('href') ?? null, text(li)])).toEqual([
      [null, 'Only managers can do this'],
      ['#role', 'Choose a role'],
      ['#name', 'Enter your name'],
    ]);
  });

  it('summary takes focus after each failed submit, and not while messages change otherwise', async () => {
    const { fixture, element, errors, byId, show } = await render();
    document.body.appendChild(fixture.nativeElement);
    byId('name').focus();

    await show(() => errors.set({ name: 'Enter your name' }));
    expect(element.querySelector('.nhsuk-error-summary')).not.toBeNull();
    expect(document.activeElement).toBe(byId('name'));

    await show(() => errors.fail({ name: 'Enter your name' }));
    expect(document.activeElement).toBe(element.querySelector('.nhsuk-error-summary'));

    byId('name').focus();
    await show(() => errors.fail({ name: 'Enter your name' }));
    expect(document.activeElement).toBe(element.querySelector('.nhsuk-error-summary'));
  });

  it('summary links move focus to the field in the page (not to another page through <base href>)', async () => {
    const { fixture, element, errors, byId, show } = await render();
    document.body.appendChild(fixture.nativeElement);
    await show(() => errors.fail({ role: 'Choose a role' }));
    const link = element.querySelector('.nhsuk-error-summary a') as HTMLAnchorElement;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(byId('role'));
  });
});

describe('plx-error-summary and plx-field-error on a page that keeps its own messages', () => {
  @Component({
    selector: 'plx-test-legacy',
    changeDetection: ChangeDetectionStrategy.OnPush,
    imports: [ErrorSummaryComponent, FieldErrorComponent],
    template: `
      <plx-error-summary [errors]="errors()" [attempt]="attempt()" title="Fix these rows" />
      <plx-field-error path="email" [message]="errors()['email']" />
    `,
  })
  class LegacyComponent {
    readonly errors = signal<FieldErrors>({});
    readonly attempt = signal(0);
  }

  it('shows the messages and title it is given', async () => {
    const fixture = TestBed.createComponent(LegacyComponent);
    document.body.appendChild(fixture.nativeElement);
    fixture.componentInstance.errors.set({ email: 'Enter an email address' });
    fixture.componentInstance.attempt.set(1);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element.querySelector('.nhsuk-error-summary__title'))).toBe('Fix these rows');
    expect(element.querySelector('.nhsuk-error-summary a')!.getAttribute('href')).toBe('#email');
    expect(text(element.querySelector('#email-error'))).toBe('Error: Enter an email address');
    expect(document.activeElement).toBe(element.querySelector('.nhsuk-error-summary'));
    document.body.replaceChildren();
  });
});
