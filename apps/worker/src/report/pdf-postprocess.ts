import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString, rgb, StandardFonts } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
}

/**
 * Finishes Chromium's PDF: writes the page number of each section into the contents page (Chromium has
 * no target-counter(); its links to `#section-n` carry the rectangle of each contents line and the named
 * destination of each section), and sets title, author, subject and keywords.
 */
export async function finishPdf(pdf: Uint8Array, meta: PdfMetadata): Promise<{ bytes: Buffer; pages: number; toc: Record<string, number> }> {
  // Fastest: parse without yielding to the event loop every few objects (the worker does nothing else meanwhile).
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pages = doc.getPages();
  const pageOf = new Map(pages.map((p, i) => [p.ref.toString(), i + 1]));
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const toc: Record<string, number> = {};
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const page of pages.slice(0, 4)) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      const dest = annot.get(PDFName.of('Dest'));
      const name = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : null;
      if (!name || !name.startsWith('section-') || !dests) continue;
      const target = dests.lookupMaybe(PDFName.of(name), PDFArray);
      const ref = target?.get(0);
      const number = ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
      const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
      if (!number || !rect) continue;
      const [, y1, x2, y2] = [0, 1, 2, 3].map((k) => (rect.lookup(k, PDFNumber) as PDFNumber).asNumber());
      const text = String(number);
      const size = 11;
      page.drawText(text, { x: x2 - font.widthOfTextAtSize(text, size) - 2, y: y1 + (y2 - y1 - size * 0.7) / 2, size, font, color: rgb(0.13, 0.17, 0.2) });
      toc[name] = number;
    }
  }
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('Plexus');
  doc.setProducer('Plexus (Chromium, pdf-lib)');
  doc.setLanguage('en-GB');
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { bytes: Buffer.from(bytes), pages: pages.length, toc };
}
