import {
  addDays,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  financialQuarter,
  financialQuarterOf,
  financialYearOf,
  financialYearRange,
  formatFinancialQuarter,
  formatFinancialYear,
  formatIsoDateLong,
  isIsoDate,
  isLeapYear,
  isoDateInZone,
  isoWeekday,
  lastDayOfMonth,
  parseIsoDate,
  quarterRange,
  toIsoDate,
  todayIso,
} from './index';

describe('ISO dates', () => {
  it('knows leap years (every 4th, not centuries, except every 400th)', () => {
    expect([2020, 2024, 2000, 1996].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2023, 2100, 1900, 2019].map(isLeapYear)).toEqual([false, false, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2023, 12)).toBe('2023-12-31');
  });

  it('reads and writes YYYY-MM-DD, rejecting days that do not exist', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2023-13-01')).toBeNull();
    expect(parseIsoDate('2023-1-01')).toBeNull();
    expect(parseIsoDate('31/03/2025')).toBeNull();
    expect(isIsoDate('2025-03-31')).toBe(true);
    expect(isIsoDate(20250331)).toBe(false);
    expect(toIsoDate(2025, 3, 1)).toBe('2025-03-01');
    expect(() => toIsoDate(2023, 2, 29)).toThrow(RangeError);
    expect(formatIsoDateLong('2020-12-31')).toBe('31 December 2020');
  });

  it('adds and counts whole days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2020-12-31', '2020-12-01')).toBe(-30);
    // British Summer Time starts 31 March 2024: still whole days.
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(compareIsoDates('2024-01-02', '2024-01-10')).toBe(-1);
    expect(() => daysBetween('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });

  it('gives the ISO day of the week (1 Monday … 7 Sunday)', () => {
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(isoWeekday('2028-02-29')).toBe(2);
    expect(isoWeekday('2027-12-25')).toBe(6);
    expect(() => isoWeekday('2027-02-29')).toThrow(RangeError);
  });

  it('gives the calendar day in Europe/London for an instant', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(isoDateInZone(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
    // In winter London is on UTC.
    expect(isoDateInZone(new Date('2024-01-31T23:30:00Z'))).toBe('2024-01-31');
    expect(isoDateInZone(new Date('2024-06-30T23:30:00Z'), 'UTC')).toBe('2024-06-30');
    expect(todayIso('Europe/London', new Date('2024-03-31T23:59:00Z'))).toBe('2024-04-01');
  });
});

describe('NHS financial years (1 April – 31 March)', () => {
  it('formats and bounds a financial year', () => {
    expect(formatFinancialYear(2023)).toBe('2023/24');
    expect(formatFinancialYear(1999)).toBe('1999/00');
    expect(formatFinancialYear(2009)).toBe('2009/10');
    expect(financialYearRange(2023)).toEqual({ start: '2023-04-01', end: '2024-03-31' });
  });

  it.each([
    ['2023-04-01', '2023/24', 2023],
    ['2024-03-31', '2023/24', 2023],
    ['2024-04-01', '2024/25', 2024],
    ['2024-02-29', '2023/24', 2023],
    ['2017-01-15', '2016/17', 2016],
    ['2020-12-31', '2020/21', 2020],
  ])('financialYearOf(%s) is %s', (date, fy, startYear) => {
    expect(financialYearOf(date)).toEqual({ fy, startYear, ...financialYearRange(startYear) });
  });

  it('reads a Date as its calendar day in Europe/London', () => {
    // 23:30 UTC on 31 March 2024 is already 1 April in London (BST): the new financial year.
    expect(financialYearOf(new Date('2024-03-31T23:30:00Z')).fy).toBe('2024/25');
  });

  it('rejects a malformed date', () => {
    expect(() => financialYearOf('31/03/2024')).toThrow(RangeError);
  });
});

describe('financial quarters (Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar)', () => {
  it.each([
    [2023, 1, '2023-04-01', '2023-06-30'],
    [2023, 2, '2023-07-01', '2023-09-30'],
    [2023, 3, '2023-10-01', '2023-12-31'],
    [2023, 4, '2024-01-01', '2024-03-31'],
    [2019, 4, '2020-01-01', '2020-03-31'],
  ] as const)('quarterRange(%i, %i)', (fy, q, start, end) => {
    expect(quarterRange(fy, q)).toEqual({ start, end });
  });

  it.each([
    ['2023-04-01', 1, '2023/24'],
    ['2023-06-30', 1, '2023/24'],
    ['2023-07-01', 2, '2023/24'],
    ['2023-09-30', 2, '2023/24'],
    ['2023-10-01', 3, '2023/24'],
    ['2023-12-31', 3, '2023/24'],
    ['2024-01-01', 4, '2023/24'],
    ['2024-02-29', 4, '2023/24'],
    ['2024-03-31', 4, '2023/24'],
  ])('financialQuarterOf(%s) is Q%i %s', (date, quarter, fy) => {
    const q = financialQuarterOf(date);
    expect(q).toMatchObject({ quarter, fy, label: `Q${quarter} ${fy}` });
    expect(q.start <= date && date <= q.end).toBe(true);
  });

  it('gives the full record, as the brief puts it', () => {
    expect(financialQuarterOf('2024-02-10')).toEqual({
      fy: '2023/24',
      fyStartYear: 2023,
      quarter: 4,
      start: '2024-01-01',
      end: '2024-03-31',
      label: 'Q4 2023/24',
    });
    expect(financialQuarter(2024, 1)).toEqual(financialQuarterOf('2024-05-05'));
  });

  it('formats a quarter from numbers or from a quarter record', () => {
    expect(formatFinancialQuarter(2023, 4)).toBe('Q4 2023/24');
    expect(formatFinancialQuarter({ fyStartYear: 2024, quarter: 1 })).toBe('Q1 2024/25');
    expect(formatFinancialQuarter(financialQuarterOf('2023-11-11'))).toBe('Q3 2023/24');
  });

  it('refuses quarters that do not exist', () => {
    expect(() => quarterRange(2023, 5 as never)).toThrow(RangeError);
    expect(() => formatFinancialQuarter(2023, 0 as never)).toThrow(RangeError);
  });
});
