/**
 * Spreadsheets run a cell that starts with = + - @ (and some run one starting with a tab or a carriage return)
 * as a formula: `=HYPERLINK(…)`, `=cmd|…`, `-2+3+cmd|…`. Exports put an apostrophe in front of such text (and of
 * text starting with a line feed, which is what XML makes of a carriage return), which spreadsheets show as text;
 * imports take that apostrophe away again, so an export imports back to the same text.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;
const NEUTRALISED = /^'(?=[=+\-@\t\r\n])/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreNeutralised(text: string): string {
  return text.replace(NEUTRALISED, '');
}
