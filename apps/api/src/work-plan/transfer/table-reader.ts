import { Workbook, type CellValue } from 'exceljs';

/** One table as rows of cell texts (a sheet of a workbook, or the whole of a CSV or pasted text). */
export interface Sheet {
  name: string | null;
  rows: string[][];
}

export interface ReadTable {
  format: 'xlsx' | 'csv' | 'tsv';
  sheets: Sheet[];
}

/** Why a file could not be read, in words for the person who chose it. */
export class UnreadableFile extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks) or tab-separated text (a table
 * copied from Word or Excel; Excel quotes cells that hold line breaks).
 */
export function parseDelimited(text: string, delimiter: ',' | '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      continue;
    }
    if (ch === delimiter) {
      row.push(cell);
      cell = '';
      atCellStart = true;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      continue;
    }
    cell += ch;
    atCellStart = false;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function decodeText(bytes: Buffer): string {
  if (bytes.includes(0)) throw new UnreadableFile('This file is not text, a CSV or an Excel workbook (.xlsx)');
  let text = bytes.toString('utf8');
  // Excel on Windows saves CSV as Windows-1252: read it as Latin-1 rather than show replacement characters.
  if (text.includes('\uFFFD')) text = bytes.toString('latin1');
  return text.replace(/^\uFEFF/, '');
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readWorkbook(bytes: Buffer): Promise<Sheet[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('This file is not an Excel workbook (.xlsx) that can be read. Save it as .xlsx or CSV and try again.');
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(cellText(row.getCell(c).value).replace(/\r\n?/g, '\n'));
      rows.push(cells);
    }
    sheets.push({ name: sheet.name, rows });
  });
  return sheets;
}

/** Reads an uploaded table: .xlsx by its content (exceljs), else text as CSV or tab separated. */
export async function readTable(bytes: Buffer, fileName = ''): Promise<ReadTable> {
  if (bytes.length === 0) throw new UnreadableFile('The file is empty');
  if (bytes.subarray(0, 4).equals(ZIP)) return { format: 'xlsx', sheets: await readWorkbook(bytes) };
  if (bytes.subarray(0, 4).equals(OLE)) throw new UnreadableFile('This is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) or CSV and try again.');
  const text = decodeText(bytes);
  const sample = text.split(/\r?\n/).slice(0, 50);
  const tabs = sample.some((line) => line.includes('\t'));
  const csv = /\.csv$/i.test(fileName) || !tabs;
  return { format: csv ? 'csv' : 'tsv', sheets: [{ name: null, rows: parseDelimited(text, csv ? ',' : '\t') }] };
}
