import { NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, effect, inject, Injector, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  type SessionMembership,
  STANDARD_LIMITS,
  type StandardCriterionDto,
  standardCriterionInputSchema,
  type StandardSectionDto,
  standardSectionInputSchema,
  type StandardSetDto,
  standardSetInputSchema,
  type StandardVersionDto,
} from '@plexus/contracts';
import { ASSESSMENT_SCALE_IDS, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type OrganisationType, STANDARD_SET_KINDS } from '@plexus/domain';
import type { Observable } from 'rxjs';
import { moveInOrder } from '../../board/board-format';
import { toApiError } from '../../core/api-error';
import { formatDateTime } from '../../core/dates';
import { FlashService } from '../../core/flash.service';
import { moveFocusTo } from '../../core/focus';
import { fieldErrorsFromIssues, prefixFieldErrors } from '../../core/form-errors';
import { composePageTitle } from '../../core/page-title';
import { controlChecked, controlValue } from '../../ui/control-value';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { StandardsApi, standardExportUrl, standardSetUrl, standardsPage, standardVersionUrl } from './standards.api';
import {
  appliesToText,
  chooseVersion,
  countCriteria,
  countSections,
  type CriterionForm,
  criterionForm,
  criterionInput,
  KIND_LABELS,
  scaleLabel,
  sectionHeading,
  setTitle,
  toggleType,
  versionStatus,
} from './standards-format';
import { keeperOf } from './standards-keeper';
import type { SetForm } from './standard-sets.component';

interface SectionForm {
  id: string | null;
  number: string;
  title: string;
}

type Removing =
  | { kind: 'set' }
  | { kind: 'version'; version: StandardVersionDto }
  | { kind: 'section'; section: StandardSectionDto }
  | { kind: 'criterion'; criterion: StandardCriterionDto };

/**
 * A standard set and one of its versions: sections and criteria in order, with the evidence expected and whom each
 * criterion is for. The keeper (a manager for the network's own sets, an operator for the national ones) changes a
 * version in place until a peer review cycle uses it; a frozen version says so and offers "Create version N", a draft
 * copy. Publish, delete a draft, import and export are here too. Moving sections and criteria keeps keyboard focus on
 * the thing moved.
 */
@Component({
  selector: 'plx-standard-set',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgTemplateOutlet, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './standard-set.component.html',
  styleUrl: './standards.css',
})
export class StandardSetComponent {
  readonly network = input<string>();
  readonly membership = input<SessionMembership>();
  readonly national = input<boolean>();
  readonly standardSetId = input.required<string>();
  /** `?version=`: the version to show; otherwise the draft, else the current one. */
  readonly version = input<string>();

  readonly #api = inject(StandardsApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);
  readonly #title = inject(Title);

  readonly #place = keeperOf(this.network, this.membership, this.national);
  protected readonly keeper = this.#place.keeper;
  protected readonly caption = this.#place.caption;
  protected readonly page = computed(() => standardsPage(this.keeper()));
  protected readonly setLink = computed(() => [...this.page(), this.standardSetId()]);
  protected readonly importLink = (versionId: string) => [...this.setLink(), 'versions', versionId, 'import'];

  protected readonly set = httpResource<StandardSetDto>(() => standardSetUrl(this.keeper(), this.standardSetId()));
  protected readonly loadedSet = computed(() => (this.set.hasValue() ? this.set.value() : null));
  protected readonly versionId = computed(() => {
    const set = this.loadedSet();
    return set ? chooseVersion(set, this.version()) : null;
  });
  protected readonly versionRes = httpResource<StandardVersionDto>(() => {
    const id = this.versionId();
    return id ? standardVersionUrl(this.keeper(), id) : undefined;
  });
  protected readonly shown = computed(() => (this.versionRes.hasValue() ? this.versionRes.value() : null));

  /** The message the previous page left; it goes once this page says something of its own. */
  protected readonly flash = signal(inject(FlashService).take());
  protected readonly banner = signal<string | null>(null);
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);
  protected readonly setForm = signal<SetForm | null>(null);
  protected readonly sectionForm = signal<SectionForm | null>(null);
  protected readonly criterion = signal<CriterionForm | null>(null);
  protected readonly removing = signal<Removing | null>(null);
  /** Said by screen readers after a move (the moved thing keeps focus, so nothing else announces it). */
  protected readonly orderStatus = signal('');

  protected readonly types = ORGANISATION_TYPES;
  protected readonly typeLabel = ORGANISATION_TYPE_LABELS;
  protected readonly kinds = STANDARD_SET_KINDS;
  protected readonly scales = ASSESSMENT_SCALE_IDS;
  protected readonly kindLabel = KIND_LABELS;
  protected readonly limits = STANDARD_LIMITS;
  protected readonly scaleLabel = scaleLabel;
  protected readonly versionStatus = versionStatus;
  protected readonly appliesToText = appliesToText;
  protected readonly sectionHeading = sectionHeading;
  protected readonly setTitle = setTitle;
  protected readonly countCriteria = countCriteria;
  protected readonly countSections = countSections;
  protected readonly formatDateTime = formatDateTime;
  protected readonly value = controlValue;
  protected readonly checked = controlChecked;
  protected readonly exportHref = (format: 'xlsx' | 'csv') => {
    const id = this.versionId();
    return id ? standardExportUrl(this.keeper(), id, format) : null;
  };

  constructor() {
    effect(() => {
      const set = this.loadedSet();
      if (set) this.#title.setTitle(composePageTitle(setTitle(set), this.national() ? 'Admin' : this.membership()?.name));
    });
  }

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  private closeAll(): void {
    this.setForm.set(null);
    this.sectionForm.set(null);
    this.criterion.set(null);
    this.removing.set(null);
    this.errors.set({});
  }

  /** A change went through: the version as it now stands, the set's counts again, and a banner. */
  private succeed(message: string, version?: StandardVersionDto, reloadVersion = true): void {
    this.busy.set(false);
    this.closeAll();
    if (version) this.versionRes.set(version);
    else if (reloadVersion) this.versionRes.reload();
    this.set.reload();
    this.flash.set(null);
    this.banner.set(null);
    afterNextRender(() => this.banner.set(message), { injector: this.#injector });
  }

  private fail(error: unknown, prefix?: string): void {
    this.busy.set(false);
    this.errors.failFromServer(error, prefix ? { prefix } : undefined);
  }

  private run<T>(call: Observable<T>, next: (value: T) => void, prefix?: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    call.subscribe({ next, error: (error: unknown) => this.fail(error, prefix) });
  }

  /** Opens the page on another version of the set. */
  protected showVersion(id: string): void {
    void this.#router.navigate([...this.page(), this.standardSetId()], { queryParams: { version: id } });
  }

  // ---- the set ------------------------------------------------------------------------------------------------

  protected startSet(set: StandardSetDto): void {
    this.closeAll();
    this.setForm.set({ code: set.code, name: set.name, kind: set.kind, answerScale: set.answerScale, description: set.description });
    this.focusById('set-code');
  }

  protected patchSet(patch: Partial<SetForm>): void {
    this.setForm.update((f) => f && { ...f, ...patch });
  }

  protected cancelSet(): void {
    this.closeAll();
    this.focusById('change-set');
  }

  protected saveSet(event: Event, set: StandardSetDto): void {
    event.preventDefault();
    const form = this.setForm();
    if (!form) return;
    const parsed = standardSetInputSchema.safeParse(form);
    if (!parsed.success) {
      this.errors.fail(prefixFieldErrors(fieldErrorsFromIssues(parsed.error.issues), 'set'));
      return;
    }
    this.run(
      this.#api.updateSet(this.keeper(), set.id, parsed.data),
      (updated) => {
        this.set.set(updated);
        this.succeed(`The details of ${updated.code} have been changed.`);
      },
      'set',
    );
  }

  // ---- versions -----------------------------------------------------------------------------------------------

  protected publish(v: StandardVersionDto): void {
    this.run(this.#api.publish(this.keeper(), v.id), (published) =>
      this.succeed(`Version ${published.version} has been published: peer review cycles can now use it.`, published),
    );
  }

  protected newVersion(set: StandardSetDto): void {
    this.run(this.#api.newVersion(this.keeper(), set.id), (created) => {
      this.showVersion(created.id);
      this.succeed(`Version ${created.version} has been created as a draft copy of the newest version. Change it, then publish it.`, created);
    });
  }

  // ---- sections -----------------------------------------------------------------------------------------------

  protected startSection(section?: StandardSectionDto): void {
    this.closeAll();
    this.sectionForm.set(section ? { id: section.id, number: section.number, title: section.title } : { id: null, number: '', title: '' });
    this.focusById('section-number');
  }

  protected patchSection(patch: Partial<SectionForm>): void {
    this.sectionForm.update((f) => f && { ...f, ...patch });
  }

  protected cancelSection(): void {
    const id = this.sectionForm()?.id;
    this.closeAll();
    this.focusById(id ? `change-section-${id}` : 'add-section');
  }

  protected saveSection(event: Event, v: StandardVersionDto): void {
    event.preventDefault();
    const form = this.sectionForm();
    if (!form) return;
    const parsed = standardSectionInputSchema.safeParse({ number: form.number, title: form.title });
    if (!parsed.success) {
      this.errors.fail(prefixFieldErrors(fieldErrorsFromIssues(parsed.error.issues), 'section'));
      return;
    }
    const call = form.id ? this.#api.updateSection(this.keeper(), form.id, parsed.data) : this.#api.addSection(this.keeper(), v.id, parsed.data);
    this.run(
      call,
      (updated) =>
        this.succeed(form.id ? `Section “${parsed.data.title}” has been changed.` : `Section “${parsed.data.title}” has been added.`, updated),
      'section',
    );
  }

  protected moveSection(v: StandardVersionDto, section: StandardSectionDto, direction: 'up' | 'down'): void {
    const ids = v.sections.map((s) => s.id);
    const order = moveInOrder(ids, section.id, direction);
    if (order.join() === ids.join() || this.busy()) return;
    this.busy.set(true);
    this.#api.reorderSections(this.keeper(), v.id, order).subscribe({
      next: (updated) => this.moved(updated, updated.sections, section.id, sectionHeading(section), 'section', direction),
      error: (error: unknown) => this.moveFailed(error),
    });
  }

  // ---- criteria -----------------------------------------------------------------------------------------------

  protected startCriterion(sectionId: string, c?: StandardCriterionDto): void {
    this.closeAll();
    this.criterion.set(criterionForm(sectionId, c));
    this.focusById('criterion-text');
  }

  protected patchCriterion(patch: Partial<CriterionForm>): void {
    this.criterion.update((f) => f && { ...f, ...patch });
  }

  protected toggleType(type: OrganisationType, on: boolean): void {
    this.criterion.update((f) => f && { ...f, appliesTo: toggleType(f.appliesTo, type, on) });
  }

  protected cancelCriterion(): void {
    const form = this.criterion();
    this.closeAll();
    this.focusById(form?.id ? `change-criterion-${form.id}` : `add-criterion-${form?.sectionId}`);
  }

  protected saveCriterion(event: Event, v: StandardVersionDto): void {
    event.preventDefault();
    const form = this.criterion();
    if (!form) return;
    const current = form.id ? (v.sections.flatMap((s) => s.criteria).find((c) => c.id === form.id)?.sectionId ?? null) : null;
    const body = criterionInput(form, current);
    const parsed = standardCriterionInputSchema.safeParse(body);
    if (!parsed.success) {
      this.errors.fail(prefixFieldErrors(fieldErrorsFromIssues(parsed.error.issues), 'criterion'));
      return;
    }
    const call = form.id ? this.#api.updateCriterion(this.keeper(), form.id, body) : this.#api.addCriterion(this.keeper(), form.sectionId, body);
    const name = form.number ? `Criterion ${form.number}` : 'The criterion';
    this.run(call, (updated) => this.succeed(form.id ? `${name} has been changed.` : `${name} has been added.`, updated), 'criterion');
  }

  protected moveCriterion(section: StandardSectionDto, c: StandardCriterionDto, direction: 'up' | 'down'): void {
    const ids = section.criteria.map((x) => x.id);
    const order = moveInOrder(ids, c.id, direction);
    if (order.join() === ids.join() || this.busy()) return;
    this.busy.set(true);
    this.#api.reorderCriteria(this.keeper(), section.id, order).subscribe({
      next: (updated) => {
        const after = updated.sections.find((s) => s.id === section.id)?.criteria ?? [];
        this.moved(updated, after, c.id, c.number ? `Criterion ${c.number}` : 'The criterion', 'criterion', direction);
      },
      error: (error: unknown) => this.moveFailed(error),
    });
  }

  /** After a move: the new order, said in words, and focus on the same button (or the other at the top or bottom). */
  private moved(updated: StandardVersionDto, list: Array<{ id: string }>, id: string, name: string, what: string, direction: 'up' | 'down'): void {
    this.busy.set(false);
    this.errors.set({});
    this.versionRes.set(updated);
    const position = list.findIndex((x) => x.id === id);
    this.orderStatus.set(`${name} moved ${direction}: now ${what} ${position + 1} of ${list.length}.`);
    const atEdge = direction === 'up' ? position === 0 : position === list.length - 1;
    this.focusById(`${what}-${atEdge ? (direction === 'up' ? 'down' : 'up') : direction}-${id}`);
  }

  private moveFailed(error: unknown): void {
    this.busy.set(false);
    this.versionRes.reload();
    this.errors.failWith(toApiError(error).message);
  }

  // ---- removing -----------------------------------------------------------------------------------------------

  protected startRemove(target: Removing): void {
    this.closeAll();
    this.removing.set(target);
    this.focusById('remove-confirm-heading');
  }

  protected cancelRemove(): void {
    const target = this.removing();
    this.removing.set(null);
    if (!target) return;
    const back: Record<Removing['kind'], string> = {
      set: 'delete-set',
      version: 'delete-version',
      section: target.kind === 'section' ? `remove-section-${target.section.id}` : '',
      criterion: target.kind === 'criterion' ? `remove-criterion-${target.criterion.id}` : '',
    };
    this.focusById(back[target.kind]);
  }

  protected confirmRemove(set: StandardSetDto): void {
    const target = this.removing();
    if (!target) return;
    switch (target.kind) {
      case 'criterion':
        this.run(this.#api.removeCriterion(this.keeper(), target.criterion.id), () =>
          this.succeed(`${target.criterion.number ? `Criterion ${target.criterion.number}` : 'The criterion'} has been removed.`),
        );
        return;
      case 'section':
        this.run(this.#api.removeSection(this.keeper(), target.section.id), () =>
          this.succeed(`Section “${target.section.title}” and its criteria have been removed.`),
        );
        return;
      case 'version': {
        // Then the newest version left (never the deleted one, which the set as loaded still lists).
        const next = set.versions.find((v) => v.id !== target.version.id);
        this.run(this.#api.deleteVersion(this.keeper(), target.version.id), () => {
          if (next) this.showVersion(next.id);
          this.succeed(`The draft version ${target.version.version} has been deleted.`, undefined, false);
        });
        return;
      }
      case 'set':
        this.run(this.#api.deleteSet(this.keeper(), set.id), () => {
          this.busy.set(false);
          this.#flash.set(`${setTitle(set)} has been deleted.`);
          void this.#router.navigate(this.page());
        });
        return;
    }
  }
}
