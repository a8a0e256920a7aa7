import { ParsedTimescale, findTimescales, isIsoDate, needsReview, nextDue, parseTimescale } from './index';

type Expected = Partial<ParsedTimescale>;

/** Checks the shape every result must have, then the expected fields. */
function expectParsed(input: string, expected: Expected, opts?: Parameters<typeof parseTimescale>[1]): ParsedTimescale {
  const parsed = parseTimescale(input, opts);
  expect(parsed.original).toBe(input);
  expect(parsed).toMatchObject(expected);
  if (expected.milestones === undefined) expect(parsed.milestones).toEqual([]);
  if (expected.flag === undefined && parsed.kind !== 'unparsed') expect(parsed.flag).toBeUndefined();
  return parsed;
}

const q = (start: string, end: string) => ({ kind: 'range' as const, start, end, due: end });
const day = (date: string) => ({ kind: 'date' as const, end: date, due: date });

describe('parseTimescale: every timescale in seed 000 (major trauma work plan 2023–25)', () => {
  it.each([
    ['Q4 2023/24', { ...q('2024-01-01', '2024-03-31'), label: 'Q4 2023/24' }],
    ['Q1 2023/24', { ...q('2023-04-01', '2023-06-30'), label: 'Q1 2023/24' }],
    ['Q2 2023/24', { ...q('2023-07-01', '2023-09-30'), label: 'Q2 2023/24' }],
    ['Q3 2023/24', { ...q('2023-10-01', '2023-12-31'), label: 'Q3 2023/24' }],
    ['Q1 2024/25', { ...q('2024-04-01', '2024-06-30'), label: 'Q1 2024/25' }],
    ['Q3 2024/25', { ...q('2024-10-01', '2024-12-31'), label: 'Q3 2024/25' }],
    ['Q4 2024/25', { ...q('2025-01-01', '2025-03-31'), label: 'Q4 2024/25' }],
  ])('%s', (input, expected) => {
    const parsed = expectParsed(input, expected);
    expect(parsed.start).toBeDefined();
  });

  it('Ongoing', () => {
    const parsed = expectParsed('Ongoing', { kind: 'ongoing', label: 'Ongoing' });
    expect(parsed.start).toBeUndefined();
    expect(parsed.end).toBeUndefined();
    expect(parsed.due).toBeUndefined();
  });

  it('Q4 2023/24 Q4 2024/25 (an annual report, twice): two milestones, due at the later', () => {
    expectParsed('Q4 2023/24 Q4 2024/25', {
      kind: 'range',
      start: '2024-01-01',
      end: '2025-03-31',
      due: '2025-03-31',
      label: 'Q4 2023/24; Q4 2024/25',
      milestones: [
        { start: '2024-01-01', end: '2024-03-31', label: 'Q4 2023/24' },
        { start: '2025-01-01', end: '2025-03-31', label: 'Q4 2024/25' },
      ],
    });
  });

  it('Q3 2023/24 Q3 2024/25 (annual conferences)', () => {
    expectParsed('Q3 2023/24 Q3 2024/25', {
      kind: 'range',
      due: '2024-12-31',
      milestones: [
        { start: '2023-10-01', end: '2023-12-31', label: 'Q3 2023/24' },
        { start: '2024-10-01', end: '2024-12-31', label: 'Q3 2024/25' },
      ],
    });
  });

  it('Q4 2023/24 Q1 2024/25 (review published, then action plan)', () => {
    expectParsed('Q4 2023/24 Q1 2024/25', {
      kind: 'range',
      start: '2024-01-01',
      end: '2024-06-30',
      due: '2024-06-30',
      milestones: [
        { start: '2024-01-01', end: '2024-03-31', label: 'Q4 2023/24' },
        { start: '2024-04-01', end: '2024-06-30', label: 'Q1 2024/25' },
      ],
    });
  });

  it('Ongoing Q1 2024/25 for MT Dashboard: ongoing, plus a milestone with its note', () => {
    const parsed = expectParsed('Ongoing Q1 2024/25 for MT Dashboard', {
      kind: 'ongoing',
      due: '2024-06-30',
      label: 'Ongoing; Q1 2024/25 (for MT Dashboard)',
      milestones: [{ start: '2024-04-01', end: '2024-06-30', label: 'Q1 2024/25', note: 'for MT Dashboard' }],
    });
    expect(parsed.note).toBeUndefined();
    expect(parsed.start).toBeUndefined();
  });

  it('the empty timescale cell ("Support the system to identify studies…") is kept and flagged', () => {
    expectParsed('', { kind: 'unparsed', label: '', flag: { reason: 'No timescale given' } });
  });

  it('the plan period and dates written in the metrics', () => {
    expectParsed('1 April 2023 – 31 March 2025', {
      ...q('2023-04-01', '2025-03-31'),
      label: '1 April 2023 to 31 March 2025',
    });
    expectParsed('by end of Q3 2024/25', { ...day('2024-12-31'), label: 'by end of Q3 2024/25' });
    expectParsed('2025-27', { ...q('2025-04-01', '2027-03-31'), label: '2025/26 to 2026/27' });
  });
});

describe('parseTimescale: every timescale in seed 001 (spinal network 2017–19)', () => {
  it.each([
    ['January to March 2017', '2017-01-01', '2017-03-31', 'January to March 2017'],
    ['April to July 2017', '2017-04-01', '2017-07-31', 'April to July 2017'],
    ['April to December 2017', '2017-04-01', '2017-12-31', 'April to December 2017'],
    ['April 2017 to March 2019', '2017-04-01', '2019-03-31', 'April 2017 to March 2019'],
    ['April 2017 to March 2018', '2017-04-01', '2018-03-31', 'April 2017 to March 2018'],
    ['1 July 2017 – 31 March 2019', '2017-07-01', '2019-03-31', '1 July 2017 to 31 March 2019'],
    ['2017-19', '2017-04-01', '2019-03-31', '2017/18 to 2018/19'],
    ['2017-2019', '2017-04-01', '2019-03-31', '2017/18 to 2018/19'],
    ['December 2016', '2016-12-01', '2016-12-31', 'December 2016'],
  ])('%s', (input, start, end, label) => {
    expectParsed(input, { ...q(start, end), label });
  });

  it('April to July 20017 (a typo in four rows) is unparsed, kept, and says why', () => {
    const parsed = expectParsed('April to July 20017', { kind: 'unparsed', label: 'April to July 20017' });
    expect(parsed.flag?.reason).toMatch(/20017/);
    expect(parsed.flag?.reason).toMatch(/typo/);
    expect(parsed.start).toBeUndefined();
    expect(parsed.due).toBeUndefined();
  });

  it('As required', () => {
    expectParsed('As required', { kind: 'as_required', label: 'As required' });
  });

  it('Unsure at present', () => {
    expectParsed('Unsure at present', { kind: 'tbc', label: 'To be confirmed' });
  });

  it('22nd March 2016 (date registered)', () => {
    expectParsed('22nd March 2016', { ...day('2016-03-22'), label: '22 March 2016' });
  });
});

describe('parseTimescale: every timescale in seed 003 (maternity business plan 2017–18)', () => {
  it('2017-18', () => {
    expectParsed('2017-18', { ...q('2017-04-01', '2018-03-31'), label: '2017/18' });
  });
  it.each([
    ['by March 2017', '2017-03-31', 'by March 2017'],
    ['by the end of October 2017', '2017-10-31', 'by end of October 2017'],
    ['by 2020/21', '2021-03-31', 'by 2020/21'],
  ])('%s (in the measures of success)', (input, date, label) => {
    expectParsed(input, { ...day(date), label });
  });
});

describe('parseTimescale: every target date in seed 004 (board paper)', () => {
  it.each([
    ['by 1st April 2021', '2021-04-01'],
    ['by 31st December 2020', '2020-12-31'],
    ['by 30th September 2020', '2020-09-30'],
    ['by 30th December 2020', '2020-12-30'],
    ['by the end of August 2020', '2020-08-31'],
    ['by 30th November 2020', '2020-11-30'],
    ['31st October 2020', '2020-10-31'],
    ['by 31st October 2020', '2020-10-31'],
    ['by 31st March 2021', '2021-03-31'],
    ['by 31st July 2020', '2020-07-31'],
    ['by 31st March 2022', '2022-03-31'],
    ['by 30th June 2020', '2020-06-30'],
    ['by\n 30th December 2020', '2020-12-30'],
  ])('%j', (input, date) => {
    const parsed = expectParsed(input, day(date));
    expect(parsed.start).toBeUndefined();
  });

  it('[TBC] (date of next paper)', () => {
    expectParsed('[TBC]', { kind: 'tbc' });
  });

  it('June & August 2020 (previous consideration): two months, the year shared', () => {
    expectParsed('June & August 2020', {
      kind: 'range',
      start: '2020-06-01',
      due: '2020-08-31',
      milestones: [
        { start: '2020-06-01', end: '2020-06-30', label: 'June 2020' },
        { start: '2020-08-01', end: '2020-08-31', label: 'August 2020' },
      ],
    });
  });

  it('ideally in October (no year) is unparsed unless a year is known', () => {
    expectParsed('ideally in October', { kind: 'unparsed' });
    expectParsed('October', { kind: 'unparsed', flag: { reason: '"October" has no year: write e.g. October 2024' } });
  });

  it('finds every dated action in the prose', () => {
    const paper = [
      'We will direct resources to where there is greatest need based on population health data by 1st April 2021',
      "We will adopt a primary care 'total triage'\n approach for patients that need a consultation and\n this will be done remotely unless there is a clinical\n reason not to do so by the end of August 2020",
      'We will develop community based integrated multi- disciplinary teams including appropriate specialist support that will work as one team around the patient 31st October 2020',
      'We will develop clinical and managerial opportunities for secondment, rotation and shadowing by 31st March 2021 that supports our underrepresented groups',
      'We will work with our BAME staff to manage the enhanced risks that this group has from infection of COVID-19',
      'The intention is to then for system partners widen the engagement to include stakeholders before finally ratifying at UHL and partner Boards, ideally in October.',
    ].join('\n- ');
    const found = findTimescales(paper);
    expect(found.map((f) => [f.text, f.parsed.kind, f.parsed.due])).toEqual([
      ['by 1st April 2021', 'date', '2021-04-01'],
      ['by the end of August 2020', 'date', '2020-08-31'],
      ['31st October 2020', 'date', '2020-10-31'],
      ['by 31st March 2021', 'date', '2021-03-31'],
    ]);
    for (const f of found) expect(paper.slice(f.index, f.index + f.text.length)).toBe(f.text);
  });

  it('does not run a phrase across table cells (tabs) or paragraphs', () => {
    const row = 'Annual report presented to Board at the meeting following year end\tQ4 2023/24 Q4 2024/25\tNetwork Manager';
    expect(findTimescales(row).map((f) => f.text)).toEqual(['Q4 2023/24', 'Q4 2024/25']);
  });
});

describe('parseTimescale: financial years', () => {
  it.each(['2023/24', '2023-24', '2023/2024', '2023-2024', 'FY 2023/24', 'FY2023/24', 'Financial year 2023/24', '23/24', '2023 / 24'])(
    '%s is 1 April 2023 – 31 March 2024',
    (input) => {
      expectParsed(input, { ...q('2023-04-01', '2024-03-31'), label: '2023/24' });
    },
  );

  it('the turn of the century', () => {
    expectParsed('1999/00', { ...q('1999-04-01', '2000-03-31'), label: '1999/00' });
    expectParsed('2099/00', q('2099-04-01', '2100-03-31'));
  });

  it.each([
    ['2023/22', /not a financial year/],
    ['2023/23', /not a financial year/],
    ['2023/2040', /not a financial year/],
  ])('%s is unparsed', (input, reason) => {
    expect(parseTimescale(input)).toMatchObject({ kind: 'unparsed', flag: { reason: expect.stringMatching(reason) } });
  });
});

describe('parseTimescale: quarters', () => {
  it.each([
    'Q3 2023/24',
    'Q3 23/24',
    '2023/24 Q3',
    'Q3 2023-24',
    'q3 2023/24',
    'Q3 FY 2023/24',
    'Quarter 3 2023/24',
    'Q3 of 2023/24',
    'Q3, 2023/24',
    'Q3 2023/2024',
    ' Q3   2023/24 ',
    'Q3 2023/24 (Oct-Dec)',
    'Q3 2023/24 October–December',
  ])('%j is 1 October – 31 December 2023', (input) => {
    expectParsed(input, { ...q('2023-10-01', '2023-12-31'), label: 'Q3 2023/24' });
  });

  it('accepts a gloss that repeats the quarter\u2019s months', () => {
    expectParsed('Q4 2023/24 (Jan–Mar)', { ...q('2024-01-01', '2024-03-31'), label: 'Q4 2023/24' });
    expectParsed(
      'Q1 April-June',
      { ...q('2025-04-01', '2025-06-30'), label: 'Q1 2025/26', flag: { reason: expect.stringMatching(/No year given/) } },
      { financialYear: '2025/26' },
    );
  });

  it('Q4 contains 29 February in a leap year', () => {
    const parsed = parseTimescale('Q4 2023/24');
    expect(parsed.start! <= '2024-02-29' && '2024-02-29' <= parsed.end!).toBe(true);
  });

  it('a range of quarters', () => {
    expectParsed('Q3 2023/24 - Q1 2024/25', { ...q('2023-10-01', '2024-06-30'), label: 'Q3 2023/24 to Q1 2024/25' });
    expectParsed('Q1 to Q3 2024/25', { ...q('2024-04-01', '2024-12-31'), label: 'Q1 to Q3 2024/25' });
  });

  it.each([
    ['Q5 2023/24', /no quarter 5/],
    ['Q0 2023/24', /no quarter 0/],
    ['Q5', /no quarter 5/],
    ['Q4 2023', /ambiguous/],
    ['Q3', /no financial year/],
  ])('%s is unparsed', (input, reason) => {
    expectParsed(input, { kind: 'unparsed', label: input, flag: { reason: expect.stringMatching(reason) } });
  });
});

describe('parseTimescale: months and month ranges', () => {
  it.each([
    ['March 2021', '2021-03-01', '2021-03-31', 'March 2021'],
    ['February 2024', '2024-02-01', '2024-02-29', 'February 2024'],
    ['February 2023', '2023-02-01', '2023-02-28', 'February 2023'],
    ['Sept 2020', '2020-09-01', '2020-09-30', 'September 2020'],
    ['Mar-21', '2021-03-01', '2021-03-31', 'March 2021'],
    ['Jan–Mar 2018', '2018-01-01', '2018-03-31', 'January to March 2018'],
    ['Jan - Mar 2018', '2018-01-01', '2018-03-31', 'January to March 2018'],
    ['Jan—Mar 2018', '2018-01-01', '2018-03-31', 'January to March 2018'],
    ['jan-mar 2018', '2018-01-01', '2018-03-31', 'January to March 2018'],
    ['JANUARY TO MARCH 2017', '2017-01-01', '2017-03-31', 'January to March 2017'],
    ['November to March 2018', '2017-11-01', '2018-03-31', 'November 2017 to March 2018'],
    ['from April to June 2020', '2020-04-01', '2020-06-30', 'April to June 2020'],
    ['between April and June 2020', '2020-04-01', '2020-06-30', 'April to June 2020'],
    ['April 2024 until Q3 2024/25', '2024-04-01', '2024-12-31', 'April 2024 to Q3 2024/25'],
  ])('%s', (input, start, end, label) => {
    expectParsed(input, { ...q(start, end), label });
  });

  it('"end of" a month is its last day', () => {
    expectParsed('end of August 2020', { ...day('2020-08-31'), label: 'end of August 2020' });
    expectParsed('End of February 2024', day('2024-02-29'));
    expectParsed('start of April 2024', { ...day('2024-04-01'), label: 'start of April 2024' });
  });

  it('"Month yy" is read as a year, flagged', () => {
    const parsed = expectParsed('March 21', { ...q('2021-03-01', '2021-03-31'), flag: { reason: expect.stringMatching(/not 21 March/) } });
    expect(needsReview(parsed)).toBe(true);
  });

  it('a range that ends before it starts is unparsed', () => {
    expectParsed('April 2018 to March 2017', { kind: 'unparsed', flag: { reason: expect.stringMatching(/ends before it starts/) } });
  });
});

describe('parseTimescale: days', () => {
  it.each([
    ['31/03/2025', '2025-03-31'],
    ['31/03/25', '2025-03-31'],
    ['31.03.2025', '2025-03-31'],
    ['2025-03-31', '2025-03-31'],
    ['30th November 2020', '2020-11-30'],
    ['1st Nov 2020', '2020-11-01'],
    ['the 1st of April 2021', '2021-04-01'],
    ['December 31st, 2020', '2020-12-31'],
    ['29 February 2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['due by 31/03/2025', '2025-03-31'],
    ['Due: 31/03/2025', '2025-03-31'],
    ['no later than 30 June 2020', '2020-06-30'],
  ])('%s', (input, date) => {
    expectParsed(input, day(date));
  });

  it('dd/mm/yyyy is British: 03/04/2025 is 3 April', () => {
    expectParsed('03/04/2025', day('2025-04-03'));
  });

  it.each([
    ['31st February 2020', /February 2020 has 29 days/],
    ['29 February 2023', /February 2023 has 28 days/],
    ['29/02/2100', /February 2100 has 28 days/],
    ['31 April 2021', /April 2021 has 30 days/],
    ['2023-02-29', /February 2023 has 28 days/],
    ['12/31/2020', /no month 31/],
    ['32 March 2021', /never has 32 days|not a date/],
  ])('%s is unparsed', (input, reason) => {
    expectParsed(input, { kind: 'unparsed', flag: { reason: expect.stringMatching(reason) } });
  });

  it('quotes the author\u2019s own words in the reason', () => {
    expect(parseTimescale('31st February 2020').flag?.reason).toContain('"31st February 2020"');
  });

  it('a range of days', () => {
    expectParsed('1 April to 30 June 2020', { ...q('2020-04-01', '2020-06-30'), label: '1 April to 30 June 2020' });
  });
});

describe('parseTimescale: years and other wording', () => {
  it('a calendar year alone is the whole year, flagged as an assumption', () => {
    const parsed = expectParsed('2020', { ...q('2020-01-01', '2020-12-31'), flag: { reason: expect.stringMatching(/calendar year.*2020\/21/) } });
    expect(needsReview(parsed)).toBe(true);
    expectParsed('Calendar year 2020', { ...q('2020-01-01', '2020-12-31'), label: 'calendar year 2020' });
  });

  it.each([['1989'], ['2101'], ['20017'], ['April 20017'], ['Q3 2023/240']])('%s (year out of range) is unparsed', (input) => {
    expectParsed(input, { kind: 'unparsed' });
  });

  it('seasons are approximate', () => {
    expectParsed('Autumn 2020', { ...q('2020-09-01', '2020-11-30'), label: 'Autumn 2020', flag: { reason: expect.any(String) } });
    expectParsed('Winter 2020/21', { ...q('2020-12-01', '2021-02-28'), flag: { reason: expect.any(String) } });
  });

  it('"from … onwards" is ongoing with a start', () => {
    expectParsed('from April 2024 onwards', { kind: 'ongoing', start: '2024-04-01' });
    expectParsed('Q2 2024/25 onwards', { kind: 'ongoing', start: '2024-07-01' });
  });

  it.each([
    ['Ongoing', 'ongoing'],
    ['ongoing', 'ongoing'],
    ['ON-GOING', 'ongoing'],
    ['On going', 'ongoing'],
    ['Continuous', 'ongoing'],
    ['Quarterly', 'ongoing'],
    ['As required', 'as_required'],
    ['as and when required', 'as_required'],
    ['As needed', 'as_required'],
    ['TBC', 'tbc'],
    ['tbc.', 'tbc'],
    ['To be confirmed', 'tbc'],
    ['To be agreed', 'tbc'],
    ['Unsure at present', 'tbc'],
    ['  Unsure   at present  ', 'tbc'],
  ])('%j is %s', (input, kind) => {
    expectParsed(input, { kind: kind as ParsedTimescale['kind'] });
  });

  it('keywords can carry a note or a date', () => {
    expectParsed('As required for CRG feedback', { kind: 'as_required', note: 'for CRG feedback' });
    expectParsed('Q4 2023/24 and ongoing', {
      kind: 'ongoing',
      due: '2024-03-31',
      milestones: [{ start: '2024-01-01', end: '2024-03-31', label: 'Q4 2023/24' }],
    });
    expectParsed('TBC (Q3 2024/25 at the earliest)', {
      kind: 'tbc',
      due: '2024-12-31',
      milestones: [{ start: '2024-10-01', end: '2024-12-31', label: 'Q3 2024/25', note: 'at the earliest' }],
    });
  });

  it('a single timescale can carry a note', () => {
    expectParsed('Q4 2023/24 (draft to board)', { ...q('2024-01-01', '2024-03-31'), note: 'draft to board' });
  });

  it('a trailing question mark is kept as doubt', () => {
    expectParsed('Q4 2023/24?', { ...q('2024-01-01', '2024-03-31'), flag: { reason: expect.stringMatching(/uncertain/) } });
  });

  it.each([
    ['   ', /No timescale given/],
    ['N/A', /Not a recognised timescale/],
    ['soon', /Not a recognised timescale/],
    ['Draft by Q3 2024/25', /Did not understand "Draft"/],
    ['Ongoing, phase 2', /phase 2/],
    ['April 2017-18', /Could not read/],
    ['between April 2020', /./],
  ])('%j is unparsed: %s', (input, reason) => {
    expectParsed(input, { kind: 'unparsed', label: input.trim(), flag: { reason: expect.stringMatching(reason) } });
  });
});

describe('parseTimescale: year-less timescales and options', () => {
  it('places them in the given financial year, flagged', () => {
    expectParsed('Q3', { ...q('2024-10-01', '2024-12-31'), flag: { reason: expect.stringMatching(/2024\/25/) } }, { financialYear: 2024 });
    expectParsed(
      'March',
      { ...q('2025-03-01', '2025-03-31'), flag: { reason: expect.stringMatching(/No year given/) } },
      { financialYear: '2024/25' },
    );
    // A number inside a note is never hidden: this one is left for a person to read.
    expectParsed('by the end of Q1 (30 June)', { kind: 'unparsed', flag: { reason: 'Could not read "30 June"' } }, { financialYear: '2025-26' });
    expectParsed(
      'by the end of Q1',
      { ...day('2025-06-30'), flag: { reason: expect.stringMatching(/No year given/) } },
      { financialYear: '2025-26' },
    );
  });

  it('or in the financial year of today', () => {
    expectParsed('Q4', { ...q('2024-01-01', '2024-03-31'), flag: { reason: expect.stringMatching(/No year given/) } }, { today: '2023-11-01' });
    expectParsed('Q4', { ...q('2025-01-01', '2025-03-31'), flag: { reason: expect.stringMatching(/No year given/) } }, { today: '2024-04-01' });
    expectParsed('April', { ...q('2024-04-01', '2024-04-30'), flag: { reason: expect.stringMatching(/No year given/) } }, { today: '2025-03-31' });
  });

  it('never uses today for text that has a year', () => {
    expect(parseTimescale('Q4 2023/24', { today: '2030-01-01' })).toEqual(parseTimescale('Q4 2023/24'));
  });

  it('ignores options it cannot read', () => {
    expectParsed('Q3', { kind: 'unparsed' }, { today: 'yesterday', financialYear: 'soon' });
  });
});

describe('parseTimescale never throws and never loses the text', () => {
  const pieces = [
    'Q4',
    'Q9',
    '2023/24',
    '23/24',
    '2017-18',
    'April',
    'to',
    '–',
    'by',
    'end of',
    '31st',
    'February',
    '2020',
    '20017',
    'Ongoing',
    'for',
    'MT',
    'Dashboard',
    '(',
    ')',
    '?',
    'TBC',
    'and',
    '&',
    '/',
    '-',
    '',
    ' ',
    '\t',
    '31/03/2025',
    '2025-03-31',
    'from',
    'onwards',
    'between',
    'Sept',
    'winter',
    'mar-21',
    '0',
    '99999999999999999999',
    '\u00a0',
    'É',
  ];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it('holds for 400 generated cells', () => {
    for (let n = 0; n < 400; n++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)]);
      const input = words.join(random() < 0.5 ? ' ' : '');
      const parsed = parseTimescale(input);
      expect(parsed.original).toBe(input);
      if (parsed.kind === 'unparsed') expect(parsed.flag?.reason).toBeTruthy();
      for (const d of [parsed.start, parsed.end, parsed.due, ...parsed.milestones.flatMap((m) => [m.start, m.end])]) {
        if (d !== undefined) expect(isIsoDate(d)).toBe(true);
      }
      if (parsed.start && parsed.end) expect(parsed.start <= parsed.end).toBe(true);
      if (parsed.kind === 'date' || parsed.kind === 'range') expect(parsed.due).toBe(parsed.end);
    }
  });

  it('copes with values that are not text', () => {
    expect(parseTimescale(undefined as unknown as string).kind).toBe('unparsed');
    expect(parseTimescale(42 as unknown as string)).toMatchObject({ kind: 'unparsed', original: '42' });
  });
});

describe('nextDue', () => {
  const annual = parseTimescale('Q4 2023/24 Q4 2024/25');
  it('is the first milestone not yet reached', () => {
    expect(nextDue(annual, '2023-06-01')).toBe('2024-03-31');
    expect(nextDue(annual, '2024-03-31')).toBe('2024-03-31');
    expect(nextDue(annual, '2024-04-01')).toBe('2025-03-31');
  });
  it('falls back to due', () => {
    expect(nextDue(annual, '2026-01-01')).toBe('2025-03-31');
    expect(nextDue(parseTimescale('by 30th June 2020'), '2021-01-01')).toBe('2020-06-30');
    expect(nextDue(parseTimescale('Ongoing'), '2021-01-01')).toBeUndefined();
  });
});
