import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { digitCodes, finishPdf, numberSize } from './pdf-finish';

const meta = {
  title: 'Progress report',
  author: 'Northern Spinal Network',
  subject: 'Progress report for Northern Spinal Network',
  keywords: ['Northern Spinal Network', 'Plexus'],
};

/**
 * A font as Chromium embeds it: Type0, Identity-H, a CIDFontType2 with its font file and widths, and a ToUnicode CMap
 * (the digits as glyphs 19–28, 556 wide, like Liberation Sans). `digits` limits the subset; the file itself is a stand-in.
 */
function embeddedFont(doc: PDFDocument, baseFont: string, digits = '0123456789'): PDFRef {
  const ctx = doc.context;
  const fontFile = ctx.register(ctx.stream('not a real font file', { Length1: 20 }));
  const descriptor = ctx.register(ctx.obj({ Type: 'FontDescriptor', FontName: baseFont, Flags: 4, FontFile2: fontFile }));
  const chars = [...digits].map((d) => `<${(0x13 + Number(d)).toString(16).padStart(4, '0')}> <${(0x30 + Number(d)).toString(16).padStart(4, '0')}>`);
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${chars.length} beginbfchar\n${chars.join('\n')}\nendbfchar\n1 beginbfrange\n<0003> <0003> <0020>\nendbfrange\nendcmap\n`;
  const toUnicode = ctx.register(ctx.flateStream(cmap));
  const cidFont = ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: baseFont,
    CIDSystemInfo: { Registry: ctx.obj('Adobe'), Ordering: ctx.obj('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    DW: 0,
    W: [3, [278], 19, 28, 556],
  });
  return ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [ctx.register(cidFont)],
      ToUnicode: toUnicode,
    }),
  );
}

/**
 * A PDF shaped like Chromium's: a contents page whose links point at named destinations of later pages, and the
 * document's fonts embedded (a bold face first, whose digits must not be used, then the regular face on a later page).
 */
async function chromiumLike(useObjectStreams: boolean, regularDigits = '0123456789'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = Array.from({ length: 6 }, () => doc.addPage([595.92, 841.92]));
  const ctx = doc.context;
  pages[1].node.setFontDictionary(PDFName.of('f-0-0'), embeddedFont(doc, 'BAAAAA+LiberationSans-Bold'));
  pages[4].node.setFontDictionary(PDFName.of('f-1-0'), embeddedFont(doc, 'AAAAAA+LiberationSans', regularDigits));
  const dests = ctx.obj({
    'section-1': [pages[2].ref, 'XYZ', 6, 827, 0],
    'section-2': [pages[5].ref, 'XYZ', 6, 827, 0],
    elsewhere: [pages[3].ref, 'XYZ', 6, 827, 0],
  });
  doc.catalog.set(PDFName.of('Dests'), ctx.register(dests));
  const link = (dest: string, y: number) =>
    ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [45, y, 550, y + 20], Dest: PDFName.of(dest), Border: [0, 0, 0] }));
  pages[1].node.set(PDFName.of('Annots'), ctx.obj([link('section-1', 700), link('section-2', 670), link('elsewhere', 640)]));
  return doc.save({ useObjectStreams });
}

async function contentOf(doc: PDFDocument, page: number): Promise<string> {
  const contents = doc.getPage(page).node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [];
  return refs
    .map((ref) => doc.context.lookup(ref as PDFRef))
    .map((stream) => Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString('latin1'))
    .join('\n');
}

describe('finishPdf', () => {
  it('appends the contents page numbers and the metadata as an incremental update, leaving the original bytes as they were', async () => {
    const original = await chromiumLike(false);
    const out = await finishPdf(original, meta);
    expect(out.pages).toBe(6);
    expect(out.toc).toEqual({ 'section-1': 3, 'section-2': 6 });
    expect(Buffer.compare(out.bytes.subarray(0, original.length), Buffer.from(original))).toBe(0);
    const tail = out.bytes.subarray(original.length).toString('latin1');
    expect(tail).toMatch(/xref\n/);
    expect(tail).toMatch(/\/Prev \d+/);
    expect(tail.trimEnd().endsWith('%%EOF')).toBe(true);

    const reread = await PDFDocument.load(out.bytes, { updateMetadata: false });
    expect({
      title: reread.getTitle(),
      author: reread.getAuthor(),
      subject: reread.getSubject(),
      keywords: reread.getKeywords(),
      creator: reread.getCreator(),
    }).toEqual({
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      keywords: 'Northern Spinal Network Plexus',
      creator: 'Plexus',
    });
    expect(reread.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en-GB)');
    const drawn = await contentOf(reread, 1);
    expect(drawn).toMatch(/\/Artifact BMC/);
    // In the document's own regular face (glyphs 19–28 are the digits), not the bold one nor a standard font.
    expect(drawn).toMatch(/\/PlexusDigits 11 Tf/);
    expect(drawn).toMatch(/<0016> Tj/);
    expect(drawn).toMatch(/<0019> Tj/);
    expect(drawn.trim().startsWith('q')).toBe(true);
    // Right-aligned 2 pt inside the link's rectangle: "6" is 6.116 pt wide (556/1000 of 11 pt).
    expect(drawn).toMatch(/1 0 0 1 541\.884 676\.150 Tm\n<0019> Tj/);
    const fonts = reread.getPage(1).node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const used = reread.context.lookup(fonts?.get(PDFName.of('PlexusDigits')), PDFDict);
    expect(used.get(PDFName.of('BaseFont'))?.toString()).toBe('/AAAAAA+LiberationSans');
    expect(tail).not.toMatch(/Helvetica|Type1/);
  });

  it('needs only the digits its page numbers use, and refuses to write them in a font that is not embedded', async () => {
    const enough = await finishPdf(await chromiumLike(false, '36'), meta);
    expect(enough.toc).toEqual({ 'section-1': 3, 'section-2': 6 });
    await expect(finishPdf(await chromiumLike(false, '3'), meta)).rejects.toThrow(/no embedded regular font holding the digits/);
  });

  it('finishes a file it does not expect (a cross-reference stream) the slow way, with the same result', async () => {
    const original = await chromiumLike(true);
    const out = await finishPdf(original, meta);
    expect(out.toc).toEqual({ 'section-1': 3, 'section-2': 6 });
    const reread = await PDFDocument.load(out.bytes, { updateMetadata: false });
    expect(reread.getTitle()).toBe(meta.title);
    expect(await contentOf(reread, 1)).toMatch(/1 0 0 1 541\.884 676\.150 Tm\n<0019> Tj/);
    expect(out.bytes.toString('latin1')).not.toMatch(/Helvetica/);
  });
});

describe('digitCodes', () => {
  it('reads the codes of the digits from a ToUnicode CMap, in bfchar and both forms of bfrange', () => {
    const cmap =
      '2 beginbfchar\n<0013> <0030>\n<0003> <0020>\nendbfchar\n2 beginbfrange\n<0020> <0022> <0031>\n<0030> <0031> [<0034> <0035>]\nendbfrange';
    expect(Object.fromEntries(digitCodes(cmap))).toEqual({ '0': '0013', '1': '0020', '2': '0021', '3': '0022', '4': '0030', '5': '0031' });
  });
});

describe('numberSize', () => {
  it('writes a contents line’s page number at 11 pt, and one in a small table row (a pack’s agenda) at that row’s text size', () => {
    expect(numberSize(21.4)).toBe(11);
    expect(numberSize(9.2)).toBe(8.5);
    expect(numberSize(2)).toBe(6);
  });
});
