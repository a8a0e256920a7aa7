import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  createReviewCycleSchema,
  type NetworkProfileDto,
  type ReviewCycleDto,
  type SessionMembership,
  updateReviewCycleSchema,
} from '@plexus/contracts';
import { DEFAULT_REMINDER_DAYS, PROGRAMME_TEMPLATE_ID, REVIEW_CYCLE_STATUSES, todayIso, type ReviewCycleStatus } from '@plexus/domain';
import { concatMap, of } from 'rxjs';
import { FlashService } from '../../core/flash.service';
import { fieldErrorsFromIssues, serverFieldErrors } from '../../core/form-errors';
import { composePageTitle } from '../../core/page-title';
import { profileUrl } from '../../profile/profile.api';
import { controlChecked, controlValue } from '../../ui/control-value';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { PeerReviewApi, reviewCycleUrl } from '../peer-review.api';
import { cycleStatusTag } from '../peer-review-format';
import { collapseListErrors, financialYearChoices, nextFinancialYear, parseReminderDays } from './cycle-form';

/** The form as typed. */
export interface CycleForm {
  name: string;
  firstFy: string;
  lastFy: string;
  fromTemplate: boolean;
  organisationIds: string[];
  reminderDays: string;
  status: ReviewCycleStatus;
}

const LISTS = ['organisationIds', 'reminderDays'] as const;

function formFrom(c: ReviewCycleDto): CycleForm {
  return {
    name: c.name,
    firstFy: c.firstFy,
    lastFy: c.lastFy,
    fromTemplate: false,
    organisationIds: c.organisations.map((o) => o.id),
    reminderDays: c.reminderDays.join(', '),
    status: c.status,
  };
}

/**
 * Start a cycle (`/peer-review/cycles/new`) — by default from the two-year programme template of seed 002, whose
 * quarterly activities and required documents are filled in for the two financial years — or change one
 * (`/:cycleId/edit`): its name, years, status, reminder days and the organisations in scope. Managers only.
 */
@Component({
  selector: 'plx-cycle-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './cycle-form.component.html',
})
export class CycleFormComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  /** Route parameter when changing a cycle; absent when starting one. */
  readonly cycleId = input<string | undefined>();

  readonly #api = inject(PeerReviewApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #title = inject(Title);

  protected readonly editing = computed(() => !!this.cycleId());
  protected readonly cycle = httpResource<ReviewCycleDto>(() => {
    const id = this.cycleId();
    return id ? reviewCycleUrl(this.network(), id) : undefined;
  });
  protected readonly profile = httpResource<NetworkProfileDto>(() => profileUrl(this.network()));
  protected readonly years = financialYearChoices(todayIso('Europe/London'));
  protected readonly statuses = REVIEW_CYCLE_STATUSES;
  protected readonly form = linkedSignal<CycleForm | null>(() => {
    if (!this.cycleId()) {
      const first = this.years[2];
      return {
        name: `Peer Review Programme ${first.slice(0, 4)}/${Number(first.slice(0, 4)) + 2}`,
        firstFy: first,
        lastFy: nextFinancialYear(first),
        fromTemplate: true,
        organisationIds: [],
        reminderDays: DEFAULT_REMINDER_DAYS.join(', '),
        status: 'draft',
      };
    }
    return this.cycle.hasValue() ? formFrom(this.cycle.value()) : null;
  });
  protected readonly errors = inject(FormErrors);
  protected readonly saving = signal(false);
  protected readonly value = controlValue;
  protected readonly checked = controlChecked;
  protected readonly statusTag = cycleStatusTag;

  constructor() {
    effect(() => {
      if (!this.cycle.hasValue()) return;
      this.#title.setTitle(composePageTitle(`Change ${this.cycle.value().name}`, this.membership().name));
    });
  }

  protected backLink(): string[] {
    const id = this.cycleId();
    return id ? ['/n', this.network(), 'peer-review', 'cycles', id] : ['/n', this.network(), 'peer-review', 'cycles'];
  }

  protected set(patch: Partial<CycleForm>): void {
    this.form.update((form) => {
      if (!form) return form;
      const next = { ...form, ...patch };
      // The template covers two years: the last follows the first.
      if (next.fromTemplate && !this.editing()) next.lastFy = nextFinancialYear(next.firstFy);
      return next;
    });
  }

  protected toggleOrganisation(id: string, on: boolean): void {
    this.form.update(
      (form) => form && { ...form, organisationIds: on ? [...form.organisationIds, id] : form.organisationIds.filter((x) => x !== id) },
    );
  }

  protected lastYearChoices(form: CycleForm): string[] {
    return this.years.filter((y) => y >= form.firstFy);
  }

  protected save(event: Event): void {
    event.preventDefault();
    const form = this.form();
    if (!form || this.saving()) return;
    const common = { name: form.name, firstFy: form.firstFy, lastFy: form.lastFy, reminderDays: parseReminderDays(form.reminderDays) };
    const id = this.cycleId();
    if (!id) {
      const parsed = createReviewCycleSchema.safeParse({
        ...common,
        template: form.fromTemplate ? PROGRAMME_TEMPLATE_ID : null,
        organisationIds: form.organisationIds,
      });
      if (!parsed.success) return this.errors.fail(collapseListErrors(fieldErrorsFromIssues(parsed.error.issues), LISTS));
      this.saving.set(true);
      this.#api.createCycle(this.network(), parsed.data).subscribe({
        next: (saved) => this.done(saved, `${saved.name} has been started${form.fromTemplate ? ' from the programme template' : ''}.`),
        error: (error: unknown) => this.failed(error),
      });
      return;
    }
    const parsed = updateReviewCycleSchema.safeParse({ ...common, status: form.status });
    if (!parsed.success) return this.errors.fail(collapseListErrors(fieldErrorsFromIssues(parsed.error.issues), LISTS));
    const before = this.cycle.hasValue() ? this.cycle.value().organisations.map((o) => o.id) : [];
    const scopeChanged = before.length !== form.organisationIds.length || before.some((o) => !form.organisationIds.includes(o));
    this.saving.set(true);
    this.#api
      .updateCycle(this.network(), id, parsed.data)
      .pipe(concatMap((saved) => (scopeChanged ? this.#api.setOrganisations(this.network(), id, form.organisationIds) : of(saved))))
      .subscribe({
        next: (saved) => this.done(saved, `${saved.name} has been changed.`),
        error: (error: unknown) => this.failed(error),
      });
  }

  private done(saved: ReviewCycleDto, message: string): void {
    this.saving.set(false);
    this.#flash.set(message);
    void this.#router.navigate(['/n', this.network(), 'peer-review', 'cycles', saved.id]);
  }

  private failed(error: unknown): void {
    this.saving.set(false);
    this.errors.fail(collapseListErrors(serverFieldErrors(error), LISTS));
  }
}
