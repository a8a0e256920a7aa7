import { Workbook, type Row, type Worksheet } from 'exceljs';
import { neutraliseFormula } from './formula-guard';

/** A cell of an export: text, a number (written as a number), or nothing. */
export type ExportCell = string | number | null;

/** The value an export writes for a cell: text that a spreadsheet would run as a formula gets an apostrophe first. */
export function exportValue(cell: ExportCell): string | number | null {
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}

/** Adds a row to an Excel sheet. Every export writes its cells through here (or toCsv), so none is a formula. */
export function addExportRow(sheet: Worksheet, cells: readonly ExportCell[]): Row {
  return sheet.addRow(cells.map(exportValue));
}

/** CSV (RFC 4180) with a byte-order mark so that Excel reads it as UTF-8, CRLF line ends, formula-like text neutralised. */
export function toCsv(rows: ReadonlyArray<readonly ExportCell[]>): string {
  const quote = (cell: ExportCell) => {
    const text = cell === null ? '' : String(exportValue(cell));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function newWorkbook(): Workbook {
  const book = new Workbook();
  book.creator = 'Plexus';
  book.created = new Date();
  return book;
}

export async function workbookBytes(book: Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One table as .xlsx (one sheet, bold frozen header, columns sized to their text) or CSV. */
export async function writeTable(
  format: 'xlsx' | 'csv',
  sheetName: string,
  headers: readonly string[],
  rows: ReadonlyArray<readonly ExportCell[]>,
): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv([headers, ...rows]), 'utf8');
  const book = newWorkbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  addExportRow(sheet, headers).font = { bold: true };
  for (const row of rows) addExportRow(sheet, row);
  headers.forEach((header, i) => {
    let longest = header.length;
    for (const row of rows) longest = Math.max(longest, row[i] === null || row[i] === undefined ? 0 : String(row[i]).length);
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  return workbookBytes(book);
}
