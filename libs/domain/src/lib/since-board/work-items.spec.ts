import { effectiveRag } from '../rag/rag';
import { timescaleDue, workItemMovements, workItemStateAt, type WorkItemHistory } from './work-items';

const due = (text: string) => timescaleDue(text, '2025-04-01');
const item = (id: string, over: Partial<WorkItemHistory> = {}): WorkItemHistory => ({
  id,
  createdOn: '2025-04-01',
  timescaleText: 'Q4 2025/26',
  progress: [],
  timescaleChanges: [],
  ...over,
});
const FROM = '2025-06-12';
const TO = '2025-09-11';

describe('timescaleDue', () => {
  it('reads the target as the plan does, year-less in the plan’s first year, nothing for Ongoing', () => {
    expect(timescaleDue('Q2 2025/26', '2025-04-01')).toBe('2025-09-30');
    expect(timescaleDue('Q3', '2024-04-01')).toBe('2024-12-31');
    expect(timescaleDue('Ongoing', '2025-04-01')).toBeNull();
  });
});

describe('workItemStateAt', () => {
  const history = item('a', {
    timescaleText: 'Q4 2025/26',
    progress: [
      { onDate: '2025-05-01', status: 'on_track', createdAt: '2025-05-01T09:00:00Z' },
      { onDate: '2025-07-01', status: 'at_risk', createdAt: '2025-07-01T09:00:00Z' },
      // Two updates on one day: the one written later wins.
      { onDate: '2025-08-01', status: 'off_track', createdAt: '2025-08-01T12:00:00Z' },
      { onDate: '2025-08-01', status: 'on_track', createdAt: '2025-08-01T09:00:00Z' },
    ],
    timescaleChanges: [
      { on: '2025-07-15', from: 'Q1 2025/26', to: 'Q2 2025/26', createdAt: '2025-07-15T10:00:00Z' },
      { on: '2025-10-01', from: 'Q2 2025/26', to: 'Q4 2025/26', createdAt: '2025-10-01T10:00:00Z' },
    ],
  });

  it('is null before the item was added', () => {
    expect(workItemStateAt(item('x', { createdOn: '2025-07-01' }), FROM, due)).toBeNull();
    expect(workItemStateAt(item('x', { createdOn: '2025-07-01' }), '2025-07-01', due)).not.toBeNull();
  });

  it('takes the status of the latest update on or before the day (not started before any) and the target then in force', () => {
    expect(workItemStateAt(history, '2025-04-30', due)).toMatchObject({ status: 'not_started', statusOn: null, timescaleText: 'Q1 2025/26' });
    expect(workItemStateAt(history, '2025-05-01', due)).toMatchObject({ status: 'on_track', statusOn: '2025-05-01', due: '2025-06-30' });
    expect(workItemStateAt(history, '2025-07-20', due)).toMatchObject({ status: 'at_risk', timescaleText: 'Q2 2025/26', due: '2025-09-30' });
    expect(workItemStateAt(history, '2025-08-01', due)).toMatchObject({ status: 'off_track', statusOn: '2025-08-01' });
    expect(workItemStateAt(history, '2025-12-01', due)).toMatchObject({ timescaleText: 'Q4 2025/26', due: '2026-03-31' });
  });

  it('colours with the rag rules on that day: past the target then in force and not complete is at least Amber', () => {
    // On 20 June the target was Q1 (30 June), status on track: Green. On 1 July (before the move) it was past: Amber.
    const june = workItemStateAt(history, '2025-06-20', due)!;
    expect(june.rag.rag).toBe('green');
    const early = workItemStateAt(history, '2025-07-10', due)!;
    expect(early.rag).toMatchObject({ rag: 'amber', slipped: true, daysLate: 10 });
    expect(early.rag.rag).toBe(effectiveRag(early.status, early.due, '2025-07-10'));
  });
});

describe('workItemMovements', () => {
  const items: WorkItemHistory[] = [
    // Green → Amber (status at risk).
    item('worse', {
      progress: [
        { onDate: '2025-05-01', status: 'on_track' },
        { onDate: '2025-08-01', status: 'at_risk' },
      ],
    }),
    // Amber → Blue: changed colour and completed (on the first of two "complete" updates).
    item('done', {
      progress: [
        { onDate: '2025-05-01', status: 'at_risk' },
        { onDate: '2025-07-01', status: 'complete' },
        { onDate: '2025-08-01', status: 'complete' },
      ],
    }),
    // Complete before and after: nothing.
    item('old-done', { progress: [{ onDate: '2025-05-01', status: 'complete' }] }),
    // On track throughout, target moved from Q2 to Q4: slipped (moved), colour unchanged.
    item('moved', {
      progress: [{ onDate: '2025-05-01', status: 'on_track' }],
      timescaleChanges: [{ on: '2025-08-20', from: 'Q2 2025/26', to: 'Q4 2025/26' }],
    }),
    // Target Q1 2025/26 (30 June) passed while on track: slipped (passed) and Green → Amber by the date rule.
    item('passed', { timescaleText: 'Q1 2025/26', progress: [{ onDate: '2025-05-01', status: 'on_track' }] }),
    // Already past its target on the first day: not newly slipped; still Amber.
    item('late', { timescaleText: 'Q4 2024/25', progress: [{ onDate: '2025-05-01', status: 'on_track' }] }),
    // Target moved earlier: not slipped.
    item('earlier', { timescaleChanges: [{ on: '2025-08-20', from: 'Q4 2026/27', to: 'Q4 2025/26' }] }),
    // Added between the meetings, and completed since.
    item('new', { createdOn: '2025-07-01', progress: [{ onDate: '2025-09-01', status: 'complete' }] }),
    // Added after the second day: not in the comparison at all.
    item('later', { createdOn: '2025-09-12' }),
    // Update after the second day does not count.
    item('after', {
      progress: [
        { onDate: '2025-05-01', status: 'on_track' },
        { onDate: '2025-09-12', status: 'off_track' },
      ],
    }),
  ];
  const r = workItemMovements(items, FROM, TO, due);
  const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

  it('lists colour changes of items on the plan on both days, from → to', () => {
    expect(ids(r.bragChanged)).toEqual(['worse', 'done', 'passed']);
    expect(r.bragChanged.map((c) => `${c.from!.rag.rag}→${c.to.rag.rag}`)).toEqual(['green→amber', 'amber→blue', 'green→amber']);
    expect(r.bragChanged[2].to.rag.escalated).toBe(true);
  });

  it('lists completed items with the day they were first marked complete, new ones included', () => {
    expect(r.completed.map((c) => [c.id, c.completedOn])).toEqual([
      ['done', '2025-07-01'],
      ['new', '2025-09-01'],
    ]);
  });

  it('lists slipped items: target moved later (by how many days) or passed while not complete', () => {
    expect(r.slipped.map((s) => [s.id, s.movedDays, s.passed])).toEqual([
      ['moved', 182, false],
      ['passed', 0, true],
    ]);
  });

  it('lists items added between the two days', () => {
    expect(ids(r.added)).toEqual(['new']);
    expect(r.added[0].from).toBeNull();
  });

  it('finds nothing between a day and itself', () => {
    const same = workItemMovements(items, TO, TO, due);
    expect(same).toEqual({ bragChanged: [], completed: [], slipped: [], added: [] });
  });
});
