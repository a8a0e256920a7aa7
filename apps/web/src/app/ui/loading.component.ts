import { ChangeDetectionStrategy, Component, input } from '@angular/core';

@Component({
  selector: 'plx-loading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="nhsuk-body plx-loading" role="status" aria-live="polite">{{ text() }}</p>`,
})
export class LoadingComponent {
  readonly text = input('Loading…');
}
