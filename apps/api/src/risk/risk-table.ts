import { parseTimescale } from '@plexus/domain';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/** The columns of a risk register file: our field → the headers we recognise (compared lower-case, words only). */
export const RISK_COLUMNS = {
  reference: ['reference', 'risk number', 'risk no', 'ref', 'risk ref', 'risk reference'],
  dateRegistered: ['date registered', 'registered', 'date raised', 'date identified'],
  identifiedBy: ['identified by', 'raised by'],
  description: ['description', 'risk', 'risk description', 'title'],
  category: ['category'],
  likelihoodBefore: ['likelihood before mitigation', 'likelihood before', 'likelihood', 'initial likelihood'],
  impactBefore: ['impact before mitigation', 'impact before', 'impact', 'consequence', 'initial impact'],
  scoreBefore: ['score before mitigation', 'score before', 'initial score', 'score', 'risk score'],
  mitigation: ['mitigation', 'mitigating actions', 'actions', 'controls'],
  mitigationLead: ['mitigation lead', 'lead', 'owner', 'risk owner'],
  likelihoodAfter: ['likelihood after mitigation', 'likelihood after', 'likelihood post mitigation', 'residual likelihood'],
  impactAfter: ['impact after mitigation', 'impact after', 'impact post mitigation', 'residual impact'],
  scoreAfter: ['score post mitigation', 'score after mitigation', 'score after', 'residual score', 'current score'],
  targetScore: ['target score', 'target'],
  outcome: ['outcome', 'outcome notes'],
  lastReviewedOn: ['date last reviewed', 'last reviewed', 'last review'],
  reviewFrequencyMonths: ['review frequency months', 'review frequency'],
  nextReviewDue: ['next review due', 'review due', 'next review'],
  status: ['status'],
} as const;
export type RiskColumn = keyof typeof RISK_COLUMNS;

/** The headers we write on export, which the importer reads back. */
export const EXPORT_HEADERS: Record<RiskColumn, string> = {
  reference: 'Reference',
  dateRegistered: 'Date registered',
  identifiedBy: 'Identified by',
  description: 'Description',
  category: 'Category',
  likelihoodBefore: 'Likelihood before mitigation',
  impactBefore: 'Impact before mitigation',
  scoreBefore: 'Score before mitigation',
  mitigation: 'Mitigation',
  mitigationLead: 'Mitigation lead',
  likelihoodAfter: 'Likelihood after mitigation',
  impactAfter: 'Impact after mitigation',
  scoreAfter: 'Score after mitigation',
  targetScore: 'Target score',
  outcome: 'Outcome',
  lastReviewedOn: 'Date last reviewed',
  reviewFrequencyMonths: 'Review frequency (months)',
  nextReviewDue: 'Next review due',
  status: 'Status',
};

export type Cell = string | number | Date | null;
export interface RawTable {
  headers: string[];
  rows: Cell[][];
}

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export function mapColumns(headers: string[]): Partial<Record<RiskColumn, number>> {
  const found: Partial<Record<RiskColumn, number>> = {};
  headers.forEach((header, index) => {
    const h = normalise(header);
    for (const [field, names] of Object.entries(RISK_COLUMNS) as Array<[RiskColumn, readonly string[]]>) {
      if (found[field] === undefined && names.includes(h)) {
        found[field] = index;
        break;
      }
    }
  });
  return found;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v == null) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/** Reads the first sheet of an .xlsx, or a CSV (UTF-8, optional BOM): header row first. */
export async function readTable(buffer: Buffer): Promise<RawTable> {
  const book = new ExcelJS.Workbook();
  const isZip = buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
  const sheet = isZip
    ? (await book.xlsx.load(buffer as unknown as ArrayBuffer), book.worksheets[0])
    : await book.csv.read(Readable.from([buffer.toString('utf8').replace(/^\uFEFF/, '')]), { parserOptions: { trim: true } } as never);
  if (!sheet) return { headers: [], rows: [] };
  const all: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    if (values.some((c) => c !== null && String(c).trim() !== '')) all.push(values);
  });
  const [header = [], ...rows] = all;
  return { headers: header.map((h) => (h == null ? '' : String(h).trim())), rows };
}

/** A date from a cell: a spreadsheet date, 2026-03-31, 31/03/2026 or words like "22nd March 2016". */
export function readDate(value: Cell): { ok: true; date: string | null } | { ok: false; message: string } {
  if (value === null || String(value).trim() === '') return { ok: true, date: null };
  if (value instanceof Date) return { ok: true, date: value.toISOString().slice(0, 10) };
  const text = String(value).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2].padStart(2, '0'), uk[1].padStart(2, '0')] : [null, null, null];
  if (y) {
    const date = `${y}-${m}-${d}`;
    const check = new Date(`${date}T00:00:00Z`);
    if (!Number.isNaN(check.getTime()) && check.toISOString().startsWith(date)) return { ok: true, date };
    return { ok: false, message: `"${text}" is not a real date` };
  }
  const parsed = parseTimescale(text);
  if (parsed.kind === 'date' && parsed.end && !parsed.flag) return { ok: true, date: parsed.end };
  return { ok: false, message: `"${text}" is not a date we can read; write it like 2026-03-31 or 31/03/2026` };
}

/** A whole number from a cell, or a message saying why not. */
export function readInt(value: Cell, min: number, max: number, label: string): { ok: true; value: number | null } | { ok: false; message: string } {
  if (value === null || String(value).trim() === '') return { ok: true, value: null };
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < min || n > max) return { ok: false, message: `${label} must be a whole number from ${min} to ${max} (found "${String(value).trim()}")` };
  return { ok: true, value: n };
}

export function readText(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Writes rows as .xlsx (one sheet, frozen bold header, sized columns) or CSV. */
export async function writeTable(format: 'xlsx' | 'csv', sheetName: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Plexus';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((col, i) => {
    const longest = Math.max(headers[i].length, ...rows.map((r) => readText(r[i] ?? null).length));
    col.width = Math.min(60, Math.max(10, longest + 2));
  });
  const out = format === 'xlsx' ? await book.xlsx.writeBuffer() : await book.csv.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
