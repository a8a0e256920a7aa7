import { riskMovements, riskStatesAt, type RiskScoreEvent } from './as-at';

const ev = (
  riskId: string,
  effectiveOn: string,
  source: RiskScoreEvent['source'],
  l: number | null,
  i: number | null,
  createdAt?: string,
): RiskScoreEvent => ({
  riskId,
  effectiveOn,
  source,
  likelihoodAfter: l,
  impactAfter: i,
  legacyScoreAfter: null,
  createdAt,
});

const history: RiskScoreEvent[] = [
  ev('a', '2024-04-10', 'registered', 4, 4),
  ev('a', '2024-09-01', 'reviewed', 3, 4),
  ev('b', '2024-05-01', 'registered', 2, 2),
  ev('b', '2025-01-15', 'reviewed', 4, 3),
  ev('c', '2024-06-01', 'registered', 3, 3),
  ev('c', '2024-12-01', 'closed', 3, 3),
  ev('d', '2025-02-01', 'registered', 5, 5),
  ev('e', '2024-04-01', 'registered', 2, 3),
  ev('e', '2024-07-01', 'closed', 2, 3),
  ev('e', '2025-02-10', 'reopened', 3, 3),
  // Two events on one day: the one written later wins.
  ev('f', '2024-04-01', 'registered', 1, 1, '2024-04-01T09:00:00Z'),
  ev('f', '2024-04-01', 'edited', 2, 2, '2024-04-01T10:00:00Z'),
];

describe('the register as at a past day', () => {
  it('gives each risk that existed then its state and score then', () => {
    const at = riskStatesAt(history, '2024-10-01');
    expect([...at.values()].map((s) => [s.riskId, s.open, s.score])).toEqual([
      ['e', false, 6],
      ['f', true, 4],
      ['a', true, 12],
      ['b', true, 4],
      ['c', true, 9],
    ]);
    expect(riskStatesAt(history, '2024-03-31').size).toBe(0);
    // Events in any order give the same answer.
    expect(riskStatesAt([...history].reverse(), '2024-10-01')).toEqual(at);
  });

  it('names how each risk moved between two days', () => {
    const moves = riskMovements(history, '2024-10-01', '2025-03-31').map((m) => [m.riskId, m.kind]);
    expect(moves.sort()).toEqual([
      ['a', 'same'],
      ['b', 'up'],
      ['c', 'closed'],
      ['d', 'new'],
      ['e', 'reopened'],
      ['f', 'same'],
    ]);
    expect(riskMovements(history, '2024-04-30', '2024-10-01').find((m) => m.riskId === 'a')).toMatchObject({
      kind: 'down',
      from: { score: 16 },
      to: { score: 12 },
    });
  });
});
