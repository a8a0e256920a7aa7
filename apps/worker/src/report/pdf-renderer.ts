import { randomBytes } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import type { ChromiumPool } from './chromium-pool';
import { finishPdf, type PdfMetadata } from './pdf-postprocess';

export class RenderTimeoutError extends Error {
  constructor(ms: number) {
    super(`The document took longer than ${Math.round(ms / 1000)} s to render and was stopped`);
    this.name = 'RenderTimeoutError';
  }
}

export interface RenderInput {
  html: string;
  header: string;
  footer: string;
  marker: string;
  meta: PdfMetadata;
}

export function newMarker(): string {
  return randomBytes(12).toString('hex');
}

/**
 * HTML → PDF on a pooled page: setContent (never a file:// URL), check the marker the template wrote (so
 * we print our document, not an error page or a stale one), print A4 with running header and footer, then
 * finish the PDF. A watchdog outside the page stops a render that hangs by killing Chromium itself.
 */
export class PdfRenderer {
  constructor(
    private readonly pool: ChromiumPool,
    private readonly timeoutMs: number,
  ) {}

  async render(input: RenderInput, onStage?: (stage: 'loaded' | 'printed') => Promise<void> | void): Promise<{ bytes: Buffer; pages: number }> {
    const page = await this.pool.acquire();
    let healthy = false;
    let timer: NodeJS.Timeout | undefined;
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.pool.kill();
        reject(new RenderTimeoutError(this.timeoutMs));
      }, this.timeoutMs);
    });
    try {
      const pdf = await Promise.race([this.print(page, input, onStage), watchdog]);
      healthy = true;
      return await finishPdf(pdf, input.meta);
    } finally {
      clearTimeout(timer);
      await this.pool.release(page, healthy);
    }
  }

  private async print(page: Page, input: RenderInput, onStage?: (stage: 'loaded' | 'printed') => Promise<void> | void): Promise<Uint8Array> {
    await page.setContent(input.html, { waitUntil: 'load', timeout: this.timeoutMs });
    const marker = await page.$(`meta[name="plexus-render"][content="${input.marker}"]`);
    if (!marker) throw new Error('The rendered page is not the document that was set (marker missing)');
    await marker.dispose();
    await onStage?.('loaded');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: input.header,
      footerTemplate: input.footer,
      margin: { top: '24mm', bottom: '20mm', left: '16mm', right: '16mm' },
      timeout: this.timeoutMs,
    });
    await onStage?.('printed');
    return pdf;
  }
}
