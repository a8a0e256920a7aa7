import { Workbook } from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readTable } from './read-table';
import { TableLimitError, UnreadableTableError } from './table-errors';
import { TABLE_LIMITS, type TableLimits } from './table-limits';
import { bombSheet, stylesXml, worksheetXml, xlsxBook, type CellSpec } from './testing/xlsx-book';

const limits = (overrides: Partial<TableLimits>): TableLimits => ({ ...TABLE_LIMITS, ...overrides });
const oneSheet = (rows: CellSpec[][], opts: Parameters<typeof worksheetXml>[1] = {}, extra: Partial<Parameters<typeof xlsxBook>[0]> = {}) =>
  xlsxBook({ sheets: [{ name: 'Plan', xml: worksheetXml(rows, opts) }], ...extra });

function limitOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof TableLimitError) return `${err.limit}: ${err.message}`;
    throw err;
  }
  throw new Error('expected a TableLimitError');
}

describe('readTable: telling the kind of file by its content', () => {
  it('tells text from workbooks and refuses what it cannot read', () => {
    expect(readTable(Buffer.from('Work\tLead\nx\ty'), 'pasted.tsv').format).toBe('tsv');
    expect(readTable(Buffer.from('Work,Lead\nx,y'), 'plan.csv').format).toBe('csv');
    expect(() => readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).toThrow(/old Excel file/);
    expect(() => readTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).toThrow(/not an Excel workbook/);
    expect(() => readTable(Buffer.from([1, 0, 2]), 'x.bin')).toThrow(/not text/);
    expect(() => readTable(Buffer.alloc(0), 'empty.csv')).toThrow(/empty/);
  });

  it('reads an .xlsx by its content whatever it is called', () => {
    const table = readTable(
      oneSheet([
        ['Work', 'Lead'],
        ['x', 'y'],
      ]),
      'pasted.txt',
    );
    expect(table).toEqual({
      format: 'xlsx',
      sheets: [
        {
          name: 'Plan',
          rows: [
            ['Work', 'Lead'],
            ['x', 'y'],
          ],
          fills: [],
          merges: [],
        },
      ],
    });
  });
});

describe('readTable: workbooks', () => {
  it('reads what exceljs writes: rich text, dates, formulas with results, booleans, numbers as shown', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('My plan');
    sheet.addRow(['Work', 'Metric', 'Timescale', 'Lead']);
    sheet.addRow([
      { richText: [{ text: 'Rich ', font: { bold: true } }, { text: 'text work' }] },
      'A measure',
      new Date(Date.UTC(2024, 2, 31)),
      'Network Manager',
    ]);
    sheet.addRow([{ formula: '"Formula work"', result: 'Formula work' }, 0.1 + 0.2, true, "'=SUM(A1)"]);
    const table = readTable(Buffer.from(await book.xlsx.writeBuffer()));
    expect(table.sheets[0].rows).toEqual([
      ['Work', 'Metric', 'Timescale', 'Lead'],
      ['Rich text work', 'A measure', '2024-03-31', 'Network Manager'],
      ['Formula work', '0.3', 'TRUE', '=SUM(A1)'],
    ]);
  });

  it('never trusts the declared dimension: two cells in a sheet declaring 800 × 100 read as two cells, at once', () => {
    const bytes = oneSheet([['Work'], ...Array.from({ length: 798 }, () => []), [null, 'x']], { dimension: 'A1:CV800' });
    const started = performance.now();
    const [sheet] = readTable(bytes).sheets;
    expect(performance.now() - started).toBeLessThan(500);
    expect(sheet.rows).toHaveLength(800);
    expect(sheet.rows[0]).toEqual(['Work', '']);
    expect(sheet.rows[799]).toEqual(['', 'x']);
    expect(sheet.rows.flat().filter(Boolean)).toEqual(['Work', 'x']);
  });

  it('reads shared strings without phonetic guides, OOXML escapes, and normalises their text', () => {
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Capacity </t></r><r><t>and Flow</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>line_x000D_&#10;break_x0001_ _x005F_x0041_</t></si></sst>`;
    const book = xlsxBook({
      sheets: [{ name: 'S', xml: worksheetXml([[{ shared: 0 }, { shared: 1 }, { shared: 7 }, 'end']]) }],
      sharedStrings: ['replaced'],
    });
    // The shared strings above, written by hand in place of the generated ones; index 7 does not exist.
    expect(readTable(rewrite(book, 'xl/sharedStrings.xml', sst)).sheets[0].rows[0]).toEqual(['Capacity and Flow', 'line\nbreak _x0041_', '', 'end']);
  });

  it('turns date-formatted numbers into dates (built-in and custom formats, 1900 and 1904 systems) and times', () => {
    const styles = stylesXml(
      [],
      [{ numFmt: 14 }, { numFmt: 164 }, { numFmt: 20 }, { numFmt: 165 }],
      [
        [164, 'dd/mm/yyyy;@'],
        [165, '[Red]#,##0.00'],
      ],
    );
    const rows: CellSpec[][] = [
      [
        { number: 45382, style: 1 },
        { number: 45382.75, style: 2 },
        { number: 0.5, style: 3 },
        { number: 45382, style: 4 },
        { number: 1, style: 1 },
      ],
    ];
    expect(readTable(oneSheet(rows, {}, { stylesXml: styles })).sheets[0].rows[0]).toEqual([
      '2024-03-31',
      '2024-03-31',
      '12:00',
      '45382',
      '1900-01-01',
    ]);
    expect(readTable(oneSheet([[{ number: 0, style: 1 }]], {}, { stylesXml: styles, date1904: true })).sheets[0].rows[0]).toEqual(['1904-01-01']);
  });

  it('gives each cell its solid fill colour: RGB, theme with tint, indexed', () => {
    const styles = stylesXml(
      ['FFFF0000', 'theme="9"', 'theme="4" tint="0.3999755851924192"', 'indexed="10"'],
      [{ fill: 2 }, { fill: 3 }, { fill: 4 }, { fill: 5 }],
    );
    const [sheet] = readTable(
      oneSheet(
        [['Red', 'Green', 'Blue tint', 'Indexed red', 'None'].map((text, i) => ({ text, style: i < 4 ? i + 1 : undefined }))],
        {},
        { stylesXml: styles },
      ),
    ).sheets;
    expect(sheet.fills[0]).toEqual(['FF0000', '70AD47', '8FAADC', 'FF0000']);
    // An empty cell keeps its colour: a RAG column is often colour alone.
    const [empty] = readTable(
      oneSheet(
        [
          ['Work', 'RAG'],
          ['x', { style: 1 }],
        ],
        {},
        { stylesXml: styles },
      ),
    ).sheets;
    expect(empty.fills[1]?.[1]).toBe('FF0000');
  });

  it('returns merged ranges and skips hidden sheets', () => {
    const book = xlsxBook({
      sheets: [
        { name: 'Lists', xml: worksheetXml([['lookup']]), state: 'hidden' },
        { name: 'Plan', xml: worksheetXml([['Ref', 'Work', 'Lead'], ['Capacity and Flow']], { merges: ['A2:C2'] }) },
      ],
    });
    const { sheets } = readTable(book);
    expect(sheets.map((s) => s.name)).toEqual(['Plan']);
    expect(sheets[0].merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 2 }]);
  });

  it('refuses malformed XML and documents that declare entities', () => {
    expect(() => readTable(xlsxBook({ sheets: [{ name: 'S', xml: '<worksheet><sheetData><row></sheetData>' }] }))).toThrow(UnreadableTableError);
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>';
    expect(() => readTable(xlsxBook({ sheets: [{ name: 'S', xml: laughs }] }))).toThrow(UnreadableTableError);
  });
});

describe('readTable: limits checked while reading', () => {
  it('rows: stops at the first cell past the limit, naming the sheet and the limit', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`row ${i + 1}`]);
    expect(limitOf(() => readTable(oneSheet(rows), '', limits({ rows: 10 })))).toBe(
      'rows: The sheet "Plan" has more than 10 rows; the most an import takes is 10. Split the file.',
    );
    expect(limitOf(() => readTable(oneSheet([['x']], { dimension: 'A1:A1' }), '', limits({ rows: 0 })))).toMatch(/^rows:/);
  });

  it('columns, cells, sheets and characters in a cell', () => {
    expect(limitOf(() => readTable(oneSheet([Array.from({ length: 6 }, (_, i) => `c${i}`)]), '', limits({ columns: 5 })))).toMatch(
      /^columns: The sheet "Plan" has more than 5 columns/,
    );
    expect(limitOf(() => readTable(oneSheet([['a', 'b'], ['c', 'd'], ['e']]), '', limits({ cells: 4 })))).toMatch(
      /^cells: The file has more than 4 filled cells/,
    );
    const many = xlsxBook({ sheets: Array.from({ length: 4 }, (_, i) => ({ name: `S${i}`, xml: worksheetXml([['x']]) })) });
    expect(limitOf(() => readTable(many, '', limits({ sheets: 3 })))).toMatch(/^sheets: The workbook has more than 3 sheets/);
    expect(limitOf(() => readTable(oneSheet([['x'.repeat(101)]]), '', limits({ cellChars: 100 })))).toMatch(
      /^cellChars: A cell holds more than 100 characters/,
    );
  });

  it('uncompressed size: a sheet that inflates past the limit stops there, without inflating the rest', () => {
    const bomb = xlsxBook({ sheets: [{ name: 'Bomb', xml: bombSheet(64) }] });
    expect(bomb.length).toBeLessThan(300 * 1024);
    const started = performance.now();
    expect(limitOf(() => readTable(bomb, '', limits({ uncompressedBytes: 4 * 1024 * 1024 })))).toMatch(
      /^uncompressedBytes: The workbook holds more than 4 MB once unpacked/,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/** The workbook with one entry's text replaced (re-zipped). */
function rewrite(zip: Uint8Array, name: string, text: string): Uint8Array {
  const files = unzipSync(zip);
  files[name] = strToU8(text);
  return zipSync(files);
}
