import { detectDelimiter, parseDelimited } from './csv-reader';
import { readTable } from './read-table';
import { TableLimitError } from './table-errors';
import { TABLE_LIMITS } from './table-limits';

const limits = (overrides: Partial<typeof TABLE_LIMITS>) => ({ ...TABLE_LIMITS, ...overrides });

describe('parseDelimited', () => {
  it('reads CSV with quoted cells holding commas, quotes and line breaks', () => {
    expect(parseDelimited('a,"b, c","say ""hi""\nthere"\r\n1,2,3', ',')).toEqual([
      ['a', 'b, c', 'say "hi"\nthere'],
      ['1', '2', '3'],
    ]);
  });

  it('reads tab-separated text as pasted, quoting only where Excel quotes', () => {
    expect(parseDelimited('Work\tLead\n"two\nlines"\tNetwork Manager\nsays "yes"\t', '\t')).toEqual([
      ['Work', 'Lead'],
      ['two\nlines', 'Network Manager'],
      ['says "yes"', ''],
    ]);
  });

  it('keeps empty cells, text after a closing quote, and an unclosed quote to the end', () => {
    expect(parseDelimited('a,,c\n"x"y,z\n', ',')).toEqual([
      ['a', '', 'c'],
      ['xy', 'z'],
    ]);
    expect(parseDelimited('a,"never closed\nstill', ',')).toEqual([['a', 'never closed\nstill']]);
    expect(parseDelimited('', ',')).toEqual([]);
  });

  it('keeps cells as written; readTable normalises them: CRLF and CR to LF, no controls, the export apostrophe removed', () => {
    expect(parseDelimited(`"a\r\nb",'=SUM(A1)`, ',')).toEqual([['a\r\nb', "'=SUM(A1)"]]);
    const read = (text: string) => readTable(Buffer.from(text, 'utf8'), 'x.csv').sheets[0].rows;
    expect(read('"one\r\ntwo\rthree",a\u0007b\u001bc,\u0085x\tkept')).toEqual([['one\ntwo\nthree', 'abc', 'x\tkept']]);
    expect(read(`'=SUM(A1),'-2+3,'@x,'+1,'plain`)).toEqual([['=SUM(A1)', '-2+3', '@x', '+1', "'plain"]]);
  });

  it('stops at the row, column, cell and cell-length limits, naming them', () => {
    expect(() => parseDelimited('a\n'.repeat(11), ',', limits({ rows: 10 }))).toThrow(/more than 10 rows; the most an import takes is 10/);
    expect(() => parseDelimited('a,b,c,d', ',', limits({ columns: 3 }))).toThrow(/more than 3 columns/);
    expect(() => parseDelimited('a,b\nc,d\ne', ',', limits({ cells: 4 }))).toThrow(/more than 4 filled cells/);
    expect(() => parseDelimited(`"${'x'.repeat(101)}"`, ',', limits({ cellChars: 100 }))).toThrow(TableLimitError);
    // Empty cells past the last column read are dropped, not counted against the limit.
    expect(parseDelimited('a,b,,,,,,', ',', limits({ columns: 3 }))).toEqual([['a', 'b', '']]);
  });

  it('reads a 4 MB file in linear time', () => {
    const row = 'Develop a network dashboard,"Q4 2023/24","Network Manager; Chair"\n';
    const text = row
      .repeat(Math.ceil((4 * 1024 * 1024) / row.length))
      .split('\n')
      .slice(0, 4_900)
      .join('\n');
    const started = performance.now();
    expect(parseDelimited(text, ',')).toHaveLength(4_900);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('detectDelimiter', () => {
  it('takes tabs for pasted text and commas for .csv files', () => {
    expect(detectDelimiter('Work\tLead\nx\ty')).toBe('\t');
    expect(detectDelimiter('Work,Lead\nx,y')).toBe(',');
    expect(detectDelimiter('Work\tLead', 'plan.csv')).toBe(',');
  });
});
