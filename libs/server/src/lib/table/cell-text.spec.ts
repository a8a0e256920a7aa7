import { normaliseCellText } from './cell-text';
import { neutraliseFormula, restoreNeutralised } from './formula-guard';

describe('normaliseCellText', () => {
  it('keeps tab and line feed, turns CRLF and CR into LF, and drops other C0 and C1 controls', () => {
    expect(normaliseCellText('a\tb\r\nc\rd\ne')).toBe('a\tb\nc\nd\ne');
    expect(normaliseCellText('x\u0000\u0001\u001b\u007f\u0080\u009fy')).toBe('xy');
  });

  it('drops unpaired surrogates and keeps pairs', () => {
    expect(normaliseCellText('a\uD800b\uDC00c😀')).toBe('abc😀');
  });

  it('removes the apostrophe an export put before formula-like text, and only that', () => {
    for (const text of ['=HYPERLINK("http://x")', "=cmd|' /C calc'!A0", '-2+3+cmd|x', '+1', '@SUM(A1)', '\tx', '\nx']) {
      expect(normaliseCellText(neutraliseFormula(text))).toBe(text);
    }
    expect(normaliseCellText(neutraliseFormula('\r\nx'))).toBe('\nx');
    expect(normaliseCellText("'quoted")).toBe("'quoted");
  });
});

describe('formula guard', () => {
  it('neutralises text that starts with = + - @ tab or CR, and nothing else', () => {
    expect(['=1', '+1', '-1', '@a', '\t=1', '\r=1', '\n=1', 'a=1', '', ' =1', '1-2'].map(neutraliseFormula)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\t=1",
      "'\r=1",
      "'\n=1",
      'a=1',
      '',
      ' =1',
      '1-2',
    ]);
    expect(restoreNeutralised("'-2+3")).toBe('-2+3');
    expect(restoreNeutralised("''=1")).toBe("''=1");
    expect(restoreNeutralised("'quoted")).toBe("'quoted");
  });
});
