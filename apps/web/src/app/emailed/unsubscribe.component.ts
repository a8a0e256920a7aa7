import { HttpClient, httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import type { UnsubscribePreviewDto } from '@plexus/contracts';
import { statusOf, toApiError } from '../core/api-error';
import { moveFocusTo } from '../core/focus';
import { unsubscribeUrl } from '../schedules/schedules.api';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';

/**
 * The unsubscribe link of a scheduled email, with no sign-in: "Stop receiving <schedule> from <network> at
 * <email>?" and one button. It removes that person from that schedule only (other reports are unchanged); the
 * delivery log records it. Mail programs that offer their own "Unsubscribe" POST to the API directly.
 */
@Component({
  selector: 'plx-unsubscribe',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadErrorComponent, LoadingComponent],
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        @if (problem(); as p) {
          <h1>{{ p.heading }}</h1>
          <p>{{ p.message }}</p>
        } @else if (done(); as result) {
          <div class="nhsuk-panel" id="unsubscribed" tabindex="-1" data-testid="unsubscribed">
            <h1 class="nhsuk-panel__title">You have been unsubscribed</h1>
            <div class="nhsuk-panel__body">{{ result.email }} will no longer receive {{ result.scheduleName }}.</div>
          </div>
          <p>Other reports from {{ result.networkName }} are not affected. If this was a mistake, ask {{ result.networkName }} to add you back.</p>
        } @else if (preview.error(); as error) {
          <h1>Unsubscribe from a report</h1>
          <plx-load-error [error]="error" what="your subscription" (retry)="preview.reload()" />
        } @else if (preview.hasValue()) {
          @let p = preview.value();
          @if (p.unsubscribed) {
            <h1>You have already unsubscribed</h1>
            <p>{{ p.email }} no longer receives {{ p.scheduleName }} from {{ p.networkName }}.</p>
            <p>Other reports from {{ p.networkName }} are not affected.</p>
          } @else {
            <h1>Stop receiving {{ p.scheduleName }} from {{ p.networkName }} at {{ p.email }}?</h1>
            <p>You will not get this report by email any more. Other reports from {{ p.networkName }}, if you receive any, are not affected.</p>
            @if (failure(); as message) {
              <div class="nhsuk-error-summary" aria-labelledby="unsubscribe-error-title" role="alert" tabindex="-1" id="unsubscribe-error">
                <h2 class="nhsuk-error-summary__title" id="unsubscribe-error-title">There is a problem</h2>
                <div class="nhsuk-error-summary__body">
                  <p>{{ message }}</p>
                </div>
              </div>
            }
            <button class="nhsuk-button" type="button" [attr.aria-disabled]="sending() ? true : null" (click)="unsubscribe()">Unsubscribe</button>
          }
        } @else {
          <h1>Unsubscribe from a report</h1>
          <plx-loading text="Checking the link…" />
        }
      </div>
    </div>
  `,
})
export class UnsubscribeComponent {
  readonly network = input.required<string>();
  readonly token = input.required<string>();

  readonly #http = inject(HttpClient);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly preview = httpResource<UnsubscribePreviewDto>(() => unsubscribeUrl(this.network(), this.token()));
  protected readonly done = signal<UnsubscribePreviewDto | null>(null);
  protected readonly sending = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly problem = computed(() => {
    const error = this.preview.error();
    if (!error) return null;
    const status = statusOf(error);
    if (status === 404 || status === 410) {
      return { heading: 'This unsubscribe link is not valid', message: 'Check that you used the whole link from the email.' };
    }
    if (status === 429) return { heading: 'Too many attempts', message: toApiError(error).message };
    return null;
  });

  protected unsubscribe(): void {
    if (this.sending()) return;
    this.sending.set(true);
    this.failure.set(null);
    this.#http.post<UnsubscribePreviewDto>(unsubscribeUrl(this.network(), this.token()), {}).subscribe({
      next: (result) => {
        this.sending.set(false);
        this.done.set(result);
        afterNextRender(() => moveFocusTo(this.#document.getElementById('unsubscribed')), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.failure.set(toApiError(error).message);
        afterNextRender(() => moveFocusTo(this.#document.getElementById('unsubscribe-error')), { injector: this.#injector });
      },
    });
  }
}
