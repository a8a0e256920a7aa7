import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { finishPdf, numberSize } from './pdf-finish';

const meta = {
  title: 'Progress report',
  author: 'Northern Spinal Network',
  subject: 'Progress report for Northern Spinal Network',
  keywords: ['Northern Spinal Network', 'Plexus'],
};

/** A PDF shaped like Chromium's: a contents page whose links point at named destinations of later pages. */
async function chromiumLike(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = Array.from({ length: 6 }, () => doc.addPage([595.92, 841.92]));
  const ctx = doc.context;
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
    expect(drawn).toMatch(/\(3\) Tj/);
    expect(drawn).toMatch(/\(6\) Tj/);
    expect(drawn.trim().startsWith('q')).toBe(true);
    // Right-aligned 2 pt inside the link's rectangle: "6" is 6.116 pt wide in Helvetica 11.
    expect(drawn).toMatch(/1 0 0 1 541\.884 676\.150 Tm\n\(6\) Tj/);
  });

  it('finishes a file it does not expect (a cross-reference stream) the slow way, with the same result', async () => {
    const original = await chromiumLike(true);
    const out = await finishPdf(original, meta);
    expect(out.toc).toEqual({ 'section-1': 3, 'section-2': 6 });
    const reread = await PDFDocument.load(out.bytes, { updateMetadata: false });
    expect(reread.getTitle()).toBe(meta.title);
    expect(await contentOf(reread, 1)).toMatch(/Tj/);
  });
});

describe('numberSize', () => {
  it('writes a contents line’s page number at 11 pt, and one in a small table row (a pack’s agenda) at that row’s text size', () => {
    expect(numberSize(21.4)).toBe(11);
    expect(numberSize(9.2)).toBe(8.5);
    expect(numberSize(2)).toBe(6);
  });
});
