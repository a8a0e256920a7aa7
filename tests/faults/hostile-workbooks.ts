import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Workbooks built byte by byte to attack a reader: each is a valid .xlsx zip (content types, workbook, relationships,
 * sheets), with the hostile part where a careless reader trusts or loops.
 */
const enc = (s: string) => new TextEncoder().encode(s);

function workbook(sheets: string[], extra: Zippable = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': enc(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': enc(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': enc(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((_, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': enc(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
    ...Object.fromEntries(sheets.map((xml, i) => [`xl/worksheets/sheet${i + 1}.xml`, enc(xml)])),
    ...extra,
  };
  return zipSync(files, { level: 6 });
}

const sheetXml = (dimension: string, rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>${rows}</sheetData></worksheet>`;
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Two cells, but a declared range of 800 × 100: a reader that trusts the dimension walks 80,000 cells per pass. */
export function declaredRange(): Uint8Array {
  return workbook([sheetXml('A1:CV800', `<row r="1">${cell('A1', 'Work')}${cell('B1', 'Lead')}</row>`)]);
}

/** 50,000 rows of three cells (about 1.6 MB zipped): far past any sensible import. */
export function manyRows(rows = 50_000): Uint8Array {
  const parts: string[] = [`<row r="1">${cell('A1', 'Work')}${cell('B1', 'Lead')}${cell('C1', 'Timescale')}</row>`];
  for (let r = 2; r <= rows; r++)
    parts.push(
      `<row r="${r}">${cell(`A${r}`, `Work item ${r} ${(r * 7919).toString(36)}`)}${cell(`B${r}`, `Lead ${r % 97}`)}${cell(`C${r}`, 'Q4 2025/26')}</row>`,
    );
  return workbook([sheetXml(`A1:C${rows}`, parts.join(''))]);
}

/** A sheet that inflates to `mb` MB from a few hundred KB: one cell with a huge text. */
export function zipBomb(mb = 80): Uint8Array {
  const head = enc(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
  );
  const tail = enc(`</t></is></c></row></sheetData></worksheet>`);
  const body = new Uint8Array(head.length + mb * 1024 * 1024 + tail.length).fill(0x41);
  body.set(head, 0);
  body.set(tail, body.length - tail.length);
  const bytes = workbook([sheetXml('A1', '')]);
  // Replace the sheet with the bomb: deflate packs 80 MB of 'A' into about 80 KB.
  return zipSync({ ...unzipSync(bytes), 'xl/worksheets/sheet1.xml': [body, { level: 9 }] });
}

/** 2,000 sheets of one cell each. */
export function manySheets(count = 2_000): Uint8Array {
  return workbook(Array.from({ length: count }, (_, i) => sheetXml('A1', `<row r="1">${cell('A1', `Sheet ${i}`)}</row>`)));
}

/** One row 16,384 columns wide (XFD), every cell filled. */
export function wideRow(): Uint8Array {
  const col = (n: number) => {
    let s = '';
    for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return workbook([sheetXml('A1:XFD1', `<row r="1">${Array.from({ length: 16_384 }, (_, i) => cell(`${col(i)}1`, 'x')).join('')}</row>`)]);
}

export const HOSTILE_WORKBOOKS: Array<[string, () => Uint8Array]> = [
  ['declared range 800×100, two cells', declaredRange],
  ['50,000 rows', () => manyRows()],
  ['zip bomb (80 MB inflated)', () => zipBomb()],
  ['2,000 sheets', () => manySheets()],
  ['16,384 columns in one row', wideRow],
];
