import { normaliseCellText } from './cell-text';
import { detectDelimiter, parseDelimited } from './csv-reader';
import { decodeText } from './decode-text';
import type { Table } from './table';
import { UnreadableTableError } from './table-errors';
import { TABLE_LIMITS, type TableLimits } from './table-limits';
import { readXlsx } from './xlsx-reader';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * Reads an uploaded table, telling the kind by its content (not its name): a zip is an .xlsx workbook, an OLE
 * file an old .xls (refused, with what to do), anything else text — CSV, or tab separated (a table pasted from
 * Word or Excel). Every limit is checked while reading; past one, a TableLimitError says which.
 */
export function readTable(bytes: Uint8Array, fileName = '', limits: TableLimits = TABLE_LIMITS): Table {
  if (bytes.length === 0) throw new UnreadableTableError('The file is empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { format: 'xlsx', sheets: readXlsx(bytes, limits) };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UnreadableTableError(
      'This is an old Excel file (.xls), or a workbook with a password. Save it as an Excel workbook (.xlsx) or CSV, without a password, and try again.',
    );
  }
  const text = decodeText(bytes);
  const delimiter = detectDelimiter(text, fileName);
  const rows = parseDelimited(text, delimiter, limits).map((row) => row.map(normaliseCellText));
  return { format: delimiter === ',' ? 'csv' : 'tsv', sheets: [{ name: null, rows, fills: [], merges: [] }] };
}
