import { httpResource } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  type BoardMeetingListDto,
  closeRiskSchema,
  recordRiskReviewSchema,
  type RiskDto,
  type RiskReviewDto,
  type RiskScoreDto,
  type SessionMembership,
} from '@plexus/contracts';
import { boardMeetingsUrl } from '../board/board.api';
import { toApiError } from '../core/api-error';
import { formatDate } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues, prefixFieldErrors } from '../core/form-errors';
import { composePageTitle } from '../core/page-title';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { RiskApi, riskUrl } from './risk.api';
import {
  BAND_TAG_CLASS,
  bandOf,
  bandOfScore,
  IMPACT_OPTIONS,
  impactName,
  LIKELIHOOD_OPTIONS,
  likelihoodName,
  previewScore,
  ratingFromText,
  ratingsText,
  todayIso,
} from './risk-format';
import { describeHistory, historyChart } from './risk-history-chart';
import { RiskScoreComponent } from './risk-score.component';

interface ReviewForm {
  /** The board meeting the review was done at: its id, or '' for none. */
  boardMeetingId: string;
  reviewedOn: string;
  likelihood: string;
  impact: string;
  notes: string;
  nextReviewDue: string;
}

interface CloseForm {
  closedOn: string;
  reason: string;
}

function reviewFormFor(risk: RiskDto | null): ReviewForm {
  return {
    boardMeetingId: '',
    reviewedOn: todayIso(),
    // Most reviews confirm or nudge the current scores: start from them.
    likelihood: risk?.current.likelihood != null ? String(risk.current.likelihood) : '',
    impact: risk?.current.impact != null ? String(risk.current.impact) : '',
    notes: '',
    nextReviewDue: '',
  };
}

@Component({
  selector: 'plx-risk-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent, RiskScoreComponent],
  providers: [FormErrors],
  templateUrl: './risk-detail.component.html',
  styleUrl: './risk-detail.component.css',
})
export class RiskDetailComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly riskId = input.required<string>();

  readonly #api = inject(RiskApi);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);
  readonly #title = inject(Title);

  protected readonly risk = httpResource<RiskDto>(() => riskUrl(this.network(), this.riskId()));
  protected readonly flash = inject(FlashService).take();
  protected readonly banner = signal<string | null>(null);

  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);

  protected readonly loaded = computed(() => (this.risk.hasValue() ? this.risk.value() : null));
  protected readonly review = linkedSignal<RiskDto | null, ReviewForm>({ source: this.loaded, computation: (risk) => reviewFormFor(risk) });
  protected readonly closing = signal(false);
  protected readonly closeForm = signal<CloseForm>({ closedOn: todayIso(), reason: '' });

  /** The board's meetings a review can name: those on or before today, most recent first (for those who may review). */
  readonly #mayReview = computed(() => {
    const risk = this.loaded();
    return !!risk?.can.review && risk.status === 'open';
  });
  /** Asked for once (not again each time the risk changes). */
  protected readonly boardMeetings = httpResource<BoardMeetingListDto>(() => (this.#mayReview() ? boardMeetingsUrl(this.network()) : undefined));
  protected readonly meetingOptions = computed(() => {
    const list = this.boardMeetings.hasValue() ? this.boardMeetings.value() : null;
    if (!list) return [];
    const held = [...list.upcoming.filter((m) => m.meetingDate <= list.asOf), ...list.past].sort((a, b) =>
      b.meetingDate.localeCompare(a.meetingDate),
    );
    return held.map((m) => ({ id: m.id, meetingDate: m.meetingDate, label: `${m.title}, ${formatDate(m.meetingDate)}` }));
  });

  protected readonly reviewPreview = computed(() => previewScore(this.review().likelihood, this.review().impact));
  protected readonly chart = computed(() => {
    const risk = this.loaded();
    return risk ? historyChart(risk.history, risk.targetScore) : null;
  });
  protected readonly chartSummary = computed(() => {
    const chart = this.chart();
    return chart ? describeHistory(chart) : '';
  });
  protected readonly reviews = computed<RiskReviewDto[]>(() =>
    [...(this.loaded()?.reviews ?? [])].sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn)),
  );
  protected readonly targetBand = computed(() => bandOfScore(this.loaded()?.targetScore));

  protected readonly likelihoodOptions = LIKELIHOOD_OPTIONS;
  protected readonly impactOptions = IMPACT_OPTIONS;
  protected readonly bandTag = BAND_TAG_CLASS;
  protected readonly formatDate = formatDate;
  protected readonly ratingsText = ratingsText;
  protected readonly likelihoodName = likelihoodName;
  protected readonly impactName = impactName;

  constructor() {
    effect(() => {
      const risk = this.loaded();
      if (risk) this.#title.setTitle(composePageTitle(`Risk ${risk.reference}`, this.membership().name));
    });
  }

  // ---- helpers ----------------------------------------------------------------------------------

  protected readonly value = controlValue;

  protected action(score: RiskScoreDto): string | null {
    return (bandOf(score.band) ?? bandOfScore(score.score))?.action ?? null;
  }

  protected reviewBand(review: RiskReviewDto) {
    return bandOf(review.band) ?? bandOfScore(review.score);
  }

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  private succeed(risk: RiskDto, message: string): void {
    this.busy.set(false);
    this.errors.set({});
    this.risk.set(risk);
    this.banner.set(null);
    // A fresh banner each time, so that it is announced and focused again.
    afterNextRender(() => this.banner.set(message), { injector: this.#injector });
  }

  // ---- recording a review -----------------------------------------------------------------------

  protected setReview(patch: Partial<ReviewForm>): void {
    this.review.update((form) => ({ ...form, ...patch }));
  }

  /** Naming the meeting dates the review that day (a review done at a board meeting is dated that meeting's day). */
  protected chooseMeeting(id: string): void {
    const meeting = this.meetingOptions().find((m) => m.id === id);
    this.setReview(meeting ? { boardMeetingId: id, reviewedOn: meeting.meetingDate } : { boardMeetingId: '' });
  }

  protected recordReview(event: Event, risk: RiskDto): void {
    event.preventDefault();
    if (this.busy()) return;
    const form = this.review();
    const parsed = recordRiskReviewSchema.safeParse({
      reviewedOn: form.reviewedOn.trim() || undefined,
      likelihood: ratingFromText(form.likelihood),
      impact: ratingFromText(form.impact),
      notes: form.notes,
      nextReviewDue: form.nextReviewDue.trim() || null,
      boardMeetingId: form.boardMeetingId || null,
    });
    if (!parsed.success) {
      this.errors.fail(prefixFieldErrors(fieldErrorsFromIssues(parsed.error.issues), 'review'));
      return;
    }
    this.busy.set(true);
    this.#api.recordReview(this.network(), risk.id, parsed.data).subscribe({
      next: (updated) => {
        const now = updated.current.score != null ? ` The current score is ${updated.current.score}` : '';
        const band = bandOf(updated.current.band);
        this.succeed(updated, `Your review of ${updated.reference} has been recorded.${now}${band ? ` (${band.label})` : ''}${now ? '.' : ''}`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'review' });
      },
    });
  }

  // ---- closing and re-opening -------------------------------------------------------------------

  protected startClose(): void {
    this.errors.set({});
    this.closeForm.set({ closedOn: todayIso(), reason: '' });
    this.closing.set(true);
    this.focusById('close-heading');
  }

  protected cancelClose(): void {
    this.closing.set(false);
    this.errors.set({});
    this.focusById('close-risk');
  }

  protected setClose(patch: Partial<CloseForm>): void {
    this.closeForm.update((form) => ({ ...form, ...patch }));
  }

  protected confirmClose(event: Event, risk: RiskDto): void {
    event.preventDefault();
    if (this.busy()) return;
    const form = this.closeForm();
    const parsed = closeRiskSchema.safeParse({ closedOn: form.closedOn.trim() || undefined, reason: form.reason });
    if (!parsed.success) {
      this.errors.fail(prefixFieldErrors(fieldErrorsFromIssues(parsed.error.issues), 'close'));
      return;
    }
    this.busy.set(true);
    this.#api.close(this.network(), risk.id, parsed.data).subscribe({
      next: (updated) => {
        this.closing.set(false);
        this.succeed(updated, `${updated.reference} has been closed.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'close' });
      },
    });
  }

  protected reopen(risk: RiskDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.reopen(this.network(), risk.id).subscribe({
      next: (updated) => this.succeed(updated, `${updated.reference} has been re-opened.`),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }
}
