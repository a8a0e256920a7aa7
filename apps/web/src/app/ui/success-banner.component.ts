import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, input } from '@angular/core';
import { moveFocusTo } from '../core/focus';

/** The NHS success notification banner; it takes focus when it appears so that it is announced. */
@Component({
  selector: 'plx-success-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="success-banner-title" tabindex="-1">
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="success-banner-title">Success</h2>
      </div>
      <div class="nhsuk-notification-banner__content">
        <p class="nhsuk-notification-banner__heading">{{ message() }}</p>
      </div>
    </div>
  `,
})
export class SuccessBannerComponent {
  readonly message = input.required<string>();

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => moveFocusTo(host.nativeElement.querySelector<HTMLElement>('.nhsuk-notification-banner')));
  }
}
