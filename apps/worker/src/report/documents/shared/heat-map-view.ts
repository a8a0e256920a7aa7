import { heatMapCells, IMPACT, LIKELIHOOD, RISK_BANDS, type RiskRating } from '@plexus/domain';

/**
 * One 5×5 heat map as the `heatMaps` partial draws it: a row per likelihood (Almost certain at the top), a cell per
 * impact with the count of risks there and the band in words. Shared by every report that draws one.
 */
export interface HeatGridView {
  title: string;
  rows: Array<{ label: string; cells: Array<{ count: number; band: string; colour: string; textColour: string }> }>;
}

export const HEAT_MAP_IMPACT_LABELS = ([1, 2, 3, 4, 5] as RiskRating[]).map((i) => `${i} ${IMPACT[i]}`);

export function heatGrid(title: string, placed: ReadonlyArray<{ likelihood: number; impact: number }>): HeatGridView {
  return {
    title,
    rows: heatMapCells([...placed]).map((row) => ({
      label: `${row[0].likelihood} ${LIKELIHOOD[row[0].likelihood as RiskRating]}`,
      cells: row.map((c) => ({
        count: c.count,
        band: RISK_BANDS[c.band].label,
        colour: RISK_BANDS[c.band].colour,
        textColour: RISK_BANDS[c.band].textColour,
      })),
    })),
  };
}
