import { normaliseCellText } from './cell-text';
import type { CellRange, TableSheet } from './table';
import { TableLimitError, UnreadableTableError } from './table-errors';
import type { TableLimits } from './table-limits';
import { InflateBudget, NOT_A_WORKBOOK, scanZip, type EntrySink } from './xlsx-zip';
import { stylesReader, themeReader, type CellStyle } from './xlsx-styles';
import { xmlSink, type XmlHandlers } from './xml-stream';

interface Relationship {
  id: string;
  type: string;
  target: string;
}

interface SheetEntry {
  name: string;
  state: string;
  relId: string;
}

const HIDDEN = new Set(['hidden', 'veryHidden']);

/** `xl/worksheets/sheet1.xml` → its folder and file; relationship targets are relative to the folder. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

const typeIs = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

function relsSink(into: Relationship[]): EntrySink {
  return xmlSink({
    open(tag) {
      if (tag.name === 'Relationship' && tag.attributes['TargetMode'] !== 'External') {
        into.push({ id: tag.attributes['Id'] ?? '', type: tag.attributes['Type'] ?? '', target: tag.attributes['Target'] ?? '' });
      }
    },
  });
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x…). */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** "B12" → [row 11, column 1] (0-based); null when it is not a cell reference. */
export function parseCellRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (i > 3) return null;
  }
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
    if (row > 1e8) return null;
  }
  return row === 0 ? null : [row - 1, col - 1];
}

/** A number as a spreadsheet shows it: at most 15 significant digits (0.1 + 0.2 is 0.3). */
function numberText(raw: string): string {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return raw.trim();
  return String(Number(n.toPrecision(15)));
}

/** A serial date of the workbook's date system as YYYY-MM-DD (the time of day, if any, is dropped). */
export function serialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return null;
  const days = date1904 ? serial + 1462 : serial;
  // The 1900 system counts a 29 February 1900 that never was: serials before 61 name the day after.
  const adjusted = !date1904 && days < 61 ? days + 1 : days;
  return new Date(Math.round((adjusted - 25569) * 86400) * 1000).toISOString().slice(0, 10);
}

function serialTime(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86400) % 86400;
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = seconds % 60;
  return ss ? `${hh}:${mm}:${String(ss).padStart(2, '0')}` : `${hh}:${mm}`;
}

/** Shared strings (sharedStrings.xml): each <si>'s text runs, without phonetic guides; counted and measured as read. */
function sharedStringsReader(limits: TableLimits, into: string[]): XmlHandlers {
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let parts: string[] = [];
  let length = 0;
  return {
    open(tag) {
      if (tag.name === 'si') {
        if (into.length >= limits.cells) throw TableLimitError.cells(limits.cells);
        inSi = true;
        parts = [];
        length = 0;
      } else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't' && inSi && !phonetic) inT = true;
    },
    text(text) {
      if (!inT) return;
      length += text.length;
      if (length > limits.cellChars * 2) throw TableLimitError.cellChars(limits.cellChars);
      parts.push(text);
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        inSi = false;
        const text = normaliseCellText(unescapeOoxml(parts.join('')));
        if (text.length > limits.cellChars) throw TableLimitError.cellChars(limits.cellChars);
        into.push(text);
      }
    },
  };
}

interface WorkbookContext {
  limits: TableLimits;
  strings: readonly string[];
  style: (s: number) => CellStyle;
  date1904: boolean;
  /** Filled cells so far, across every sheet. */
  cells: { count: number };
}

/**
 * A worksheet's cells as they are parsed: rows and columns come from each cell's own reference (the declared
 * <dimension> is never read), the limits are checked on every filled cell, and merged ranges are kept.
 */
function sheetReader(name: string, ctx: WorkbookContext): { handlers: XmlHandlers; result(): TableSheet } {
  const { limits } = ctx;
  const rows: string[][] = [];
  const fills: Array<Array<string | null> | undefined> = [];
  const merges: CellRange[] = [];
  let lastRow = -1;
  let lastCol = -1;
  let rowIndex = -1;
  let colIndex = -1;
  let cell: { row: number; col: number; type: string; style: number } | null = null;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  let parts: string[] = [];
  let length = 0;

  const finishCell = () => {
    if (!cell) return;
    const { row, col, type, style } = cell;
    const raw = parts.length === 1 ? parts[0] : parts.join('');
    parts = [];
    length = 0;
    const look = ctx.style(style);
    let text: string;
    switch (type) {
      case 's':
        text = ctx.strings[Number(raw)] ?? '';
        break;
      case 'inlineStr':
      case 'str':
        text = normaliseCellText(unescapeOoxml(raw));
        break;
      case 'b':
        text = raw.trim() === '' ? '' : raw.trim() === '1' ? 'TRUE' : 'FALSE';
        break;
      case 'e':
        text = '';
        break;
      case 'd':
        text = /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : normaliseCellText(raw);
        break;
      default: {
        const serial = Number(raw);
        text =
          raw.trim() === ''
            ? ''
            : look.kind === 'date'
              ? (serialDate(serial, ctx.date1904) ?? numberText(raw))
              : look.kind === 'time'
                ? serialTime(serial)
                : numberText(raw);
      }
    }
    if (text.length > limits.cellChars) throw TableLimitError.cellChars(limits.cellChars);
    cell = null;
    if (text !== '') {
      if (row >= limits.rows) throw TableLimitError.rows(limits.rows, name);
      if (col >= limits.columns) throw TableLimitError.columns(limits.columns, name);
      if (++ctx.cells.count > limits.cells) throw TableLimitError.cells(limits.cells);
      (rows[row] ??= [])[col] = text;
      if (row > lastRow) lastRow = row;
      if (col > lastCol) lastCol = col;
    }
    if (look.fill && row < limits.rows && col < limits.columns) (fills[row] ??= [])[col] = look.fill;
  };

  const handlers: XmlHandlers = {
    open(tag) {
      switch (tag.name) {
        case 'row': {
          const r = Number(tag.attributes['r']);
          rowIndex = Number.isInteger(r) && r >= 1 ? r - 1 : rowIndex + 1;
          colIndex = -1;
          break;
        }
        case 'c': {
          const ref = tag.attributes['r'];
          const at = ref ? parseCellRef(ref) : null;
          if (ref && !at) throw new UnreadableTableError(NOT_A_WORKBOOK);
          const [row, col] = at ?? [Math.max(rowIndex, 0), colIndex + 1];
          colIndex = col;
          cell = { row, col, type: tag.attributes['t'] ?? 'n', style: Number(tag.attributes['s'] ?? 0) };
          parts = [];
          length = 0;
          break;
        }
        case 'v':
          if (cell && !inInline) capture = 'v';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && inInline && !phonetic) capture = 't';
          break;
        case 'mergeCell': {
          const [from, to] = (tag.attributes['ref'] ?? '').split(':');
          const a = from ? parseCellRef(from) : null;
          const b = to ? parseCellRef(to) : a;
          if (a && b && a[0] < limits.rows && a[1] < limits.columns) {
            merges.push({ top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) });
          }
          break;
        }
      }
    },
    text(text) {
      if (!capture) return;
      length += text.length;
      if (length > limits.cellChars * 2) throw TableLimitError.cellChars(limits.cellChars);
      parts.push(text);
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') finishCell();
    },
  };

  return {
    handlers,
    result() {
      const width = lastCol + 1;
      const dense: string[][] = [];
      for (let r = 0; r <= lastRow; r++) {
        const given = rows[r];
        const row = new Array<string>(width);
        for (let c = 0; c < width; c++) row[c] = given?.[c] ?? '';
        dense.push(row);
      }
      fills.length = Math.min(fills.length, lastRow + 1);
      return { name, rows: dense, fills, merges };
    },
  };
}

/**
 * Reads an .xlsx linearly in three streaming passes over the zip: the relationships, then the workbook, styles,
 * theme and shared strings, then the visible sheets — each inflated and parsed as it streams, with every limit
 * checked as the bytes and cells arrive.
 */
export function readXlsx(zip: Uint8Array, limits: TableLimits): TableSheet[] {
  const budget = new InflateBudget(limits.uncompressedBytes);

  const rels = new Map<string, Relationship[]>();
  const names = scanZip(zip, budget, (entry) => {
    if (!entry.endsWith('.rels') || entry.includes('worksheets/') || entry.includes('drawings/') || entry.includes('charts/')) return null;
    const list: Relationship[] = [];
    rels.set(entry, list);
    return relsSink(list);
  });
  const byLowerName = new Map(names.map((n) => [n.toLowerCase(), n]));
  const entry = (path: string) => byLowerName.get(path.toLowerCase()) ?? null;

  const office = rels.get(entry('_rels/.rels') ?? '')?.find((r) => typeIs(r, 'officeDocument'));
  const workbookPath = entry(office ? resolveTarget('', office.target) : 'xl/workbook.xml');
  if (!workbookPath) throw new UnreadableTableError(NOT_A_WORKBOOK);
  const workbookRels = rels.get(entry(relsPathOf(workbookPath)) ?? '') ?? [];
  const part = (kind: string, fallback: string) => {
    const rel = workbookRels.find((r) => typeIs(r, kind));
    return entry(rel ? resolveTarget(workbookPath, rel.target) : resolveTarget(workbookPath, fallback));
  };
  const stringsPath = part('sharedStrings', 'sharedStrings.xml');
  const stylesPath = part('styles', 'styles.xml');
  const themePath = part('theme', 'theme/theme1.xml');

  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const strings: string[] = [];
  const styles = stylesReader();
  const theme = themeReader();
  const workbook: XmlHandlers = {
    open(tag) {
      if (tag.name === 'sheet') {
        if (sheets.length >= limits.sheets) throw TableLimitError.sheets(limits.sheets);
        sheets.push({
          name: tag.attributes['name'] ?? `Sheet${sheets.length + 1}`,
          state: tag.attributes['state'] ?? 'visible',
          relId: tag.attributes['id'] ?? '',
        });
      } else if (tag.name === 'workbookPr') {
        date1904 = ['1', 'true'].includes(tag.attributes['date1904'] ?? '');
      }
    },
  };
  scanZip(zip, budget, (name) => {
    if (name === workbookPath) return xmlSink(workbook);
    if (name === stringsPath) return xmlSink(sharedStringsReader(limits, strings));
    if (name === stylesPath) return xmlSink(styles.handlers);
    if (name === themePath) return xmlSink(theme.handlers);
    return null;
  });

  const ctx: WorkbookContext = { limits, strings, style: styles.compile(theme.colours()), date1904, cells: { count: 0 } };
  const wanted = new Map<string, { index: number; reader: ReturnType<typeof sheetReader> }>();
  sheets.forEach((sheet, index) => {
    if (HIDDEN.has(sheet.state)) return;
    const rel = workbookRels.find((r) => r.id === sheet.relId && typeIs(r, 'worksheet'));
    const path = rel ? entry(resolveTarget(workbookPath, rel.target)) : null;
    if (path && !wanted.has(path)) wanted.set(path, { index, reader: sheetReader(sheet.name, ctx) });
  });
  scanZip(zip, budget, (name) => {
    const sheet = wanted.get(name);
    return sheet ? xmlSink(sheet.reader.handlers) : null;
  });
  return [...wanted.values()].sort((a, b) => a.index - b.index).map((s) => s.reader.result());
}
