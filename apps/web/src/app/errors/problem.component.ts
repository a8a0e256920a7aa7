import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';

@Component({
  selector: 'plx-problem',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Sorry, there is a problem with the service</h1>
        <p>Try again later.</p>
        <p>Nothing you entered has been lost if you had saved it.</p>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="reload()">Try again</button>
      </div>
    </div>
  `,
})
export class ProblemComponent {
  readonly #document = inject(DOCUMENT);

  protected reload(): void {
    this.#document.defaultView?.location.reload();
  }
}
