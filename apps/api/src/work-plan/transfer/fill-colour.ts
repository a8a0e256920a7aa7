import type { WorkItemStatus } from '@plexus/domain';

export type FillRag = 'red' | 'amber' | 'green' | 'blue';

/** The status a RAG colour means in a network's table (the BRAG convention: blue is complete). */
export const STATUS_OF_FILL: Readonly<Record<FillRag, WorkItemStatus>> = {
  red: 'off_track',
  amber: 'at_risk',
  green: 'on_track',
  blue: 'complete',
};

/**
 * The RAG colour nearest a cell's fill (RRGGBB), by hue: Excel's reds, oranges and yellows, greens and blues,
 * from strong (FF0000, FFC000, 00B050, 0070C0) to the pale "good/bad/neutral" fills (FFC7CE, FFEB9C, C6EFCE).
 * Greys, whites, near-blacks, very pale tints (row banding) and purples are no RAG colour.
 */
export function ragOfFill(rgb: string | null | undefined): FillRag | null {
  if (!rgb || !/^[0-9A-Fa-f]{6}$/.test(rgb)) return null;
  const n = parseInt(rgb, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  if (s < 0.25 || l < 0.15 || l > 0.9) return null;
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h *= 60;
  if (h < 0) h += 360;
  if (h >= 330 || h < 15) return 'red';
  if (h < 70) return 'amber';
  if (h < 170) return 'green';
  if (h < 260) return 'blue';
  return null;
}
