import { NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { type SessionMembership, STANDARD_LIMITS, type StandardSetDto, standardSetInputSchema, type StandardSetListDto } from '@plexus/contracts';
import { ASSESSMENT_SCALE_IDS, STANDARD_SET_KINDS, type AssessmentScaleId, type StandardSetKind } from '@plexus/domain';
import { FlashService } from '../../core/flash.service';
import { moveFocusTo } from '../../core/focus';
import { fieldErrorsFromIssues } from '../../core/form-errors';
import { controlValue } from '../../ui/control-value';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { StandardsApi, standardSetsUrl, standardsPage } from './standards.api';
import { countCriteria, KIND_LABELS, nameAfterCode, scaleLabel, setTitle, versionsSummary, versionStatus } from './standards-format';
import { keeperOf } from './standards-keeper';

/** The create form, as typed. */
export interface SetForm {
  code: string;
  name: string;
  kind: StandardSetKind;
  answerScale: AssessmentScaleId;
  description: string;
}

const EMPTY_SET: SetForm = { code: '', name: '', kind: 'network_standards', answerScale: 'met', description: '' };

/**
 * The standard sets: the national ones (kept by the platform operator, read-only to networks) and the network's own,
 * each with its versions and whether one is frozen. Managers create a set here (version 1 starts as an empty draft,
 * filled in on its page or imported from a spreadsheet). Operators see and keep the national ones on the same page
 * under /admin.
 */
@Component({
  selector: 'plx-standard-sets',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgTemplateOutlet, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './standard-sets.component.html',
  styleUrl: './standards.css',
})
export class StandardSetsComponent {
  readonly network = input<string>();
  readonly membership = input<SessionMembership>();
  /** Route data on the operators' page: the national sets. */
  readonly national = input<boolean>();

  readonly #api = inject(StandardsApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  readonly #place = keeperOf(this.network, this.membership, this.national);
  protected readonly keeper = this.#place.keeper;
  protected readonly caption = this.#place.caption;
  protected readonly page = computed(() => standardsPage(this.keeper()));
  protected readonly setLink = (id: string) => [...this.page(), id];
  protected readonly sets = httpResource<StandardSetListDto>(() => standardSetsUrl(this.keeper()));
  protected readonly nationalSets = computed(() => (this.sets.hasValue() ? this.sets.value().sets.filter((s) => s.national) : []));
  protected readonly ownSets = computed(() => (this.sets.hasValue() ? this.sets.value().sets.filter((s) => !s.national) : []));

  protected readonly flash = inject(FlashService).take();
  protected readonly errors = inject(FormErrors);
  protected readonly form = signal<SetForm | null>(null);
  protected readonly busy = signal(false);

  protected readonly kinds = STANDARD_SET_KINDS;
  protected readonly scales = ASSESSMENT_SCALE_IDS;
  protected readonly kindLabel = KIND_LABELS;
  protected readonly kindText = (kind: StandardSetKind) => KIND_LABELS[kind];
  protected readonly scaleLabel = scaleLabel;
  protected readonly limits = STANDARD_LIMITS;
  protected readonly value = controlValue;
  protected readonly versionsSummary = versionsSummary;
  protected readonly versionStatus = versionStatus;
  protected readonly countCriteria = countCriteria;
  protected readonly nameAfterCode = nameAfterCode;

  /** Criteria of the version the set's page opens with: the draft, else the current one. */
  protected criteriaOf(set: StandardSetDto): number {
    const shown = set.versions.find((v) => v.status === 'draft') ?? set.versions.find((v) => v.id === set.currentVersionId) ?? set.versions[0];
    return shown?.criterionCount ?? 0;
  }

  protected frozenCount(set: StandardSetDto): number {
    return set.versions.filter((v) => v.frozen).length;
  }

  protected start(): void {
    this.errors.set({});
    this.form.set({ ...EMPTY_SET, kind: this.national() ? 'national_specification' : 'network_standards' });
    afterNextRender(() => moveFocusTo(this.#document.getElementById('set-code')), { injector: this.#injector });
  }

  protected cancel(): void {
    this.form.set(null);
    this.errors.set({});
    afterNextRender(() => moveFocusTo(this.#document.getElementById('create-set')), { injector: this.#injector });
  }

  protected set(patch: Partial<SetForm>): void {
    this.form.update((f) => f && { ...f, ...patch });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const form = this.form();
    if (!form || this.busy()) return;
    const parsed = standardSetInputSchema.safeParse(form);
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.busy.set(true);
    this.#api.createSet(this.keeper(), parsed.data).subscribe({
      next: (set) => {
        this.busy.set(false);
        this.#flash.set(`${setTitle(set)} has been created. Add its sections and criteria, or import them from a spreadsheet.`);
        void this.#router.navigate([...this.page(), set.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}
