/** The legacy 64-colour palette that `indexed` colours refer to (unless the workbook gives its own). */
export const INDEXED_COLOURS: readonly string[] = [
  '000000',
  'FFFFFF',
  'FF0000',
  '00FF00',
  '0000FF',
  'FFFF00',
  'FF00FF',
  '00FFFF',
  '000000',
  'FFFFFF',
  'FF0000',
  '00FF00',
  '0000FF',
  'FFFF00',
  'FF00FF',
  '00FFFF',
  '800000',
  '008000',
  '000080',
  '808000',
  '800080',
  '008080',
  'C0C0C0',
  '808080',
  '9999FF',
  '993366',
  'FFFFCC',
  'CCFFFF',
  '660066',
  'FF8080',
  '0066CC',
  'CCCCFF',
  '000080',
  'FF00FF',
  'FFFF00',
  '00FFFF',
  '800080',
  '800000',
  '008080',
  '0000FF',
  '00CCFF',
  'CCFFFF',
  'CCFFCC',
  'FFFF99',
  '99CCFF',
  'FF99CC',
  'CC99FF',
  'FFCC99',
  '3366FF',
  '33CCCC',
  '99CC00',
  'FFCC00',
  'FF9900',
  'FF6600',
  '666699',
  '969696',
  '003366',
  '339966',
  '003300',
  '333300',
  '993300',
  '993366',
  '333399',
  '333333',
];

/** Theme colours by `theme` index (lt1, dk1, lt2, dk2, accent1–6, hlink, folHlink): Office's default theme. */
export const DEFAULT_THEME_COLOURS: readonly string[] = [
  'FFFFFF',
  '000000',
  'E7E6E6',
  '44546A',
  '4472C4',
  'ED7D31',
  'A5A5A5',
  'FFC000',
  '5B9BD5',
  '70AD47',
  '0563C1',
  '954F72',
];

/** The order of a theme's colour scheme in theme1.xml (dk1, lt1, …) → its `theme` index in cell styles. */
export const THEME_SCHEME_ORDER: Readonly<Record<string, number>> = {
  dk1: 1,
  lt1: 0,
  dk2: 3,
  lt2: 2,
  accent1: 4,
  accent2: 5,
  accent3: 6,
  accent4: 7,
  accent5: 8,
  accent6: 9,
  hlink: 10,
  folHlink: 11,
};

/** A colour as a style gives it: rgb (ARGB or RGB), theme (+ tint) or indexed. */
export interface ColourSpec {
  rgb?: string;
  theme?: string;
  tint?: string;
  indexed?: string;
  auto?: string;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(r: number, g: number, b: number): string {
  return [r, g, b]
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

/** Excel's tint: lighter (tint > 0) or darker (tint < 0) in HSL lightness. */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex;
  const [r, g, b] = hexToRgb(hex).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) {
    if (max === r) h = ((g - b) / d) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h *= 60;
    if (h < 0) h += 360;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r1, g1, b1] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return toHex((r1 + m) * 255, (g1 + m) * 255, (b1 + m) * 255);
}

/** A style's colour as RRGGBB, or null (automatic, or not given). */
export function resolveColour(spec: ColourSpec, theme: readonly string[], indexed: readonly string[]): string | null {
  let hex: string | null = null;
  if (spec.rgb && /^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(spec.rgb)) hex = spec.rgb.slice(-6).toUpperCase();
  else if (spec.theme !== undefined) hex = theme[Number(spec.theme)] ?? null;
  else if (spec.indexed !== undefined) {
    const i = Number(spec.indexed);
    hex = i === 64 ? '000000' : i === 65 ? 'FFFFFF' : (indexed[i] ?? null);
  }
  if (!hex) return null;
  const tint = Number(spec.tint ?? 0);
  return Number.isFinite(tint) && tint !== 0 ? applyTint(hex, Math.max(-1, Math.min(1, tint))) : hex;
}
