import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import {
  PAPER_PURPOSE_LABELS,
  PAPER_PURPOSES,
  REPORT_KIND_LABELS,
  DRAFTED_REPORT_KINDS,
  type BoardMeetingListDto,
  type DraftedReportKind,
  type RequestReportRequest,
  type ReviewCycleDto,
  type ReviewCycleListDto,
  type RiskSummaryDto,
  type SessionMembership,
  type WorkPlanSummaryDto,
} from '@plexus/contracts';
import { chooseMeetings, todayIso, type MeetingChoice, type MeetingRef } from '@plexus/domain';
import { recentFinancialYears } from '../annual-report/financial-years';
import { boardMeetingsUrl } from '../board/board.api';
import { reviewCyclesUrl, reviewCycleUrl } from '../peer-review/peer-review.api';
import { formatDate } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldId, serverFieldErrors } from '../core/form-errors';
import { SessionService } from '../core/session.service';
import { controlChecked, controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import {
  checkDraft,
  type CoverDraft,
  isPaperBodyKind,
  isReportKind,
  MAX_PREVIOUS_MEETINGS,
  MAX_PRIORITIES,
  MAX_QUESTIONS,
  newReportDraft,
  newRowKey,
  optionsPath,
  PAPER_BODY_KINDS,
  type PaperBodyKind,
  type PaperPurpose,
  PRIORITY_LINKS,
  type PriorityLink,
  type ReportDraft,
  riskReferenceErrorsByReference,
  type RiskOptionsDraft,
} from './report-draft';
import { openRisksUrl, plansUrl, ReportsApi } from './reports.api';

type CoverText =
  | 'meeting'
  | 'meetingDate'
  | 'paperReference'
  | 'author'
  | 'executiveSummary'
  | 'recommendation'
  | 'equalityImpact'
  | 'publicInvolvement'
  | 'nextPaperDate';
type CoverList = 'previousConsideration' | 'questions' | 'priorities';

const KIND_HINTS: Record<DraftedReportKind, string> = {
  progress: "Every work item's RAG status and latest update, with exceptions and overdue or slipped items first and counts per theme.",
  risk_register: 'The heat map, the top risks and the changes since the last board.',
  board_paper: 'The cover sheet for a board meeting, followed by one of the reports, or on its own.',
  peer_review_report:
    "One organisation's review in a peer review cycle: scope and panel, self-assessment results, findings (immediate risks first), good practice, recommendations and the action plan.",
  peer_review_summary:
    'Every organisation in a peer review cycle: the compliance heat map, findings by class, overdue submissions and actions, and the timeline.',
};

const BODY_LABELS: Record<PaperBodyKind, string> = {
  none: 'Nothing: the cover sheet alone (one page)',
  progress: REPORT_KIND_LABELS.progress,
  risk_register: REPORT_KIND_LABELS.risk_register,
  annual_report: 'Annual report (written on its own page; the year chosen below)',
  peer_review_report: 'Peer review report (one organisation’s review; chosen below)',
  peer_review_summary: 'Peer review programme summary (a cycle; chosen below)',
};

/** "Decision — to formally receive…" → the label ("Decision") and its hint. */
const PURPOSES = PAPER_PURPOSES.map((value) => {
  const [label, ...rest] = PAPER_PURPOSE_LABELS[value].split(' — ');
  const hint = rest.join(' — ');
  return { value, label, hint: hint ? hint.charAt(0).toUpperCase() + hint.slice(1) : '' };
});

@Component({
  selector: 'plx-report-new',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgTemplateOutlet, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './report-new.component.html',
  styleUrl: './report-new.component.css',
})
export class ReportNewComponent {
  /** Route parameter: the network's slug. */
  readonly network = input.required<string>();
  /** Resolved: the signed-in person's membership of this network. */
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(ReportsApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  /** For choosing the plan of a progress report; without it the API uses the current approved plan. */
  protected readonly plans = httpResource<WorkPlanSummaryDto[]>(() => plansUrl(this.network()));
  /** For "Since the last board": the board's meetings, to choose the two compared. */
  protected readonly meetings = httpResource<BoardMeetingListDto>(() => boardMeetingsUrl(this.network()));
  /** For a board paper's risk references: the open risks, by reference. */
  protected readonly risks = httpResource<RiskSummaryDto[]>(() => openRisksUrl(this.network()));

  protected readonly draft = signal<ReportDraft>(newReportDraft({ author: inject(SessionService).user()?.displayName }));
  protected readonly errors = inject(FormErrors);
  protected readonly sending = signal(false);

  protected readonly kinds = DRAFTED_REPORT_KINDS;
  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly kindHints = KIND_HINTS;
  protected readonly bodyKinds = PAPER_BODY_KINDS;
  protected readonly bodyLabels = BODY_LABELS;
  protected readonly purposes = PURPOSES;
  protected readonly priorityLinks = PRIORITY_LINKS;
  protected readonly maxPrevious = MAX_PREVIOUS_MEETINGS;
  protected readonly maxQuestions = MAX_QUESTIONS;
  protected readonly maxPriorities = MAX_PRIORITIES;
  protected readonly fieldId = fieldId;
  protected readonly formatDate = formatDate;
  protected readonly financialYears = recentFinancialYears(todayIso());

  /** Where the options of the chosen report sit in the request, hence their fields' ids. */
  protected readonly optionsPath = computed(() => optionsPath(this.draft().kind));
  /** Which report's options to show: the report itself, or a board paper's body. */
  protected readonly optionsKind = computed<Exclude<PaperBodyKind, 'none'> | null>(() => {
    const draft = this.draft();
    if (draft.kind !== 'board_paper') return draft.kind;
    return draft.body === 'none' ? null : draft.body;
  });
  protected readonly planOptions = computed(() => (this.plans.hasValue() ? this.plans.value() : []));
  /** Only this, not every keystroke in the form, decides whether the peer review cycles are asked for. */
  readonly #peerReviewChosen = computed(() => {
    const kind = this.optionsKind();
    return kind === 'peer_review_report' || kind === 'peer_review_summary';
  });
  /** For a peer review report or summary: the network's cycles, newest first. */
  protected readonly cycles = httpResource<ReviewCycleListDto>(() => (this.#peerReviewChosen() ? reviewCyclesUrl(this.network()) : undefined));
  protected readonly cycleOptions = computed(() => (this.cycles.hasValue() ? this.cycles.value().cycles : []));
  readonly #chosenCycleId = computed(() => (this.optionsKind() === 'peer_review_report' ? this.draft().peerReview.cycleId : ''));
  /** For a peer review report: the chosen cycle, for the organisations in its scope. */
  protected readonly chosenCycle = httpResource<ReviewCycleDto>(() => {
    const id = this.#chosenCycleId();
    return id ? reviewCycleUrl(this.network(), id) : undefined;
  });
  protected readonly organisationOptions = computed(() => (this.chosenCycle.hasValue() ? this.chosenCycle.value().organisations : []));
  protected readonly riskOptions = computed(() => (this.risks.hasValue() ? this.risks.value() : []));
  /** Every meeting, most recent first, each marked when it is still to come. */
  protected readonly meetingOptions = computed(() => {
    if (!this.meetings.hasValue()) return [];
    const list = this.meetings.value();
    return [...list.upcoming, ...list.past]
      .sort((a, b) => (a.meetingDate < b.meetingDate ? 1 : a.meetingDate > b.meetingDate ? -1 : 0))
      .map((m) => ({
        id: m.id,
        label: `${formatDate(m.meetingDate)} – ${m.title}${m.meetingDate > list.asOf ? ' (still to come)' : ''}`,
      }));
  });
  /** The meetings as the shared rule reads them, with today (UK time) as the API says it. */
  readonly #meetingRefs = computed<{ refs: MeetingRef[]; today: string } | null>(() => {
    if (!this.meetings.hasValue()) return null;
    const list = this.meetings.value();
    return { refs: [...list.upcoming, ...list.past].map((m) => ({ id: m.id, meetingDate: m.meetingDate, title: m.title })), today: list.asOf };
  });
  /** What each meeting choice means when left as it is: the meeting the report would take. */
  protected readonly meetingDefaults = computed(() => {
    const known = this.#meetingRefs();
    const { sinceMeetingId, toMeetingId } = this.draft().progress;
    const pair = (choice: MeetingChoice | null) => (choice?.kind === 'pair' ? choice : null);
    const since = known ? pair(chooseMeetings(known.refs, known.today, { toMeetingId })) : null;
    const to = known ? pair(chooseMeetings(known.refs, known.today, { sinceMeetingId })) : null;
    return {
      since: since ? `The meeting before (${formatDate(since.since.meetingDate)})` : 'The meeting before',
      to: to ? `${sinceMeetingId ? 'The next meeting held' : 'The last meeting held'} (${formatDate(to.to.meetingDate)})` : 'The last meeting held',
    };
  });
  /** The two meetings the report will compare, in words, chosen the way the API and the worker choose (or why not). */
  protected readonly sinceBoardSummary = computed(() => {
    if (this.meetings.error()) return 'The board meetings could not be loaded, so the report will compare the last two meetings held.';
    const known = this.#meetingRefs();
    if (!known) return '';
    const { sinceMeetingId, toMeetingId } = this.draft().progress;
    const choice = chooseMeetings(known.refs, known.today, { sinceMeetingId, toMeetingId });
    switch (choice.kind) {
      case 'pair':
        return choice.toIsUpcoming
          ? `The report will compare ${this.meetingName(choice.since)} with today (${this.meetingName(choice.to)} is still to come).`
          : `The report will compare ${this.meetingName(choice.since)} with ${this.meetingName(choice.to)}.`;
      case 'too_few':
        return (
          'The board has not met twice yet up to today, so the section will say there is nothing to compare. ' +
          'To see what changed since a meeting up to today, choose it as the meeting to compare from.'
        );
      case 'refused':
        return `These meetings cannot be compared: ${choice.message}.`;
    }
  });

  // ---- template helpers -------------------------------------------------------------------------

  /** The messages about any risk reference (they are keyed by reference: `cover.riskReferences.SN/07`). */
  protected readonly riskReferenceErrors = computed(() => this.errors.under('cover.riskReferences'));
  protected readonly riskReferencePaths = computed(() => this.riskReferenceErrors().map((item) => item.path));

  protected readonly value = controlValue;
  protected readonly checked = controlChecked;

  protected planLabel(plan: WorkPlanSummaryDto): string {
    const status = plan.status === 'approved' ? 'approved' : 'draft';
    return `${plan.title} (${formatDate(plan.periodStart)} to ${formatDate(plan.periodEnd)}, ${status})`;
  }

  // ---- editing ----------------------------------------------------------------------------------

  protected setKind(event: Event): void {
    const kind = this.value(event);
    if (!isReportKind(kind)) return;
    this.draft.update((draft) => ({ ...draft, kind }));
    // Messages about the fields of another type would point at nothing.
    this.errors.set({});
  }

  protected setTitle(value: string): void {
    this.draft.update((draft) => ({ ...draft, title: value }));
  }

  protected setPlan(value: string): void {
    this.draft.update((draft) => ({ ...draft, progress: { ...draft.progress, planId: value } }));
  }

  protected setMeeting(key: 'sinceMeetingId' | 'toMeetingId', value: string): void {
    this.draft.update((draft) => ({ ...draft, progress: { ...draft.progress, [key]: value } }));
  }

  /** "the Network Board on 12 June 2025" */
  protected meetingName(m: MeetingRef): string {
    return `the ${m.title} on ${formatDate(m.meetingDate)}`;
  }

  protected setCycle(value: string): void {
    // Another cycle has another scope: the organisation is chosen again.
    this.draft.update((draft) => ({ ...draft, peerReview: { cycleId: value, organisationId: '' } }));
  }

  protected setOrganisation(value: string): void {
    this.draft.update((draft) => ({ ...draft, peerReview: { ...draft.peerReview, organisationId: value } }));
  }

  protected cycleLabel(cycle: ReviewCycleListDto['cycles'][number]): string {
    const years = cycle.firstFy === cycle.lastFy ? cycle.firstFy : `${cycle.firstFy} to ${cycle.lastFy}`;
    return `${cycle.name} (${years}, ${cycle.status})`;
  }

  protected setAnnualYear(value: string): void {
    this.draft.update((draft) => ({ ...draft, annual: { fy: value } }));
  }

  protected setRisk(key: keyof RiskOptionsDraft, value: string): void {
    this.draft.update((draft) => ({ ...draft, risk: { ...draft.risk, [key]: value } }));
  }

  protected setBody(event: Event): void {
    const body = this.value(event);
    if (!isPaperBodyKind(body)) return;
    this.draft.update((draft) => ({ ...draft, body }));
    this.errors.update((errors) => Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith('body'))));
  }

  protected setCover(key: CoverText, value: string): void {
    this.updateCover((cover) => ({ ...cover, [key]: value }));
  }

  protected setPurpose(purpose: PaperPurpose, on: boolean): void {
    this.updateCover((cover) => ({
      ...cover,
      purposes: on ? [...cover.purposes.filter((p) => p !== purpose), purpose] : cover.purposes.filter((p) => p !== purpose),
    }));
  }

  protected setRiskReference(reference: string, on: boolean): void {
    this.updateCover((cover) => ({
      ...cover,
      riskReferences: on ? [...cover.riskReferences.filter((r) => r !== reference), reference] : cover.riskReferences.filter((r) => r !== reference),
    }));
  }

  protected setPrevious(index: number, patch: Partial<{ meeting: string; date: string; outcome: string }>): void {
    this.updateCover((cover) => ({
      ...cover,
      previousConsideration: cover.previousConsideration.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));
  }

  protected setQuestion(index: number, text: string): void {
    this.updateCover((cover) => ({ ...cover, questions: cover.questions.map((row, i) => (i === index ? { ...row, text } : row)) }));
  }

  protected setPriority(index: number, patch: Partial<{ priority: string; link: PriorityLink }>): void {
    this.updateCover((cover) => ({ ...cover, priorities: cover.priorities.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  }

  protected addPrevious(): void {
    const index = this.draft().cover.previousConsideration.length;
    if (index >= MAX_PREVIOUS_MEETINGS) return;
    this.updateCover((cover) => ({
      ...cover,
      previousConsideration: [...cover.previousConsideration, { key: newRowKey(), meeting: '', date: '', outcome: '' }],
    }));
    this.focusById(fieldId(`cover.previousConsideration.${index}.meeting`));
  }

  protected addQuestion(): void {
    const index = this.draft().cover.questions.length;
    if (index >= MAX_QUESTIONS) return;
    this.updateCover((cover) => ({ ...cover, questions: [...cover.questions, { key: newRowKey(), text: '' }] }));
    this.focusById(fieldId(`cover.questions.${index}`));
  }

  protected addPriority(): void {
    const index = this.draft().cover.priorities.length;
    if (index >= MAX_PRIORITIES) return;
    this.updateCover((cover) => ({ ...cover, priorities: [...cover.priorities, { key: newRowKey(), priority: '', link: 'yes' }] }));
    this.focusById(fieldId(`cover.priorities.${index}.priority`));
  }

  protected removeRow(list: CoverList, index: number): void {
    this.updateCover((cover) => ({ ...cover, [list]: (cover[list] as unknown[]).filter((_, i) => i !== index) }));
    this.errors.removeRow(`cover.${list}`, index);
    // Focus would otherwise be lost with the removed button: go to the list's "Add" button.
    this.focusById(`${list}-add`);
  }

  private updateCover(change: (cover: CoverDraft) => CoverDraft): void {
    this.draft.update((draft) => ({ ...draft, cover: change(draft.cover) }));
  }

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  // ---- sending ----------------------------------------------------------------------------------

  protected create(event: Event): void {
    event.preventDefault();
    if (this.sending()) return;
    const checked = checkDraft(this.draft());
    if (!checked.ok) {
      this.errors.fail(checked.errors);
      return;
    }
    this.send(checked.request);
  }

  private send(request: RequestReportRequest): void {
    this.sending.set(true);
    this.#api.request(this.network(), request).subscribe({
      next: (doc) => {
        this.sending.set(false);
        this.#flash.set(`${doc.title} has been requested. It is being made now and will be ready to download here in a moment.`);
        void this.#router.navigate(['/n', this.network(), 'reports']);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.errors.fail(riskReferenceErrorsByReference(request, serverFieldErrors(error)));
      },
    });
  }
}
