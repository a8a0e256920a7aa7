import { resolveLead, normaliseName } from './people';
import { diffSnapshots } from './plan-change-log';
import { countsOf, itemState, leadLabel, mayProgress, quarterOf } from './work-plan-view';
import { swapWithNeighbour } from './work-plan.service';

describe('an item’s state today', () => {
  it('is slipped when past its target and not complete, and says by how much', () => {
    expect(itemState('on_track', '2024-03-31', '2024-03-31', '2024-04-15')).toMatchObject({
      rag: 'amber',
      late: { slipped: true, daysLate: 15 },
      slipped: true,
    });
    expect(itemState('on_track', '2024-03-31', '2024-03-31', '2024-03-31')).toMatchObject({ rag: 'green', slipped: false });
    expect(itemState('off_track', '2024-03-31', '2024-03-31', '2024-04-15').rag).toBe('red');
  });

  it('counts a target moved later as slipped, even before the new date, unless the work is finished', () => {
    expect(itemState('on_track', '2024-09-30', '2024-03-31', '2024-06-01')).toMatchObject({
      rag: 'green',
      late: { slipped: false },
      targetMoved: { moved: true, days: 183 },
      slipped: true,
    });
    expect(itemState('complete', '2024-09-30', '2024-03-31', '2024-12-01')).toMatchObject({ rag: 'blue', slipped: false });
    expect(itemState('deferred', '2024-09-30', '2024-03-31', '2024-12-01').slipped).toBe(false);
  });

  it('never slips without a date (Ongoing, As required, unread)', () => {
    expect(itemState('not_started', null, null, '2030-01-01')).toMatchObject({ rag: 'grey', slipped: false, ragReason: null });
  });

  it('puts the due date in its financial quarter', () => {
    expect(quarterOf('2024-03-31')).toEqual({ key: '2023-Q4', label: 'Q4 2023/24' });
    expect(quarterOf('2024-04-01')).toEqual({ key: '2024-Q1', label: 'Q1 2024/25' });
    expect(quarterOf(null)).toBeNull();
  });
});

describe('roll-ups', () => {
  it('counts by colour and keeps the worst', () => {
    const c = countsOf([
      { rag: 'blue', slipped: false, status: 'complete', timescaleFlagged: false },
      { rag: 'amber', slipped: true, status: 'on_track', timescaleFlagged: false },
      { rag: 'grey', slipped: false, status: 'not_started', timescaleFlagged: true },
    ]);
    expect(c).toEqual({ items: 3, rag: { blue: 1, green: 0, amber: 1, red: 0, grey: 1 }, worst: 'amber', slipped: 1, flagged: 1, complete: 1 });
    expect(countsOf([]).worst).toBeNull();
  });
});

describe('leads', () => {
  const people = {
    members: new Map([
      ['u-priya', 'Priya Shah'],
      ['u-ravi', 'Ravi Kumar'],
    ]),
    roles: [
      { title: 'Network Manager', personName: 'Priya Shah' },
      { title: 'Network Clinical Lead', personName: 'Dr Ravi Kumar' },
    ],
  };

  it('labels a lead by role and person', () => {
    expect(leadLabel({ title: 'Network Manager', name: 'Priya Shah' })).toBe('Network Manager (Priya Shah)');
    expect(leadLabel({ title: 'RSN Board', name: null })).toBe('RSN Board');
    expect(leadLabel({ title: '', name: 'Priya Shah' })).toBe('Priya Shah');
  });

  it('reads a written lead as a member, a leadership role (with its holder), "Title (Name)", or a role title', () => {
    expect(resolveLead('Priya Shah', people)).toEqual({ userId: 'u-priya', title: '', known: true });
    expect(resolveLead('network clinical lead', people)).toEqual({ userId: 'u-ravi', title: 'Network Clinical Lead', known: true });
    expect(resolveLead('Network Medical Lead (Ravi Kumar)', people)).toEqual({ userId: 'u-ravi', title: 'Network Medical Lead', known: true });
    expect(resolveLead('ICB Systems', people)).toEqual({ userId: null, title: 'ICB Systems', known: false });
    expect(normaliseName('Dr. Ravi  Kumar')).toBe('ravi kumar');
  });

  it('lets managers update any item and leads only their own', () => {
    const leads = [{ userId: 'u-ravi' }, { userId: null }];
    expect(mayProgress({ userId: 'u-priya', role: 'manager', today: '2024-01-01' }, leads)).toBe(true);
    expect(mayProgress({ userId: 'u-ravi', role: 'lead', today: '2024-01-01' }, leads)).toBe(true);
    expect(mayProgress({ userId: 'u-other', role: 'lead', today: '2024-01-01' }, leads)).toBe(false);
    expect(mayProgress({ userId: 'u-ravi', role: 'viewer', today: '2024-01-01' }, leads)).toBe(false);
  });
});

describe('reordering and change records', () => {
  it('swaps a row with its neighbour, renumbering ties first', () => {
    const rows = [
      { id: 'a', position: 0 },
      { id: 'b', position: 0 },
      { id: 'c', position: 5 },
    ];
    expect(swapWithNeighbour(rows, 'c', 'up')).toBe(true);
    expect(rows.map((r) => [r.id, r.position])).toEqual([
      ['a', 0],
      ['b', 2],
      ['c', 1],
    ]);
    expect(swapWithNeighbour(rows, 'a', 'up')).toBe(false);
    expect(swapWithNeighbour(rows, 'x', 'down')).toBe(false);
  });

  it('records only what changed', () => {
    expect(diffSnapshots({ work: 'a', measures: ['x'], leads: ['L'] }, { work: 'a', measures: ['x', 'y'], leads: ['L'] })).toEqual({
      measures: { from: ['x'], to: ['x', 'y'] },
    });
    expect(diffSnapshots(null, { work: 'a' })).toEqual({ work: { from: null, to: 'a' } });
  });
});
