import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input, signal } from '@angular/core';

/** A link shown once (an invite): a read-only field to select from and a copy button. */
@Component({
  selector: 'plx-one-time-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-form-group">
      <label class="nhsuk-label" [for]="inputId()">{{ label() }}</label>
      <div class="nhsuk-hint" [id]="inputId() + '-hint'">
        Copy this link and send it to {{ recipient() }}. It will not be shown again.
        @if (expiresAt(); as expires) {
          It works until {{ expires }}.
        }
      </div>
      <input
        class="nhsuk-input plx-one-time-link__input"
        type="text"
        readonly
        [id]="inputId()"
        [value]="url()"
        [attr.aria-describedby]="inputId() + '-hint'"
        (focus)="select($event)"
      />
    </div>
    <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="copy()">Copy link</button>
    <p class="nhsuk-body-s" role="status" aria-live="polite">{{ status() }}</p>
  `,
})
export class OneTimeLinkComponent {
  readonly url = input.required<string>();
  readonly label = input('Invite link');
  readonly inputId = input('one-time-link');
  readonly recipient = input('the person');
  readonly expiresAt = input<string | null>(null);

  protected readonly status = signal('');
  readonly #document = inject(DOCUMENT);

  protected select(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

  protected async copy(): Promise<void> {
    try {
      await this.#document.defaultView?.navigator.clipboard.writeText(this.url());
      this.status.set('Link copied.');
    } catch {
      const field = this.#document.getElementById(this.inputId()) as HTMLInputElement | null;
      field?.focus();
      field?.select();
      this.status.set('Your browser did not let us copy. The link is selected: press Ctrl+C (or ⌘C) to copy it.');
    }
  }
}
