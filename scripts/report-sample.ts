/**
 * Prints a report kind's sample (the view model its spec renders) through the real pipeline — templates, Chromium,
 * the PDF finish — and writes the PDF and a PNG per page, for looking at a template by eye:
 *   npm run report:sample -- annual_report [out-dir]      (default out-dir: /tmp/plexus-sample)
 * Uses CHROMIUM_PATH or /usr/bin/chromium; pdftoppm (poppler-utils) for the page images.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_KINDS, type ReportKindValue } from '@plexus/contracts';
import { DOCUMENT_KINDS } from '../apps/worker/src/report/documents/registry';
import { TemplateEngine } from '../apps/worker/src/report/documents/template-engine';
import { ChromiumPool } from '../apps/worker/src/report/render/chromium-pool';
import { newMarker, PdfRenderer } from '../apps/worker/src/report/render/pdf-renderer';

async function main(): Promise<void> {
  const [kind, outDir = '/tmp/plexus-sample'] = process.argv.slice(2);
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    console.error(`Name a report kind: ${REPORT_KINDS.join(', ')}`);
    process.exit(2);
  }
  const vm = DOCUMENT_KINDS[kind as ReportKindValue].sample();
  const marker = newMarker();
  const { html } = new TemplateEngine().render(kind as ReportKindValue, vm, marker);
  const pool = new ChromiumPool({ executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium', size: 1, recycleAfter: 100 });
  try {
    const pdf = await new PdfRenderer(pool, 60_000).render({
      html,
      marker,
      meta: { title: vm.doc.title, author: vm.network.name, subject: vm.doc.subject, keywords: vm.doc.keywords },
    });
    mkdirSync(outDir, { recursive: true });
    for (const old of readdirSync(outDir)) if (old.startsWith(`${kind}-`) && old.endsWith('.png')) rmSync(join(outDir, old));
    const file = join(outDir, `${kind}.pdf`);
    writeFileSync(file, pdf.bytes);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(outDir, kind)]);
    console.log(`${file}: ${pdf.pages} pages; page images ${join(outDir, kind)}-N.png`);
  } finally {
    await pool.close();
  }
}

void main();
