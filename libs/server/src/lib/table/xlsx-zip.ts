import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { TableLimitError, UnreadableTableError } from './table-errors';

export const NOT_A_WORKBOOK = 'This file is not an Excel workbook (.xlsx) that can be read. Save it as .xlsx or CSV and try again.';

/**
 * Bytes inflated so far, across every entry read from one workbook. The zip's declared sizes are never used:
 * bytes are counted as the inflater produces them and reading stops at the limit.
 */
export class InflateBudget {
  private used = 0;
  constructor(readonly max: number) {}

  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.max) throw TableLimitError.uncompressedBytes(this.max);
  }
}

/** Receives an entry's inflated bytes as they come; `final` on the last chunk. */
export type EntrySink = (chunk: Uint8Array, final: boolean) => void;

/**
 * The zip is handed to the inflater a few kilobytes at a time, so that one step inflates at most about a thousand
 * times that (deflate's best ratio): a zip bomb is stopped by the budget after a few megabytes, never all at once.
 */
const PUSH_BYTES = 4 * 1024;

/**
 * One streaming pass over a zip (fflate's Unzip): every entry's name is listed, and the entries `want` gives a
 * sink for are inflated into it. Entries not wanted are skipped without being inflated.
 */
export function scanZip(zip: Uint8Array, budget: InflateBudget, want: (name: string) => EntrySink | null): string[] {
  const names: string[] = [];
  const unzip = new Unzip((file: UnzipFile) => {
    names.push(file.name);
    const sink = want(file.name);
    if (!sink) return;
    if (file.compression !== 0 && file.compression !== 8) throw new UnreadableTableError(NOT_A_WORKBOOK);
    file.ondata = (err, chunk, final) => {
      if (err)
        throw err instanceof TableLimitError || err instanceof UnreadableTableError ? err : new UnreadableTableError(NOT_A_WORKBOOK, { cause: err });
      budget.take(chunk.length);
      sink(chunk, final);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    if (zip.length === 0) unzip.push(zip, true);
    for (let at = 0; at < zip.length; at += PUSH_BYTES) unzip.push(zip.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= zip.length);
  } catch (err) {
    if (err instanceof TableLimitError || err instanceof UnreadableTableError) throw err;
    throw new UnreadableTableError(NOT_A_WORKBOOK, { cause: err });
  }
  return names;
}
