import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { RiskImportPreviewDto, SessionMembership } from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldId } from '../core/form-errors';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { checkImportFile, formatFileSize, RISK_IMPORT_MAX_BYTES } from './import-file';
import { fileProblemPath, importedMessage, mergeImportFailure, previewErrors, problemPath, withFormError } from './import-preview';
import { RiskApi } from './risk.api';
import { countRisks, riskFieldLabel } from './risk-format';

export const BAD_ROWS_TITLE = 'Fix these rows in your file and choose it again: nothing has been imported';

/** Import a register from Excel or CSV: check the file, see every row, then import all or nothing. */
@Component({
  selector: 'plx-risk-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI],
  providers: [FormErrors],
  templateUrl: './risk-import.component.html',
  styleUrl: './risk-import.component.css',
})
export class RiskImportComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(RiskApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<RiskImportPreviewDto | null>(null);
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal<'checking' | 'importing' | null>(null);

  protected readonly badRows = computed(() => this.preview()?.rows.filter((row) => row.problems.length > 0).length ?? 0);
  protected readonly warnedRows = computed(() => this.preview()?.rows.filter((row) => row.warnings.length > 0).length ?? 0);
  protected readonly canImport = computed(() => {
    const preview = this.preview();
    return !!preview && preview.ok && preview.rows.length > 0 && this.badRows() === 0 && preview.fileProblems.length === 0;
  });
  protected readonly summaryTitle = computed(() => (this.badRows() > 0 ? BAD_ROWS_TITLE : 'There is a problem'));
  protected readonly columns = computed(() =>
    Object.entries(this.preview()?.columns ?? {}).map(([field, header]) => ({ field: riskFieldLabel(field), header })),
  );

  protected readonly sizeLimit = formatFileSize(RISK_IMPORT_MAX_BYTES);
  protected readonly countRisks = countRisks;
  protected readonly riskFieldLabel = riskFieldLabel;
  protected readonly problemId = (row: number, index: number) => fieldId(problemPath(row, index));
  protected readonly fileProblemId = (index: number) => fieldId(fileProblemPath(index));

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
    this.#api.previewImport(this.network(), file).subscribe({
      next: (preview) => {
        this.busy.set(null);
        this.preview.set(preview);
        const errors = previewErrors(preview);
        if (Object.keys(errors).length) {
          this.errors.fail(errors);
        } else if (!preview.ok) {
          this.errors.failWith('The file cannot be imported. Check it and choose it again.');
        } else {
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
    this.#api.import(this.network(), file).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.#flash.set(importedMessage(result));
        void this.#router.navigate(['/n', this.network(), 'risks']);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        const apiError = toApiError(error);
        if (apiError.statusCode === 400 && apiError.fields?.some((f) => f.field.startsWith('rows.'))) {
          const merged = mergeImportFailure(preview, apiError);
          this.preview.set(merged.preview);
          this.errors.fail(withFormError(previewErrors(merged.preview), merged.formError));
          return;
        }
        this.errors.failFromServer(apiError, { only: ['file'], reword: (message) => `Nothing has been imported. ${message}` });
      },
    });
  }
}
