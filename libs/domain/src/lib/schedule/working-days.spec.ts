import { addWorkingDays, firstWorkingDay, isWeekend, isWorkingDay, lastWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore } from '../../index';

describe('working days', () => {
  it('are weekdays that are not bank holidays', () => {
    expect(isWorkingDay('2026-04-02')).toBe(true); // Thursday before Easter
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(isWorkingDay('2024-02-29')).toBe(true); // Thursday
    expect(isWorkingDay('2028-02-29')).toBe(true); // Tuesday
    expect(isWeekend('2026-03-29')).toBe(true);
    expect(isWeekend('2026-03-30')).toBe(false);
    expect(() => isWorkingDay('2027-02-29')).toThrow(RangeError);
  });

  it.each([
    [2026, 4, '2026-04-01'], // Wednesday
    [2024, 4, '2024-04-02'], // 1 April 2024 was Easter Monday
    [2028, 1, '2028-01-04'], // Sat 1, Sun 2, Mon 3 New Year substitute
    [2027, 1, '2027-01-04'], // Fri 1 New Year's Day, then a weekend
    [2026, 1, '2026-01-02'], // Thu 1 New Year's Day
    [2028, 5, '2028-05-02'], // Mon 1 May is the early May bank holiday
    [2026, 6, '2026-06-01'], // Monday, nothing in the way
    [2026, 8, '2026-08-03'], // Sat 1, Sun 2
    [2028, 4, '2028-04-03'], // Sat 1, Sun 2
    [2028, 3, '2028-03-01'], // after 29 February
  ])('firstWorkingDay(%i, %i) is %s', (year, month, expected) => {
    expect(firstWorkingDay(year, month)).toBe(expected);
  });

  it.each([
    [2028, 2, '2028-02-29'], // leap year, Tuesday
    [2024, 2, '2024-02-29'], // leap year, Thursday
    [2026, 2, '2026-02-27'], // Sat 28
    [2026, 5, '2026-05-29'], // Sat 30, Sun 31
    [2027, 5, '2027-05-28'], // Mon 31 is the spring bank holiday
    [2026, 8, '2026-08-28'], // Mon 31 is the summer bank holiday
    [2024, 3, '2024-03-28'], // Sun 31, Sat 30, Good Friday 29
    [2028, 12, '2028-12-29'], // Sun 31, Sat 30
    [2027, 12, '2027-12-31'], // Friday
    [2026, 9, '2026-09-30'], // 30-day month
  ])('lastWorkingDay(%i, %i) is %s', (year, month, expected) => {
    expect(lastWorkingDay(year, month)).toBe(expected);
  });

  it('refuses a month that does not exist, naming the field', () => {
    expect(() => firstWorkingDay(2026, 13)).toThrow(/month must be a whole number from 1 to 12/);
    expect(() => lastWorkingDay(2026, 0)).toThrow(/month/);
    expect(() => firstWorkingDay(2026.5, 1)).toThrow(/year/);
  });

  it('finds the nearest working day either side', () => {
    expect(workingDayOnOrAfter('2026-04-03')).toBe('2026-04-07');
    expect(workingDayOnOrAfter('2026-04-07')).toBe('2026-04-07');
    expect(workingDayOnOrBefore('2026-04-06')).toBe('2026-04-02');
  });

  it.each([
    ['2026-04-02', 1, '2026-04-07'], // over Good Friday, the weekend and Easter Monday
    ['2026-04-07', -1, '2026-04-02'],
    ['2026-12-24', 1, '2026-12-29'], // over Christmas Day, the weekend and the Boxing Day substitute
    ['2027-12-24', 1, '2027-12-29'], // over two substitute days
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-26', 1, '2027-03-01'], // over a weekend and the end of a 28-day February
    ['2026-03-28', 1, '2026-03-30'], // from a Saturday, the Monday is the first working day after
    ['2026-03-28', -1, '2026-03-27'],
    ['2026-03-28', 0, '2026-03-28'], // zero steps: the day itself
    ['2026-01-30', 5, '2026-02-06'], // a working week, over a month end
    ['2026-05-22', 2, '2026-05-27'], // over the spring bank holiday
  ])('addWorkingDays(%s, %i) is %s', (date, days, expected) => {
    expect(addWorkingDays(date, days)).toBe(expected);
  });

  it('adding n then taking n away returns to a working day', () => {
    for (const n of [1, 3, 10, 40]) expect(addWorkingDays(addWorkingDays('2026-12-23', n), -n)).toBe('2026-12-23');
  });

  it('refuses fractional days and malformed dates', () => {
    expect(() => addWorkingDays('2026-01-01', 1.5)).toThrow(/days must be a whole number/);
    expect(() => addWorkingDays('01/01/2026', 0)).toThrow(/YYYY-MM-DD/);
  });
});
