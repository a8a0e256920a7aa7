import { z } from 'zod';

/**
 * The one place that decides which characters a text field may hold. Every string the API accepts (body,
 * query string, path segment) goes through these helpers, so nothing that PostgreSQL cannot store (NUL, an
 * unpaired surrogate) or that could disguise text in a PDF (bidirectional overrides) gets past validation.
 *
 * Refused everywhere: C0 control characters (U+0000–U+001F) except tab, line feed and carriage return in
 * multi-line text; DEL and the C1 controls (U+007F–U+009F); the bidirectional embedding, override and isolate
 * controls (U+202A–U+202E, U+2066–U+2069), which reorder the text around them; and unpaired UTF-16 surrogates.
 */
// Matching control characters is the point of these two.
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Every character that steers the direction of text: the embeddings, overrides and isolates refused above, and the
 * marks (U+200E, U+200F, U+061C), which are allowed in text but mean nothing in a printed document. The documents
 * print none of them (text stored before the check, or imported, included).
 */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** The text without its direction controls: a right-to-left override cannot make a document's text read backwards. */
export function withoutDirectionControls(value: string): string {
  return value.replace(DIRECTION_CONTROLS, '');
}

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `value` cannot be accepted as text, or null when it can. The message completes a sentence that starts
 * with the field's label: "Purpose contains …".
 */
export function textProblem(value: string, options: { multiline?: boolean } = {}): string | null {
  // The surrogate check runs on UTF-16 code units, so it comes first (the others use the `u` flag).
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return `contains a broken character (an unpaired surrogate, ${codePoint(lone[0])}); retype the text around it`;
  const control = (options.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).exec(value);
  if (control) {
    const what =
      control[0] === '\n' || control[0] === '\r' ? 'a line break' : control[0] === '\t' ? 'a tab' : `a control character (${codePoint(control[0])})`;
    return `contains ${what}, which is not allowed here; remove it`;
  }
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) return `contains an invisible text-direction character (${codePoint(bidi[0])}) that can disguise text; remove it`;
  return null;
}

/** A zod check that refuses what `textProblem` refuses, naming the field by its label. */
function safeCharacters(label: string, multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, { multiline });
    if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${problem}`, input: value });
  };
}

/** One line of text (names, titles, search terms), trimmed, at most `max` characters. */
export function text(max: number, label: string) {
  return z
    .string({ error: `${label} must be text` })
    .superRefine(safeCharacters(label, false))
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` });
}

/** Text that may run over several lines (descriptions, notes, summaries): tab, line feed and CR allowed. */
export function prose(max: number, label: string) {
  return z
    .string({ error: `${label} must be text` })
    .superRefine(safeCharacters(label, true))
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` });
}

/** A password or other secret: not trimmed (spaces count); the same characters refused as in one line of text. Callers add min and max. */
export function secret(label: string) {
  return z.string({ error: `Enter ${label}` }).superRefine(safeCharacters(label.charAt(0).toUpperCase() + label.slice(1), false));
}

/** An email address: checked (the format admits no control or formatting characters), then lower-cased. */
export function email(message = 'Enter an email address, like name@example.org') {
  return z
    .email({ error: message })
    .max(254, { error: 'Enter an email address of 254 characters or fewer' })
    .superRefine(safeCharacters('The email address', false))
    .transform((v) => v.trim().toLowerCase());
}
