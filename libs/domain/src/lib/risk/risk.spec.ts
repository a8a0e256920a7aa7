import { contrastRatio } from '../colour';
import {
  IMPACT,
  LIKELIHOOD,
  PRODUCT_SCORES,
  RISK_BANDS,
  RISK_BAND_IDS,
  RiskRatingError,
  RiskScoreError,
  assessRisk,
  classifyLegacyScore,
  factorPairs,
  heatMapCells,
  isProductScore,
  isRiskRating,
  riskBand,
  riskBandOf,
  riskScore,
} from './index';

/** The "Risk Rating" matrix of seed 001, row by row as printed: likelihood 5 at the top, impact 1…5 across. */
const SEED_001_MATRIX: Record<number, string[]> = {
  5: ['Medium', 'High', 'Extreme', 'Extreme', 'Extreme'],
  4: ['Medium', 'High', 'High', 'Extreme', 'Extreme'],
  3: ['Low', 'Medium', 'High', 'High', 'Extreme'],
  2: ['Low', 'Medium', 'Medium', 'High', 'High'],
  1: ['Low', 'Low', 'Low', 'Medium', 'Medium'],
};

describe('ratings', () => {
  it('names likelihood and impact as seed 001 does', () => {
    expect(LIKELIHOOD).toEqual({ 1: 'Rare', 2: 'Unlikely', 3: 'Possible', 4: 'Likely', 5: 'Almost certain' });
    expect(IMPACT).toEqual({ 1: 'Negligible', 2: 'Minor', 3: 'Moderate', 4: 'Major', 5: 'Catastrophic' });
  });

  it('accepts whole numbers 1–5 only', () => {
    expect([1, 2, 3, 4, 5].every(isRiskRating)).toBe(true);
    expect([0, 6, 2.5, NaN, '3', null, undefined].some(isRiskRating)).toBe(false);
  });
});

describe('riskScore', () => {
  it('is likelihood × impact', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
  });

  it.each([
    [0, 3, 'likelihood', 0],
    [6, 3, 'likelihood', 6],
    [2.5, 3, 'likelihood', 2.5],
    [NaN, 3, 'likelihood', NaN],
    [3, 0, 'impact', 0],
    [3, 7, 'impact', 7],
    [3, -1, 'impact', -1],
    ['3' as unknown as number, 3, 'likelihood', '3'],
    [3, null as unknown as number, 'impact', null],
  ])('riskScore(%p, %p) throws a RiskRatingError naming %s', (l, i, field, value) => {
    let error: unknown;
    try {
      riskScore(l, i);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RiskRatingError);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as RiskRatingError).field).toBe(field);
    expect((error as RiskRatingError).value).toEqual(value);
    expect((error as RiskRatingError).message).toMatch(field === 'likelihood' ? /^Likelihood/ : /^Impact/);
    expect((error as RiskRatingError).name).toBe('RiskRatingError');
  });

  it('checks likelihood first when both are wrong', () => {
    expect(() => riskScore(9, 9)).toThrow(/^Likelihood/);
  });
});

describe('riskBand', () => {
  it.each([
    [1, 'low'],
    [2, 'low'],
    [3, 'low'],
    [4, 'medium'],
    [5, 'medium'],
    [6, 'medium'],
    [8, 'high'],
    [9, 'high'],
    [10, 'high'],
    [12, 'high'],
    [15, 'extreme'],
    [16, 'extreme'],
    [20, 'extreme'],
    [25, 'extreme'],
  ])('%i is %s', (score, id) => {
    expect(riskBand(score).id).toBe(id);
  });

  it('carries the label, range and required action of each band', () => {
    expect(RISK_BANDS.low).toMatchObject({ label: 'Low', range: '1–3', action: 'No action required; re-assess if anything changes' });
    expect(RISK_BANDS.medium).toMatchObject({ label: 'Medium', range: '4–6', action: 'Act within a reasonable time' });
    expect(RISK_BANDS.high).toMatchObject({ label: 'High', range: '8–12', action: 'Urgent action' });
    expect(RISK_BANDS.extreme).toMatchObject({ label: 'Extreme', range: '15–25', action: 'Immediate action' });
    expect(RISK_BANDS.low.description).toBe('No action (re-assess if any changes)');
  });

  it('gives each band its own colour with readable text', () => {
    const colours = RISK_BAND_IDS.map((id) => RISK_BANDS[id].colour);
    expect(new Set(colours).size).toBe(4);
    for (const id of RISK_BAND_IDS) {
      const b = RISK_BANDS[id];
      expect(b.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastRatio(b.colour, b.textColour)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each([0, 7, 13, 14, 26, -3, 4.5, NaN])('throws a RiskScoreError for %p, which is in no band', (score) => {
    expect(() => riskBand(score)).toThrow(RiskScoreError);
  });

  it('riskBandOf validates the ratings', () => {
    expect(riskBandOf(3, 3).id).toBe('high');
    expect(() => riskBandOf(3, 6)).toThrow(RiskRatingError);
  });

  it('assessRisk gives score and band together', () => {
    expect(assessRisk(4, 4)).toMatchObject({ likelihood: 4, impact: 4, score: 16, band: { id: 'extreme' } });
  });
});

describe('the seed 001 risk matrix', () => {
  it('is reproduced cell by cell by the bands', () => {
    for (const likelihood of [5, 4, 3, 2, 1]) {
      for (const impact of [1, 2, 3, 4, 5]) {
        expect([likelihood, impact, riskBandOf(likelihood, impact).label]).toEqual([likelihood, impact, SEED_001_MATRIX[likelihood][impact - 1]]);
      }
    }
  });

  it('is what heatMapCells draws, top row likelihood 5, impact 1→5 across', () => {
    const grid = heatMapCells();
    expect(grid).toHaveLength(5);
    expect(grid.map((row) => row.map((cell) => RISK_BANDS[cell.band].label))).toEqual([5, 4, 3, 2, 1].map((l) => SEED_001_MATRIX[l]));
    expect(grid[0][0]).toEqual({
      likelihood: 5,
      impact: 1,
      likelihoodLabel: 'Almost certain',
      impactLabel: 'Negligible',
      score: 5,
      band: 'medium',
      count: 0,
    });
    expect(grid[4][4]).toMatchObject({ likelihood: 1, impact: 5, score: 5, band: 'medium', impactLabel: 'Catastrophic' });
    expect(grid.flat().map((c) => c.score)).toEqual([5, 4, 3, 2, 1].flatMap((l) => [1, 2, 3, 4, 5].map((i) => l * i)));
  });

  it('counts risks per cell and ignores ratings off the grid', () => {
    const grid = heatMapCells([
      { likelihood: 3, impact: 3 },
      { likelihood: 3, impact: 3 },
      { likelihood: 5, impact: 5 },
      { likelihood: 7, impact: 1 },
    ]);
    const cell = (l: number, i: number) => grid.flat().find((c) => c.likelihood === l && c.impact === i)!;
    expect(cell(3, 3).count).toBe(2);
    expect(cell(5, 5).count).toBe(1);
    expect(grid.flat().reduce((n, c) => n + c.count, 0)).toBe(3);
  });
});

describe('product and legacy scores', () => {
  it('knows the fourteen products of two 1–5 ratings', () => {
    expect(PRODUCT_SCORES).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
    for (let n = 1; n <= 25; n++) expect(isProductScore(n)).toBe(PRODUCT_SCORES.includes(n));
    expect(isProductScore(0)).toBe(false);
    expect(isProductScore('9')).toBe(false);
    expect(factorPairs(12)).toEqual([
      { likelihood: 3, impact: 4 },
      { likelihood: 4, impact: 3 },
    ]);
    expect(factorPairs(7)).toEqual([]);
  });

  it('keeps the 7 of seed 001 (SN/02) as a legacy value, banded High', () => {
    const seven = classifyLegacyScore(7);
    expect(seven).toMatchObject({ value: 7, band: 'high', legacy: true });
    expect(seven.reason).toMatch(/between Medium \(4–6\) and High \(8–12\)/);
    expect(seven.reason).toMatch(/higher band/);
  });

  it('reads the rest of the seed 001 register as ordinary scores', () => {
    // Before and after mitigation for SN/01…SN/05.
    for (const [score, band] of [
      [9, 'high'],
      [8, 'high'],
      [5, 'medium'],
    ] as const) {
      expect(classifyLegacyScore(score)).toMatchObject({ value: score, band, legacy: false });
    }
  });

  it.each([
    [11, 'high', /lies in the High range/],
    [13, 'high', /the nearer band/],
    [14, 'extreme', /the nearer band/],
    [17, 'extreme', /Extreme range/],
    [24, 'extreme', /Extreme range/],
    ['7', 'high', /between/],
    [' 18 ', 'extreme', /Extreme/],
  ])('%p is legacy, band %s', (input, band, reason) => {
    const result = classifyLegacyScore(input);
    expect(result).toMatchObject({ band, legacy: true });
    expect(result.reason).toMatch(reason);
  });

  it.each([
    [0, /outside the 1–25/],
    [26, /outside the 1–25/],
    [-4, /outside the 1–25/],
    [7.5, /not a whole number/],
    ['High', /not a number/],
    ['', /not a number/],
    [NaN, /not a number/],
  ])('%p gets no band', (input, reason) => {
    const result = classifyLegacyScore(input);
    expect(result.band).toBeNull();
    expect(result.legacy).toBe(true);
    expect(result.reason).toMatch(reason);
  });
});
