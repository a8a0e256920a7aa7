import { carriesForwardByDefault, nextPeriod, periodsOverlap, rollOverTitle, targetBeforePeriod } from './roll-over';

describe('the year-end roll-over', () => {
  it('proposes the next period as long as this one', () => {
    expect(nextPeriod({ start: '2024-04-01', end: '2025-03-31' })).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(nextPeriod({ start: '2023-04-01', end: '2025-03-31' })).toEqual({ start: '2025-04-01', end: '2027-03-31' });
    expect(nextPeriod({ start: '2024-01-01', end: '2024-06-30' })).toEqual({ start: '2024-07-01', end: '2024-12-31' });
    expect(nextPeriod({ start: '2023-09-01', end: '2024-02-29' })).toEqual({ start: '2024-03-01', end: '2024-08-31' });
    // Not whole months: as many days.
    expect(nextPeriod({ start: '2024-04-15', end: '2024-04-24' })).toEqual({ start: '2024-04-25', end: '2024-05-04' });
  });

  it('moves the years in the title on', () => {
    const from = { start: '2024-04-01', end: '2025-03-31' };
    const to = { start: '2025-04-01', end: '2026-03-31' };
    expect(rollOverTitle('Objectives and work plan 2024/25', from, to)).toBe('Objectives and work plan 2025/26');
    expect(rollOverTitle('Work plan 2024-2025', from, to)).toBe('Work plan 2025-2026');
    expect(rollOverTitle('Work plan 2024–25 (draft 2)', from, to)).toBe('Work plan 2025–26 (draft 2)');
    expect(rollOverTitle('Plan for 2024', from, to)).toBe('Plan for 2025');
    expect(rollOverTitle('Work plan', from, to)).toBe('Work plan 2025/26');
    const two = { start: '2023-04-01', end: '2025-03-31' };
    expect(rollOverTitle('Objectives 2023–25', two, nextPeriod(two))).toBe('Objectives 2025–27');
    expect(rollOverTitle('Objectives 2099/00', { start: '2099-04-01', end: '2100-03-31' }, { start: '2100-04-01', end: '2101-03-31' })).toBe(
      'Objectives 2100/01',
    );
  });

  it('carries forward everything not complete by default', () => {
    expect(carriesForwardByDefault('complete')).toBe(false);
    for (const s of ['not_started', 'on_track', 'at_risk', 'off_track', 'deferred'] as const) expect(carriesForwardByDefault(s)).toBe(true);
  });

  it('knows overlapping periods and targets before a period', () => {
    const p = { start: '2025-04-01', end: '2026-03-31' };
    expect(periodsOverlap(p, { start: '2026-03-31', end: '2027-03-31' })).toBe(true);
    expect(periodsOverlap(p, { start: '2024-04-01', end: '2025-03-31' })).toBe(false);
    expect(targetBeforePeriod('2025-03-31', p)).toBe(true);
    expect(targetBeforePeriod('2025-04-01', p)).toBe(false);
    expect(targetBeforePeriod(null, p)).toBe(false);
  });
});
