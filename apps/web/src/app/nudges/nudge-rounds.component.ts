import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { createNudgeRoundSchema, type BoardMeetingListDto, type NudgeRoundDto, type NudgeRoundListDto } from '@plexus/contracts';
import { formatIsoDateLong } from '@plexus/domain';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { EMPTY_DATE, isoFromParts, type DateParts } from '../core/uk-date';
import { controlValue } from '../ui/control-value';
import { DateInputComponent } from '../ui/date-input.component';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { roundCountsText, roundStateLabel, whenText } from './nudge-format';
import { nudgeRoundsUrl } from './nudges.api';

/**
 * Nudges to leads, for managers: send a round now or at a day and time (UK time), optionally for one of the board's
 * meetings still to come; then the rounds, the latest first, with how many leads were nudged and have updated.
 */
@Component({
  selector: 'plx-nudge-rounds',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, DateInputComponent, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './nudge-rounds.component.html',
})
export class NudgeRoundsComponent {
  readonly network = input.required<string>();
  /** From the query string (`?meeting=`): the board meeting page's "Nudge leads before this meeting". */
  readonly meeting = input<string | undefined>(undefined);

  readonly #http = inject(HttpClient);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);

  protected readonly rounds = httpResource<NudgeRoundListDto>(() => nudgeRoundsUrl(this.network()));
  protected readonly meetings = httpResource<BoardMeetingListDto>(() => `/api/networks/${encodeURIComponent(this.network())}/board/meetings`);
  protected readonly upcoming = computed(() => (this.meetings.hasValue() ? this.meetings.value().upcoming : []));
  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(this.#flash.take());

  protected readonly meetingId = signal('');
  protected readonly when = signal<'now' | 'later'>('now');
  protected readonly sendOn = signal<DateParts>({ ...EMPTY_DATE });
  protected readonly sendTime = signal('09:00');
  protected readonly sending = signal(false);

  protected readonly longDate = formatIsoDateLong;
  protected readonly whenText = whenText;
  protected readonly stateLabel = roundStateLabel;
  protected readonly countsText = roundCountsText;
  protected readonly text = controlValue;

  constructor() {
    effect(() => {
      const asked = this.meeting();
      if (asked) this.meetingId.set(asked);
    });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.sending()) return;
    let sendOn: string | null = null;
    if (this.when() === 'later') {
      const day = isoFromParts(this.sendOn(), 'The day to send');
      if ('error' in day) return this.errors.fail({ sendOn: day.error });
      if (!day.iso) return this.errors.fail({ sendOn: 'Enter the day to send the nudges' });
      sendOn = day.iso;
    }
    const parsed = createNudgeRoundSchema.safeParse({
      boardMeetingId: this.meetingId() || null,
      sendOn,
      sendTime: sendOn ? this.sendTime().trim() : null,
    });
    if (!parsed.success) return this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
    this.sending.set(true);
    this.#http.post<NudgeRoundDto>(nudgeRoundsUrl(this.network()), parsed.data).subscribe({
      next: (round) => {
        this.sending.set(false);
        this.#flash.set(
          // "Now" is a round due straight away: the worker picks it up within moments.
          round.state === 'scheduled' && new Date(round.sendAt).getTime() > Date.now() + 60_000
            ? `The nudges will be sent on ${whenText(round.sendAt)}.`
            : 'The nudges are being sent. Each lead with items or risks to update gets one email.',
        );
        void this.#router.navigate(['/n', this.network(), 'nudges', round.id]);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.errors.failFromServer(toApiError(error));
      },
    });
  }
}
