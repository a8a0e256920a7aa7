import { demoMeetingDates, nthWeekday } from './board.seed';

describe('demo board meetings', () => {
  it('finds the nth weekday of a month', () => {
    expect(nthWeekday(2026, 2, 4, 2)).toBe('2026-02-12'); // 2nd Thursday
    expect(nthWeekday(2026, 3, 2, 3)).toBe('2026-03-17'); // 3rd Tuesday
    expect(nthWeekday(2025, 1, 3, 2)).toBe('2025-01-08'); // 2nd Wednesday (1 January 2025 was a Wednesday)
  });

  it('gives four quarterly meetings in the last year and the next two', () => {
    const dates = demoMeetingDates('2026-12-03', { firstMonth: 2, weekday: 4, nth: 2 });
    expect(dates).toEqual(['2026-02-12', '2026-05-14', '2026-08-13', '2026-11-12', '2027-02-11', '2027-05-13']);
    const past = dates.filter((d) => d < '2026-12-03');
    expect(past).toHaveLength(4);
    expect(past.every((d) => d >= '2025-12-03')).toBe(true);
  });

  it('counts a meeting on the day itself as upcoming', () => {
    expect(demoMeetingDates('2026-11-12', { firstMonth: 2, weekday: 4, nth: 2 }, 1, 1)).toEqual(['2026-08-13', '2026-11-12']);
  });
});
