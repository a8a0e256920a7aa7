import { restoreNeutralised } from './formula-guard';

// C0 controls other than tab (09) and line feed (0A), DEL, and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A cell's text as every import sees it: line breaks as \n (CRLF and lone CR), no control characters but tab and
 * line feed, no unpaired surrogates, and the apostrophe an export puts before formula-like text removed.
 */
export function normaliseCellText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return restoreNeutralised(text).replace(CONTROL, '').replace(LONE_SURROGATE, '');
}
