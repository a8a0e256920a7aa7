import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { NudgeRoundDto } from '@plexus/contracts';
import { formatIsoDateLong } from '@plexus/domain';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { emailText, nudgeListText, roundCountsText, roundStateLabel, whenText } from './nudge-format';
import { nudgeRoundUrl } from './nudges.api';

/**
 * One nudge round, for managers: each lead nudged, what their email listed, whether it was sent or failed (with the
 * mail server's reason), and whether they have updated. A round still to send can be withdrawn. While emails are
 * still going out, the page looks again every few seconds.
 */
@Component({
  selector: 'plx-nudge-round',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './nudge-round.component.html',
  styles: ['.plx-table-scroll { overflow-x: auto; margin-bottom: 16px; }'],
})
export class NudgeRoundComponent {
  readonly network = input.required<string>();
  readonly roundId = input.required<string>();

  readonly #http = inject(HttpClient);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);

  protected readonly round = httpResource<NudgeRoundDto>(() => nudgeRoundUrl(this.network(), this.roundId()));
  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(this.#flash.take());
  protected readonly withdrawing = signal(false);
  /** Emails still waiting or sending, or a round due now: worth looking again shortly. */
  protected readonly busy = computed(() => {
    if (!this.round.hasValue()) return false;
    const r = this.round.value();
    return (
      (r.state === 'scheduled' && new Date(r.sendAt).getTime() <= Date.now() + 60_000) ||
      r.nudges.some((n) => n.emailStatus === 'pending' || n.emailStatus === 'sending')
    );
  });

  protected readonly longDate = formatIsoDateLong;
  protected readonly whenText = whenText;
  protected readonly stateLabel = roundStateLabel;
  protected readonly countsText = roundCountsText;
  protected readonly listText = nudgeListText;
  protected readonly emailText = emailText;

  constructor() {
    const timer = setInterval(() => {
      if (this.busy() && !this.round.isLoading()) this.round.reload();
    }, 3000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected updatedText(iso: string | null): string {
    return iso ? `Updated ${whenText(iso)}` : 'Not yet';
  }

  protected withdraw(): void {
    if (this.withdrawing()) return;
    this.withdrawing.set(true);
    this.#http.delete(nudgeRoundUrl(this.network(), this.roundId())).subscribe({
      next: () => {
        this.#flash.set('The round has been withdrawn: no nudges will be sent for it.');
        void this.#router.navigate(['/n', this.network(), 'nudges']);
      },
      error: (error: unknown) => {
        this.withdrawing.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }
}
