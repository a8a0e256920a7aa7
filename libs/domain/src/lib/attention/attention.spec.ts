import { countOf, dueState, isAre, needsProgressUpdate, progressFreshFrom } from './attention';

describe('what needs attention', () => {
  it('counts in words with the right plural', () => {
    expect(countOf(0, 'work item')).toBe('no work items');
    expect(countOf(1, 'work item')).toBe('1 work item');
    expect(countOf(2, 'work item')).toBe('2 work items');
    expect(countOf(1, 'delivery', 'deliveries')).toBe('1 delivery');
    expect(countOf(3, 'delivery', 'deliveries')).toBe('3 deliveries');
    expect(isAre(1)).toBe('is');
    expect(isAre(0)).toBe('are');
    expect(isAre(2)).toBe('are');
  });

  it('tells overdue from due soon, and ignores finished or undated work', () => {
    const today = '2026-12-05';
    expect(dueState('on_track', '2026-12-04', today)).toBe('overdue');
    expect(dueState('on_track', '2026-12-05', today)).toBe('due_soon');
    expect(dueState('at_risk', '2026-12-19', today)).toBe('due_soon');
    expect(dueState('at_risk', '2026-12-20', today)).toBeNull();
    expect(dueState('complete', '2026-01-01', today)).toBeNull();
    expect(dueState('deferred', '2026-01-01', today)).toBeNull();
    expect(dueState('not_started', null, today)).toBeNull();
  });

  it('wants an update since the last board, or within the weeks when the board was longer ago', () => {
    const today = '2026-12-05';
    expect(progressFreshFrom('2026-11-20', today)).toEqual({ from: '2026-11-20', since: 'board' });
    expect(progressFreshFrom('2026-06-01', today)).toEqual({ from: '2026-10-24', since: 'weeks' });
    expect(progressFreshFrom(null, today, 2)).toEqual({ from: '2026-11-21', since: 'weeks' });
    expect(needsProgressUpdate('on_track', null, '2026-11-20')).toBe(true);
    expect(needsProgressUpdate('on_track', '2026-11-19', '2026-11-20')).toBe(true);
    expect(needsProgressUpdate('on_track', '2026-11-20', '2026-11-20')).toBe(false);
    expect(needsProgressUpdate('complete', null, '2026-11-20')).toBe(false);
  });
});
