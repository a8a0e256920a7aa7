/** A rectangle of cells, 0-based and inclusive (a merged range of a workbook). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One table as rows of cell texts: a sheet of a workbook, or the whole of a CSV or pasted text. */
export interface TableSheet {
  /** The sheet's name in a workbook; null for text. */
  name: string | null;
  /** Cell texts, normalised (see normaliseCellText); a workbook's rows all have the sheet's width. */
  rows: string[][];
  /** A workbook cell's solid fill colour as RRGGBB (theme and indexed colours resolved), by row then column. */
  fills: Array<Array<string | null> | undefined>;
  /** A workbook's merged ranges. */
  merges: CellRange[];
}

export type TableFormat = 'xlsx' | 'csv' | 'tsv';

export interface Table {
  format: TableFormat;
  sheets: TableSheet[];
}
