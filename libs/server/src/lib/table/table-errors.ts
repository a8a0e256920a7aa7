import type { TableLimits } from './table-limits';

const count = (n: number) => n.toLocaleString('en-GB');

/** The file cannot be read as a table; the message says why, in words for the person who chose it. */
export class UnreadableTableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreadableTableError';
  }
}

/** The file goes past one of the limits of an import; the message names the limit and what to do. */
export class TableLimitError extends Error {
  constructor(
    readonly limit: keyof TableLimits,
    readonly max: number,
    message: string,
  ) {
    super(message);
    this.name = 'TableLimitError';
  }

  static rows(max: number, sheet: string | null): TableLimitError {
    return new TableLimitError(
      'rows',
      max,
      `${sheet ? `The sheet "${sheet}"` : 'The table'} has more than ${count(max)} rows; the most an import takes is ${count(max)}. Split the file.`,
    );
  }

  static columns(max: number, sheet: string | null): TableLimitError {
    return new TableLimitError(
      'columns',
      max,
      `${sheet ? `The sheet "${sheet}"` : 'The table'} has more than ${count(max)} columns; the most an import takes is ${count(max)}. Remove the columns you do not need.`,
    );
  }

  static cells(max: number): TableLimitError {
    return new TableLimitError(
      'cells',
      max,
      `The file has more than ${count(max)} filled cells; the most an import takes is ${count(max)}. Split the file.`,
    );
  }

  static sheets(max: number): TableLimitError {
    return new TableLimitError(
      'sheets',
      max,
      `The workbook has more than ${count(max)} sheets; the most an import takes is ${count(max)}. Save the sheets you need in a workbook of their own.`,
    );
  }

  static uncompressedBytes(max: number): TableLimitError {
    const mb = Math.round(max / (1024 * 1024));
    return new TableLimitError(
      'uncompressedBytes',
      max,
      `The workbook holds more than ${count(mb)} MB once unpacked; the most an import reads is ${count(mb)} MB. Split the file, or save it as CSV.`,
    );
  }

  static cellChars(max: number): TableLimitError {
    return new TableLimitError(
      'cellChars',
      max,
      `A cell holds more than ${count(max)} characters; the most an import takes in one cell is ${count(max)}.`,
    );
  }
}
