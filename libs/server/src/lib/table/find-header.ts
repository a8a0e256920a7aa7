import type { TableSheet } from './table';

/** A header as compared with the names we know: lower case, words and digits only, markup removed. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/<[^>]+>/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Field → the header names that mean it, most specific field first. */
export type HeaderAliases<F extends string> = ReadonlyArray<readonly [F, readonly string[]]>;

/**
 * What each column holds, from its header: exact names first, then (unless `exactOnly`) headers that contain a
 * known name of more than three letters as whole words, or start with one. Each field goes to one column at most.
 */
export function matchColumns<F extends string>(headers: readonly string[], aliases: HeaderAliases<F>, exactOnly = false): Array<F | null> {
  const normal = headers.map(normaliseHeader);
  const result: Array<F | null> = headers.map(() => null);
  const used = new Set<F>();
  const assign = (test: (header: string, alias: string) => boolean) => {
    for (const [field, names] of aliases) {
      if (used.has(field)) continue;
      const index = normal.findIndex((h, i) => result[i] === null && h !== '' && names.some((a) => test(h, a)));
      if (index >= 0) {
        result[index] = field;
        used.add(field);
      }
    }
  };
  assign((h, a) => h === a);
  if (!exactOnly) assign((h, a) => a.length > 3 && (` ${h} `.includes(` ${a} `) || h.startsWith(a)));
  return result;
}

/** The first row at or after `from` that `isHeader` accepts, or -1. */
export function findHeaderRow(rows: readonly (readonly string[])[], isHeader: (cells: readonly string[]) => boolean, from = 0): number {
  for (let r = from; r < rows.length; r++) if (isHeader(rows[r])) return r;
  return -1;
}

/**
 * The sheets that hold a table, in workbook order, each with its header row: a sheet without a row that
 * `isHeader` accepts (a summary or notes sheet) is passed over. Every import chooses its sheets this way.
 */
export function findTables(
  sheets: readonly TableSheet[],
  isHeader: (cells: readonly string[]) => boolean,
): Array<{ sheet: TableSheet; headerIndex: number }> {
  return sheets.flatMap((sheet) => {
    const headerIndex = findHeaderRow(sheet.rows, isHeader);
    return headerIndex < 0 ? [] : [{ sheet, headerIndex }];
  });
}
