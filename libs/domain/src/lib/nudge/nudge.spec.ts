import { itemNeedsUpdate, nudgeCutoff, nudgeListSummary, riskNeedsReview } from './nudge';

describe('nudge rules', () => {
  it('takes the last board meeting before the send day as the cutoff, else four weeks before it', () => {
    // The later of the last meeting before the send day and six weeks before it (the home page's rule).
    expect(nudgeCutoff('2026-12-10', ['2026-06-11', '2026-11-05', '2026-12-10', '2027-03-11'])).toBe('2026-11-05');
    expect(nudgeCutoff('2026-12-10', ['2026-06-11', '2026-09-10', '2026-12-10', '2027-03-11'])).toBe('2026-10-29');
    expect(nudgeCutoff('2026-12-10', ['2027-03-11'])).toBe('2026-10-29');
    expect(nudgeCutoff('2026-12-10', [])).toBe('2026-10-29');
  });

  it('asks for an update of open items not updated since the cutoff', () => {
    expect(itemNeedsUpdate({ status: 'not_started', statusOn: null }, '2026-09-10')).toBe(true);
    expect(itemNeedsUpdate({ status: 'on_track', statusOn: '2026-09-09' }, '2026-09-10')).toBe(true);
    expect(itemNeedsUpdate({ status: 'on_track', statusOn: '2026-09-10' }, '2026-09-10')).toBe(false);
    expect(itemNeedsUpdate({ status: 'complete', statusOn: null }, '2026-09-10')).toBe(false);
    expect(itemNeedsUpdate({ status: 'deferred', statusOn: '2025-01-01' }, '2026-09-10')).toBe(false);
  });

  it('asks for a review of open risks due by the horizon or with no review date', () => {
    expect(riskNeedsReview({ status: 'open', nextReviewDue: '2026-12-10' }, '2026-12-10')).toBe(true);
    expect(riskNeedsReview({ status: 'open', nextReviewDue: '2026-12-11' }, '2026-12-10')).toBe(false);
    expect(riskNeedsReview({ status: 'open', nextReviewDue: null }, '2026-12-10')).toBe(true);
    expect(riskNeedsReview({ status: 'closed', nextReviewDue: '2020-01-01' }, '2026-12-10')).toBe(false);
  });

  it('says what a nudge lists in words, plurals right', () => {
    expect(nudgeListSummary(1, 0)).toBe('1 item');
    expect(nudgeListSummary(2, 1)).toBe('2 items and 1 risk');
    expect(nudgeListSummary(0, 3)).toBe('3 risks');
  });
});
