/**
 * How much of an uploaded table an import reads. Every limit is checked while the file is read, so a file
 * that breaks one stops there (a TableLimitError naming the limit), however large it claims or turns out to be.
 */
export interface TableLimits {
  /** Rows per sheet, counted up to the last row holding something (a CSV: its lines). */
  rows: number;
  /** The highest column holding something. */
  columns: number;
  /** Cells holding something, in the whole file. */
  cells: number;
  /** Sheets listed in a workbook. */
  sheets: number;
  /** Bytes inflated from a workbook's zip (the zip's own size fields are never trusted). */
  uncompressedBytes: number;
  /** Characters in one cell (Excel's own limit). */
  cellChars: number;
}

export const TABLE_MAX_ROWS = 5_000;
export const TABLE_MAX_COLUMNS = 200;
export const TABLE_MAX_CELLS = 250_000;
export const TABLE_MAX_SHEETS = 50;
export const TABLE_MAX_UNCOMPRESSED_BYTES = 32 * 1024 * 1024;
export const TABLE_MAX_CELL_CHARS = 32_767;

export const TABLE_LIMITS: Readonly<TableLimits> = Object.freeze({
  rows: TABLE_MAX_ROWS,
  columns: TABLE_MAX_COLUMNS,
  cells: TABLE_MAX_CELLS,
  sheets: TABLE_MAX_SHEETS,
  uncompressedBytes: TABLE_MAX_UNCOMPRESSED_BYTES,
  cellChars: TABLE_MAX_CELL_CHARS,
});
