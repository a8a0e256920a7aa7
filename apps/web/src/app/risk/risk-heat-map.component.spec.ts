import { TestBed } from '@angular/core/testing';
import type { RiskHeatMapCellDto } from '@plexus/contracts';
import { heatMapCells, RISK_BANDS } from '@plexus/domain';
import { RiskHeatMapComponent } from './risk-heat-map.component';
import type { HeatMapCellRef } from './risk-register-filter';

/** The API's grid: the domain's cells with counts and ids. */
function grid(counts: Record<string, number> = {}): RiskHeatMapCellDto[][] {
  return heatMapCells().map((row) =>
    row.map((cell) => {
      const count = counts[`${cell.likelihood},${cell.impact}`] ?? 0;
      return {
        likelihood: cell.likelihood,
        impact: cell.impact,
        score: cell.score,
        band: cell.band,
        count,
        riskIds: Array.from({ length: count }, (_, i) => `risk-${cell.likelihood}-${cell.impact}-${i}`),
      };
    }),
  );
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

async function render(cells: RiskHeatMapCellDto[][], selected: HeatMapCellRef | null = null) {
  const fixture = TestBed.createComponent(RiskHeatMapComponent);
  fixture.componentRef.setInput('cells', cells);
  fixture.componentRef.setInput('selected', selected);
  fixture.componentRef.setInput('caption', 'Open risks by likelihood and impact now (after mitigation)');
  const chosen: HeatMapCellRef[] = [];
  fixture.componentInstance.selectCell.subscribe((ref) => chosen.push(ref));
  fixture.detectChanges();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const cell = (likelihood: number, impact: number) => element.querySelector(`td[data-cell="${likelihood},${impact}"]`) as HTMLTableCellElement;
  return { fixture, element, chosen, cell };
}

describe('RiskHeatMapComponent', () => {
  it('is a table with likelihood names down and impact names across, in the matrix order', async () => {
    const { element } = await render(grid());
    expect(text(element.querySelector('caption'))).toBe('Open risks by likelihood and impact now (after mitigation)');
    const columnHeaders = Array.from(element.querySelectorAll('thead tr:last-child th[scope="col"]')).map(text);
    expect(columnHeaders).toEqual(['Likelihood', 'Negligible 1', 'Minor 2', 'Moderate 3', 'Major 4', 'Catastrophic 5']);
    const rowHeaders = Array.from(element.querySelectorAll('tbody th[scope="row"]')).map(text);
    expect(rowHeaders).toEqual(['Almost certain 5', 'Likely 4', 'Possible 3', 'Unlikely 2', 'Rare 1']);
    expect(element.querySelectorAll('tbody tr')).toHaveLength(5);
    expect(element.querySelectorAll('tbody td')).toHaveLength(25);
  });

  it('writes each cell’s count and band name, on the band’s colour with its readable text colour', async () => {
    const { cell } = await render(grid({ '4,4': 3, '1,1': 1, '5,2': 2 }));

    // Likely × Major = 16: Extreme.
    expect(text(cell(4, 4))).toBe('Likely × Major: 3 risks, Extreme (score 16)');
    expect(cell(4, 4).querySelector('.plx-heat-map__count')!.textContent!.trim()).toBe('3');
    expect(cell(4, 4).querySelector('.plx-heat-map__band')!.textContent!.trim()).toBe('Extreme');
    expect(cell(4, 4).style.backgroundColor).toBe(rgb(RISK_BANDS.extreme.colour));
    expect(cell(4, 4).style.color).toBe(rgb(RISK_BANDS.extreme.textColour));

    expect(text(cell(1, 1))).toBe('Rare × Negligible: 1 risk, Low (score 1)');
    expect(cell(1, 1).style.backgroundColor).toBe(rgb(RISK_BANDS.low.colour));
    expect(text(cell(5, 2))).toContain('2 risks, High');
    expect(text(cell(3, 2))).toBe('Possible × Minor: 0 risks, Medium');

    // Every cell names its band in text, as the seed 001 matrix does.
    const expected: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', extreme: 'Extreme' };
    for (const row of heatMapCells()) {
      for (const c of row) {
        expect(cell(c.likelihood, c.impact).querySelector('.plx-heat-map__band')!.textContent!.trim()).toBe(expected[c.band]);
      }
    }
  });

  it('makes only cells with risks into buttons, and a click (or Enter, natively) emits that cell', async () => {
    const { element, cell, chosen } = await render(grid({ '4,4': 3, '2,3': 1 }));
    const buttons = Array.from(element.querySelectorAll('button'));
    expect(buttons).toHaveLength(2);
    expect(cell(3, 3).querySelector('button')).toBeNull();

    const button = cell(4, 4).querySelector('button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    button.click();
    cell(2, 3).querySelector('button')!.click();
    expect(chosen).toEqual([
      { likelihood: 4, impact: 4 },
      { likelihood: 2, impact: 3 },
    ]);
  });

  it('marks the selected cell in text and with aria-pressed, not by colour alone', async () => {
    const { cell } = await render(grid({ '4,4': 3 }), { likelihood: 4, impact: 4 });
    const button = cell(4, 4).querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(text(button.querySelector('.plx-heat-map__selected'))).toBe('Showing');
    expect(cell(4, 4).classList).toContain('plx-heat-map__cell--selected');
  });

  it('draws the full grid even when the data has gaps or another order', async () => {
    const partial = grid({ '4,4': 2 })
      .flat()
      .filter((c) => c.count > 0);
    const { element, cell } = await render([partial]);
    expect(element.querySelectorAll('tbody td')).toHaveLength(25);
    expect(text(cell(4, 4))).toContain('2 risks, Extreme');
    expect(text(cell(5, 5))).toContain('0 risks, Extreme');
  });
});
