import type { RiskScoreDto } from '@plexus/contracts';
import { riskBand } from '@plexus/domain';
import { boardComparison, cellName, scoresAsAt, type ScoreHistoryPoint } from './board-comparison';

const score = (likelihood: number, impact: number): RiskScoreDto => ({
  likelihood,
  impact,
  score: likelihood * impact,
  band: riskBand(likelihood * impact).id,
  legacy: null,
});
const point = (riskId: string, effectiveOn: string, s: RiskScoreDto, source = 'reviewed', at = '09:00'): ScoreHistoryPoint => ({
  riskId,
  effectiveOn,
  createdAt: new Date(`${effectiveOn}T${at}:00Z`),
  source,
  current: s,
});
const risk = (id: string, reference: string, current: RiskScoreDto) => ({ id, reference, description: `Risk ${reference}`, current });
/** The cell of a map by likelihood and impact (rows run from likelihood 5 down to 1). */
const cell = (map: ReturnType<typeof boardComparison>['maps'][number], likelihood: number, impact: number) =>
  map.rows[5 - likelihood].cells[impact - 1];

describe('last board vs this board (heat map pair from the score history)', () => {
  const history = [
    point('a', '2026-01-10', score(2, 3), 'registered'),
    point('a', '2026-05-01', score(4, 3)),
    point('a', '2026-06-11', score(4, 4), 'reviewed', '10:00'),
    point('a', '2026-06-11', score(3, 4), 'edited', '11:00'),
    point('b', '2026-02-01', score(5, 5), 'registered'),
    point('c', '2026-03-01', score(2, 2), 'registered'),
    point('d', '2026-02-01', score(3, 3), 'registered'),
    point('d', '2026-04-01', score(3, 3), 'closed'),
    point('d', '2026-07-01', score(3, 3), 'reopened'),
    point('e', '2026-07-01', score(1, 1), 'registered'),
  ];

  it('reads each risk as it stood at the end of a day: the last change by then, two on one day in the order recorded', () => {
    const at = scoresAsAt(history, '2026-06-11');
    expect(at.get('a')).toEqual(score(3, 4));
    expect(scoresAsAt(history, '2026-06-10').get('a')).toEqual(score(4, 3));
    expect(at.get('b')).toEqual(score(5, 5));
    // Closed that day (d), or not registered yet (e): not on the register, so not on the map.
    expect(at.has('d')).toBe(false);
    expect(at.has('e')).toBe(false);
    expect(scoresAsAt(history, '2026-01-09').size).toBe(0);
    // The order of the rows does not matter.
    expect(scoresAsAt([...history].reverse(), '2026-06-11')).toEqual(at);
  });

  it('draws both maps of the open risks and names every movement with its arrow and the cells in words', () => {
    const now = [
      risk('a', 'SN/01', score(2, 4)),
      risk('b', 'SN/02', score(5, 5)),
      risk('c', 'SN/03', score(4, 1)),
      risk('d', 'SN/04', score(3, 4)),
      risk('e', 'SN/05', score(1, 1)),
    ];
    const view = boardComparison(now, history, { title: 'Network Board', date: '2026-06-11' });
    expect(view.lastBoard).toEqual({ title: 'Network Board', date: '2026-06-11', dateLong: '11 June 2026' });
    expect(view.maps.map((m) => m.title)).toEqual(['At the last board (11 June 2026)', 'Now, for this board']);
    const [then, current] = view.maps;
    expect(cell(then, 3, 4).count).toBe(1);
    expect(cell(then, 5, 5).count).toBe(1);
    expect(cell(then, 2, 2).count).toBe(1);
    expect(then.rows.flatMap((r) => r.cells).reduce((n, c) => n + c.count, 0)).toBe(3);
    expect(then.rows.flatMap((r) => r.cells).every((c) => c.marks.length === 0)).toBe(true);
    expect(current.rows.flatMap((r) => r.cells).reduce((n, c) => n + c.count, 0)).toBe(5);
    expect(cell(current, 2, 4)).toMatchObject({ count: 1, band: 'High', marks: [{ reference: 'SN/01', arrow: '↓', label: 'SN/01 down' }] });
    expect(cell(current, 5, 5).marks).toEqual([]);

    expect(view.movements.map((m) => [m.reference, m.movement, m.arrow, m.from, m.to])).toEqual([
      ['SN/01', 'down', '↓', '12', '8'],
      ['SN/03', 'across', '→', '4', '4'],
      ['SN/04', 'new', '+', '—', '12'],
      ['SN/05', 'new', '+', '—', '1'],
    ]);
    expect(view.movements[0].text).toBe(
      'Down: from likelihood 3 Possible × impact 4 Major (12, High) to likelihood 2 Unlikely × impact 4 Major (8, High)',
    );
    expect(view.movements[1].text).toMatch(
      /^Moved across at the same score: from likelihood 2 Unlikely × impact 2 Minor \(4, Medium\) to likelihood 4/,
    );
    expect(view.unchanged).toBe(1);
    expect(view.intro).toContain('4 moved or are new; 1 did not move.');
  });

  it('says an upward move in words too, and that there is nothing to compare with before the board first meets', () => {
    const view = boardComparison([risk('c', 'SN/03', score(4, 4))], history, { title: 'Network Board', date: '2026-06-11' });
    expect(view.movements[0]).toMatchObject({ movement: 'up', arrow: '↑' });
    expect(view.intro).toContain('1 moved or is new; 0 did not move.');
    expect(view.movements[0].text).toMatch(/^Up: from .* \(4, Medium\) to likelihood 4 Likely × impact 4 Major \(16, Extreme\)$/);
    const none = boardComparison([risk('c', 'SN/03', score(4, 4))], history, null);
    expect(none.maps).toEqual([]);
    expect(none.movements).toEqual([]);
    expect(none.intro).toMatch(/has not met/);
  });

  it('names a cell in words, and a legacy score for what it is', () => {
    expect(cellName(score(5, 3))).toBe('likelihood 5 Almost certain × impact 3 Moderate (15, Extreme)');
    expect(cellName({ likelihood: null, impact: null, score: 7, band: 'high', legacy: { value: 7, reason: 'x' } })).toBe('a legacy score of 7');
  });
});
