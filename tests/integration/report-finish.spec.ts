import { execFileSync } from 'node:child_process';
import type { ReportKindValue } from '@plexus/contracts';
import { DOCUMENT_KINDS } from '../../apps/worker/src/report/documents/registry';
import { boardPaperSample } from '../../apps/worker/src/report/documents/board-paper/board-paper.sample';
import { progressSample } from '../../apps/worker/src/report/documents/progress/progress.sample';
import type { DocumentViewModel } from '../../apps/worker/src/report/documents/shared/view-model';
import { TemplateEngine } from '../../apps/worker/src/report/documents/template-engine';
import { ChromiumPool } from '../../apps/worker/src/report/render/chromium-pool';
import { finishPdf } from '../../apps/worker/src/report/render/pdf-finish';
import { newMarker, PdfRenderer, PRINT_OPTIONS } from '../../apps/worker/src/report/render/pdf-renderer';
import { pdfFonts, pdfInfo, pdfPageTexts, qpdfCheck } from '../support/pdf';

/**
 * The finish step on real Chromium output, for every kind of document: the PDF stays valid (qpdf --check), tagged
 * and searchable, the contents show the page each section starts on, and Chromium's bytes are kept as they are
 * (the numbers and metadata are an incremental update appended to them).
 */
describe('report PDF finish (real Chromium, every document kind)', () => {
  let pool: ChromiumPool;
  const engine = new TemplateEngine();

  beforeAll(() => {
    execFileSync('qpdf', ['--version']);
    pool = new ChromiumPool({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', size: 1, recycleAfter: 100 });
  });
  afterAll(async () => {
    await pool?.close();
  });

  const cases: Array<[string, ReportKindValue, DocumentViewModel]> = [
    ...(Object.keys(DOCUMENT_KINDS) as ReportKindValue[]).map((kind): [string, ReportKindValue, DocumentViewModel] => [
      kind,
      kind,
      DOCUMENT_KINDS[kind].sample(),
    ]),
    ['progress, 60 items', 'progress', progressSample(60)],
    ['board paper, cover sheet alone', 'board_paper', boardPaperSample(true)],
  ];

  it.each(cases)('%s: valid, tagged, searchable, every font embedded, with the right page in every contents line', async (_label, kind, vm) => {
    const marker = newMarker();
    const { html } = engine.render(kind, vm, marker);
    const meta = { title: vm.doc.title, author: vm.network.name, subject: vm.doc.subject, keywords: vm.doc.keywords };

    // Chromium's PDF, then the finish step on it.
    const page = await pool.acquire();
    let raw: Uint8Array;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      raw = await page.pdf(PRINT_OPTIONS);
    } finally {
      await pool.release(page, true);
    }
    const finished = await finishPdf(raw, meta);
    const bytes = finished.bytes;
    expect(Buffer.compare(bytes.subarray(0, raw.length), Buffer.from(raw))).toBe(0); // an append, not a rewrite
    expect(bytes.toString('latin1').match(/%%EOF/g)).toHaveLength(2);

    const check = qpdfCheck(bytes);
    expect({ ok: check.ok, output: check.output }).toEqual({ ok: true, output: expect.any(String) });
    const info = pdfInfo(bytes);
    expect({
      title: info['Title'],
      author: info['Author'],
      subject: info['Subject'],
      keywords: info['Keywords'],
      tagged: info['Tagged'],
      creator: info['Creator'],
      pages: Number(info['Pages']),
    }).toEqual({
      title: vm.doc.title,
      author: vm.network.name,
      subject: vm.doc.subject,
      keywords: vm.doc.keywords.join(' '),
      tagged: 'yes',
      creator: 'Plexus',
      pages: finished.pages,
    });

    // Every contents line ends with the page its section's heading is on.
    const texts = pdfPageTexts(bytes);
    expect(texts).toHaveLength(finished.pages);
    const lines = texts.map((t) => t.split('\n').map((l) => l.trim()));
    const contentsPage = lines.findIndex((l) => l.includes('Contents'));
    for (const section of vm.doc.sections) {
      const heading = `${section.number}. ${section.title}`;
      const headingPage = lines.findIndex((l, i) => i > contentsPage && l.includes(heading)) + 1;
      expect({ heading, headingPage: headingPage > 0 }).toEqual({ heading, headingPage: true });
      const entry = lines[contentsPage].find((l) => l.startsWith(heading));
      expect({ heading, entry }).toEqual({ heading, entry: expect.stringMatching(new RegExp(`\\s${headingPage}$`)) });
      expect(finished.toc[section.id]).toBe(headingPage);
    }
    if (!vm.doc.sections.length) expect(finished.toc).toEqual({});

    // Every font is embedded (pdffonts): the contents page numbers are written in the document's own font.
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);

    // The renderer finishes the same way: one update appended to Chromium's bytes, and a valid file.
    const rendered = await new PdfRenderer(pool, 30_000).render({ html, marker, meta });
    expect(rendered.bytes.toString('latin1').match(/%%EOF/g)).toHaveLength(2);
    expect(qpdfCheck(rendered.bytes).ok).toBe(true);
  });

  it('prints no direction controls from user text: a right-to-left override neither reverses the text nor reaches the PDF', async () => {
    const vm = progressSample(6);
    const controls = '\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f';
    vm.network.name = `Northern \u202eSpinal\u202c Network`;
    vm.doc.title = `Progress report ${controls}`;
    const items = vm.doc.sections.find((s) => s.title === 'Capacity & flow')?.data as { rows: Array<{ work: string }> };
    items.rows[0].work = `Pay the invoice \u202efdp.exe${controls}`;
    const marker = newMarker();
    const { html } = engine.render('progress', vm, marker);
    const meta = { title: vm.doc.title, author: vm.network.name, subject: vm.doc.subject, keywords: vm.doc.keywords };
    const { bytes } = await new PdfRenderer(pool, 30_000).render({ html, marker, meta });
    const text = pdfPageTexts(bytes).join('\n');
    expect(text).toContain('Pay the invoice fdp.exe');
    expect(text).toContain('Northern Spinal Network');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    expect(text).not.toContain('exe.pdf');
    const info = pdfInfo(bytes);
    expect({ title: info['Title'], author: info['Author'] }).toEqual({ title: 'Progress report', author: 'Northern Spinal Network' });
  });
});
