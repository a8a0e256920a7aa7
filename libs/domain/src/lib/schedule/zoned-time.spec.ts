import { SCHEDULE_TIME_ZONE, instantAtWallTime, wallClockAt, zoneOffsetMinutes } from '../../index';

const at = (iso: string) => new Date(iso);

describe('Europe/London wall-clock time', () => {
  it('is the schedules’ zone', () => {
    expect(SCHEDULE_TIME_ZONE).toBe('Europe/London');
  });

  it('reads an instant as London shows it, on either side of each clock change', () => {
    expect(wallClockAt(at('2026-03-29T00:59:59Z'))).toEqual({ date: '2026-03-29', hour: 0, minute: 59, second: 59 });
    expect(wallClockAt(at('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', hour: 2, minute: 0, second: 0 });
    expect(wallClockAt(at('2026-10-25T00:30:00Z'))).toEqual({ date: '2026-10-25', hour: 1, minute: 30, second: 0 });
    expect(wallClockAt(at('2026-10-25T01:30:00Z'))).toEqual({ date: '2026-10-25', hour: 1, minute: 30, second: 0 });
    expect(wallClockAt(at('2026-06-30T23:30:00Z'))).toEqual({ date: '2026-07-01', hour: 0, minute: 30, second: 0 });
    expect(wallClockAt(at('2026-06-30T23:30:00Z'), 'UTC').date).toBe('2026-06-30');
  });

  it('knows the offset: GMT in winter, BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October', () => {
    expect(zoneOffsetMinutes(at('2026-01-15T12:00:00Z'))).toBe(0);
    expect(zoneOffsetMinutes(at('2026-07-15T12:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes(at('2026-03-29T00:59:59.999Z'))).toBe(0);
    expect(zoneOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes(at('2026-10-25T00:59:59Z'))).toBe(60);
    expect(zoneOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(0);
    expect(zoneOffsetMinutes(at('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it.each([
    ['2026-01-15', 7, 0, '2026-01-15T07:00:00.000Z'],
    ['2026-07-15', 7, 0, '2026-07-15T06:00:00.000Z'],
    ['2026-03-29', 7, 0, '2026-03-29T06:00:00.000Z'], // spring forward day, after the change
    ['2026-10-25', 7, 0, '2026-10-25T07:00:00.000Z'], // fall back day, after the change
    ['2026-03-29', 0, 59, '2026-03-29T00:59:00.000Z'], // before the jump
    ['2026-03-29', 1, 0, '2026-03-29T01:00:00.000Z'], // 01:00 does not exist: the jump
    ['2026-03-29', 1, 30, '2026-03-29T01:00:00.000Z'], // 01:30 does not exist: the first instant after it
    ['2026-03-29', 2, 0, '2026-03-29T01:00:00.000Z'], // 02:00 BST, the first valid wall time
    ['2026-10-25', 0, 30, '2026-10-24T23:30:00.000Z'],
    ['2026-10-25', 1, 30, '2026-10-25T00:30:00.000Z'], // happens twice: the first (BST)
    ['2026-10-25', 2, 0, '2026-10-25T02:00:00.000Z'],
    ['2028-02-29', 9, 0, '2028-02-29T09:00:00.000Z'],
  ])('%s %i:%i in London is %s', (date, hour, minute, expected) => {
    expect(instantAtWallTime(date, hour, minute).toISOString()).toBe(expected);
  });

  it('works for other zones too (New York springs forward at 02:00 local on 8 March 2026)', () => {
    expect(instantAtWallTime('2026-03-08', 2, 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(instantAtWallTime('2026-11-01', 1, 30, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(() => instantAtWallTime('2026-02-30', 7, 0)).toThrow(/YYYY-MM-DD/);
    expect(() => instantAtWallTime('2026-02-03', 24, 0)).toThrow(/hour/);
    expect(() => instantAtWallTime('2026-02-03', 7, 60)).toThrow(/minute/);
    expect(() => wallClockAt(new Date(NaN))).toThrow(RangeError);
  });
});
