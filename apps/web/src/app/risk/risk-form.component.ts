import { NgTemplateOutlet } from '@angular/common';
import { HttpClient, httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  resource,
  signal,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  createRiskSchema,
  type MemberDto,
  type RiskDto,
  type SessionMembership,
  updateRiskSchema,
  type WorkItemListDto,
  type WorkPlanSummaryDto,
} from '@plexus/contracts';
import { firstValueFrom } from 'rxjs';
import { planUrl, workPlanUrl } from '../work-plan/work-plan.api';
import { ROLE_LABELS } from '@plexus/domain';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues, fieldId } from '../core/form-errors';
import { composePageTitle } from '../core/page-title';
import { membersUrl } from '../members/members.api';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { RiskApi, riskUrl } from './risk.api';
import { draftFromRisk, emptyDraft, requestFromDraft, type RiskDraft } from './risk-draft';
import { BAND_TAG_CLASS, IMPACT_OPTIONS, LIKELIHOOD_OPTIONS, previewScore, TARGET_SCORE_OPTIONS, todayIso } from './risk-format';

const REVIEW_FREQUENCIES = Array.from({ length: 24 }, (_, i) => i + 1);

/** Add a risk (`/risks/new`) or edit one (`/risks/:riskId/edit`). Managers only (`risk.edit`). */
@Component({
  selector: 'plx-risk-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgTemplateOutlet, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './risk-form.component.html',
  styleUrl: './risk-form.component.css',
})
export class RiskFormComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  /** Route parameter when editing; absent when adding. */
  readonly riskId = input<string | undefined>();

  readonly #api = inject(RiskApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);
  readonly #title = inject(Title);

  protected readonly editing = computed(() => !!this.riskId());
  protected readonly risk = httpResource<RiskDto>(() => {
    const id = this.riskId();
    return id ? riskUrl(this.network(), id) : undefined;
  });
  /** Managers may list members; the mitigation lead is chosen from them (or named in text). */
  protected readonly members = httpResource<MemberDto[]>(() => membersUrl(this.network()));
  readonly #http = inject(HttpClient);
  /** Work items of every plan, grouped by plan, for linking the risk to the work that mitigates it. */
  protected readonly workItemGroups = resource({
    params: () => this.network(),
    loader: async ({ params: slug }) => {
      const plans = await firstValueFrom(this.#http.get<WorkPlanSummaryDto[]>(`${workPlanUrl(slug)}/plans`));
      const groups = await Promise.all(
        plans.map(async (plan) => ({
          plan,
          items: (await firstValueFrom(this.#http.get<WorkItemListDto>(`${planUrl(slug, plan.id)}/items`))).items,
        })),
      );
      return groups.filter((g) => g.items.length > 0);
    },
  });

  protected setLinks(event: Event): void {
    const ids = Array.from((event.target as HTMLSelectElement).selectedOptions, (o) => o.value);
    this.draft.update((draft) => draft && { ...draft, linkedWorkItemIds: ids });
  }

  /** The form; when editing, it starts again from the server's risk whenever that is (re)loaded. */
  protected readonly draft = linkedSignal<RiskDraft | null>(() => {
    if (!this.riskId()) return emptyDraft(todayIso());
    return this.risk.hasValue() ? draftFromRisk(this.risk.value()) : null;
  });
  /** The version the form was loaded from, sent back so that the API can detect a colleague's edit. */
  protected readonly version = linkedSignal<number | null>(() => (this.risk.hasValue() ? this.risk.value().version : null));

  protected readonly errors = inject(FormErrors);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);

  protected readonly beforePreview = computed(() => {
    const d = this.draft();
    return d ? previewScore(d.likelihoodBefore, d.impactBefore) : null;
  });
  protected readonly afterPreview = computed(() => {
    const d = this.draft();
    return d ? previewScore(d.likelihoodAfter, d.impactAfter) : null;
  });
  protected readonly leadOptions = computed(() => {
    const members = this.members.hasValue() ? [...this.members.value()] : [];
    const options = members
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'))
      .map((m) => ({ value: m.userId, label: `${m.displayName} (${ROLE_LABELS[m.role] ?? m.role})` }));
    // The risk's lead may have left the network: keep them, said so, rather than silently dropping them.
    const risk = this.risk.hasValue() ? this.risk.value() : null;
    const leadId = risk?.mitigationLead.userId;
    if (risk && leadId && !options.some((o) => o.value === leadId)) {
      options.push({ value: leadId, label: `${risk.mitigationLead.name || 'Former member'} (no longer a member)` });
    }
    return options;
  });
  protected readonly legacyScores = computed(() => {
    const risk = this.risk.hasValue() ? this.risk.value() : null;
    if (!risk) return [];
    return [
      risk.before.legacy ? { when: 'before mitigation', ...risk.before.legacy } : null,
      risk.current.legacy ? { when: 'after mitigation', ...risk.current.legacy } : null,
    ].filter((x): x is { when: string; value: number; reason: string } => x !== null);
  });

  protected readonly likelihoodOptions = LIKELIHOOD_OPTIONS;
  protected readonly impactOptions = IMPACT_OPTIONS;
  protected readonly targetOptions = TARGET_SCORE_OPTIONS;
  protected readonly frequencies = REVIEW_FREQUENCIES;
  protected readonly bandTag = BAND_TAG_CLASS;
  protected readonly fieldId = fieldId;

  constructor() {
    effect(() => {
      if (!this.risk.hasValue()) return;
      this.#title.setTitle(composePageTitle(`Edit risk ${this.risk.value().reference}`, this.membership().name));
    });
  }

  // ---- template helpers -------------------------------------------------------------------------

  protected readonly value = controlValue;

  protected ratingOf(draft: RiskDraft, field: 'likelihoodBefore' | 'impactBefore' | 'likelihoodAfter' | 'impactAfter'): string {
    return draft[field];
  }

  protected set(key: keyof RiskDraft, value: string): void {
    this.draft.update((draft) => draft && { ...draft, [key]: value });
  }

  protected isTargetOption(value: string): boolean {
    return TARGET_SCORE_OPTIONS.some((option) => String(option.value) === value);
  }

  protected backLink(): string[] {
    const id = this.riskId();
    return id ? ['/n', this.network(), 'risks', id] : ['/n', this.network(), 'risks'];
  }

  // ---- saving -----------------------------------------------------------------------------------

  protected save(event: Event): void {
    event.preventDefault();
    const draft = this.draft();
    if (!draft || this.saving()) return;
    const id = this.riskId();
    const request = requestFromDraft(draft);
    if (id) {
      const version = this.version();
      if (version == null) return;
      const parsed = updateRiskSchema.safeParse({ ...request, version });
      if (!parsed.success) return this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      this.saving.set(true);
      this.conflict.set(false);
      this.#api.update(this.network(), id, parsed.data).subscribe({
        next: (risk) => this.saved(risk, `Risk ${risk.reference} has been saved.`),
        error: (error: unknown) => this.failed(error),
      });
    } else {
      const parsed = createRiskSchema.safeParse(request);
      if (!parsed.success) return this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      this.saving.set(true);
      this.#api.create(this.network(), parsed.data).subscribe({
        next: (risk) => this.saved(risk, `Risk ${risk.reference} has been added to the register.`),
        error: (error: unknown) => this.failed(error),
      });
    }
  }

  protected reloadLatest(): void {
    this.conflict.set(false);
    this.errors.set({});
    this.risk.reload();
  }

  private saved(risk: RiskDto, message: string): void {
    this.saving.set(false);
    this.#flash.set(message);
    void this.#router.navigate(['/n', this.network(), 'risks', risk.id]);
  }

  private failed(error: unknown): void {
    this.saving.set(false);
    const apiError = toApiError(error);
    if (apiError.statusCode === 409 && this.editing()) {
      this.errors.set({});
      this.conflict.set(true);
      afterNextRender(() => moveFocusTo(this.#document.getElementById('conflict')), { injector: this.#injector });
      return;
    }
    this.errors.failFromServer(apiError);
  }
}
