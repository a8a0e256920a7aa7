import type { RiskScoreDto, RiskScorePointDto } from '@plexus/contracts';
import { RISK_BANDS, riskBandOf } from '@plexus/domain';
import { CHART_HEIGHT, CHART_WIDTH, describeHistory, historyChart, scoreY } from './risk-history-chart';

function score(likelihood: number, impact: number): RiskScoreDto {
  return { likelihood, impact, score: likelihood * impact, band: riskBandOf(likelihood, impact).id, legacy: null };
}

function point(on: string, current: RiskScoreDto, source: RiskScorePointDto['source'] = 'reviewed'): RiskScorePointDto {
  return { on, source, before: score(4, 4), current };
}

describe('historyChart', () => {
  it('is null when no point has a score', () => {
    expect(historyChart([])).toBeNull();
    const none: RiskScoreDto = { likelihood: null, impact: null, score: null, band: null, legacy: null };
    expect(historyChart([point('2025-01-01', none)])).toBeNull();
  });

  it('places points left to right in date order, evenly, with the score up the 0–25 scale', () => {
    const chart = historyChart([point('2025-06-03', score(2, 3)), point('2025-03-01', score(4, 4), 'registered'), point('2025-04-15', score(3, 4))])!;
    expect(chart.width).toBe(CHART_WIDTH);
    expect(chart.height).toBe(CHART_HEIGHT);
    expect(chart.points.map((p) => [p.on, p.score, p.band?.id, p.source])).toEqual([
      ['2025-03-01', 16, 'extreme', 'Registered'],
      ['2025-04-15', 12, 'high', 'Reviewed'],
      ['2025-06-03', 6, 'medium', 'Reviewed'],
    ]);
    const [a, b, c] = chart.points;
    expect(a.x).toBe(chart.plot.left);
    expect(c.x).toBe(chart.plot.right);
    expect(b.x - a.x).toBeCloseTo(c.x - b.x, 5);
    // Higher scores sit higher (smaller y); 0 is the bottom of the plot and 25 its top.
    expect(a.y).toBeLessThan(b.y);
    expect(b.y).toBeLessThan(c.y);
    expect(scoreY(0)).toBe(chart.plot.bottom);
    expect(scoreY(25)).toBe(chart.plot.top);
    expect(chart.path).toBe(`M${a.x},${a.y} L${b.x},${b.y} L${c.x},${c.y}`);
  });

  it('labels points with UK dates, and keeps the order of points on the same day', () => {
    const chart = historyChart([point('2025-03-01', score(4, 4), 'registered'), point('2025-03-01', score(2, 2), 'edited')])!;
    expect(chart.points.map((p) => [p.dateLabel, p.source, p.showDate])).toEqual([
      ['1 Mar 2025', 'Registered', true],
      ['1 Mar 2025', 'Edited', true],
    ]);
  });

  it('centres a single point', () => {
    const chart = historyChart([point('2025-03-01', score(1, 2))])!;
    expect(chart.points[0].x).toBe((chart.plot.left + chart.plot.right) / 2);
    expect(chart.path).toMatch(/^M[\d.]+,[\d.]+$/);
    expect(describeHistory(chart)).toBe('Current score 2 (Low) on 1 Mar 2025.');
  });

  it('draws four band stripes that cover 0–25 without gaps, each named', () => {
    const chart = historyChart([point('2025-03-01', score(1, 2))])!;
    expect(chart.stripes.map((s) => s.band.label)).toEqual(['Low', 'Medium', 'High', 'Extreme']);
    expect(chart.stripes.map((s) => s.band.colour)).toEqual([
      RISK_BANDS.low.colour,
      RISK_BANDS.medium.colour,
      RISK_BANDS.high.colour,
      RISK_BANDS.extreme.colour,
    ]);
    const [low, medium, high, extreme] = chart.stripes;
    expect(low.y + low.height).toBeCloseTo(chart.plot.bottom, 5);
    expect(medium.y + medium.height).toBeCloseTo(low.y, 5);
    expect(high.y + high.height).toBeCloseTo(medium.y, 5);
    expect(extreme.y + extreme.height).toBeCloseTo(high.y, 5);
    expect(extreme.y).toBe(chart.plot.top);
    // Scores sit inside their own band's stripe (and 7, a legacy value, inside High's).
    for (const [value, stripe] of [
      [3, low],
      [4, medium],
      [6, medium],
      [7, high],
      [12, high],
      [15, extreme],
    ] as const) {
      expect(scoreY(value)).toBeGreaterThanOrEqual(stripe.y);
      expect(scoreY(value)).toBeLessThanOrEqual(stripe.y + stripe.height);
    }
  });

  it('shows a legacy value at its height with the nearest band, flagged', () => {
    const legacy: RiskScoreDto = {
      likelihood: null,
      impact: null,
      score: 7,
      band: 'high',
      legacy: { value: 7, reason: '7 is not likelihood × impact' },
    };
    const chart = historyChart([point('2016-03-22', legacy, 'imported'), point('2025-01-10', score(2, 2))])!;
    expect(chart.points[0]).toMatchObject({ score: 7, legacy: true, source: 'Imported', y: scoreY(7) });
    expect(chart.points[0].band?.id).toBe('high');
    expect(chart.points[1].legacy).toBe(false);
    expect(describeHistory(chart)).toBe('Current score over time: 2 points, from 7 (High) on 22 Mar 2016 to 4 (Medium) on 10 Jan 2025.');
  });

  it('draws the target score as a line, and writes only some dates when there are many points', () => {
    const history = Array.from({ length: 13 }, (_, i) => point(new Date(Date.UTC(2024, i, 1)).toISOString().slice(0, 10), score(3, 3)));
    const chart = historyChart(history, 4)!;
    expect(chart.target).toEqual({ value: 4, y: scoreY(4) });
    const labelled = chart.points.filter((p) => p.showDate);
    expect(labelled.length).toBeLessThanOrEqual(7);
    expect(chart.points[0].showDate).toBe(true);
    expect(chart.points[chart.points.length - 1].showDate).toBe(true);
    expect(historyChart(history)!.target).toBeNull();
  });
});
