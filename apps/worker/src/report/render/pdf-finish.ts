import { withoutDirectionControls } from '@plexus/contracts';
import {
  ParseSpeeds,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
}

export interface FinishedPdf {
  bytes: Buffer;
  pages: number;
  /** Section destination name → page number written into the contents. */
  toc: Record<string, number>;
}

/**
 * How the contents page numbers look: the document's own font (the regular face Chromium embedded; its subset holds
 * every digit a page number needs, as every page's footer prints "Page N of M" in it) at 11 pt, right-aligned in the link's rectangle; in a link no taller than
 * its line of small text (a board pack's agenda, 8.5 pt), the size of that text instead.
 */
const NUMBER_SIZE = 11;
export const numberSize = (rectHeight: number) => Math.min(NUMBER_SIZE, Math.max(6, Math.round(rectHeight * 0.92 * 10) / 10));
const NUMBER_COLOUR = [0.13, 0.17, 0.2] as const;
/** The resource name the numbers' font is given on a contents page. */
const NUMBER_FONT = 'PlexusDigits';
/** The contents are on the first pages: only their links are read (unless the document says otherwise: a board pack). */
const CONTENTS_PAGES = 4;
const PRODUCER = 'Plexus (Chromium, pdf-lib)';

/**
 * Finishes Chromium's PDF: writes the page number of each section into the contents page (Chromium has no
 * target-counter(); its links to `#section-n` carry the rectangle of each contents line and the named
 * destination of each section), and sets title, author, subject and keywords.
 *
 * It is an incremental update (PDF 32000-1 §7.5.6): Chromium's bytes are kept as they are and only the changed
 * objects (the contents pages, the document information, the catalogue if needed), the new ones (one content
 * stream per contents page, a font) and a new cross-reference section whose trailer points back with /Prev
 * are appended. Only the objects it needs are parsed, found through the original cross-reference table, so the
 * cost no longer grows with the size of the document. A file it does not expect (a cross-reference stream, an
 * earlier update) is finished the slow way: parsed and rewritten whole by pdf-lib.
 */
export async function finishPdf(pdf: Uint8Array, given: PdfMetadata, contentsPages = CONTENTS_PAGES): Promise<FinishedPdf> {
  const meta = cleanMetadata(given);
  let reader: PdfReader;
  try {
    reader = new PdfReader(pdf);
  } catch (err) {
    if (err instanceof UnsupportedPdfError) return finishPdfByRewriting(pdf, meta, contentsPages);
    throw err;
  }
  return appendUpdate(reader, meta, contentsPages);
}

class UnsupportedPdfError extends Error {}

/** Direction controls (embeddings, overrides, isolates, marks): the document information carries none of them, like the pages. */
function cleanMetadata(meta: PdfMetadata): PdfMetadata {
  const clean = withoutDirectionControls;
  return { title: clean(meta.title), author: clean(meta.author), subject: clean(meta.subject), keywords: meta.keywords.map(clean) };
}

const latin1 = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end);

/** Reads single objects of a PDF with a classic cross-reference table, by their byte offsets. */
class PdfReader {
  readonly context = PDFContext.create();
  readonly trailer: PDFDict;
  readonly startxref: number;
  /** The trailer's /Size: the first object number free for new objects. */
  readonly size: number;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PDFObject>();

  constructor(readonly bytes: Uint8Array) {
    const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
    const found = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!found) throw new UnsupportedPdfError('no startxref at the end of the file');
    this.startxref = Number(found[1]);
    if (latin1(bytes, this.startxref, this.startxref + 4) !== 'xref') throw new UnsupportedPdfError('not a classic cross-reference table');
    const trailerAt = latin1(bytes, this.startxref, bytes.length).indexOf('trailer');
    if (trailerAt < 0) throw new UnsupportedPdfError('no trailer');
    const tokens = latin1(bytes, this.startxref + 4, this.startxref + trailerAt)
      .trim()
      .split(/\s+/);
    for (let i = 0; i < tokens.length;) {
      const first = Number(tokens[i++]);
      const count = Number(tokens[i++]);
      for (let n = 0; n < count; n++, i += 3) if (tokens[i + 2] === 'n') this.offsets.set(first + n, Number(tokens[i]));
    }
    const trailer = PDFObjectParser.forBytes(bytes.subarray(this.startxref + trailerAt + 'trailer'.length), this.context).parseObject();
    if (!(trailer instanceof PDFDict)) throw new UnsupportedPdfError('the trailer is not a dictionary');
    if (trailer.has(PDFName.of('Prev')) || trailer.has(PDFName.of('XRefStm')) || trailer.has(PDFName.of('Encrypt')))
      throw new UnsupportedPdfError('an updated, hybrid or encrypted file');
    this.trailer = trailer;
    this.size = (trailer.get(PDFName.of('Size')) as PDFNumber).asNumber();
  }

  /** The object a reference points at (parsed once), or the object itself when it is direct. */
  resolve(obj: PDFObject | undefined): PDFObject | undefined {
    if (!(obj instanceof PDFRef)) return obj;
    const cached = this.cache.get(obj.objectNumber);
    if (cached) return cached;
    const offset = this.offsets.get(obj.objectNumber);
    if (offset === undefined) throw new UnsupportedPdfError(`object ${obj.objectNumber} is not in the cross-reference table`);
    const header = latin1(this.bytes, offset, offset + 40);
    const match = /^\s*(\d+)\s+(\d+)\s+obj/.exec(header);
    if (!match || Number(match[1]) !== obj.objectNumber) throw new UnsupportedPdfError(`object ${obj.objectNumber} is not where the table says`);
    const parsed = PDFObjectParser.forBytes(this.bytes.subarray(offset + match[0].length), this.context).parseObject();
    this.cache.set(obj.objectNumber, parsed);
    return parsed;
  }

  dict(obj: PDFObject | undefined): PDFDict | undefined {
    const value = this.resolve(obj);
    return value instanceof PDFDict ? value : undefined;
  }

  array(obj: PDFObject | undefined): PDFArray | undefined {
    const value = this.resolve(obj);
    return value instanceof PDFArray ? value : undefined;
  }

  number(obj: PDFObject | undefined): number | undefined {
    const value = this.resolve(obj);
    return value instanceof PDFNumber ? value.asNumber() : undefined;
  }

  /** The page objects in order, walking the page tree. */
  pages(catalog: PDFDict): PDFRef[] {
    const out: PDFRef[] = [];
    const walk = (ref: PDFObject | undefined, depth: number) => {
      if (depth > 32) throw new UnsupportedPdfError('page tree too deep');
      const node = this.dict(ref);
      if (!node || !(ref instanceof PDFRef)) throw new UnsupportedPdfError('page tree node is not an indirect dictionary');
      const kids = this.array(node.get(PDFName.of('Kids')));
      if (node.get(PDFName.of('Type')) === PDFName.of('Pages') && kids) for (let i = 0; i < kids.size(); i++) walk(kids.get(i), depth + 1);
      else out.push(ref);
    };
    walk(catalog.get(PDFName.of('Pages')), 0);
    return out;
  }
}

const nameText = (value: PDFObject | undefined): string | null =>
  value instanceof PDFName ? value.decodeText() : value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;

/** An embedded font of the document that can write page numbers: its object, and each digit's glyph and width. */
export interface DigitFont {
  ref: PDFRef;
  /** '0'…'9' (those its subset holds) → the code to show (hex, two bytes for Identity-H) and its advance width in thousandths of the size. */
  digits: Map<string, { code: string; width: number }>;
}

type Resolve = (obj: PDFObject | undefined) => PDFObject | undefined;

/** Unicode text of a ToUnicode CMap's hex string (UTF-16BE). */
const utf16 = (hex: string) =>
  Buffer.from(hex.length % 4 ? hex.padStart(hex.length + 2, '0') : hex, 'hex')
    .swap16()
    .toString('utf16le');

/** Which code of the font shows each of the characters '0'–'9', read from its ToUnicode CMap (bfchar and bfrange entries). */
export function digitCodes(cmap: string): Map<string, string> {
  const codes = new Map<string, string>();
  const put = (code: number, width: number, text: string) => {
    if (/^[0-9]$/.test(text) && !codes.has(text)) codes.set(text, code.toString(16).padStart(width, '0').toUpperCase());
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) put(parseInt(code, 16), code.length, utf16(text));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, start, list] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const from = parseInt(lo, 16);
      const to = Math.min(parseInt(hi, 16), from + 0xffff);
      if (start !== undefined) {
        const first = parseInt(start, 16);
        for (let c = from; c <= to; c++) put(c, lo.length, String.fromCodePoint(first + (c - from)));
      } else {
        const texts = [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => utf16(m[1]));
        texts.forEach((text, k) => put(from + k, lo.length, text));
      }
    }
  }
  return codes;
}

/** A CID font's advance width of a glyph from its /W array (or /DW, 1000 when absent). */
function cidWidth(resolve: Resolve, cidFont: PDFDict, cid: number): number {
  const w = resolve(cidFont.get(PDFName.of('W')));
  const dw = resolve(cidFont.get(PDFName.of('DW')));
  const fallback = dw instanceof PDFNumber ? dw.asNumber() : 1000;
  if (!(w instanceof PDFArray)) return fallback;
  const num = (o: PDFObject | undefined) => {
    const v = resolve(o);
    return v instanceof PDFNumber ? v.asNumber() : NaN;
  };
  for (let i = 0; i < w.size();) {
    const first = num(w.get(i));
    const next = resolve(w.get(i + 1));
    if (next instanceof PDFArray) {
      if (cid >= first && cid < first + next.size()) return num(next.get(cid - first));
      i += 2;
    } else {
      const last = num(next);
      if (cid >= first && cid <= last) return num(w.get(i + 2));
      i += 3;
    }
  }
  return fallback;
}

/**
 * The embedded font the contents page numbers are written in: the first regular (not bold or italic) Type0 font with
 * Identity-H encoding, an embedded font file and every digit in `needed`, looking at the given pages' fonts in order.
 * Chromium embeds each font once for the whole document, as a subset of the glyphs it printed; the footer of every page
 * prints "Page N of M" in the regular face, so its subset holds the digits of any page number. Null if none has them.
 */
export function findDigitFont(resolve: Resolve, pages: PDFDict[], needed: Iterable<string>): DigitFont | null {
  const wanted = [...new Set(needed)];
  const dict = (o: PDFObject | undefined) => {
    const v = resolve(o);
    return v instanceof PDFDict ? v : undefined;
  };
  const seen = new Set<number>();
  for (const page of pages) {
    const fonts = dict(dict(page.get(PDFName.of('Resources')))?.get(PDFName.of('Font')));
    if (!fonts) continue;
    for (const [, ref] of fonts.entries()) {
      if (!(ref instanceof PDFRef) || seen.has(ref.objectNumber)) continue;
      seen.add(ref.objectNumber);
      const font = dict(ref);
      const baseFont = nameText(resolve(font?.get(PDFName.of('BaseFont')))) ?? '';
      if (!font || resolve(font.get(PDFName.of('Subtype'))) !== PDFName.of('Type0')) continue;
      if (resolve(font.get(PDFName.of('Encoding'))) !== PDFName.of('Identity-H') || /bold|italic|oblique/i.test(baseFont)) continue;
      const descendants = resolve(font.get(PDFName.of('DescendantFonts')));
      const cidFont = descendants instanceof PDFArray ? dict(descendants.get(0)) : undefined;
      const descriptor = dict(cidFont?.get(PDFName.of('FontDescriptor')));
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
      const toUnicode = resolve(font.get(PDFName.of('ToUnicode')));
      if (!cidFont || !embedded || !(toUnicode instanceof PDFRawStream)) continue;
      const codes = digitCodes(Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1'));
      if (!wanted.every((digit) => codes.has(digit))) continue;
      const digits = new Map([...codes].map(([digit, code]) => [digit, { code, width: cidWidth(resolve, cidFont, parseInt(code, 16)) }]));
      return { ref, digits };
    }
  }
  return null;
}

/** The number's position: right-aligned 2 pt inside the link's rectangle, centred on its line. */
function numberOperators(text: string, rect: number[], font: DigitFont): string {
  const [, y1, x2, y2] = rect;
  const size = numberSize(y2 - y1);
  const glyphs = [...text].map((ch) => font.digits.get(ch) ?? { code: '', width: 0 });
  const width = (glyphs.reduce((sum, g) => sum + g.width, 0) * size) / 1000;
  const x = x2 - width - 2;
  const y = y1 + (y2 - y1 - size * 0.7) / 2;
  const shown = glyphs.map((g) => g.code).join('');
  return `BT\n${NUMBER_COLOUR.join(' ')} rg\n/${NUMBER_FONT} ${size} Tf\n1 0 0 1 ${x.toFixed(3)} ${y.toFixed(3)} Tm\n<${shown}> Tj\nET\n`;
}

const noDigitFont = (numbers: string[]) =>
  new Error(`The PDF has no embedded regular font holding the digits of its contents page numbers (${numbers.join(', ')})`);

function appendUpdate(reader: PdfReader, meta: PdfMetadata, contentsPages: number): FinishedPdf {
  const { context, trailer } = reader;
  const rootRef = trailer.get(PDFName.of('Root'));
  const catalog = reader.dict(rootRef);
  if (!catalog || !(rootRef instanceof PDFRef)) throw new Error('The PDF has no catalogue');
  const pages = reader.pages(catalog);
  const pageNumber = new Map(pages.map((ref, i) => [ref.objectNumber, i + 1]));
  const dests = reader.dict(catalog.get(PDFName.of('Dests')));

  let next = reader.size;
  const changed = new Map<number, Uint8Array>();
  const encoder = new TextEncoder();
  const serialise = (obj: PDFObject) => {
    const buffer = new Uint8Array(obj.sizeInBytes());
    obj.copyBytesInto(buffer, 0);
    return buffer;
  };
  const putObject = (objectNumber: number, obj: PDFObject) => changed.set(objectNumber, serialise(obj));
  const putStream = (objectNumber: number, content: string) => {
    const data = encoder.encode(content);
    changed.set(objectNumber, Buffer.concat([encoder.encode(`<< /Length ${data.length} >>\nstream\n`), data, encoder.encode('\nendstream')]));
  };

  // ---- contents page numbers: every link to a section, then the document's own font that has their digits
  const toc: Record<string, number> = {};
  const entries: Array<{ pageRef: PDFRef; page: PDFDict; links: Array<{ text: string; rect: number[] }> }> = [];
  for (const pageRef of pages.slice(0, contentsPages)) {
    const page = reader.dict(pageRef);
    const annots = reader.array(page?.get(PDFName.of('Annots')));
    if (!page || !annots) continue;
    const links: Array<{ text: string; rect: number[] }> = [];
    for (let i = 0; i < annots.size(); i++) {
      const annot = reader.dict(annots.get(i));
      if (!annot || !dests) continue;
      const action = reader.dict(annot.get(PDFName.of('A')));
      const destName = nameText(reader.resolve(annot.get(PDFName.of('Dest')))) ?? nameText(reader.resolve(action?.get(PDFName.of('D'))));
      if (!destName || !destName.startsWith('section-')) continue;
      const target = reader.resolve(dests.get(PDFName.of(destName)));
      const destination = target instanceof PDFDict ? reader.array(target.get(PDFName.of('D'))) : target instanceof PDFArray ? target : undefined;
      const first = destination?.get(0);
      const number = first instanceof PDFRef ? pageNumber.get(first.objectNumber) : undefined;
      const rect = reader.array(annot.get(PDFName.of('Rect')));
      const coords = rect ? [0, 1, 2, 3].map((k) => reader.number(rect.get(k))) : [];
      if (!number || coords.length !== 4 || coords.some((c) => c === undefined)) continue;
      links.push({ text: String(number), rect: coords as number[] });
      toc[destName] = number;
    }
    if (links.length) entries.push({ pageRef, page, links });
  }
  const pageNumbers = entries.flatMap((e) => e.links.map((l) => l.text));
  const font = pageNumbers.length
    ? findDigitFont(
        (obj) => reader.resolve(obj),
        [...entries.map((e) => e.page), ...pages.flatMap((ref) => reader.dict(ref) ?? [])],
        pageNumbers.join(''),
      )
    : null;
  if (pageNumbers.length && !font) throw noDigitFont(pageNumbers);

  let saveRef: PDFRef | null = null;
  for (const { pageRef, page, links } of entries) {
    if (!font) break;
    const operators = links.map((link) => numberOperators(link.text, link.rect, font)).join('');
    if (!saveRef) {
      saveRef = PDFRef.of(next++);
      putStream(saveRef.objectNumber, 'q');
    }
    // Chromium's page content starts by changing the coordinate system without saving the state: wrap it in q … Q
    // so that the numbers are drawn in default space, and mark them as an artifact so the tagged PDF stays valid.
    const numbersRef = PDFRef.of(next++);
    putStream(numbersRef.objectNumber, `Q\n/Artifact BMC\nq\n${operators}Q\nEMC`);
    const contentsRef = page.get(PDFName.of('Contents'));
    const contents = reader.resolve(contentsRef);
    const previous = contents instanceof PDFArray ? contents.asArray() : contentsRef ? [contentsRef] : [];
    page.set(PDFName.of('Contents'), context.obj([saveRef, ...previous, numbersRef]));
    const resources = (reader.dict(page.get(PDFName.of('Resources'))) ?? context.obj({})).clone(context);
    const fonts = (reader.dict(resources.get(PDFName.of('Font'))) ?? context.obj({})).clone(context);
    fonts.set(PDFName.of(NUMBER_FONT), font.ref);
    resources.set(PDFName.of('Font'), fonts);
    page.set(PDFName.of('Resources'), resources);
    putObject(pageRef.objectNumber, page);
  }

  // ---- document information (title shown in the window, author, subject, keywords)
  const infoRef = trailer.get(PDFName.of('Info'));
  const info = (reader.dict(infoRef) ?? context.obj({})).clone(context);
  info.set(PDFName.of('Title'), PDFHexString.fromText(meta.title));
  info.set(PDFName.of('Author'), PDFHexString.fromText(meta.author));
  info.set(PDFName.of('Subject'), PDFHexString.fromText(meta.subject));
  info.set(PDFName.of('Keywords'), PDFHexString.fromText(meta.keywords.join(' ')));
  info.set(PDFName.of('Creator'), PDFHexString.fromText('Plexus'));
  info.set(PDFName.of('Producer'), PDFHexString.fromText(PRODUCER));
  const infoNumber = infoRef instanceof PDFRef ? infoRef.objectNumber : next++;
  putObject(infoNumber, info);

  // ---- catalogue: language and "show the title, not the file name" (Chromium usually sets both already)
  const prefs = reader.dict(catalog.get(PDFName.of('ViewerPreferences')));
  if (nameText(reader.resolve(catalog.get(PDFName.of('Lang')))) !== 'en-GB' || prefs?.get(PDFName.of('DisplayDocTitle'))?.toString() !== 'true') {
    const updated = catalog.clone(context);
    updated.set(PDFName.of('Lang'), PDFString.of('en-GB'));
    const newPrefs = (prefs ?? context.obj({})).clone(context);
    newPrefs.set(PDFName.of('DisplayDocTitle'), context.obj(true));
    updated.set(PDFName.of('ViewerPreferences'), newPrefs);
    putObject(rootRef.objectNumber, updated);
  }

  // ---- the update: objects, a cross-reference section for them, a trailer pointing back to the original
  const original = reader.bytes;
  const chunks: Uint8Array[] = [];
  let offset = original.length;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  if (original[original.length - 1] !== 0x0a) push(encoder.encode('\n'));
  const offsets = new Map<number, number>();
  for (const [objectNumber, body] of [...changed].sort((a, b) => a[0] - b[0])) {
    offsets.set(objectNumber, offset);
    push(encoder.encode(`${objectNumber} 0 obj\n`));
    push(body);
    push(encoder.encode('\nendobj\n'));
  }
  const xrefAt = offset;
  let xref = 'xref\n';
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(numbers[k])).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const newTrailer = trailer.clone(context);
  newTrailer.set(PDFName.of('Size'), PDFNumber.of(Math.max(next, reader.size)));
  newTrailer.set(PDFName.of('Prev'), PDFNumber.of(reader.startxref));
  newTrailer.set(PDFName.of('Info'), PDFRef.of(infoNumber));
  push(encoder.encode(`${xref}trailer\n`));
  push(serialise(newTrailer));
  push(encoder.encode(`\nstartxref\n${xrefAt}\n%%EOF\n`));
  return { bytes: Buffer.concat([original, ...chunks]), pages: pages.length, toc };
}

/** The slow way, for a PDF the incremental path does not expect: pdf-lib parses and rewrites the whole file. */
export async function finishPdfByRewriting(pdf: Uint8Array, given: PdfMetadata, contentsPages = CONTENTS_PAGES): Promise<FinishedPdf> {
  const meta = cleanMetadata(given);
  // Fastest: parse without yielding to the event loop every few objects (the worker does nothing else meanwhile).
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pages = doc.getPages();
  const pageOf = new Map(pages.map((p, i) => [p.ref.toString(), i + 1]));
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const toc: Record<string, number> = {};
  const entries: Array<{ page: (typeof pages)[number]; links: Array<{ text: string; rect: number[] }> }> = [];
  for (const page of pages.slice(0, contentsPages)) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const links: Array<{ text: string; rect: number[] }> = [];
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      const destName = nameText(annot.get(PDFName.of('Dest')));
      if (!destName || !destName.startsWith('section-') || !dests) continue;
      const target = dests.lookupMaybe(PDFName.of(destName), PDFArray);
      const ref = target?.get(0);
      const number = ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
      const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
      if (!number || !rect) continue;
      links.push({ text: String(number), rect: [0, 1, 2, 3].map((k) => (rect.lookup(k, PDFNumber) as PDFNumber).asNumber()) });
      toc[destName] = number;
    }
    if (links.length) entries.push({ page, links });
  }
  const numbers = entries.flatMap((e) => e.links.map((l) => l.text));
  const resolve: Resolve = (obj) => (obj instanceof PDFRef ? doc.context.lookup(obj) : obj);
  const font = numbers.length ? findDigitFont(resolve, [...entries.map((e) => e.page.node), ...pages.map((p) => p.node)], numbers.join('')) : null;
  if (numbers.length && !font) throw noDigitFont(numbers);
  for (const { page, links } of entries) {
    if (!font) break;
    // Normalising the page (setting a font does) wraps its content in q … Q, so the numbers are drawn in default space.
    page.node.setFontDictionary(PDFName.of(NUMBER_FONT), font.ref);
    const operators = links.map((link) => numberOperators(link.text, link.rect, font)).join('');
    page.node.addContentStream(doc.context.register(doc.context.stream(`/Artifact BMC\nq\n${operators}Q\nEMC`)));
  }
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('Plexus');
  doc.setProducer(PRODUCER);
  doc.setLanguage('en-GB');
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { bytes: Buffer.from(bytes), pages: pages.length, toc };
}
