import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Prettier puts the braces of `@if`, `@for`, `@else`… on lines of their own, and Angular turns those
 * line breaks into a space. Text that must touch a block — `</strong>@if (due) {, due by …}.` — then
 * reads "Q2 2024/25 , due by … ." So punctuation must not follow a block's opening or closing brace:
 * write such text as one expression (`{{ due ? ', due by ' + date : '' }}.`) instead.
 */
const APP = __dirname;
const BLOCK = /@(?:if|else if|else|for|empty|switch|case|default|defer|placeholder|loading|error)\b/y;
const PUNCTUATION = /^[,.;:!?)\]’]/;

function templates(): Array<{ file: string; source: string }> {
  const found: Array<{ file: string; source: string }> = [];
  for (const entry of readdirSync(APP, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if (entry.name.endsWith('.html')) found.push({ file, source: readFileSync(file, 'utf8') });
    if (entry.name.endsWith('.component.ts')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\btemplate:\s*`([^`]*)`/g)) found.push({ file, source: match[1] });
    }
  }
  return found;
}

/** Where punctuation follows a block's brace: `[line, text]`. Skips interpolations, tags and comments. */
export function punctuationAfterBlockBraces(source: string): Array<[number, string]> {
  const problems: Array<[number, string]> = [];
  const lineOf = (at: number) => source.slice(0, at).split('\n').length;
  const check = (at: number) => {
    const after = source.slice(at + 1, at + 21);
    if (PUNCTUATION.test(after)) problems.push([lineOf(at), after.split('\n')[0]]);
  };
  const skipPast = (marker: string, from: number) => {
    const at = source.indexOf(marker, from);
    return at < 0 ? source.length : at + marker.length;
  };
  const blockBrace = (at: number): number | null => {
    BLOCK.lastIndex = at;
    if (source[at] !== '@' || !BLOCK.test(source)) return null;
    let depth = 0;
    for (let j = BLOCK.lastIndex; j < source.length; j++) {
      if (source[j] === '(') depth++;
      else if (source[j] === ')') depth--;
      else if (source[j] === '{' && depth === 0) return j;
    }
    return null;
  };
  let open = 0;
  for (let i = 0; i < source.length;) {
    const brace = blockBrace(i);
    if (source.startsWith('{{', i)) {
      i = skipPast('}}', i + 2);
    } else if (source.startsWith('<!--', i)) {
      i = skipPast('-->', i + 4);
    } else if (/^<\/?[a-zA-Z]/.test(source.slice(i, i + 2))) {
      let quote: string | null = null;
      let j = i + 1;
      for (; j < source.length; j++) {
        const c = source[j];
        if (quote) quote = c === quote ? null : quote;
        else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      i = j + 1;
    } else if (brace !== null) {
      check(brace);
      open++;
      i = brace + 1;
    } else if (source[i] === '}' && open > 0) {
      check(i);
      open--;
      i++;
    } else {
      i++;
    }
  }
  return problems;
}

describe('templates survive Prettier', () => {
  it('finds punctuation that follows a block brace', () => {
    expect(punctuationAfterBlockBraces('Read as: <strong>{{ label }}</strong>@if (due) {, due by {{ date }}}.')).toEqual([
      [1, ', due by {{ date }}}'],
      [1, '.'],
    ]);
    expect(punctuationAfterBlockBraces("Read as: <strong>{{ label }}</strong>{{ due ? ', due by ' + date : '' }}.")).toEqual([]);
    expect(punctuationAfterBlockBraces('@if (sheet) { {{ sheet }}: }{{ row }} @for (a of b; track a) {<li>{{ a }}</li>}')).toEqual([]);
  });

  it('no template puts punctuation right after a block brace', () => {
    const found = templates();
    expect(found.length).toBeGreaterThan(20);
    const problems = found.flatMap(({ file, source }) =>
      punctuationAfterBlockBraces(source).map(([line, text]) => `${relative(APP, file)}:${line} ${text}`),
    );
    expect(problems).toEqual([]);
  });
});
