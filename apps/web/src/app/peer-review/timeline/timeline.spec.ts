import { activity, counts, cycle } from '../peer-review.testing';
import { buildTimeline } from './timeline';

describe('the cycle timeline', () => {
  const c = cycle();

  it('puts the quarters in columns under their financial years, and marks the quarter of today', () => {
    const t = buildTimeline(c.quarters, [], '2026-12-03');
    expect(t.years).toEqual([
      { fy: '2026/27', span: 4 },
      { fy: '2027/28', span: 4 },
    ]);
    expect(t.quarters.map((q) => q.label)[2]).toBe('Q3 2026/27');
    expect(t.currentColumn).toBe(2);
    expect(buildTimeline(c.quarters, [], '2030-01-01').currentColumn).toBe(-1);
  });

  it('places each activity in its quarter, in order, overdue only while documents are still owed after its date', () => {
    const owed = activity(1, { kind: 'submission', dueDate: '2026-06-30', submissions: counts({ total: 6, awaited: 2, accepted: 4, overdue: 2 }) });
    const done = activity(2, { kind: 'submission', dueDate: '2026-06-30', submissions: counts({ total: 6, accepted: 6 }) });
    const meeting = activity(3, { kind: 'review_meeting', fy: '2026/27', quarter: 3, dueDate: '2026-12-31' });
    const later = activity(4, { fy: '2027/28', quarter: 4, dueDate: '2028-03-31' });
    const outside = activity(5, { fy: '2030/31', quarter: 1, dueDate: '2030-06-30' });
    const t = buildTimeline(c.quarters, [later, meeting, owed, done, outside], '2026-12-03');
    expect(t.rows.map((r) => [r.activity.id, r.column, r.overdue, r.dueSoon])).toEqual([
      [owed.id, 0, true, false],
      [done.id, 0, false, false],
      [meeting.id, 2, false, true],
      [later.id, 7, false, false],
    ]);
  });
});
