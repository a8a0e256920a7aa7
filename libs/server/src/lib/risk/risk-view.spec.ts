import { addMonths, currentOf, formatReference, heatMap, isOverdue, scoreChange, scoreView } from './risk-view';
import { Risk } from './risk.entity';

function risk(over: Partial<Risk>): Risk {
  return Object.assign(new Risk(), { networkId: 'n', number: 1, reference: 'SN/01', dateRegistered: '2026-01-01', description: 'd' }, over);
}

describe('risk view rules', () => {
  it('scores likelihood × impact with its band', () => {
    expect(scoreView(4, 3, null)).toEqual({ likelihood: 4, impact: 3, score: 12, band: 'high', legacy: null });
  });
  it('keeps a legacy score that is not a product, flagged with the reason and its nearest band', () => {
    const s = scoreView(null, null, 7);
    expect(s).toMatchObject({ score: 7, band: 'high', likelihood: null });
    expect(s.legacy?.reason).toMatch(/not likelihood × impact/);
  });
  it('flags a product score imported without likelihood and impact too', () => {
    expect(scoreView(null, null, 9).legacy?.reason).toMatch(/without likelihood and impact/);
  });
  it('takes the after-mitigation score as current, else the one before', () => {
    expect(currentOf(risk({ likelihoodBefore: 5, impactBefore: 5, likelihoodAfter: 2, impactAfter: 2 })).score).toBe(4);
    expect(currentOf(risk({ likelihoodBefore: 5, impactBefore: 4 })).score).toBe(20);
  });
  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-06-15', 12)).toBe('2027-06-15');
  });
  it('numbers references with the prefix, two digits at least', () => {
    expect(formatReference('SN', 7)).toBe('SN/07');
    expect(formatReference('EMMTN', 123)).toBe('EMMTN/123');
  });
  it('flags open risks past their review date, never closed ones', () => {
    expect(isOverdue(risk({ nextReviewDue: '2026-03-01' }), '2026-03-02')).toBe(true);
    expect(isOverdue(risk({ nextReviewDue: '2026-03-02' }), '2026-03-02')).toBe(false);
    expect(isOverdue(risk({ nextReviewDue: '2026-03-01', status: 'closed' }), '2026-03-02')).toBe(false);
  });
  it('counts open risks per heat-map cell, current and before, leaving legacy-only scores unplaced', () => {
    const a = risk({ id: 'a', likelihoodBefore: 4, impactBefore: 4, likelihoodAfter: 2, impactAfter: 3 });
    const b = risk({ id: 'b', likelihoodBefore: 4, impactBefore: 4 });
    const c = risk({ id: 'c', legacyScoreBefore: 7 });
    const d = risk({ id: 'd', likelihoodBefore: 1, impactBefore: 1, status: 'closed', closedOn: '2026-02-01' });
    const map = heatMap([a, b, c, d]);
    const cell = (grid: typeof map.current, l: number, i: number) => grid[5 - l][i - 1];
    expect(cell(map.before, 4, 4)).toMatchObject({ count: 2, riskIds: ['a', 'b'], band: 'extreme' });
    expect(cell(map.current, 2, 3)).toMatchObject({ count: 1, riskIds: ['a'], band: 'medium' });
    expect(cell(map.current, 4, 4).riskIds).toEqual(['b']);
    expect(cell(map.current, 1, 1).count).toBe(0);
    expect(map.unplaced).toEqual({ current: 1, before: 1 });
  });
});

describe('scoreChange', () => {
  it('snapshots both sides of the scores with the source, the day and who did it', () => {
    const r = Object.assign(new Risk(), { id: 'r1', networkId: 'n1', likelihoodBefore: 4, impactBefore: 4, likelihoodAfter: 2, impactAfter: 3 });
    expect(scoreChange(r, 'reviewed', '2026-02-01', 'u1')).toMatchObject({
      networkId: 'n1',
      riskId: 'r1',
      source: 'reviewed',
      effectiveOn: '2026-02-01',
      actorUserId: 'u1',
      likelihoodBefore: 4,
      impactBefore: 4,
      legacyScoreBefore: null,
      likelihoodAfter: 2,
      impactAfter: 3,
      legacyScoreAfter: null,
    });
  });
});
