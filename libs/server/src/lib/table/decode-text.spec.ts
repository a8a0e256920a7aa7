import { decodeText } from './decode-text';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFThé café', 'utf8'))).toBe('Thé café');
    expect(decodeText(Buffer.from('Thé café', 'utf8'))).toBe('Thé café');
  });

  it('reads UTF-16 little- and big-endian with their byte-order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Work\tLead\nCafé\t€', 'utf16le')]);
    expect(decodeText(le)).toBe('Work\tLead\nCafé\t€');
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(decodeText(be)).toBe('Work\tLead\nCafé\t€');
  });

  it('falls back to Windows-1252 (Excel on Windows) when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35]))).toBe('“Café” €5');
  });

  it('refuses binary that is not text', () => {
    expect(() => decodeText(Buffer.from([1, 0, 2]))).toThrow(/not text/);
  });
});
