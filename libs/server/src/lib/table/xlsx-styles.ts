import { DEFAULT_THEME_COLOURS, INDEXED_COLOURS, resolveColour, THEME_SCHEME_ORDER, type ColourSpec } from './xlsx-colours';
import type { XmlHandlers } from './xml-stream';

/** What a cell's style index tells the reader: whether its number is a date or a time, and its fill colour. */
export interface CellStyle {
  kind: 'date' | 'time' | null;
  fill: string | null;
}

// Built-in number formats that are dates (14–17, 22, 27–36, 50–58) or times (18–21, 45–47).
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILT_IN_TIMES = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

/** A custom format's kind: day or year parts make a date, hours or seconds alone a time, months alone a date. */
export function formatKind(code: string): CellStyle['kind'] {
  const bare = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, (m) => (/^\[(h+|m+|s+)\]$/i.test(m) ? m.slice(1, -1) : ''))
    .replace(/[_*]./g, '');
  if (/[dy]/i.test(bare)) return 'date';
  if (/[hs]/i.test(bare)) return 'time';
  return /m/i.test(bare) ? 'date' : null;
}

export interface StylesReader {
  handlers: XmlHandlers;
  /** The style of cell style index `s`, once styles.xml (and the theme) have been read. */
  compile(theme: readonly string[] | null): (s: number) => CellStyle;
}

/** Reads styles.xml: number formats, fills and the cell formats (cellXfs) that point at them. */
export function stylesReader(): StylesReader {
  const numFmts = new Map<number, string>();
  const fills: Array<ColourSpec | null> = [];
  const xfs: Array<{ numFmtId: number; fillId: number }> = [];
  const indexed: string[] = [];
  const path: string[] = [];
  let fill: { pattern: string; fg: ColourSpec | null } | null = null;

  const handlers: XmlHandlers = {
    open(tag) {
      const parent = path[path.length - 1];
      path.push(tag.name);
      const a = tag.attributes;
      switch (tag.name) {
        case 'numFmt':
          if (parent === 'numFmts') numFmts.set(Number(a['numFmtId']), a['formatCode'] ?? '');
          break;
        case 'fill':
          if (parent === 'fills') fill = { pattern: 'none', fg: null };
          break;
        case 'patternFill':
          if (fill) fill.pattern = a['patternType'] ?? 'none';
          break;
        case 'fgColor':
          if (fill && parent === 'patternFill')
            fill.fg = { rgb: a['rgb'], theme: a['theme'], tint: a['tint'], indexed: a['indexed'], auto: a['auto'] };
          break;
        case 'xf':
          if (parent === 'cellXfs') xfs.push({ numFmtId: Number(a['numFmtId'] ?? 0), fillId: Number(a['fillId'] ?? 0) });
          break;
        case 'rgbColor':
          if (parent === 'indexedColors' && a['rgb']) indexed.push(a['rgb'].slice(-6).toUpperCase());
          break;
      }
    },
    close(name) {
      path.pop();
      if (name === 'fill' && fill) {
        fills.push(fill.pattern !== 'none' && fill.pattern !== 'gray125' ? fill.fg : null);
        fill = null;
      }
    },
  };

  return {
    handlers,
    compile(theme) {
      const themeColours = theme ?? DEFAULT_THEME_COLOURS;
      const palette = indexed.length ? indexed : INDEXED_COLOURS;
      const styles = xfs.map((xf): CellStyle => {
        const code = numFmts.get(xf.numFmtId);
        const kind =
          code !== undefined ? formatKind(code) : BUILT_IN_DATES.has(xf.numFmtId) ? 'date' : BUILT_IN_TIMES.has(xf.numFmtId) ? 'time' : null;
        const spec = fills[xf.fillId];
        return { kind, fill: spec ? resolveColour(spec, themeColours, palette) : null };
      });
      const none: CellStyle = { kind: null, fill: null };
      return (s) => styles[s] ?? none;
    },
  };
}

/** Reads a theme's colour scheme (theme1.xml) into colours by `theme` index. */
export function themeReader(): { handlers: XmlHandlers; colours(): string[] | null } {
  const colours: string[] = [...DEFAULT_THEME_COLOURS];
  let current: number | null = null;
  let inScheme = false;
  let found = false;
  return {
    handlers: {
      open(tag) {
        if (tag.name === 'clrScheme') inScheme = true;
        else if (inScheme && tag.name in THEME_SCHEME_ORDER) current = THEME_SCHEME_ORDER[tag.name];
        else if (inScheme && current !== null && (tag.name === 'srgbClr' || tag.name === 'sysClr')) {
          const value = tag.name === 'srgbClr' ? tag.attributes['val'] : (tag.attributes['lastClr'] ?? tag.attributes['val']);
          if (value && /^[0-9A-Fa-f]{6}$/.test(value)) {
            colours[current] = value.toUpperCase();
            found = true;
          }
        }
      },
      close(name) {
        if (name === 'clrScheme') inScheme = false;
        else if (name in THEME_SCHEME_ORDER) current = null;
      },
    },
    colours: () => (found ? colours : null),
  };
}
