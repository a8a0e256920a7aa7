/** Largest register file the import accepts (the API enforces it too). */
export const RISK_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const RISK_IMPORT_EXTENSIONS = ['.xlsx', '.csv'] as const;

/** "2 MB", "340 KB" */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * What is wrong with a chosen register file before it is sent, or null. The type is judged by the
 * name's ending: browsers give CSV files several MIME types (or none).
 */
export function checkImportFile(file: Pick<File, 'name' | 'size'> | null | undefined): string | null {
  if (!file) return 'Choose an Excel (.xlsx) or CSV (.csv) file';
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) return 'The file must be an Excel workbook saved as .xlsx (not the older .xls), or a CSV file';
  if (!RISK_IMPORT_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'The file must be an Excel (.xlsx) or CSV (.csv) file';
  if (file.size === 0) return 'The file is empty';
  if (file.size > RISK_IMPORT_MAX_BYTES) return `The file must be ${formatFileSize(RISK_IMPORT_MAX_BYTES)} or smaller`;
  return null;
}
