import { assessRag, RAG_INFO, RAGS, WORK_ITEM_STATUSES, ragText, type WorkItemStatus } from './rag';
import { itemStatusWords, overdueWords, ragCountWords, standingWords, statusLabel, targetMoveWords } from './status-vocabulary';

const TODAY = '2026-12-10';

/** An item's words as the web app and the PDFs both print them, from its status and target. */
const words = (status: WorkItemStatus, due: string | null) => {
  const a = assessRag(status, due, TODAY);
  return itemStatusWords({ rag: a.rag, status, escalated: a.escalated });
};

describe('the status vocabulary shared by the web app and the PDFs', () => {
  describe('an item’s colour with its own status', () => {
    it.each([
      ['not_started', null, 'Grey – Not started'],
      ['on_track', null, 'Green – On track'],
      ['at_risk', null, 'Amber – At risk'],
      ['off_track', null, 'Red – Off track'],
      ['complete', null, 'Blue – Complete'],
      ['deferred', null, 'Grey – Deferred'],
      // Not yet due, or due today: the status's own colour and words.
      ['on_track', '2026-12-11', 'Green – On track'],
      ['on_track', TODAY, 'Green – On track'],
      // Past its target and not complete: overdue, at least Amber, and the words say the date did it.
      ['on_track', '2026-12-09', 'Amber – Overdue (reported on track)'],
      ['not_started', '2026-01-01', 'Amber – Overdue (reported not started)'],
      // Already Amber or Red by its status: the colour is the status's, the words are the status's.
      ['at_risk', '2026-01-01', 'Amber – At risk'],
      ['off_track', '2026-01-01', 'Red – Off track'],
      // Complete or deferred is never overdue.
      ['complete', '2020-01-01', 'Blue – Complete'],
      ['deferred', '2020-01-01', 'Grey – Deferred'],
    ] as const)('%s due %s → %s', (status, due, expected) => {
      expect(words(status, due)).toBe(expected);
    });

    it('never says "past its target" nor "slipped" for a passed date, and always names the colour', () => {
      for (const status of WORK_ITEM_STATUSES) {
        for (const due of [null, '2026-12-11', '2025-01-01']) {
          const text = words(status, due);
          expect(text).not.toMatch(/past its target|slipped/i);
          expect(RAGS.some((rag) => text.startsWith(`${RAG_INFO[rag].label} – `))).toBe(true);
        }
      }
    });

    it('gives the standing without the colour for a table whose tag names it', () => {
      expect(standingWords({ status: 'on_track', escalated: false })).toBe('On track');
      expect(standingWords({ status: 'on_track', escalated: true })).toBe('Overdue (reported on track)');
      expect(standingWords({ status: 'not_started', escalated: true })).toBe('Overdue (reported not started)');
    });

    it('labels every status, and an unknown one as it came', () => {
      expect(WORK_ITEM_STATUSES.map(statusLabel)).toEqual(['Not started', 'On track', 'At risk', 'Off track', 'Complete', 'Deferred']);
      expect(statusLabel('paused')).toBe('paused');
    });
  });

  describe('a colour in a count or roll-up says what it covers', () => {
    it('amber covers at risk and overdue; the others their one meaning', () => {
      expect(RAGS.map(ragText)).toEqual([
        'Blue – complete',
        'Green – on track',
        'Amber – at risk or overdue',
        'Red – off track',
        'Grey – not started or deferred',
      ]);
      expect(ragCountWords('amber', 1)).toBe('1 amber (at risk or overdue)');
      expect(ragCountWords('blue', 3)).toBe('3 blue (complete)');
      expect(ragCountWords('grey', 0)).toBe('0 grey (not started or deferred)');
    });

    it('an overdue item counted as amber is what amber says it is', () => {
      const a = assessRag('on_track', '2026-01-01', TODAY);
      expect(a.rag).toBe('amber');
      expect(RAG_INFO[a.rag].meaning).toMatch(/overdue/);
    });
  });

  describe('overdue: a target that passed', () => {
    it.each([
      [0, ''],
      [-3, ''],
      [1, 'Overdue by 1 day'],
      [2, 'Overdue by 2 days'],
      [365, 'Overdue by 365 days'],
    ])('%i days late → "%s"', (days, expected) => {
      expect(overdueWords(days)).toBe(expected);
    });

    it('explains the colour in UK date order, with the plural right', () => {
      expect(assessRag('on_track', '2026-12-09', TODAY).reason).toBe(
        'Overdue: its target of 9 December 2026 passed 1 day ago and it is not complete, so it shows as Amber, not Green',
      );
      expect(assessRag('off_track', '2026-11-30', TODAY).reason).toBe(
        'Overdue: its target of 30 November 2026 passed 10 days ago and it is not complete',
      );
      expect(assessRag('on_track', TODAY, TODAY).reason).toBeUndefined();
      expect(assessRag('complete', '2020-01-01', TODAY).reason).toBeUndefined();
    });
  });

  describe('slipped: only a target that moved later', () => {
    it.each([
      [183, 'Q4 2023/24', 'Slipped: target moved 183 days later (originally Q4 2023/24)'],
      [1, '31 March 2024', 'Slipped: target moved 1 day later (originally 31 March 2024)'],
      [30, null, 'Slipped: target moved 30 days later'],
      [30, '', 'Slipped: target moved 30 days later'],
      [-10, 'Q4 2023/24', 'Target brought 10 days earlier'],
      [-1, null, 'Target brought 1 day earlier'],
      [0, 'Q4 2023/24', null],
    ] as const)('%i days (originally %s) → %s', (days, original, expected) => {
      expect(targetMoveWords(days, original)).toBe(expected);
    });
  });
});
