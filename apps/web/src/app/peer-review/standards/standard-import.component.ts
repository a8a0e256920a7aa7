import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ApiError, SessionMembership, StandardImportPreviewDto, StandardVersionDto } from '@plexus/contracts';
import { toApiError } from '../../core/api-error';
import { FlashService } from '../../core/flash.service';
import { moveFocusTo } from '../../core/focus';
import { type FieldErrors, fieldId, FORM_ERROR } from '../../core/form-errors';
import { checkImportFile, formatFileSize, RISK_IMPORT_MAX_BYTES } from '../../risk/import-file';
import { FormErrors } from '../../ui/form-errors';
import { FORM_ERROR_UI } from '../../ui/form-ui';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { StandardsApi, standardsPage, standardVersionUrl } from './standards.api';
import { appliesToText, countCriteria, countSections, importedMessage, importProblemText, setTitle } from './standards-format';
import { keeperOf } from './standards-keeper';

export const BAD_ROWS_TITLE = 'Fix these rows in your file and choose it again: nothing has been imported';

/** The dotted path of a row's problem; the preview table gives its list item the matching id. */
export const problemPath = (row: number, index: number) => `rows.${row}.problems.${index}`;
export const fileProblemPath = (index: number) => `fileProblems.${index}`;

/** The error summary's entries for a preview: problems with the file, then every bad row's problems. */
export function previewErrors(preview: StandardImportPreviewDto): FieldErrors {
  const errors: Record<string, string> = {};
  preview.fileProblems.forEach((message, i) => (errors[fileProblemPath(i)] = message));
  for (const row of preview.rows) row.problems.forEach((problem, i) => (errors[problemPath(row.row, i)] = importProblemText(row, problem)));
  return errors;
}

/**
 * The import's 400 names `rows.3.criterion` (or `file`): each on its row of the preview, so that it is listed there
 * and linked from the summary; anything else is a message about the whole file.
 */
export function mergeImportFailure(
  preview: StandardImportPreviewDto,
  error: ApiError,
): { preview: StandardImportPreviewDto; formError: string | null } {
  const rows = preview.rows.map((row) => ({ ...row, problems: [...row.problems] }));
  const unplaced: string[] = [];
  for (const { field, message } of error.fields ?? []) {
    const match = /^rows\.(\d+)(?:\.(.+))?$/.exec(field);
    const row = match ? rows.find((r) => r.row === Number(match[1])) : undefined;
    if (row && match) {
      const name = match[2] ?? '';
      const text = message.replace(/^Row \d+: /, '');
      if (!row.problems.some((p) => p.field === name && p.message === text)) row.problems.push({ field: name, message: text });
    } else unplaced.push(message);
  }
  const bad = rows.some((row) => row.problems.length > 0);
  return { preview: { ...preview, rows, ok: false }, formError: unplaced.length ? unplaced.join('. ') : bad ? null : error.message };
}

/**
 * Import a version's sections and criteria from Excel or CSV: check the file and see every row with its problems
 * (nothing saved), then import — all rows or none. An import replaces what the version holds.
 */
@Component({
  selector: 'plx-standard-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './standard-import.component.html',
  styleUrl: './standards.css',
})
export class StandardImportComponent {
  readonly network = input<string>();
  readonly membership = input<SessionMembership>();
  readonly national = input<boolean>();
  readonly standardSetId = input.required<string>();
  readonly standardVersionId = input.required<string>();

  readonly #api = inject(StandardsApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  readonly #place = keeperOf(this.network, this.membership, this.national);
  protected readonly keeper = this.#place.keeper;
  protected readonly caption = this.#place.caption;
  protected readonly setLink = computed(() => [...standardsPage(this.keeper()), this.standardSetId()]);
  protected readonly version = httpResource<StandardVersionDto>(() => standardVersionUrl(this.keeper(), this.standardVersionId()));

  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<StandardImportPreviewDto | null>(null);
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal<'checking' | 'importing' | null>(null);

  protected readonly badRows = computed(() => this.preview()?.rows.filter((row) => row.problems.length > 0).length ?? 0);
  protected readonly canImport = computed(() => {
    const p = this.preview();
    return !!p && p.ok && p.rows.length > 0 && this.badRows() === 0 && p.fileProblems.length === 0;
  });
  protected readonly summaryTitle = computed(() => (this.badRows() > 0 ? BAD_ROWS_TITLE : 'There is a problem'));

  protected readonly sizeLimit = formatFileSize(RISK_IMPORT_MAX_BYTES);
  protected readonly appliesToText = appliesToText;
  protected readonly setTitle = setTitle;
  protected readonly countCriteria = countCriteria;
  protected readonly countSections = countSections;
  protected readonly problemId = (row: number, index: number) => fieldId(problemPath(row, index));
  protected readonly fileProblemId = (index: number) => fieldId(fileProblemPath(index));
  protected readonly columnLabels: Record<string, string> = {
    sectionNumber: 'Section number',
    sectionTitle: 'Section title',
    criterionNumber: 'Criterion number',
    criterion: 'Criterion',
    evidenceExpected: 'Evidence expected',
    appliesTo: 'Applies to',
  };
  protected readonly columns = computed(() =>
    Object.entries(this.preview()?.columns ?? {}).map(([field, header]) => ({ field: this.columnLabels[field] ?? field, header })),
  );

  protected choose(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    const problem = file ? checkImportFile(file) : null;
    this.file.set(problem ? null : file);
    this.preview.set(null);
    this.errors.set(problem ? { file: problem } : {});
  }

  protected check(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const file = this.file();
    const problem = checkImportFile(file);
    if (problem || !file) {
      this.errors.fail({ file: problem ?? 'Choose an Excel (.xlsx) or CSV (.csv) file' });
      return;
    }
    this.busy.set('checking');
    this.preview.set(null);
    this.#api.previewImport(this.keeper(), this.standardVersionId(), file).subscribe({
      next: (preview) => {
        this.busy.set(null);
        this.preview.set(preview);
        const errors = previewErrors(preview);
        if (Object.keys(errors).length) this.errors.fail(errors);
        else if (!preview.ok) this.errors.failWith('The file cannot be imported. Check it and choose it again.');
        else {
          this.errors.set({});
          afterNextRender(() => moveFocusTo(this.#document.getElementById('preview-heading')), { injector: this.#injector });
        }
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.errors.failFromServer(error, { only: ['file'] });
      },
    });
  }

  protected runImport(): void {
    const file = this.file();
    const preview = this.preview();
    if (!file || !preview || !this.canImport() || this.busy()) return;
    this.busy.set('importing');
    this.#api.import(this.keeper(), this.standardVersionId(), file).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.#flash.set(importedMessage(result));
        void this.#router.navigate(this.setLink(), { queryParams: { version: this.standardVersionId() } });
      },
      error: (error: unknown) => {
        this.busy.set(null);
        const apiError = toApiError(error);
        if (apiError.statusCode === 400 && apiError.fields?.some((f) => f.field.startsWith('rows.'))) {
          const merged = mergeImportFailure(preview, apiError);
          this.preview.set(merged.preview);
          const errors = previewErrors(merged.preview);
          this.errors.fail(merged.formError ? { [FORM_ERROR]: merged.formError, ...errors } : errors);
          return;
        }
        this.errors.failFromServer(apiError, { only: ['file'], reword: (message) => `Nothing has been imported. ${message}` });
      },
    });
  }
}
