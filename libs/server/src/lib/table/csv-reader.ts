import { TableLimitError } from './table-errors';
import { TABLE_LIMITS, type TableLimits } from './table-limits';

/**
 * Reads CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks) or tab-separated text (a table
 * copied from Word or Excel; Excel quotes cells that hold line breaks). Linear in the text; the limits on rows,
 * columns, filled cells and characters in a cell are checked as it goes. Cells are as written (readTable
 * normalises them).
 */
export function parseDelimited(text: string, delimiter: ',' | '\t', limits: TableLimits = TABLE_LIMITS): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cellStart = 0;
  let parts: string[] = [];
  let quoted = false;
  let atCellStart = true;
  let filled = 0;

  const endCell = (end: number) => {
    parts.push(text.slice(cellStart, end));
    const cell = parts.length === 1 ? parts[0] : parts.join('');
    parts = [];
    if (cell.length > limits.cellChars) throw TableLimitError.cellChars(limits.cellChars);
    if (cell !== '') {
      if (++filled > limits.cells) throw TableLimitError.cells(limits.cells);
      if (row.length + 1 > limits.columns) throw TableLimitError.columns(limits.columns, null);
    } else if (row.length >= limits.columns) {
      return; // empty cells past the last column an import reads are not kept
    }
    row.push(cell);
  };
  const endRow = () => {
    if (rows.length + 1 > limits.rows) throw TableLimitError.rows(limits.rows, null);
    rows.push(row);
    row = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === 0x22) {
        // "" inside quotes is one quote; a lone quote ends the quoted part.
        parts.push(text.slice(cellStart, i));
        if (text.charCodeAt(i + 1) === 0x22) {
          parts.push('"');
          i++;
        } else {
          quoted = false;
        }
        cellStart = i + 1;
      }
      continue;
    }
    if (ch === 0x22 && atCellStart) {
      quoted = true;
      atCellStart = false;
      cellStart = i + 1;
      continue;
    }
    if (ch === (delimiter === ',' ? 0x2c : 0x09)) {
      endCell(i);
      cellStart = i + 1;
      atCellStart = true;
      continue;
    }
    if (ch === 0x0d || ch === 0x0a) {
      endCell(i);
      endRow();
      if (ch === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      cellStart = i + 1;
      atCellStart = true;
      continue;
    }
    atCellStart = false;
  }
  if (cellStart < text.length || parts.length > 0 || row.length > 0 || quoted) {
    endCell(text.length);
    endRow();
  }
  return rows;
}

/** Tab-separated when a tab appears in the first lines and the file is not named .csv; otherwise CSV. */
export function detectDelimiter(text: string, fileName = ''): ',' | '\t' {
  if (/\.csv$/i.test(fileName)) return ',';
  const sample = text
    .slice(0, 64 * 1024)
    .split(/\r?\n/)
    .slice(0, 50);
  return sample.some((line) => line.includes('\t')) ? '\t' : ',';
}
