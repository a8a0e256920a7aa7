import { updateAsAt, yearEndOf } from './year-end';

const year = { start: '2024-04-01', end: '2025-03-31' };

describe('a work item at the end of a year', () => {
  it('takes the latest update on or before the day, the later-written of one day', () => {
    const updates = [
      { onDate: '2024-05-01', status: 'on_track' as const },
      { onDate: '2025-02-01', status: 'at_risk' as const, createdAt: '2025-02-01T09:00:00Z' },
      { onDate: '2025-02-01', status: 'off_track' as const, createdAt: '2025-02-01T11:00:00Z' },
      { onDate: '2025-04-10', status: 'complete' as const },
    ];
    expect(updateAsAt(updates, '2025-03-31')?.status).toBe('off_track');
    expect(updateAsAt(updates, '2024-04-30')).toBeNull();
    expect(updateAsAt([...updates].reverse(), '2025-03-31')?.status).toBe('off_track');
  });

  it('places each item in the delivery table', () => {
    const at = (
      updates: Array<{ onDate: string; status: 'on_track' | 'complete' | 'at_risk' | 'deferred' }>,
      dueOn: string | null = '2025-06-30',
      originalDueOn = dueOn,
    ) => yearEndOf({ dueOn, originalDueOn, updates }, year).standing;
    expect(at([{ onDate: '2024-11-01', status: 'complete' }])).toBe('completed_in_year');
    expect(at([{ onDate: '2024-02-01', status: 'complete' }])).toBe('completed_before');
    // Completed after the year: as it stood at year end.
    expect(
      at([
        { onDate: '2024-06-01', status: 'on_track' },
        { onDate: '2025-04-02', status: 'complete' },
      ]),
    ).toBe('on_track');
    expect(at([{ onDate: '2024-06-01', status: 'on_track' }], '2025-01-31')).toBe('slipped');
    expect(at([{ onDate: '2024-06-01', status: 'on_track' }], '2025-09-30', '2025-06-30')).toBe('slipped');
    expect(at([{ onDate: '2024-06-01', status: 'at_risk' }])).toBe('at_risk');
    expect(at([{ onDate: '2024-06-01', status: 'deferred' }], '2024-09-30')).toBe('deferred');
    expect(at([])).toBe('not_started');
    expect(at([], null, null)).toBe('not_started');
    expect(
      yearEndOf({ dueOn: '2025-01-31', originalDueOn: '2025-01-31', updates: [{ onDate: '2024-06-01', status: 'on_track' }] }, year),
    ).toMatchObject({
      status: 'on_track',
      rag: 'amber',
      slipped: true,
    });
  });
});
