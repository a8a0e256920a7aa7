import { SaxesParser } from 'saxes';
import type { EntrySink } from './xlsx-zip';
import { UnreadableTableError } from './table-errors';
import { NOT_A_WORKBOOK } from './xlsx-zip';

/** An element as the handlers see it: its local name (no prefix) and its attributes by local name. */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

function localAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in attributes) out[local(key)] = attributes[key];
  return out;
}

/**
 * A sink that parses an entry's XML as it is inflated (saxes, no DTD or entity expansion): UTF-8 (or UTF-16 with
 * its byte-order mark) decoded chunk by chunk, elements reported by local name. A malformed document is unreadable.
 */
export function xmlSink(handlers: XmlHandlers): EntrySink {
  const parser = new SaxesParser({ position: false });
  let decoder: TextDecoder | null = null;
  parser.on('error', (err) => {
    throw new UnreadableTableError(NOT_A_WORKBOOK, { cause: err });
  });
  if (handlers.open) {
    const open = handlers.open;
    // Without namespace processing (xmlns off) every attribute value is a plain string.
    parser.on('opentag', (tag) => open({ name: local(tag.name), attributes: localAttributes(tag.attributes as Record<string, string>) }));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  return (chunk, final) => {
    if (!decoder) {
      const utf16 = chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
      decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
    }
    const text = decoder.decode(chunk, { stream: !final });
    if (text) parser.write(text);
    if (final) parser.close();
  };
}
