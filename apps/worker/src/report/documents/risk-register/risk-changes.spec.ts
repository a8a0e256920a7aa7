import { groupRiskChanges, type RiskChangeEvent } from './risk-changes';

const event = (riskId: string, on: string, change: string, from: number | null, to: number | null): RiskChangeEvent => ({
  riskId,
  reference: riskId.toUpperCase(),
  description: `Risk ${riskId}`,
  on,
  change,
  from,
  to,
});

describe('groupRiskChanges', () => {
  it('gives each risk one row, its changes in order, and its score before the first change and after the last', () => {
    const rows = groupRiskChanges([
      event('r1', '2026-06-02', 'Score up', 8, 12),
      event('r2', '2026-06-03', 'New risk', null, 6),
      event('r1', '2026-07-01', 'Score down', 12, 9),
    ]);
    expect(rows).toEqual([
      {
        reference: 'R1',
        description: 'Risk r1',
        changes: ['2 June 2026: Score up (8 → 12)', '1 July 2026: Score down (12 → 9)'],
        from: 8,
        to: 9,
      },
      { reference: 'R2', description: 'Risk r2', changes: ['3 June 2026: New risk (— → 6)'], from: '—', to: 6 },
    ]);
  });

  it('makes each kind of change one line, with how many times and between which dates (no ten "Re-opened" rows)', () => {
    const events: RiskChangeEvent[] = [];
    for (let i = 1; i <= 10; i++) {
      events.push(event('r1', `2026-07-${String(i * 2).padStart(2, '0')}`, 'Closed', 12, 12));
      events.push(event('r1', `2026-07-${String(i * 2 + 1).padStart(2, '0')}`, 'Re-opened', 12, 12));
    }
    const reopened = Array.from({ length: 10 }, (_, i) => event('r2', `2026-08-${String(i + 1).padStart(2, '0')}`, 'Re-opened', 12, 12));
    const rows = groupRiskChanges(reopened);
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toEqual(['1 August 2026 – 10 August 2026: Re-opened, 10 times']);
    // Closed and re-opened in turn, ten times each: one row, a line for each kind of change.
    expect(groupRiskChanges(events)).toEqual([
      expect.objectContaining({
        reference: 'R1',
        changes: ['2 July 2026 – 20 July 2026: Closed, 10 times', '3 July 2026 – 21 July 2026: Re-opened, 10 times'],
      }),
    ]);
  });
});
