import {
  BANK_HOLIDAY_PROCLAMATIONS,
  BANK_HOLIDAYS_FIRST_YEAR,
  bankHolidayOn,
  bankHolidaysOf,
  easterSunday,
  isBankHoliday,
  isoWeekday,
} from '../../index';

const datesOf = (year: number) => bankHolidaysOf(year).map((h) => h.date);

describe('England & Wales bank holidays 2024–2030', () => {
  // Written out by hand: GOV.UK's published list for 2024–2028; 2029 and 2030 from the standing rules
  // (GOV.UK publishes about two years ahead).
  it.each([
    [2024, ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    // Boxing Day is a Saturday: substitute Monday 28 December.
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    // Christmas on a Saturday, Boxing Day on a Sunday: substitutes Monday 27 and Tuesday 28 December.
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
    // New Year's Day is a Saturday: substitute Monday 3 January. 1 May is itself the first Monday.
    [2028, ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']],
    [2029, ['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26']],
    [2030, ['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26']],
  ])('%i', (year, expected) => {
    expect(datesOf(year)).toEqual(expected);
    // Every holiday (and so every substitute) is a weekday.
    expect(bankHolidaysOf(year).every((h) => isoWeekday(h.date) <= 5)).toBe(true);
  });

  it('titles and notes them as GOV.UK does', () => {
    expect(bankHolidaysOf(2026)).toEqual([
      { date: '2026-01-01', title: 'New Year’s Day', rule: 'new_year' },
      { date: '2026-04-03', title: 'Good Friday', rule: 'good_friday' },
      { date: '2026-04-06', title: 'Easter Monday', rule: 'easter_monday' },
      { date: '2026-05-04', title: 'Early May bank holiday', rule: 'early_may' },
      { date: '2026-05-25', title: 'Spring bank holiday', rule: 'spring' },
      { date: '2026-08-31', title: 'Summer bank holiday', rule: 'summer' },
      { date: '2026-12-25', title: 'Christmas Day', rule: 'christmas' },
      { date: '2026-12-28', title: 'Boxing Day', rule: 'boxing_day', note: 'Substitute day' },
    ]);
    expect(bankHolidayOn('2027-12-27')).toMatchObject({ title: 'Christmas Day', note: 'Substitute day' });
    expect(bankHolidayOn('2027-12-28')).toMatchObject({ title: 'Boxing Day', note: 'Substitute day' });
    expect(bankHolidayOn('2028-01-03')).toMatchObject({ title: 'New Year’s Day', note: 'Substitute day' });
  });

  it('keeps Boxing Day on the 26th and moves Christmas to the 27th when Christmas is a Sunday (2022, 2033)', () => {
    expect(bankHolidaysOf(2022).slice(-2)).toEqual([
      { date: '2022-12-26', title: 'Boxing Day', rule: 'boxing_day' },
      { date: '2022-12-27', title: 'Christmas Day', rule: 'christmas', note: 'Substitute day' },
    ]);
    expect(datesOf(2033).slice(-2)).toEqual(['2033-12-26', '2033-12-27']);
  });

  it('moves New Year’s Day on a Sunday to Monday 2 January (2023, 2034)', () => {
    expect(datesOf(2023)[0]).toBe('2023-01-02');
    expect(datesOf(2034)[0]).toBe('2034-01-02');
  });
});

describe('changes by proclamation', () => {
  it('2020: the early May bank holiday moved to Friday 8 May (VE day)', () => {
    expect(datesOf(2020)).toEqual(['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28']);
    expect(isBankHoliday('2020-05-04')).toBe(false);
    expect(bankHolidayOn('2020-05-08')).toMatchObject({ title: 'Early May bank holiday (VE day)', rule: 'early_may' });
  });

  it('2022: spring bank holiday on Thursday 2 June, the Platinum Jubilee on 3 June, the State Funeral on 19 September', () => {
    expect(datesOf(2022)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect(isBankHoliday('2022-05-30')).toBe(false);
    expect(bankHolidayOn('2022-06-03')).toEqual({ date: '2022-06-03', title: 'Platinum Jubilee bank holiday', note: 'Extra bank holiday' });
    expect(bankHolidayOn('2022-09-19')?.title).toBe('Bank Holiday for the State Funeral of Queen Elizabeth II');
  });

  it('2023: the coronation added Monday 8 May', () => {
    expect(datesOf(2023)).toEqual([
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ]);
  });

  it('earlier ones: 2012 and 2002 jubilees, 2011 royal wedding, the millennium, 1995 VE day', () => {
    expect(datesOf(2012)).toContain('2012-06-04');
    expect(datesOf(2012)).toContain('2012-06-05');
    expect(datesOf(2012)).not.toContain('2012-05-28');
    expect(datesOf(2002)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']));
    expect(datesOf(2002)).not.toContain('2002-05-27');
    expect(isBankHoliday('2011-04-29')).toBe(true);
    expect(datesOf(1999).slice(-3)).toEqual(['1999-12-27', '1999-12-28', '1999-12-31']);
    expect(datesOf(1995)).toContain('1995-05-08');
    expect(datesOf(1995)).not.toContain('1995-05-01');
  });

  it('is a table a new proclamation is one line of: dated, in order, each move naming a holiday of its year', () => {
    const keyOf = (p: (typeof BANK_HOLIDAY_PROCLAMATIONS)[number]) => (p.change === 'extra' ? p.date : p.to);
    const keys = BANK_HOLIDAY_PROCLAMATIONS.map(keyOf);
    expect([...keys].sort()).toEqual(keys);
    for (const p of BANK_HOLIDAY_PROCLAMATIONS) {
      if (p.change === 'moved') expect(bankHolidaysOf(p.year).find((h) => h.rule === p.rule)?.date).toBe(p.to);
      else expect(isBankHoliday(p.date)).toBe(true);
    }
  });
});

describe('rules and limits', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'], // the latest possible
    [2285, '2285-03-22'], // the earliest possible
    [2000, '2000-04-23'],
    [1981, '1981-04-19'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('has eight holidays in every ordinary year, always on weekdays, early May on the first Monday', () => {
    for (let year = 2024; year <= 2060; year++) {
      const holidays = bankHolidaysOf(year);
      expect(holidays).toHaveLength(8);
      expect(holidays.every((h) => isoWeekday(h.date) <= 5)).toBe(true);
      const earlyMay = holidays.find((h) => h.rule === 'early_may')!.date;
      expect(earlyMay.slice(5, 8) === '05-' && Number(earlyMay.slice(8)) <= 7 && isoWeekday(earlyMay) === 1).toBe(true);
    }
  });

  it('answers for a day, and refuses what it cannot know', () => {
    expect(isBankHoliday('2026-12-28')).toBe(true);
    expect(isBankHoliday('2026-12-26')).toBe(false); // the Saturday itself is not the holiday
    expect(bankHolidayOn('2026-06-01')).toBeUndefined();
    expect(() => isBankHoliday('2026-02-30')).toThrow(RangeError);
    expect(() => bankHolidaysOf(BANK_HOLIDAYS_FIRST_YEAR - 1)).toThrow(/1978/);
    expect(() => bankHolidaysOf(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });

  it('hands out frozen data', () => {
    expect(Object.isFrozen(bankHolidaysOf(2026))).toBe(true);
    expect(Object.isFrozen(bankHolidaysOf(2026)[0])).toBe(true);
  });
});
