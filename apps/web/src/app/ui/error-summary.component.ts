import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  untracked,
  viewChild,
} from '@angular/core';
import { errorSummaryItems, type ErrorSummaryItem, type FieldErrors } from '../core/form-errors';
import { focusField, moveFocusTo } from '../core/focus';
import { FormErrors } from './form-errors';

/**
 * The NHS error summary: "There is a problem" and a link to every field in error. It takes focus
 * each time `attempt` goes up (a failed submit), not while the person types. It shows the page's
 * `FormErrors`; a page without them passes `errors` and `attempt` itself.
 */
@Component({
  selector: 'plx-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length) {
      <div class="nhsuk-error-summary" aria-labelledby="error-summary-title" tabindex="-1" #summary>
        <div role="alert">
          <h2 class="nhsuk-error-summary__title" id="error-summary-title">{{ title() }}</h2>
          <div class="nhsuk-error-summary__body">
            <ul class="nhsuk-list nhsuk-error-summary__list">
              @for (item of items(); track $index) {
                <li>
                  @if (item.href) {
                    <a [attr.href]="item.href" (click)="goTo($event, item)">{{ item.text }}</a>
                  } @else {
                    {{ item.text }}
                  }
                </li>
              }
            </ul>
          </div>
        </div>
      </div>
    }
  `,
})
export class ErrorSummaryComponent {
  readonly errors = input<FieldErrors>();
  /** Increase it after each failed submit to move focus to the summary. */
  readonly attempt = input<number>();
  readonly title = input('There is a problem');

  readonly #form = inject(FormErrors, { optional: true });
  protected readonly items = computed(() => errorSummaryItems(this.errors() ?? this.#form?.errors() ?? {}));
  readonly #attempt = computed(() => this.attempt() ?? this.#form?.attempt() ?? 0);
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');
  readonly #document = inject(DOCUMENT);
  readonly #injector = inject(Injector);

  constructor() {
    effect(() => {
      if (this.#attempt() === 0) return;
      untracked(() => afterNextRender(() => moveFocusTo(this.summary()?.nativeElement), { injector: this.#injector }));
    });
  }

  /** In-page links would otherwise resolve against `<base href="/">` and leave the page. */
  protected goTo(event: Event, item: ErrorSummaryItem): void {
    if (item.targetId && focusField(item.targetId, this.#document)) event.preventDefault();
  }
}
