import type { ApiError, RiskImportPreviewDto, RiskImportResultDto, RiskImportRowDto } from '@plexus/contracts';
import { type FieldErrors, FORM_ERROR } from '../core/form-errors';
import { riskFieldLabel } from './risk-format';

/** The dotted path of a row's problem; the preview table gives its list item the matching id. */
export function problemPath(row: number, index: number): string {
  return `rows.${row}.problems.${index}`;
}

export function fileProblemPath(index: number): string {
  return `fileProblems.${index}`;
}

/** "Row 3 (SN/03): Likelihood before mitigation – must be from 1 to 5" */
export function problemText(row: RiskImportRowDto, problem: { field: string; message: string }): string {
  const where = row.reference ? `Row ${row.row} (${row.reference})` : `Row ${row.row}`;
  return problem.field ? `${where}: ${riskFieldLabel(problem.field)} – ${problem.message}` : `${where}: ${problem.message}`;
}

/** The error summary's entries for a preview: problems with the file, then every bad row's problems. */
export function previewErrors(preview: RiskImportPreviewDto): FieldErrors {
  const errors: Record<string, string> = {};
  preview.fileProblems.forEach((message, i) => (errors[fileProblemPath(i)] = message));
  for (const row of preview.rows) {
    row.problems.forEach((problem, i) => (errors[problemPath(row.row, i)] = problemText(row, problem)));
  }
  return errors;
}

/**
 * The import's 400 names fields like `rows.3.likelihoodBefore`: put each on its row of the preview
 * (by the row number shown) so that it is listed there and linked from the summary. Anything that
 * names no known row becomes a message about the whole file.
 */
export function mergeImportFailure(preview: RiskImportPreviewDto, error: ApiError): { preview: RiskImportPreviewDto; formError: string | null } {
  const rows = preview.rows.map((row) => ({ ...row, problems: [...row.problems] }));
  const unplaced: string[] = [];
  for (const { field, message } of error.fields ?? []) {
    const match = /^rows\.(\d+)(?:\.(.+))?$/.exec(field);
    const row = match ? rows.find((r) => r.row === Number(match[1])) : undefined;
    if (row && match) {
      const name = match[2] ?? '';
      if (!row.problems.some((p) => p.field === name && p.message === message)) row.problems.push({ field: name, message });
    } else {
      unplaced.push(field && !field.startsWith('rows.') ? `${riskFieldLabel(field)} – ${message}` : message);
    }
  }
  const bad = rows.some((row) => row.problems.length > 0);
  const formError = unplaced.length ? unplaced.join('. ') : bad ? null : error.message;
  return { preview: { ...preview, rows, ok: false }, formError };
}

export function withFormError(errors: FieldErrors, message: string | null): FieldErrors {
  return message ? { [FORM_ERROR]: message, ...errors } : errors;
}

/** "3 risks have been imported: SN/06, SN/07 and SN/08." */
export function importedMessage(result: RiskImportResultDto): string {
  const refs = result.references;
  const list = refs.length > 1 ? `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}` : (refs[0] ?? '');
  const count = result.imported === 1 ? '1 risk has' : `${result.imported} risks have`;
  return list ? `${count} been imported: ${list}.` : `${count} been imported.`;
}
