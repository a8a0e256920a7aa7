import { plural } from '@plexus/domain';
import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  type ImportField,
  type ImportOptions,
  type ImportPreviewDto,
  type SessionMembership,
  type WorkPlanDto,
} from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { serverFieldErrors } from '../core/form-errors';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { PlanNavComponent } from './plan-nav.component';
import { planUrl, WorkPlanApi } from './work-plan.api';

type Source = 'paste' | 'file';

/** Imports a plan from a table pasted from Word (tab separated), a CSV or an Excel workbook: preview, check, confirm. */
@Component({
  selector: 'plx-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, PlanNavComponent],
  providers: [FormErrors],
  templateUrl: './import.component.html',
  styles: `
    .plx-import-text {
      font-family: monospace;
      font-size: 0.9rem;
    }
    .plx-problem--error {
      color: #d5281b;
      font-weight: 600;
    }
    .plx-problem--warning {
      color: #4c6272;
    }
    .plx-import-rows td {
      vertical-align: top;
    }
    .plx-import-rows ul {
      margin-bottom: 0;
    }
  `,
})
export class ImportComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly planId = input.required<string>();

  readonly #api = inject(WorkPlanApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly plural = plural;
  protected readonly plan = httpResource<WorkPlanDto>(() => planUrl(this.network(), this.planId()));

  protected readonly source = signal<Source>('paste');
  protected readonly pasted = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly defaultTheme = signal('');
  protected readonly columns = signal<Array<ImportField | null> | null>(null);
  protected readonly preview = signal<ImportPreviewDto | null>(null);
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);

  protected readonly fields = IMPORT_FIELDS;
  protected readonly fieldLabels = IMPORT_FIELD_LABELS;
  protected readonly maxSize = `${IMPORT_MAX_BYTES / (1024 * 1024)} MB`;
  protected readonly problemRows = computed(() => this.preview()?.rows.filter((r) => r.problems.length > 0).length ?? 0);

  protected chooseSource(source: Source): void {
    this.source.set(source);
    this.reset();
  }

  protected setPasted(event: Event): void {
    this.pasted.set((event.target as HTMLTextAreaElement).value);
    this.reset();
  }

  protected chooseFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    this.reset();
    if (file && file.size > IMPORT_MAX_BYTES) this.errors.fail({ file: `The file must be ${this.maxSize} or smaller` });
  }

  protected setDefaultTheme(event: Event): void {
    this.defaultTheme.set((event.target as HTMLInputElement).value);
  }

  protected setColumn(index: number, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const current = this.columns() ?? this.preview()?.columns.map((c) => c.field) ?? [];
    const next = current.map((field, i) =>
      i === index ? ((IMPORT_FIELDS as readonly string[]).includes(value) ? (value as ImportField) : null) : field === value ? null : field,
    );
    this.columns.set(next);
    this.runPreview();
  }

  private reset(): void {
    this.preview.set(null);
    this.columns.set(null);
    this.errors.clear();
  }

  /** What is sent: the file, or the pasted text as a tab-separated file. */
  private payload(): { blob: Blob; name: string } | null {
    if (this.source() === 'file') {
      const file = this.file();
      return file ? { blob: file, name: file.name } : null;
    }
    const text = this.pasted();
    return text.trim() ? { blob: new Blob([text], { type: 'text/tab-separated-values' }), name: 'pasted-table.tsv' } : null;
  }

  private options(): ImportOptions {
    const columns = this.columns();
    const theme = this.defaultTheme().trim();
    return { ...(columns ? { columns } : {}), ...(theme ? { defaultTheme: theme } : {}) };
  }

  protected previewSubmit(event: Event): void {
    event.preventDefault();
    this.runPreview();
  }

  protected runPreview(): void {
    if (this.busy()) return;
    const payload = this.payload();
    if (!payload) {
      this.errors.fail(this.source() === 'file' ? { file: 'Choose an .xlsx or .csv file' } : { text: 'Paste the table from Word or Excel' });
      return;
    }
    this.busy.set(true);
    this.#api.previewImport(this.network(), this.planId(), payload.blob, payload.name, this.options()).subscribe({
      next: (preview) => {
        this.busy.set(false);
        this.errors.clear();
        this.preview.set(preview);
        this.columns.set(preview.columns.map((c) => c.field));
        afterNextRender(() => moveFocusTo(this.#document.getElementById('preview-heading')), { injector: this.#injector });
      },
      error: (error: unknown) => this.failRequest(error),
    });
  }

  protected confirm(): void {
    const payload = this.payload();
    if (!payload || this.busy()) return;
    this.busy.set(true);
    this.#api.confirmImport(this.network(), this.planId(), payload.blob, payload.name, this.options()).subscribe({
      next: (result) => {
        this.busy.set(false);
        const flagged = result.flaggedTimescales
          ? ` ${plural(result.flaggedTimescales, 'timescale')} could not be read and ${result.flaggedTimescales === 1 ? 'is' : 'are'} flagged for you to check.`
          : '';
        this.#flash.set(`${plural(result.imported, 'work item')} imported into ${plural(result.themes, 'theme')}.${flagged}`);
        void this.#router.navigate(['/n', this.network(), 'plan', this.planId()]);
      },
      error: (error: unknown) => this.failRequest(error),
    });
  }

  private failRequest(error: unknown): void {
    this.busy.set(false);
    const apiError = toApiError(error);
    const fields = serverFieldErrors(apiError);
    // Row problems come back as rows.N.field: they are shown in the preview table; keep the summary short.
    const rowProblems = Object.keys(fields).filter((key) => key.startsWith('rows.'));
    if (rowProblems.length) this.errors.failWith(apiError.message);
    else this.errors.fail(fields);
  }
}
