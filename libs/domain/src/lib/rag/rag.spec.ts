import { contrastRatio } from '../colour';
import { parseTimescale } from '../timescale';
import {
  RAGS,
  RAG_INFO,
  RAG_SEVERITY,
  WORK_ITEM_STATUSES,
  WORK_ITEM_STATUS_LABELS,
  assessRag,
  effectiveRag,
  isWorkItemStatus,
  ragOf,
  ragText,
  slippage,
  targetChange,
} from './index';

describe('work item statuses and their colours', () => {
  it.each([
    ['not_started', 'grey'],
    ['on_track', 'green'],
    ['at_risk', 'amber'],
    ['off_track', 'red'],
    ['complete', 'blue'],
    ['deferred', 'grey'],
  ] as const)('%s is %s', (status, rag) => {
    expect(ragOf(status)).toBe(rag);
  });

  it('labels every status', () => {
    expect(WORK_ITEM_STATUSES.map((s) => WORK_ITEM_STATUS_LABELS[s])).toEqual([
      'Not started',
      'On track',
      'At risk',
      'Off track',
      'Complete',
      'Deferred',
    ]);
    expect(isWorkItemStatus('on_track')).toBe(true);
    expect(isWorkItemStatus('green')).toBe(false);
    expect(() => ragOf('green' as never)).toThrow(RangeError);
  });

  it('never relies on colour alone: each RAG has a label, a letter and a meaning, and readable text', () => {
    for (const rag of RAGS) {
      const info = RAG_INFO[rag];
      expect(info.label).toBeTruthy();
      expect(info.letter).toBeTruthy();
      expect(info.meaning).toBeTruthy();
      expect(contrastRatio(info.colour, info.textColour)).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(RAGS.map((r) => RAG_INFO[r].colour)).size).toBe(5);
    expect(new Set(RAGS.map((r) => RAG_INFO[r].letter)).size).toBe(5);
    expect(ragText('amber')).toBe('Amber – at risk or overdue');
    expect(ragText('blue')).toBe('Blue – complete');
  });

  it('orders concern worst first', () => {
    expect([...RAGS].sort((a, b) => RAG_SEVERITY[b] - RAG_SEVERITY[a])).toEqual(['red', 'amber', 'green', 'grey', 'blue']);
  });
});

describe('slippage', () => {
  it('is late only after the due day', () => {
    expect(slippage({ status: 'on_track', due: '2020-12-31', today: '2020-12-31' })).toEqual({ slipped: false, daysLate: 0 });
    expect(slippage({ status: 'on_track', due: '2020-12-31', today: '2021-01-01' })).toEqual({ slipped: true, daysLate: 1 });
    expect(slippage({ status: 'not_started', due: '2024-02-28', today: '2024-03-01' })).toEqual({ slipped: true, daysLate: 2 });
  });

  it('does not count complete or deferred work', () => {
    expect(slippage({ status: 'complete', due: '2020-06-30', today: '2021-01-01' })).toEqual({ slipped: false, daysLate: 0 });
    expect(slippage({ status: 'deferred', due: '2020-06-30', today: '2021-01-01' })).toEqual({ slipped: false, daysLate: 0 });
  });

  it('needs a due date to slip', () => {
    expect(slippage({ status: 'off_track', due: undefined, today: '2021-01-01' })).toEqual({ slipped: false, daysLate: 0 });
    expect(slippage({ status: 'off_track', due: null, today: '2021-01-01' })).toEqual({ slipped: false, daysLate: 0 });
  });

  it('rejects dates it cannot read', () => {
    expect(() => slippage({ status: 'on_track', due: '31/12/2020', today: '2021-01-01' })).toThrow(/due/);
    expect(() => slippage({ status: 'on_track', due: '2020-12-31', today: 'today' })).toThrow(/today/);
  });

  it('works with a parsed timescale (seed 004: "some of the target dates have already slipped")', () => {
    const due = parseTimescale('by 30th June 2020').due;
    expect(slippage({ status: 'on_track', due, today: '2020-08-20' })).toEqual({ slipped: true, daysLate: 51 });
  });
});

describe('effectiveRag: past its target and not complete is at least Amber', () => {
  const due = '2024-03-31';
  const late = '2024-04-15';
  const early = '2024-03-01';

  it.each([
    ['not_started', early, 'grey'],
    ['not_started', late, 'amber'],
    ['on_track', early, 'green'],
    ['on_track', due, 'green'],
    ['on_track', late, 'amber'],
    ['at_risk', late, 'amber'],
    ['off_track', early, 'red'],
    ['off_track', late, 'red'],
    ['complete', late, 'blue'],
    ['deferred', late, 'grey'],
  ] as const)('%s, today %s → %s', (status, today, rag) => {
    expect(effectiveRag(status, due, today)).toBe(rag);
  });

  it('keeps the status colour when there is no target', () => {
    expect(effectiveRag('on_track', undefined, late)).toBe('green');
  });

  it('says why, for the report', () => {
    expect(assessRag('on_track', due, late)).toEqual({
      rag: 'amber',
      statusRag: 'green',
      escalated: true,
      slipped: true,
      daysLate: 15,
      reason: 'Overdue: its target of 31 March 2024 passed 15 days ago and it is not complete, so it shows as Amber, not Green',
    });
    expect(assessRag('off_track', due, '2024-04-01')).toMatchObject({
      rag: 'red',
      escalated: false,
      reason: 'Overdue: its target of 31 March 2024 passed 1 day ago and it is not complete',
    });
    expect(assessRag('on_track', due, early)).toEqual({ rag: 'green', statusRag: 'green', escalated: false, slipped: false, daysLate: 0 });
  });
});

describe('targetChange', () => {
  it('measures how far the current target moved from the original', () => {
    expect(targetChange('2023-12-31', '2024-03-31')).toEqual({ moved: true, days: 91 });
    expect(targetChange('2024-03-31', '2023-12-31')).toEqual({ moved: true, days: -91 });
    expect(targetChange('2024-03-31', '2024-03-31')).toEqual({ moved: false, days: 0 });
    expect(targetChange(undefined, undefined)).toEqual({ moved: false, days: 0 });
    expect(targetChange(null, '2024-03-31')).toEqual({ moved: true, days: 0 });
  });
});
