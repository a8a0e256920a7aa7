import { httpResource } from '@angular/common/http';
import { NgTemplateOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  CSP_NONCE,
  DOCUMENT,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  type DistributionListDto,
  type EmailPreviewDto,
  PAPER_PURPOSE_LABELS,
  PAPER_PURPOSES,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  type ReportKindValue,
  type RecipientDto,
  type ScheduleDto,
  type SessionMembership,
  type WorkPlanSummaryDto,
} from '@plexus/contracts';
import { formatDate } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldId, serverFieldErrors } from '../core/form-errors';
import { SessionService } from '../core/session.service';
import { distributionListsUrl, recipientsUrl } from '../recipients/recipients.api';
import { isPaperBodyKind, isReportKind, PAPER_BODY_KINDS, type PaperBodyKind, type PaperPurpose, type ReportDraft } from '../reports/report-draft';
import { plansUrl } from '../reports/reports.api';
import { controlChecked, controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { emailPreviewDocument } from './email-preview';
import { RecurrenceBuilderComponent } from './recurrence-builder.component';
import {
  checkSchedule,
  DEFAULT_LINK_DAYS,
  type DeliveryMode,
  type DistributionDraft,
  formErrors,
  isAnyReportKind,
  inFormOrder,
  newScheduleDraft,
  type RecurrenceDraft,
  type ScheduleDraft,
  scheduleDraftFrom,
} from './schedule-draft';
import { SchedulesApi, schedulesUrl, scheduleUrl } from './schedules.api';

const KIND_HINTS: Record<ReportKindValue, string> = {
  progress: "Every work item's RAG status and latest update, with exceptions and overdue or slipped items first and counts per theme.",
  risk_register: 'The heat map, the top risks and the changes since the last board.',
  board_paper: 'A cover sheet for a board meeting, followed by a progress or risk register report, or on its own.',
  distribution_record: "The delivery log as a PDF: every run with its emails, checksums, downloads and unsubscribes, for the board's minutes.",
  annual_report: 'A financial year told from the plan, the register and the peer review programme (generated from its own page).',
  board_pack: "One meeting's papers in one PDF; generated from the meeting's page, not on a schedule.",
  peer_review_report: "One organisation's peer review; generated from its review's page or the report form, not on a schedule.",
  peer_review_summary: "A peer review cycle's summary; generated from the cycle's page or the report form, not on a schedule.",
};

const BODY_LABELS: Record<PaperBodyKind, string> = {
  none: 'Nothing: the cover sheet alone',
  progress: REPORT_KIND_LABELS.progress,
  risk_register: REPORT_KIND_LABELS.risk_register,
  annual_report: REPORT_KIND_LABELS.annual_report,
  peer_review_report: REPORT_KIND_LABELS.peer_review_report,
  peer_review_summary: REPORT_KIND_LABELS.peer_review_summary,
};

/** Kinds a schedule does not send (the schedule's own schema leaves the peer review ones out). */
const UNSCHEDULED = new Set<ReportKindValue>(['board_pack', 'annual_report', 'peer_review_report', 'peer_review_summary']);

const PURPOSES = PAPER_PURPOSES.map((value) => ({ value, label: PAPER_PURPOSE_LABELS[value].split(' — ')[0] }));

type CoverText = 'meeting' | 'meetingDate' | 'author' | 'executiveSummary';

/** What the email preview shows: the API's answer, and its HTML ready for the sandboxed frame. */
interface ShownPreview {
  preview: EmailPreviewDto;
  html: SafeHtml;
}

/**
 * Schedule a report (`new`) or change a schedule (`:scheduleId/edit`): the report and its options, when to
 * send it (the recurrence builder, with its plain-words description and next five send times), who receives
 * it, how (attached or as a link), and the email's subject and message. "Preview the email" shows the email
 * as its first recipient would get it, in a sandboxed frame that runs nothing. The form is checked with the
 * API's own schema; the API's messages land beside their fields.
 */
@Component({
  selector: 'plx-schedule-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgTemplateOutlet, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, RecurrenceBuilderComponent],
  providers: [FormErrors],
  templateUrl: './schedule-form.component.html',
  styleUrl: './schedules.css',
})
export class ScheduleFormComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  /** Route parameter when changing a schedule; absent when scheduling a new one. */
  readonly scheduleId = input<string | undefined>();

  readonly #api = inject(SchedulesApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);
  readonly #sanitizer = inject(DomSanitizer);
  readonly #nonce = inject(CSP_NONCE, { optional: true });
  readonly #author = inject(SessionService).user()?.displayName ?? null;

  protected readonly existing = httpResource<ScheduleDto>(() => {
    const id = this.scheduleId();
    return id ? scheduleUrl(this.network(), id) : undefined;
  });
  protected readonly recipients = httpResource<RecipientDto[]>(() => recipientsUrl(this.network()));
  protected readonly lists = httpResource<DistributionListDto[]>(() => distributionListsUrl(this.network()));
  protected readonly plans = httpResource<WorkPlanSummaryDto[]>(() => plansUrl(this.network()));

  /** The form: a new schedule at once; a saved one once it has loaded. */
  protected readonly draft = linkedSignal<ScheduleDraft | null>(() => {
    if (!this.scheduleId()) return newScheduleDraft({ author: this.#author });
    return this.existing.hasValue() ? scheduleDraftFrom(this.existing.value(), { author: this.#author }) : null;
  });
  protected readonly editing = computed(() => !!this.scheduleId());
  /** Only this, not every keystroke in the form, decides whether the schedules are asked for. */
  readonly #recordChosen = computed(() => this.draft()?.reportKind === 'distribution_record');
  /** For a distribution record of one schedule: asked for only when that report is chosen. */
  protected readonly schedules = httpResource<ScheduleDto[]>(() => (this.#recordChosen() ? schedulesUrl(this.network()) : undefined));
  protected readonly scheduleOptions = computed(() => (this.schedules.hasValue() ? this.schedules.value() : []));

  protected readonly errors = inject(FormErrors);
  protected readonly saving = signal(false);
  protected readonly previewing = signal(false);
  protected readonly emailPreview = signal<ShownPreview | null>(null);

  /**
   * Every kind but the board pack (generated from its meeting's page), the annual report (from its own page: it tells
   * one year) and the peer review reports (the API's schedules refuse them: one cycle's state, asked for once).
   */
  protected readonly reportKinds = REPORT_KINDS.filter((kind) => !UNSCHEDULED.has(kind));
  protected readonly reportKindLabels = REPORT_KIND_LABELS;
  protected readonly reportKindHints = KIND_HINTS;
  /** An annual report tells one year, a peer review report one cycle's state: not a body for a paper sent on a schedule. */
  protected readonly bodyKinds = PAPER_BODY_KINDS.filter((body) => !UNSCHEDULED.has(body as ReportKindValue));
  protected readonly bodyLabels = BODY_LABELS;
  protected readonly purposes = PURPOSES;
  protected readonly defaultLinkDays = DEFAULT_LINK_DAYS;
  protected readonly fieldId = fieldId;
  protected readonly value = controlValue;
  protected readonly checked = controlChecked;

  protected readonly allRecipients = computed(() => (this.recipients.hasValue() ? this.recipients.value() : []));
  protected readonly allLists = computed(() => (this.lists.hasValue() ? this.lists.value() : []));
  protected readonly planOptions = computed(() => (this.plans.hasValue() ? this.plans.value() : []));
  /** Which report's options to show: the report itself, or a board paper's body (none for the cover sheet alone). */
  protected readonly optionsKind = computed<'progress' | 'risk_register' | null>(() => {
    const draft = this.draft();
    if (!draft) return null;
    if (draft.reportKind === 'progress' || draft.reportKind === 'risk_register') return draft.reportKind;
    // (An annual or peer review report is never a scheduled paper's body: the form does not offer them.)
    if (draft.reportKind === 'board_paper') {
      const body = draft.report.body;
      return body === 'progress' || body === 'risk_register' ? body : null;
    }
    return null;
  });
  protected readonly optionsPath = computed(() => (this.draft()?.reportKind === 'board_paper' ? 'report.body.options' : 'report.options'));

  protected planLabel(plan: WorkPlanSummaryDto): string {
    return `${plan.title} (${formatDate(plan.periodStart)} to ${formatDate(plan.periodEnd)}, ${plan.status === 'approved' ? 'approved' : 'draft'})`;
  }

  protected peopleCount(n: number): string {
    return n === 1 ? '1 person' : `${n} people`;
  }

  // ---- editing ----------------------------------------------------------------------------------

  protected set(patch: Partial<ScheduleDraft>): void {
    this.draft.update((d) => d && { ...d, ...patch });
  }

  protected setRecurrence(recurrence: RecurrenceDraft): void {
    this.set({ recurrence });
  }

  private setReport(change: (report: ReportDraft) => ReportDraft): void {
    this.draft.update((d) => d && { ...d, report: change(d.report) });
  }

  protected setReportKind(event: Event): void {
    const kind = this.value(event);
    if (!isAnyReportKind(kind)) return;
    this.draft.update((d) => d && { ...d, reportKind: kind as ReportKindValue, report: isReportKind(kind) ? { ...d.report, kind } : d.report });
    this.errors.update((errors) => Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith('report.'))));
  }

  protected setReportTitle(event: Event): void {
    const title = this.value(event);
    this.setReport((r) => ({ ...r, title }));
  }

  protected setPlan(event: Event): void {
    const planId = this.value(event);
    this.setReport((r) => ({ ...r, progress: { ...r.progress, planId } }));
  }

  protected setRisk(key: 'changedSince' | 'topRisks', event: Event): void {
    const value = this.value(event);
    this.setReport((r) => ({ ...r, risk: { ...r.risk, [key]: value } }));
  }

  protected setDistribution(key: keyof DistributionDraft, event: Event): void {
    const value = this.value(event);
    this.draft.update((d) => d && { ...d, distribution: { ...d.distribution, [key]: value } });
  }

  protected setBody(event: Event): void {
    const body = this.value(event);
    if (isPaperBodyKind(body)) this.setReport((r) => ({ ...r, body }));
  }

  protected setCover(key: CoverText, event: Event): void {
    const value = this.value(event);
    this.setReport((r) => ({ ...r, cover: { ...r.cover, [key]: value } }));
  }

  protected setPurpose(purpose: PaperPurpose, event: Event): void {
    const on = this.checked(event);
    this.setReport((r) => ({
      ...r,
      cover: {
        ...r.cover,
        purposes: on ? [...r.cover.purposes.filter((p) => p !== purpose), purpose] : r.cover.purposes.filter((p) => p !== purpose),
      },
    }));
  }

  protected toggle(key: 'recipientIds' | 'listIds', id: string, event: Event): void {
    const on = this.checked(event);
    this.draft.update((d) => d && { ...d, [key]: on ? [...d[key].filter((x) => x !== id), id] : d[key].filter((x) => x !== id) });
  }

  protected setDelivery(event: Event): void {
    const delivery = this.value(event);
    if (delivery === 'attach' || delivery === 'link') this.set({ delivery: delivery as DeliveryMode });
  }

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  /** The API's messages on the form's fields (`recurrence.time`, `recipientIds`, `report.options.planId`…). */
  private failFromServer(error: unknown): void {
    this.errors.fail(inFormOrder(formErrors(serverFieldErrors(error))));
  }

  // ---- preview and save -------------------------------------------------------------------------

  protected previewEmail(): void {
    const draft = this.draft();
    if (!draft || this.previewing()) return;
    const checked = checkSchedule(draft);
    if (!checked.ok) {
      this.errors.fail(checked.errors);
      return;
    }
    this.errors.clear();
    this.previewing.set(true);
    this.#api.previewEmail(this.network(), checked.input).subscribe({
      next: (preview) => {
        this.previewing.set(false);
        // The email's HTML is the API's own (composed from escaped text) and the frame is sandboxed with no
        // permissions at all: nothing in it can run. Angular's sanitizer would strip its <style>, so it is trusted here.
        const html = this.#sanitizer.bypassSecurityTrustHtml(emailPreviewDocument(preview.html, this.#nonce));
        this.emailPreview.set({ preview, html });
        this.focusById('email-preview-heading');
      },
      error: (error: unknown) => {
        this.previewing.set(false);
        this.failFromServer(error);
      },
    });
  }

  protected closePreview(): void {
    this.emailPreview.set(null);
    this.focusById('preview-email');
  }

  protected save(event: Event): void {
    event.preventDefault();
    const draft = this.draft();
    if (!draft || this.saving()) return;
    const checked = checkSchedule(draft);
    if (!checked.ok) {
      this.errors.fail(checked.errors);
      return;
    }
    this.saving.set(true);
    const id = this.scheduleId() ?? null;
    this.#api.save(this.network(), id, checked.input).subscribe({
      next: (saved) => {
        this.saving.set(false);
        const when = saved.nextRunAt ? '' : ' It has no send time ahead yet.';
        this.#flash.set(id ? `${saved.name} has been changed.${when}` : `${saved.name} has been scheduled: ${saved.recurrenceText}.${when}`);
        void this.#router.navigate(['/n', this.network(), 'schedules']);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.failFromServer(error);
      },
    });
  }
}
