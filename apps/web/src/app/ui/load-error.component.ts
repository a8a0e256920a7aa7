import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { statusOf, toApiError } from '../core/api-error';

/** What to show when a page's data could not be loaded, with a way to try again. */
@Component({
  selector: 'plx-load-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-warning-callout" role="alert">
      <h2 class="nhsuk-warning-callout__label">
        <span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>{{ heading() }}</span>
      </h2>
      <p>{{ message() }}</p>
      @if (retryable()) {
        <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="button" (click)="retry.emit()">Try again</button>
      }
    </div>
  `,
})
export class LoadErrorComponent {
  readonly error = input.required<unknown>();
  /** What could not be loaded, e.g. "the profile". */
  readonly what = input('this page');
  readonly retry = output<void>();

  readonly #status = computed(() => statusOf(this.error()));
  protected readonly retryable = computed(() => ![403, 404].includes(this.#status()));
  protected readonly heading = computed(() => {
    switch (this.#status()) {
      case 403:
        return 'You cannot see this';
      case 404:
        return 'Not found';
      default:
        return `We could not load ${this.what()}`;
    }
  });
  protected readonly message = computed(() => {
    switch (this.#status()) {
      case 403:
        return 'Your role in this network does not allow it. Ask a network manager if you need access.';
      case 404:
        return 'It may have been removed, or the link may be wrong.';
      default:
        return toApiError(this.error()).message;
    }
  });
}
