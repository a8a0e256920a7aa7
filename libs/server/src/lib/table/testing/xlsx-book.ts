// Builds .xlsx files for tests from XML written by hand (fflate), so that a test controls every byte the reader
// sees: declared dimensions, merged ranges, fills, and entries that inflate far past the limits (zip bombs).
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A cell: text (inline string), a number, or either with a style index (cellXfs). */
export type CellSpec = string | number | null | { text?: string; number?: number; style?: number; shared?: number };

export interface BookSheet {
  name: string;
  /** The worksheet XML, or a writer that pushes it in pieces (for entries too large to hold in memory). */
  xml: string | ((push: (text: string) => void) => void);
  state?: 'hidden' | 'veryHidden';
}

export interface BookSpec {
  sheets: BookSheet[];
  sharedStrings?: string[];
  stylesXml?: string;
  themeXml?: string;
  date1904?: boolean;
}

export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 0 → A. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellXml(ref: string, cell: CellSpec): string {
  if (cell === null) return '';
  const spec = typeof cell === 'object' ? cell : typeof cell === 'number' ? { number: cell } : { text: cell };
  const s = spec.style !== undefined ? ` s="${spec.style}"` : '';
  if (spec.shared !== undefined) return `<c r="${ref}"${s} t="s"><v>${spec.shared}</v></c>`;
  if (spec.number !== undefined) return `<c r="${ref}"${s}><v>${spec.number}</v></c>`;
  if (spec.text !== undefined) return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(spec.text)}</t></is></c>`;
  return `<c r="${ref}"${s}/>`;
}

/** A worksheet of rows of cells (row 1 first), with merged ranges ("A4:F4") and an optional declared dimension. */
export function worksheetXml(rows: CellSpec[][], opts: { merges?: string[]; dimension?: string } = {}): string {
  const body = rows
    .map((cells, r) => {
      const inner = cells.map((cell, c) => cellXml(`${columnName(c)}${r + 1}`, cell)).join('');
      return inner ? `<row r="${r + 1}">${inner}</row>` : '';
    })
    .join('');
  const dimension = opts.dimension ? `<dimension ref="${opts.dimension}"/>` : '';
  const merges = opts.merges?.length
    ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${dimension}<sheetData>${body}</sheetData>${merges}</worksheet>`;
}

/** styles.xml with the given fills (ARGB or theme/indexed attributes) and cell formats { fill, numFmt }. */
export function stylesXml(fills: string[], xfs: Array<{ fill?: number; numFmt?: number }>, numFmts: Array<[number, string]> = []): string {
  const fillXml = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
    ...fills.map(
      (f) => `<fill><patternFill patternType="solid"><fgColor ${f.includes('=') ? f : `rgb="${f}"`}/><bgColor indexed="64"/></patternFill></fill>`,
    ),
  ];
  const fmts = numFmts.length
    ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${fmts}<fonts count="1"><font><sz val="11"/></font></fonts>` +
    `<fills count="${fillXml.length}">${fillXml.join('')}</fills><borders count="1"><border/></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>${xfs.map((x) => `<xf numFmtId="${x.numFmt ?? 0}" fontId="0" fillId="${x.fill ?? 0}" borderId="0" applyFill="1"/>`).join('')}</cellXfs></styleSheet>`
  );
}

/** The parts of a workbook around its sheets. */
function frame(spec: BookSpec): Record<string, string> {
  const overrides = spec.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${spec.sheets
      .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  };
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  let next = spec.sheets.length + 1;
  if (spec.sharedStrings) {
    rels.push(`<Relationship Id="rId${next++}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${spec.sharedStrings
        .map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`)
        .join('')}</sst>`;
  }
  if (spec.stylesXml) {
    rels.push(`<Relationship Id="rId${next++}" Type="${REL}/styles" Target="styles.xml"/>`);
    files['xl/styles.xml'] = spec.stylesXml;
  }
  if (spec.themeXml) {
    rels.push(`<Relationship Id="rId${next++}" Type="${REL}/theme" Target="theme/theme1.xml"/>`);
    files['xl/theme/theme1.xml'] = spec.themeXml;
  }
  files['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
  return files;
}

/** An .xlsx of the given sheets. Sheets given as writers are deflated as they are written (never held whole). */
export function xlsxBook(spec: BookSpec, level: 1 | 6 | 9 = 6): Uint8Array {
  const files = frame(spec);
  if (spec.sheets.every((s) => typeof s.xml === 'string')) {
    const all: Record<string, Uint8Array> = {};
    for (const [name, text] of Object.entries(files)) all[name] = strToU8(text);
    spec.sheets.forEach((s, i) => (all[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml as string)));
    return zipSync(all, { level });
  }
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (name: string, write: (push: (text: string) => void) => void) => {
    const entry = new ZipDeflate(name, { level });
    zip.add(entry);
    write((text) => entry.push(strToU8(text)));
    entry.push(new Uint8Array(0), true);
  };
  for (const [name, text] of Object.entries(files)) add(name, (push) => push(text));
  spec.sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, typeof s.xml === 'string' ? (push) => push(s.xml as string) : s.xml));
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A sheet whose XML inflates to about `megabytes` MB of whitespace inside <sheetData>: a zip bomb of a few hundred KB. */
export function bombSheet(megabytes: number): BookSheet['xml'] {
  return (push) => {
    push(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`);
    const block = ' '.repeat(1024 * 1024);
    for (let i = 0; i < megabytes; i++) push(block);
    push('</sheetData></worksheet>');
  };
}
