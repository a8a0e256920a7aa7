import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, effect, inject, Injector, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  createReviewActionSchema,
  SUBMISSION_FILE_ACCEPT,
  SUBMISSION_FILE_MAX_BYTES,
  saveSelfAssessmentAnswersSchema,
  type ReviewActionDto,
  type SaveSelfAssessmentAnswersRequest,
  type SelfAssessmentDto,
  type SessionMembership,
  type WorkPlanPeopleDto,
} from '@plexus/contracts';
import { switchMap, of } from 'rxjs';
import { toApiError } from '../../core/api-error';
import { formatDateTime } from '../../core/dates';
import { moveFocusTo } from '../../core/focus';
import { fieldErrorsFromIssues, fieldId, prefixFieldErrors, type FieldErrors } from '../../core/form-errors';
import { composePageTitle } from '../../core/page-title';
import { EMPTY_DATE, isoFromParts, type DateParts } from '../../core/uk-date';
import { controlValue } from '../../ui/control-value';
import { DateInputComponent } from '../../ui/date-input.component';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { workPlanUrl } from '../../work-plan/work-plan.api';
import { formatBytes, formatDay } from '../peer-review-format';
import { ReviewsApi } from '../reviews/reviews.api';
import { SelfAssessmentApi, selfAssessmentUrl } from './self-assessment.api';
import { selfAssessmentStateTag } from './self-assessment-format';

type Criterion = SelfAssessmentDto['sections'][number]['criteria'][number];

/** One answer as typed. */
export interface AnswerForm {
  rating: string | null;
  evidence: string;
  gaps: string;
  comments: string;
}

const EMPTY: AnswerForm = { rating: null, evidence: '', gaps: '', comments: '' };

/** A criterion's gap as an action of the organisation's plan, as the manager fills it in. */
export interface GapActionForm {
  description: string;
  ownerUserId: string;
  ownerName: string;
  due: DateParts;
}

/** The id of the (one) form for a gap's action: its fields sit in the criterion, the form itself after the answers' form. */
export const GAP_FORM = 'gap-action-form';
const FIELDS = ['rating', 'evidence', 'gaps', 'comments'] as const;
type TextField = 'evidence' | 'gaps' | 'comments';
const TEXT_FIELDS: readonly TextField[] = ['evidence', 'gaps', 'comments'];
const TEXT_LABELS: Record<TextField, string> = { evidence: 'Evidence', gaps: 'Identified gaps', comments: 'Comments' };

/** `answers.<criterion id>.evidence`: a field of one criterion's answer, as this page names it. */
export const answerPath = (criterionId: string, field: (typeof FIELDS)[number]) => `answers.${criterionId}.${field}`;

/**
 * An organisation's self-assessment (`/n/:network/peer-review/cycles/:cycleId/self-assessments/:selfAssessmentId`): the
 * criteria of the standard set that apply to it, section by section, each with its rating on the set's scale (radios,
 * each with its meaning), the evidence, the gaps identified and comments. The organisation's contributors (and
 * managers) save a draft as often as they like — what they changed is saved — and submit it once every criterion is
 * rated; an answer carried forward from the previous cycle is marked until it is confirmed (or changed). Managers
 * reopen a submitted one. Everything is native form controls: it is used with the keyboard alone.
 */
@Component({
  selector: 'plx-self-assessment',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent, DateInputComponent],
  providers: [FormErrors],
  templateUrl: './self-assessment.component.html',
  styles: `
    .plx-criterion {
      border-top: 1px solid #d8dde0;
      padding-top: 16px;
      margin-bottom: 24px;
    }
    .plx-criterion__text {
      font-weight: 600;
    }
    .plx-sa-actions {
      padding: 12px 0;
      border-top: 1px solid #d8dde0;
    }
  `,
})
export class SelfAssessmentComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();
  readonly selfAssessmentId = input.required<string>();

  readonly #api = inject(SelfAssessmentApi);
  readonly #reviews = inject(ReviewsApi);
  readonly #title = inject(Title);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly assessment = httpResource<SelfAssessmentDto>(() => selfAssessmentUrl(this.network(), this.selfAssessmentId()));
  protected readonly loaded = computed(() => (this.assessment.hasValue() ? this.assessment.value() : null));
  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** What has been changed and not saved yet, by criterion id. */
  protected readonly drafts = signal<Readonly<Record<string, AnswerForm>>>({});
  protected readonly unsaved = computed(() => Object.keys(this.drafts()).length);

  protected readonly stateTag = selfAssessmentStateTag;
  protected readonly formatDay = formatDay;
  protected readonly formatDateTime = formatDateTime;
  protected readonly value = controlValue;
  protected readonly textFields = TEXT_FIELDS;
  protected readonly accept = SUBMISSION_FILE_ACCEPT;
  protected readonly maxSize = formatBytes(SUBMISSION_FILE_MAX_BYTES);
  protected readonly formatBytes = formatBytes;
  /** The evidence file chosen for each criterion, not uploaded yet. */
  protected readonly chosen = signal<Readonly<Record<string, File>>>({});
  protected readonly textLabels = TEXT_LABELS;
  protected readonly path = answerPath;
  protected readonly id = (criterionId: string, field: (typeof FIELDS)[number]) => fieldId(answerPath(criterionId, field));

  /** The criterion whose gap a manager is making an action of (one at a time), and what its form holds. */
  protected readonly gapFor = signal<string | null>(null);
  protected readonly gapForm = signal<GapActionForm>({ description: '', ownerUserId: '', ownerName: '', due: { ...EMPTY_DATE } });
  protected readonly gapFormId = GAP_FORM;
  /** The network's people who take part in its work, to own the action (asked for once a gap's form is open). */
  protected readonly people = httpResource<WorkPlanPeopleDto>(() => (this.gapFor() ? `${workPlanUrl(this.network())}/people` : undefined));
  protected readonly members = computed(() => (this.people.hasValue() ? this.people.value().members.filter((m) => m.role !== 'commissioner') : []));

  constructor() {
    effect(() => {
      const s = this.loaded();
      if (s) this.#title.setTitle(composePageTitle(`Self-assessment – ${s.organisation.name}`, this.membership().name));
    });
  }

  protected ratingLabel(s: SelfAssessmentDto, rating: string | null): string {
    return s.scale.answers.find((x) => x.value === rating)?.label ?? 'Not rated';
  }

  /** The answer as it stands on the page: changed here, else as saved, else empty. */
  protected current(c: Criterion): AnswerForm {
    const draft = this.drafts()[c.id];
    if (draft) return draft;
    return c.answer ? { rating: c.answer.rating, evidence: c.answer.evidence, gaps: c.answer.gaps, comments: c.answer.comments } : EMPTY;
  }

  protected changed(c: Criterion): boolean {
    return c.id in this.drafts();
  }

  protected editText(c: Criterion, field: TextField, text: string): void {
    this.edit(c, { [field]: text });
  }

  protected edit(c: Criterion, patch: Partial<AnswerForm>): void {
    this.drafts.update((d) => ({ ...d, [c.id]: { ...this.current(c), ...patch } }));
  }

  /** Saves what was changed (or, for a carried-forward answer, confirms it as it stands), then submits if asked. */
  protected save(s: SelfAssessmentDto, options: { only?: Criterion; thenSubmit?: boolean } = {}): void {
    if (this.busy()) return;
    const criteria = s.sections.flatMap((x) => x.criteria);
    const chosen = options.only ? [options.only] : criteria.filter((c) => this.changed(c));
    const answers = chosen.map((c) => ({ criterionId: c.id, ...this.current(c) }));
    let body: SaveSelfAssessmentAnswersRequest | null = null;
    if (answers.length) {
      const parsed = saveSelfAssessmentAnswersSchema.safeParse({ answers });
      if (!parsed.success) return this.errors.fail(this.byCriterion(fieldErrorsFromIssues(parsed.error.issues), chosen));
      body = parsed.data;
    } else if (!options.thenSubmit) {
      this.banner.set(null);
      afterNextRender(() => this.banner.set('There were no changes to save.'), { injector: this.#injector });
      return;
    }
    this.busy.set(true);
    const saved$ = body ? this.#api.save(this.network(), s.id, body) : of(s);
    saved$.pipe(switchMap((updated) => (options.thenSubmit ? this.#api.submit(this.network(), updated.id) : of(updated)))).subscribe({
      next: (updated) => {
        const saved = new Set(chosen.map((c) => c.id));
        this.drafts.update((d) => Object.fromEntries(Object.entries(d).filter(([id]) => !saved.has(id))));
        this.succeed(
          options.thenSubmit
            ? `Your self-assessment has been submitted to the network. ${updated.compliance.text}.`
            : options.only
              ? `Answer ${options.only.number || ''} confirmed. ${updated.progressText}.`.replace('  ', ' ')
              : `Your answers have been saved. ${updated.progressText}.`,
          updated,
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        // Answers saved before a refused submission stay saved: reload to show them.
        if (options.thenSubmit && answers.length) {
          const saved = new Set(chosen.map((c) => c.id));
          this.drafts.update((d) => Object.fromEntries(Object.entries(d).filter(([id]) => !saved.has(id))));
          this.assessment.reload();
        }
        const api = toApiError(error);
        const named = this.byCriterion(Object.fromEntries((api.fields ?? []).map((f) => [f.field, f.message])), chosen);
        if (Object.keys(named).some((k) => k.startsWith('answers.'))) this.errors.fail(named);
        else this.errors.failWith(api.message);
      },
    });
  }

  protected choose(c: Criterion, event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.chosen.update((x) => {
      const { [c.id]: _dropped, ...rest } = x;
      return file ? { ...rest, [c.id]: file } : rest;
    });
    this.errors.setField(this.filePath(c), file && file.size > SUBMISSION_FILE_MAX_BYTES ? `The file must be ${this.maxSize} or smaller` : null);
  }

  /** `answers.<criterion id>.file`: where an evidence file's message goes. */
  protected filePath(c: Criterion): string {
    return `answers.${c.id}.file`;
  }

  protected uploadFile(s: SelfAssessmentDto, c: Criterion): void {
    if (this.busy()) return;
    const file = this.chosen()[c.id];
    if (!file) return this.errors.failField(this.filePath(c), 'Choose a PDF, Word or Excel file to upload');
    if (file.size > SUBMISSION_FILE_MAX_BYTES) return this.errors.failField(this.filePath(c), `The file must be ${this.maxSize} or smaller`);
    this.busy.set(true);
    this.#api.upload(this.network(), s.id, c.id, file).subscribe({
      next: (updated) => {
        this.chosen.update((x) => Object.fromEntries(Object.entries(x).filter(([id]) => id !== c.id)));
        const input = this.#document.getElementById(`answers-${c.id}-file`) as HTMLInputElement | null;
        if (input) input.value = '';
        this.succeed(`${file.name} has been added to the evidence for ${c.number || 'the criterion'}.`, updated);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { rename: { file: this.filePath(c) }, unplaced: this.filePath(c) });
      },
    });
  }

  protected removeFile(s: SelfAssessmentDto, c: Criterion, file: { id: string; fileName: string }): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.removeFile(this.network(), s.id, file.id).subscribe({
      next: (updated) => this.succeed(`${file.fileName} has been taken off the evidence for ${c.number || 'the criterion'}.`, updated),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }

  protected reopen(s: SelfAssessmentDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.reopen(this.network(), s.id).subscribe({
      next: (updated) => this.succeed(`The self-assessment of ${s.organisation.name} has been reopened: the organisation can change it.`, updated),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }

  /** The gap as saved: what an action can be made of. */
  protected savedGap(c: Criterion): string {
    return c.answer?.gaps.trim() ?? '';
  }

  /** Opens the form that makes the criterion's gap an action (its words first), or closes it. */
  protected toggleGap(c: Criterion): void {
    const opening = this.gapFor() !== c.id;
    this.gapFor.set(opening ? c.id : null);
    this.errors.set({});
    if (opening) this.gapForm.set({ description: this.savedGap(c), ownerUserId: '', ownerName: '', due: { ...EMPTY_DATE } });
    afterNextRender(() => moveFocusTo(this.#document.getElementById(opening ? 'gap-description' : `gap-action-${c.id}`)), {
      injector: this.#injector,
    });
  }

  protected setGap(field: Exclude<keyof GapActionForm, 'due'>, value: string): void {
    this.gapForm.update((f) => ({ ...f, [field]: value }));
  }

  protected setGapDue(due: DateParts): void {
    this.gapForm.update((f) => ({ ...f, due }));
  }

  /**
   * Adds the gap to the organisation's action plan, linked to the criterion (checked here, then by the API: its
   * messages by field). Asked again, the API answers the action the criterion has already: never a second one.
   */
  protected addGapAction(s: SelfAssessmentDto): void {
    const criterion = s.sections.flatMap((x) => x.criteria).find((c) => c.id === this.gapFor());
    if (this.busy() || !criterion) return;
    const f = this.gapForm();
    const due = isoFromParts(f.due, 'Due date');
    const parsed = createReviewActionSchema.safeParse({
      organisationId: s.organisation.id,
      description: f.description,
      ownerUserId: f.ownerUserId || null,
      ownerName: f.ownerName,
      dueDate: 'iso' in due ? due.iso : null,
      criterionId: criterion.id,
    });
    const errors = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...('error' in due ? { dueDate: due.error } : {}) };
    if (!parsed.success || 'error' in due) return this.errors.fail(prefixFieldErrors(errors, 'gap'));
    this.busy.set(true);
    this.#reviews.createAction(this.network(), s.cycle.id, parsed.data).subscribe({
      next: (action) => {
        this.gapFor.set(null);
        this.succeed(
          `The gap of ${criterion.number || 'the criterion'} is an action of ${s.organisation.name}’s action plan: ${action.description}`,
          withCriterionAction(s, criterion.id, action),
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'gap', only: ['description', 'ownerUserId', 'ownerName', 'dueDate'] });
      },
    });
  }

  private succeed(message: string, updated: SelfAssessmentDto): void {
    this.busy.set(false);
    this.errors.set({});
    this.assessment.set(updated);
    this.banner.set(null);
    afterNextRender(() => this.banner.set(message), { injector: this.#injector });
  }

  /** `answers.2.evidence` (the position in what was sent) → `answers.<criterion id>.evidence` (the field on the page). */
  private byCriterion(errors: FieldErrors, sent: Criterion[]): FieldErrors {
    return Object.fromEntries(
      Object.entries(errors).map(([key, message]) => {
        const m = /^answers\.(\d+)\.(\w+)$/.exec(key);
        const criterion = m ? sent[Number(m[1])] : undefined;
        if (!m || !criterion) return [key === 'answers' ? '' : key, message];
        const field = (FIELDS as readonly string[]).includes(m[2]) ? (m[2] as (typeof FIELDS)[number]) : 'rating';
        return [answerPath(criterion.id, field), message];
      }),
    );
  }
}

/** The self-assessment with the action listed under its criterion (once, whether it was made now or answered as made). */
export function withCriterionAction(s: SelfAssessmentDto, criterionId: string, action: ReviewActionDto): SelfAssessmentDto {
  const entry = {
    id: action.id,
    description: action.description,
    status: action.status,
    statusLabel: action.statusLabel,
    dueDate: action.dueDate,
    overdue: action.overdue,
  };
  return {
    ...s,
    sections: s.sections.map((section) => ({
      ...section,
      criteria: section.criteria.map((c) => (c.id === criterionId ? { ...c, actions: [...c.actions.filter((x) => x.id !== action.id), entry] } : c)),
    })),
  };
}
