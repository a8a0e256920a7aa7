/**
 * Reads the timescales people write in work plans ("Q4 2023/24", "Ongoing", "January to March 2017",
 * "by 31st December 2020", "Q4 2023/24 Q4 2024/25", "Ongoing Q1 2024/25 for MT Dashboard"…) into
 * structure, keeping the original text. It never throws and never drops text: what it cannot read is
 * returned as kind `unparsed` with a reason.
 */
import { IsoDate, MONTH_NAMES, formatIsoDateLong, isValidYmd, lastDayOfMonth, parseIsoDate, toIsoDate } from './dates';
import {
  FinancialQuarterNumber,
  financialYearRange,
  financialYearStartOf,
  formatFinancialQuarter,
  formatFinancialYear,
  quarterRange,
} from './financial-year';

export type TimescaleKind = 'date' | 'range' | 'ongoing' | 'as_required' | 'tbc' | 'unparsed';

export const TIMESCALE_KINDS: readonly TimescaleKind[] = ['date', 'range', 'ongoing', 'as_required', 'tbc', 'unparsed'];

export interface TimescaleMilestone {
  /** Absent for a single day or a deadline ("by …", "end of …"). */
  start?: IsoDate;
  end: IsoDate;
  /** Normalised, e.g. `Q1 2024/25`, `by 31 December 2020`. */
  label: string;
  /** Words written beside it, e.g. `for MT Dashboard`. */
  note?: string;
}

export interface TimescaleFlag {
  /** Why the text could not be read (kind `unparsed`), or what was assumed (low confidence). */
  reason: string;
}

export interface ParsedTimescale {
  /** The exact input. */
  original: string;
  kind: TimescaleKind;
  /** A normalised, human-readable form (the trimmed original when unparsed). */
  label: string;
  /** Kind `range`: first day; kind `ongoing`: first day when written ("from April 2024"). */
  start?: IsoDate;
  /** Kind `range`: last day; kind `date`: the day. */
  end?: IsoDate;
  /** The day by which it should be done: the date, the end of the range, or the latest milestone. */
  due?: IsoDate;
  /** Words beside a single timescale or a keyword (`As required for CRG feedback`). */
  note?: string;
  /** The dated parts when a cell holds several, or dates written beside Ongoing / As required / TBC. */
  milestones: TimescaleMilestone[];
  /** Present when unparsed (with the reason) or when something was assumed (low confidence). */
  flag?: TimescaleFlag;
}

export interface ParseTimescaleOptions {
  /**
   * Today's date. Used only to place a timescale written without a year ("Q3", "March") in the
   * current financial year, flagged as an assumption. `financialYear` wins when both are given.
   */
  today?: IsoDate;
  /** The financial year that year-less timescales belong to (e.g. the plan's): `2024` or `'2024/25'`. */
  financialYear?: number | string;
}

/* ------------------------------------------------------------------------------------------------ */
/* Patterns. They run sticky (`y`) against a lower-cased copy of the input that has the same length, */
/* so positions map back to the original text for notes.                                             */

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])`;
const FY = String.raw`(?:(?:fy|financial\s+year)\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})(?!\d)`;
const sticky = (src: string) => new RegExp(src, 'y');

const R = {
  iso: sticky(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)`),
  dmyNumeric: sticky(String.raw`(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)`),
  dayMonth: sticky(String.raw`(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]*${MONTH}(?:,?[\s-]+'?(\d+)(?!\d))?`),
  monthDayYear: sticky(String.raw`${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`),
  fyQuarter: sticky(String.raw`${FY}\s*,?\s*(?:q|quarter\s*)(\d+)(?!\d)`),
  quarter: sticky(
    String.raw`(?:q|quarter\s*)(\d+)(?!\d)(?:\s*,?\s*(?:of\s+)?(?:(?:fy|financial\s+year)\s*)?(\d{4}|\d{2})(?:\s*[/-]\s*(\d{4}|\d{2}))?(?!\d))?`,
  ),
  fy: sticky(FY),
  monthYear: sticky(String.raw`${MONTH}(\s*-\s*|\s*'|\s+'?)(\d+)(?!\d)`),
  season: sticky(String.raw`(spring|summer|autumn|fall|winter)\s+(\d+)(?!\d)(?:\s*[/-]\s*(\d{4}|\d{2})(?!\d))?`),
  year: sticky(String.raw`(?:(calendar\s+year|cy)\s*)?(\d{3,})(?!\d)`),
  month: sticky(MONTH),
  quarterGloss: sticky(String.raw`\s*\(?\s*${MONTH}\s*-\s*${MONTH}\s*\)?`),
  from: sticky(String.raw`(?:(from|between)|(?:starting|commencing)(?:\s+(?:from|in|on))?)\s+`),
  modifier: sticky(
    String.raw`(?:(by|due(?:\s+by)?|no\s+later\s+than|deadline|target(?:\s+date)?)\s*:?\s+)?(?:(?:the\s+)?(end|close|start|beginning)(?:\s+of)?\s+(?:the\s+)?)?`,
  ),
  connector: sticky(String.raw`\s*(?:-|(?:to|until|till|through|thru)(?![a-z]))\s*`),
  and: sticky(String.raw`\s+and\s+`),
  onwards: sticky(String.raw`\s*(?:onwards?|and\s+beyond)(?![a-z])`),
  separators: sticky(String.raw`(?:[\s,;&+|/:.\[\]-]|(?:and|then|also)(?![a-z]))*`),
  ongoing: sticky(String.raw`(?:on[\s-]?going|continuous(?:ly)?|continuing|continual|business\s+as\s+usual|bau)(?![a-z])`),
  recurring: sticky(String.raw`(annually|yearly|quarterly|monthly|weekly|six[\s-]monthly|twice\s+(?:a\s+)?yearly)(?![a-z])`),
  asRequired: sticky(String.raw`(?:as\s+(?:and\s+when\s+)?(?:required|needed|necessary|appropriate)|when\s+(?:required|needed)|ad[\s-]hoc)(?![a-z])`),
  tbc: sticky(
    String.raw`(?:tbc|tba|tbd|to\s+be\s+(?:confirmed|agreed|decided|determined|arranged)|unsure(?:\s+at\s+(?:present|the\s+moment))?|not\s+(?:yet\s+)?known|unknown|not\s+yet\s+agreed)(?![a-z])`,
  ),
};

/** The lower-cased text the patterns read (`s`) and the original (`o`), of the same length. */
interface Src {
  s: string;
  o: string;
}

function exec(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/* ------------------------------------------------------------------------------------------------ */
/* Internal model                                                                                    */

class ParseError {
  constructor(readonly reason: string) {}
}

interface Span {
  start: IsoDate;
  end: IsoDate;
  label: string;
  isDay: boolean;
  lowConfidence?: string;
}

type Yearless = { type: 'month'; month: number } | { type: 'quarter'; quarter: FinancialQuarterNumber } | { type: 'day'; month: number; day: number };

type Point = { span: Span } | { yearless: Yearless; label: string };

interface Term {
  a: Point;
  b?: Point;
  by: boolean;
  edge?: 'start' | 'end';
  openEnded: boolean;
}

type Special = 'ongoing' | 'as_required' | 'tbc';

type Item = { type: 'special'; kind: Special; label: string; note?: string } | { type: 'term'; term: Term; note?: string };

interface Dated {
  start?: IsoDate;
  end?: IsoDate;
  label: string;
  dateLike: boolean;
  openEnded: boolean;
  low: string[];
}

interface Context {
  fyStart?: number;
  source?: string;
}

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthIndex = (name: string) => MONTH_KEYS.indexOf(name.slice(0, 3)) + 1;
const YEAR_MIN = 1990;
const YEAR_MAX = 2100;

/* ------------------------------------------------------------------------------------------------ */
/* Building spans                                                                                    */

function twoDigitYear(n: number): number {
  return n >= 90 ? 1900 + n : 2000 + n;
}

function readYear(digits: string, allowTwoDigits: boolean): number | ParseError {
  if (digits.length === 2 && allowTwoDigits) return twoDigitYear(Number(digits));
  const n = Number(digits);
  if (digits.length !== 4 || n < YEAR_MIN || n > YEAR_MAX) {
    return new ParseError(`"${digits}" is not a plausible year (expected ${YEAR_MIN}–${YEAR_MAX}); is it a typo?`);
  }
  return n;
}

function daySpan(year: number, month: number, day: number, written: string): Span | ParseError {
  if (!isValidYmd(year, month, day)) {
    const max = lastDayOfMonth(year, month).slice(8);
    return new ParseError(`"${written.trim()}" is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${Number(max)} days`);
  }
  const iso = toIsoDate(year, month, day);
  return { start: iso, end: iso, label: formatIsoDateLong(iso), isDay: true };
}

function monthSpan(year: number, month: number): Span {
  return {
    start: toIsoDate(year, month, 1),
    end: lastDayOfMonth(year, month),
    label: `${MONTH_NAMES[month - 1]} ${year}`,
    isDay: false,
  };
}

function quarterSpan(fyStart: number, quarter: FinancialQuarterNumber): Span {
  return { ...quarterRange(fyStart, quarter), label: formatFinancialQuarter(fyStart, quarter), isDay: false };
}

function fySpan(firstStart: number, lastEndYear: number): Span {
  const label =
    lastEndYear === firstStart + 1
      ? formatFinancialYear(firstStart)
      : `${formatFinancialYear(firstStart)} to ${formatFinancialYear(lastEndYear - 1)}`;
  return { start: financialYearRange(firstStart).start, end: financialYearRange(lastEndYear - 1).end, label, isDay: false };
}

/** Reads the two numbers of `2023/24`, `2017-18`, `2017/2018`, `23/24`, `2017-19`. Null when it is not one. */
function readFinancialYears(a: string, b: string, written: string): { first: number; lastEnd: number } | ParseError | null {
  if (a.length === 2) {
    if (b.length !== 2 || (Number(b) - Number(a) + 100) % 100 !== 1) return null;
    const first = twoDigitYear(Number(a));
    return { first, lastEnd: first + 1 };
  }
  const first = readYear(a, false);
  if (first instanceof ParseError) return first;
  let lastEnd: number;
  if (b.length === 4) lastEnd = Number(b);
  else {
    lastEnd = first - (first % 100) + Number(b);
    if (lastEnd <= first) lastEnd += 100;
  }
  const years = lastEnd - first;
  if (years < 1 || years > 10 || lastEnd > YEAR_MAX + 1) {
    return new ParseError(`"${written.trim()}" is not a financial year: the second year should follow the first, as in 2023/24`);
  }
  return { first, lastEnd };
}

function checkQuarter(q: number, written: string): FinancialQuarterNumber | ParseError {
  if (q >= 1 && q <= 4) return q as FinancialQuarterNumber;
  return new ParseError(
    `There is no quarter ${q} ("${written.trim()}"): quarters are Q1 (April–June), Q2 (July–September), Q3 (October–December) and Q4 (January–March)`,
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Points: one day, month, quarter, financial year, season or year                                  */

type PointResult = { point: Point; end: number } | ParseError | null;

function parsePoint(src: Src, pos: number): PointResult {
  const s = src.s;
  let m: RegExpExecArray | null;
  /** The matched words as the author wrote them, for messages. */
  const w = (match: RegExpExecArray) => src.o.slice(pos, pos + match[0].length).trim();
  const done = (r: Span | ParseError, length: number): PointResult => (r instanceof ParseError ? r : { point: { span: r }, end: pos + length });

  if ((m = exec(R.iso, s, pos))) {
    return done(daySpan(Number(m[1]), Number(m[2]), Number(m[3]), w(m)), m[0].length);
  }
  if ((m = exec(R.dmyNumeric, s, pos))) {
    const [day, month] = [Number(m[1]), Number(m[3])];
    if (month < 1 || month > 12) return new ParseError(`"${w(m)}" is not a day/month/year date (there is no month ${month})`);
    const year = readYear(m[4], true);
    if (year instanceof ParseError) return year;
    return done(daySpan(year, month, day, w(m)), m[0].length);
  }
  if ((m = exec(R.dayMonth, s, pos))) {
    const [day, month] = [Number(m[1]), monthIndex(m[2])];
    if (m[3] === undefined) {
      if (day < 1 || day > daysInAnyYear(month)) {
        return new ParseError(`"${w(m)}" is not a date: ${MONTH_NAMES[month - 1]} never has ${day} days`);
      }
      return { point: { yearless: { type: 'day', month, day }, label: `${day} ${MONTH_NAMES[month - 1]}` }, end: pos + m[0].length };
    }
    const year = readYear(m[3], true);
    if (year instanceof ParseError) return year;
    return done(daySpan(year, month, day, w(m)), m[0].length);
  }
  if ((m = exec(R.monthDayYear, s, pos))) {
    const year = readYear(m[3], false);
    if (year instanceof ParseError) return year;
    return done(daySpan(year, monthIndex(m[1]), Number(m[2]), w(m)), m[0].length);
  }
  if ((m = exec(R.fyQuarter, s, pos))) {
    const fy = readFinancialYears(m[1], m[2], w(m));
    if (fy !== null) {
      if (fy instanceof ParseError) return fy;
      const q = checkQuarter(Number(m[3]), w(m));
      if (q instanceof ParseError) return q;
      if (fy.lastEnd !== fy.first + 1) return new ParseError(`"${w(m)}" names a quarter of several financial years`);
      return withGloss(src, pos + m[0].length, { span: quarterSpan(fy.first, q) }, q);
    }
  }
  if ((m = exec(R.quarter, s, pos))) {
    const q = checkQuarter(Number(m[1]), w(m));
    if (q instanceof ParseError) return q;
    if (m[2] === undefined) {
      return withGloss(src, pos + m[0].length, { yearless: { type: 'quarter', quarter: q }, label: `Q${q}` }, q);
    }
    if (m[3] === undefined) {
      return new ParseError(
        `"${w(m)}" is ambiguous: financial quarters need a financial year, e.g. Q${q} ${formatFinancialYear(2023)} or Q${q} ${formatFinancialYear(2024)}`,
      );
    }
    const fy = readFinancialYears(m[2], m[3], w(m));
    if (fy === null) return new ParseError(`"${w(m)}" does not name a financial year, e.g. Q${q} 2023/24`);
    if (fy instanceof ParseError) return fy;
    if (fy.lastEnd !== fy.first + 1) return new ParseError(`"${w(m)}" names a quarter of several financial years`);
    return withGloss(src, pos + m[0].length, { span: quarterSpan(fy.first, q) }, q);
  }
  if ((m = exec(R.fy, s, pos))) {
    const fy = readFinancialYears(m[1], m[2], w(m));
    if (fy instanceof ParseError) return fy;
    if (fy) return done(fySpan(fy.first, fy.lastEnd), m[0].length);
  }
  if ((m = exec(R.monthYear, s, pos))) {
    const month = monthIndex(m[1]);
    const explicit = /['-]/.test(m[2]);
    const year = readYear(m[3], true);
    if (year instanceof ParseError) return year;
    const span = monthSpan(year, month);
    if (m[3].length === 2 && !explicit) {
      span.lowConfidence = `read "${w(m)}" as ${span.label}, not ${Number(m[3])} ${MONTH_NAMES[month - 1]}`;
    }
    return done(span, m[0].length);
  }
  if ((m = exec(R.season, s, pos))) {
    const year = readYear(m[2], false);
    if (year instanceof ParseError) return year;
    return done(seasonSpan(m[1], year, m[3], w(m)), m[0].length);
  }
  if ((m = exec(R.year, s, pos))) {
    const year = readYear(m[2], false);
    if (year instanceof ParseError) return year;
    const span: Span = { start: toIsoDate(year, 1, 1), end: toIsoDate(year, 12, 31), label: String(year), isDay: false };
    if (!m[1]) {
      span.lowConfidence = `read "${year}" as the calendar year (January–December ${year}); a financial year is written ${formatFinancialYear(year)}`;
    } else span.label = `calendar year ${year}`;
    return done(span, m[0].length);
  }
  if ((m = exec(R.month, s, pos))) {
    const month = monthIndex(m[1]);
    return { point: { yearless: { type: 'month', month }, label: MONTH_NAMES[month - 1] }, end: pos + m[0].length };
  }
  return null;
}

function daysInAnyYear(month: number): number {
  return month === 2 ? 29 : lastDayOfMonth(2001, month).endsWith('30') ? 30 : 31;
}

function seasonSpan(season: string, year: number, second: string | undefined, written: string): Span | ParseError {
  const low = `a season is approximate; read "${written.trim()}" as`;
  const make = (startYear: number, startMonth: number, endYear: number, endMonth: number, label: string): Span => {
    const span: Span = {
      start: toIsoDate(startYear, startMonth, 1),
      end: lastDayOfMonth(endYear, endMonth),
      label,
      isDay: false,
    };
    span.lowConfidence = `${low} ${MONTH_NAMES[startMonth - 1]} ${startYear} – ${MONTH_NAMES[endMonth - 1]} ${endYear}`;
    return span;
  };
  if (season === 'winter') {
    if (second !== undefined) {
      const fy = readFinancialYears(String(year), second, written);
      if (fy === null || fy instanceof ParseError || fy.lastEnd !== year + 1) {
        return new ParseError(`"${written.trim()}" is not a winter: write e.g. winter ${formatFinancialYear(year)}`);
      }
    }
    return make(year, 12, year + 1, 2, `Winter ${formatFinancialYear(year)}`);
  }
  if (second !== undefined) return new ParseError(`"${written.trim()}" names one season across two years`);
  const startMonth = season === 'spring' ? 3 : season === 'summer' ? 6 : 9;
  const name = season === 'fall' ? 'Autumn' : capitalise(season);
  return make(year, startMonth, year, startMonth + 2, `${name} ${year}`);
}

/** After a quarter, accept a gloss that repeats its months: `Q1 April-June`, `Q4 (Jan–Mar)`. */
function withGloss(src: Src, pos: number, point: Point, quarter: FinancialQuarterNumber): PointResult {
  const g = exec(R.quarterGloss, src.s, pos);
  if (g) {
    const first = (((quarter - 1) * 3 + 3) % 12) + 1;
    if (monthIndex(g[1]) === first && monthIndex(g[2]) === first + 2) return { point, end: pos + g[0].length };
  }
  return { point, end: pos };
}

/* ------------------------------------------------------------------------------------------------ */
/* Terms: a point with "by"/"end of", a range "X to Y", or "from X (onwards)"                      */

type TermResult = { term: Term; end: number } | ParseError | null;

function parseTerm(src: Src, pos: number): TermResult {
  const s = src.s;
  let p = pos;
  let from: 'from' | 'between' | undefined;
  const f = exec(R.from, s, p);
  if (f) {
    from = f[1] === 'between' ? 'between' : 'from';
    p += f[0].length;
  }
  let by = false;
  let edge: 'start' | 'end' | undefined;
  if (!from) {
    const md = exec(R.modifier, s, p);
    if (md && md[0].length > 0) {
      by = md[1] !== undefined;
      if (md[2] !== undefined) edge = md[2] === 'end' || md[2] === 'close' ? 'end' : 'start';
      p += md[0].length;
    }
  }
  const a = parsePoint(src, p);
  if (a === null || a instanceof ParseError) return a;
  p = a.end;
  const term: Term = { a: a.point, by, edge, openEnded: false };
  if (!by && !edge) {
    const conn = exec(from === 'between' ? R.and : R.connector, s, p);
    if (conn) {
      const b = parsePoint(src, p + conn[0].length);
      if (b instanceof ParseError) return b;
      if (b) {
        term.b = b.point;
        p = b.end;
      }
    }
    if (from === 'between' && !term.b) return null;
    if (!term.b) {
      const onwards = exec(R.onwards, s, p);
      if (onwards) p += onwards[0].length;
      term.openEnded = from === 'from' || !!onwards;
    }
  }
  return { term, end: p };
}

/* ------------------------------------------------------------------------------------------------ */
/* Resolving year-less points and turning terms into dates                                          */

interface Resolved {
  span: Span;
  /** Set when the year came from a neighbour: the label without it (`January` in `January to March 2017`). */
  short?: string;
  low?: string;
}

function resolvePoint(point: Point, anchor: Span | undefined, ctx: Context): Resolved | ParseError {
  if ('span' in point) return { span: point.span, low: point.span.lowConfidence };
  const y = point.yearless;
  const build = (calendarYear: number, fyStart: number): Span | ParseError =>
    y.type === 'quarter'
      ? quarterSpan(fyStart, y.quarter)
      : y.type === 'month'
        ? monthSpan(calendarYear, y.month)
        : daySpan(calendarYear, y.month, y.day, point.label);
  if (anchor) {
    const anchorYear = Number(anchor.end.slice(0, 4));
    const anchorFy = financialYearStartOf(anchor.end);
    let span = build(anchorYear, anchorFy);
    if (span instanceof ParseError || span.start > anchor.end) span = build(anchorYear - 1, anchorFy - 1);
    if (span instanceof ParseError) return span;
    return { span, short: point.label };
  }
  if (ctx.fyStart !== undefined) {
    const month = y.type === 'quarter' ? 0 : y.month;
    const span = build(month >= 4 || month === 0 ? ctx.fyStart : ctx.fyStart + 1, ctx.fyStart);
    if (span instanceof ParseError) return span;
    return { span, low: `no year given: read "${point.label}" as ${span.label} (${ctx.source})` };
  }
  return new ParseError(
    y.type === 'quarter'
      ? `"${point.label}" has no financial year: write e.g. ${point.label} 2024/25`
      : `"${point.label}" has no year: write e.g. ${point.label} 2024`,
  );
}

function resolveTerm(term: Term, anchor: Span | undefined, ctx: Context): Dated | ParseError {
  const b = term.b ? resolvePoint(term.b, anchor, ctx) : undefined;
  if (b instanceof ParseError) return b;
  const a = resolvePoint(term.a, b?.span ?? anchor, ctx);
  if (a instanceof ParseError) return a;
  const low = [a.low, b?.low].filter((x): x is string => !!x);
  if (term.openEnded) {
    return { start: a.span.start, label: `from ${a.span.label} onwards`, dateLike: false, openEnded: true, low };
  }
  if (b) {
    if (a.span.start > b.span.end) {
      return new ParseError(`"${a.span.label} to ${b.span.label}" ends before it starts`);
    }
    const sameYear =
      'yearless' in term.a &&
      (term.a.yearless.type === 'quarter'
        ? financialYearStartOf(a.span.start) === financialYearStartOf(b.span.end)
        : a.span.start.slice(0, 4) === b.span.end.slice(0, 4));
    const aLabel = sameYear && a.short ? a.short : a.span.label;
    return { start: a.span.start, end: b.span.end, label: `${aLabel} to ${b.span.label}`, dateLike: false, openEnded: false, low };
  }
  if (term.by || term.edge) {
    const date = term.edge === 'start' ? a.span.start : a.span.end;
    const words = [term.by ? 'by' : '', term.edge === 'end' ? 'end of' : term.edge === 'start' ? 'start of' : '', a.span.label];
    return { end: date, label: words.filter(Boolean).join(' '), dateLike: true, openEnded: false, low };
  }
  return {
    start: a.span.start,
    end: a.span.end,
    label: a.span.label,
    dateLike: a.span.isDay,
    openEnded: false,
    low,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* The cell: a sequence of keywords and dated terms, with notes                                     */

function matchSpecial(s: string, pos: number): { kind: Special; label: string; end: number } | null {
  let m: RegExpExecArray | null;
  if ((m = exec(R.ongoing, s, pos))) return { kind: 'ongoing', label: 'Ongoing', end: pos + m[0].length };
  if ((m = exec(R.recurring, s, pos))) {
    return { kind: 'ongoing', label: `Ongoing (${m[1].replace(/\s+/g, ' ')})`, end: pos + m[0].length };
  }
  if ((m = exec(R.asRequired, s, pos))) return { kind: 'as_required', label: 'As required', end: pos + m[0].length };
  if ((m = exec(R.tbc, s, pos))) return { kind: 'tbc', label: 'To be confirmed', end: pos + m[0].length };
  return null;
}

const isWordStart = (s: string, i: number) => /[a-z0-9]/.test(s[i]) && (i === 0 || !/[a-z0-9]/.test(s[i - 1]));

/** A term at `i` that can stand on its own (it has a year), or an error. Year-less words ("may") do not count. */
function datedTermAt(src: Src, i: number): { term: Term; end: number } | ParseError | null {
  const t = parseTerm(src, i);
  if (t === null || t instanceof ParseError) return t;
  const r = resolveTerm(t.term, undefined, {});
  return r instanceof ParseError ? null : t;
}

/** Text from `pos` up to the next dated term: a note, or an error. */
function scanNote(src: Src, pos: number): { note: string; end: number } | ParseError {
  let i = pos + 1;
  for (; i < src.s.length; i++) {
    if (!isWordStart(src.s, i)) continue;
    const t = datedTermAt(src, i);
    if (t instanceof ParseError) return t;
    if (t) break;
  }
  return { note: src.o.slice(pos, i), end: i };
}

function cleanNote(raw: string): string {
  let note = raw
    .trim()
    .replace(/^[-–—:;,]+\s*/, '')
    .replace(/[\s,;:.–—-]+$/, '')
    .trim();
  if (/^\(.*\)$/.test(note) && !note.slice(1, -1).includes(')')) note = note.slice(1, -1).trim();
  if (/^\(/.test(note) && !note.includes(')')) note = note.slice(1).trim();
  if (/^[^(]*\)$/.test(note)) note = note.slice(0, -1).trim();
  return note;
}

function unparsed(original: string, reason: string): ParsedTimescale {
  return { original, kind: 'unparsed', label: original.trim(), milestones: [], flag: { reason } };
}

function contextOf(opts: ParseTimescaleOptions | undefined): Context {
  if (opts?.financialYear !== undefined) {
    const fy = opts.financialYear;
    if (typeof fy === 'number' && Number.isInteger(fy) && fy >= YEAR_MIN && fy <= YEAR_MAX) {
      return { fyStart: fy, source: `financial year ${formatFinancialYear(fy)}` };
    }
    if (typeof fy === 'string') {
      const m = exec(R.fy, fy.trim().toLowerCase(), 0);
      const read = m ? readFinancialYears(m[1], m[2], m[0]) : null;
      if (read && !(read instanceof ParseError) && read.lastEnd === read.first + 1) {
        return { fyStart: read.first, source: `financial year ${formatFinancialYear(read.first)}` };
      }
    }
  }
  if (opts?.today !== undefined && parseIsoDate(opts.today)) {
    const fyStart = financialYearStartOf(opts.today);
    return { fyStart, source: `the financial year of today, ${formatFinancialYear(fyStart)}` };
  }
  return {};
}

/** Lower-cases ASCII letters and folds dashes, keeping the length so positions map to the original. */
function normalise(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Parses a timescale cell. Never throws; what it cannot read comes back as kind `unparsed` with
 * `flag.reason`, and the original text is always kept.
 */
export function parseTimescale(text: string, opts?: ParseTimescaleOptions): ParsedTimescale {
  if (typeof text !== 'string') return unparsed(String(text ?? ''), 'Not text');
  try {
    return parseCell(text, contextOf(opts));
  } catch (e) {
    return unparsed(text, `Could not read this timescale (${e instanceof Error ? e.message : String(e)})`);
  }
}

function parseCell(original: string, ctx: Context): ParsedTimescale {
  const s = normalise(original);
  const src: Src = { s, o: original };
  if (s.trim() === '') return unparsed(original, 'No timescale given');

  const items: Item[] = [];
  const lowNotes: string[] = [];
  let pos = 0;
  for (;;) {
    const sep = exec(R.separators, s, pos);
    if (sep) pos += sep[0].length;
    if (pos >= s.length) break;

    const special = matchSpecial(s, pos);
    if (special) {
      items.push({ type: 'special', kind: special.kind, label: special.label });
      pos = special.end;
      continue;
    }
    const t = parseTerm(src, pos);
    if (t instanceof ParseError) return unparsed(original, t.reason);
    if (t) {
      items.push({ type: 'term', term: t.term });
      pos = t.end;
      continue;
    }
    // Words that are not a timescale: a note on what came before, or nothing we understand.
    const scanned = scanNote(src, pos);
    if (scanned instanceof ParseError) return unparsed(original, scanned.reason);
    const note = cleanNote(scanned.note);
    if (items.length === 0) {
      const rest = original.slice(scanned.end).trim();
      return unparsed(original, rest ? `Did not understand "${note}" before "${rest}"` : `Not a recognised timescale: "${original.trim()}"`);
    }
    if (/^\?+$/.test(note)) {
      lowNotes.push('marked as uncertain with "?"');
    } else if (/(?:^|[^a-z0-9])\d/i.test(note)) {
      return unparsed(original, `Could not read "${note}"`);
    } else if (note) {
      const last = items[items.length - 1];
      last.note = last.note ? `${last.note}; ${note}` : note;
    }
    pos = scanned.end;
  }
  if (items.length === 0) return unparsed(original, 'No timescale given');

  // Resolve right to left: a year-less part takes its year from the part after it ("June & August 2020").
  const dated = new Map<Item, Dated>();
  let anchor: Span | undefined;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item.type !== 'term') continue;
    const d = resolveTerm(item.term, anchor, ctx);
    if (d instanceof ParseError) return unparsed(original, d.reason);
    dated.set(item, d);
    if (d.end || d.start) {
      const start = d.start ?? (d.end as IsoDate);
      anchor = { start, end: start, label: d.label, isDay: true };
    }
  }
  return assemble(original, items, dated, lowNotes);
}

function assemble(original: string, items: Item[], dated: Map<Item, Dated>, lowNotes: string[]): ParsedTimescale {
  const low = [...lowNotes];
  const labels: string[] = [];
  const specials: { kind: Special; start?: IsoDate; note?: string }[] = [];
  const milestones: TimescaleMilestone[] = [];
  for (const item of items) {
    if (item.type === 'special') {
      specials.push({ kind: item.kind, note: item.note });
      labels.push(item.note ? `${item.label} (${item.note})` : item.label);
      continue;
    }
    const d = dated.get(item) as Dated;
    low.push(...d.low);
    labels.push(item.note ? `${d.label} (${item.note})` : d.label);
    if (d.openEnded) {
      specials.push({ kind: 'ongoing', start: d.start, note: item.note });
      continue;
    }
    const milestone: TimescaleMilestone = { end: d.end as IsoDate, label: d.label };
    if (!d.dateLike && d.start) milestone.start = d.start;
    if (item.note) milestone.note = item.note;
    milestones.push(milestone);
  }

  const result: ParsedTimescale = { original, kind: 'range', label: labels.join('; '), milestones: [] };
  const latest = milestones.reduce<IsoDate | undefined>((acc, m) => (!acc || m.end > acc ? m.end : acc), undefined);
  if (specials.length > 0) {
    result.kind = specials[0].kind;
    const start = specials.find((x) => x.start)?.start;
    if (start) result.start = start;
    const notes = specials.map((x) => x.note).filter((x): x is string => !!x);
    if (notes.length) result.note = notes.join('; ');
    result.milestones = milestones;
    if (latest) result.due = latest;
  } else if (milestones.length === 1) {
    const only = milestones[0];
    const d = dated.get(items.find((i) => i.type === 'term') as Item) as Dated;
    result.kind = d.dateLike ? 'date' : 'range';
    if (result.kind === 'range') result.start = only.start;
    result.end = only.end;
    result.due = only.end;
    if (only.note) result.note = only.note;
  } else {
    result.kind = 'range';
    result.start = milestones.reduce((acc, m) => ((m.start ?? m.end) < acc ? (m.start ?? m.end) : acc), milestones[0].start ?? milestones[0].end);
    result.end = latest;
    result.due = latest;
    result.milestones = milestones;
  }
  if (low.length) result.flag = { reason: capitalise(low.join('; ')) };
  return result;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/* ------------------------------------------------------------------------------------------------ */
/* Helpers for callers                                                                               */

export interface TimescaleMatch {
  /** The words found, exactly as written. */
  text: string;
  /** Where they start in the input. */
  index: number;
  parsed: ParsedTimescale;
}

/**
 * Finds dated timescales inside prose, e.g. the target dates in a board paper's actions
 * ("…avoid admissions by 31st October 2020"). Year-less words ("in October") are ignored.
 */
export function findTimescales(text: string, opts?: ParseTimescaleOptions): TimescaleMatch[] {
  const found: TimescaleMatch[] = [];
  if (typeof text !== 'string') return found;
  // A tab or a blank line ends a phrase (table cells, paragraphs); single line breaks do not.
  const boundary = /\t|\n[^\S\n]*\n/g;
  let offset = 0;
  for (const piece of [...text.split(boundary)]) {
    const start = text.indexOf(piece, offset);
    offset = start + piece.length;
    const src: Src = { s: normalise(piece), o: piece };
    for (let i = 0; i < src.s.length; i++) {
      if (!isWordStart(src.s, i)) continue;
      let t: ReturnType<typeof datedTermAt>;
      try {
        t = datedTermAt(src, i);
      } catch {
        t = null;
      }
      if (!t || t instanceof ParseError) continue;
      const words = piece.slice(i, t.end);
      found.push({ text: words, index: start + i, parsed: parseTimescale(words, opts) });
      i = t.end - 1;
    }
  }
  return found;
}

/**
 * The next date that matters on or after `today`: the first milestone not yet reached, else `due`.
 * Useful for cells like "Q4 2023/24 Q4 2024/25" (an annual report due twice).
 */
export function nextDue(parsed: ParsedTimescale, today: IsoDate): IsoDate | undefined {
  const upcoming = parsed.milestones
    .map((m) => m.end)
    .filter((d) => d >= today)
    .sort();
  return upcoming[0] ?? parsed.due;
}

/** True when the timescale could not be read or rests on an assumption worth a human look. */
export function needsReview(parsed: ParsedTimescale): boolean {
  return parsed.flag !== undefined;
}
