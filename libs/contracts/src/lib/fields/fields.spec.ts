import { isoDate, DATE_MAX, DATE_MIN } from './date';
import { pathParamProblem } from './params';
import { prose, secret, text, textProblem, withoutDirectionControls } from './text';

describe('text fields', () => {
  it.each([
    ['NUL', 'a\u0000b', /control character \(U\+0000\)/],
    ['ESC', '\u001b[31m', /control character \(U\+001B\)/],
    ['DEL', 'a\u007f', /control character \(U\+007F\)/],
    ['NEL (C1)', 'a\u0085', /control character \(U\+0085\)/],
    ['a lone high surrogate', 'a\ud800', /unpaired surrogate, U\+D800/],
    ['a lone low surrogate', '\udc00b', /unpaired surrogate, U\+DC00/],
    ['a right-to-left override', 'abc\u202edcba', /text-direction character \(U\+202E\)/],
    ['a left-to-right embedding', '\u202aabc', /U\+202A/],
    ['a pop directional isolate', 'x\u2069', /U\+2069/],
    ['a line break in one line', 'a\nb', /a line break/],
    ['a tab in one line', 'a\tb', /a tab/],
  ])('refuses %s', (_what, value, message) => {
    expect(textProblem(value)).toMatch(message);
    const parsed = text(100, 'Name').safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/^Name contains /);
  });

  it('keeps ordinary text, emoji (paired surrogates) and right-to-left scripts; prose keeps tab and line breaks', () => {
    for (const value of ['Réseau — 🚑', 'العناية الحرجة', 'שלום', 'CAFÉ\u200d']) expect(text(100, 'Name').parse(value)).toBe(value);
    expect(prose(100, 'Notes').parse('one\ttwo\r\nthree')).toBe('one\ttwo\r\nthree');
    expect(prose(100, 'Notes').safeParse('a\u0000').success).toBe(false);
    expect(prose(100, 'Notes').safeParse('a\u000b').success).toBe(false);
    expect(secret('your password').parse('  spaces count  ')).toBe('  spaces count  ');
    expect(secret('your password').safeParse('pass\u0000word').success).toBe(false);
  });

  it('takes every direction control out of text for printing, and leaves right-to-left scripts as they are', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    expect(withoutDirectionControls(`invoice ${controls.join('x')} fdp.exe`)).toBe(`invoice ${'x'.repeat(controls.length - 1)} fdp.exe`);
    expect(withoutDirectionControls('العناية الحرجة · שלום · CAFÉ\u200d')).toBe('العناية الحرجة · שלום · CAFÉ\u200d');
  });
});

describe('dates', () => {
  it('takes real days from DATE_MIN to DATE_MAX only', () => {
    const date = isoDate('review date');
    expect(date.parse(DATE_MIN)).toBe(DATE_MIN);
    expect(date.parse(DATE_MAX)).toBe(DATE_MAX);
    expect(date.safeParse('0000-01-01').error?.issues.map((i) => i.message)).toEqual(['The review date must be between 1990 and 2100']);
    expect(date.safeParse('2101-01-01').success).toBe(false);
    expect(date.safeParse('2026-02-29').error?.issues.map((i) => i.message)).toEqual(['The review date is not a real date']);
    expect(date.safeParse('soon').error?.issues.map((i) => i.message)).toEqual([
      'Enter the review date as a date, like 31/03/2026 (2026-03-31 through the API)',
    ]);
    // A day that has happened says so past the range, as the API's own check of today does.
    expect(
      isoDate('date registered', { notInFuture: true })
        .safeParse('2999-01-01')
        .error?.issues.map((i) => i.message),
    ).toEqual(['The date registered cannot be in the future']);
    expect(
      isoDate('date registered', { notInFuture: true })
        .safeParse('0001-01-01')
        .error?.issues.map((i) => i.message),
    ).toEqual(['The date registered must be between 1990 and 2100']);
  });
});

describe('path parameters', () => {
  it('refuses control characters in any parameter and malformed ids in …Id parameters', () => {
    expect(pathParamProblem('network', 'north-spinal')).toBeNull();
    expect(pathParamProblem('network', 'a\u0000')).toMatch(/^The network in the address contains a control character/);
    expect(pathParamProblem('planId', 'not-a-uuid')).toMatch(/^The planId in the address must be a record id/);
    expect(pathParamProblem('planId', '6f1c2b1e-0000-4000-8000-000000000001')).toBeNull();
    expect(pathParamProblem('token', 'x'.repeat(201))).toMatch(/200 characters or fewer/);
  });
});
