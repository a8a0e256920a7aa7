import { roundCountsText, whenText } from './nudge-format';

describe('nudge words', () => {
  it('shows when in UK time and order', () => {
    expect(whenText('2026-12-04T09:30:00.000Z')).toBe('4 December 2026 at 09:30');
    expect(whenText('2026-06-04T08:00:00.000Z')).toBe('4 June 2026 at 09:00');
  });
  it('says how a round went, plurals right, failures only when there are some', () => {
    const counts = (nudged: number, updated: number, failed = 0) => ({ nudged, updated, failed, sent: nudged - failed });
    expect(roundCountsText({ state: 'scheduled', counts: counts(0, 0) })).toBe('Not sent yet');
    expect(roundCountsText({ state: 'sent', counts: counts(0, 0) })).toBe('Nobody needed a nudge');
    expect(roundCountsText({ state: 'sent', counts: counts(1, 1) })).toBe('1 lead nudged, 1 updated');
    expect(roundCountsText({ state: 'sent', counts: counts(3, 1, 1) })).toBe('3 leads nudged, 1 updated, 1 email failed');
  });
});
