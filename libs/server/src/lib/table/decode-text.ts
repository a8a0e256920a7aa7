import { UnreadableTableError } from './table-errors';

const NOT_TEXT = 'This file is not text, a CSV or an Excel workbook (.xlsx)';

// Windows-1252 bytes 0x80–0x9F (the rest are Latin-1); Node's TextDecoder reads this label as plain Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 8192) {
    const chunk = bytes.subarray(at, at + 8192);
    let text = '';
    for (const b of chunk) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    parts.push(text);
  }
  return parts.join('');
}

/**
 * Text from bytes: UTF-8 (with or without a byte-order mark), UTF-16 LE or BE with their byte-order marks, and
 * otherwise Windows-1252 (what Excel on Windows saves CSV as) when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw new UnreadableTableError(NOT_TEXT);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}
