import { randomBytes } from 'node:crypto';
import type { Page, PDFOptions } from 'puppeteer-core';
import type { ChromiumPool } from './chromium-pool';
import { finishPdf, type FinishedPdf, type PdfMetadata } from './pdf-finish';

export class RenderTimeoutError extends Error {
  constructor(ms: number) {
    super(`The document took longer than ${Math.round(ms / 1000)} s to render and was stopped`);
    this.name = 'RenderTimeoutError';
  }
}

/**
 * A render that failed because Chromium was killed to stop another document that hung: not this document's
 * fault, so its job is retried without spending an attempt.
 */
export class ChromiumRestartedError extends Error {
  constructor(cause: unknown) {
    super(`Chromium was restarted while this document was rendering (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = 'ChromiumRestartedError';
  }
}

export interface RenderInput {
  html: string;
  marker: string;
  meta: PdfMetadata;
  /** How many of the first pages hold contents links (the finish's default when not set). */
  contentsPages?: number;
}

/**
 * How every document is printed: A4, backgrounds, tagged (accessible), with an outline. The running header and
 * footer are the page's CSS margin boxes (in the document's styles), not Chromium's header and footer templates,
 * which are laid out again for every page and cost about a third of a one-page document's print.
 */
export const PRINT_OPTIONS: PDFOptions = {
  format: 'A4',
  printBackground: true,
  tagged: true,
  outline: true,
  displayHeaderFooter: false,
  margin: { top: '24mm', bottom: '20mm', left: '16mm', right: '16mm' },
};

export type RenderStage = 'loaded' | 'printed';

export function newMarker(): string {
  return randomBytes(12).toString('hex');
}

/**
 * HTML → PDF on a pooled page: setContent (never a file:// URL), check the marker the template wrote (so
 * we print our document, not an error page or a stale one), print it (PRINT_OPTIONS), give the
 * page back, then finish the PDF. A watchdog outside the page stops a render that hangs by closing that page's
 * target (its renderer process ends; the other documents in flight carry on).
 */
export class PdfRenderer {
  constructor(
    private readonly pool: ChromiumPool,
    private readonly timeoutMs: number,
  ) {}

  async render(input: RenderInput, onStage?: (stage: RenderStage) => void): Promise<FinishedPdf> {
    const page = await this.pool.acquire();
    const kills = this.pool.kills;
    let healthy = false;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        void this.pool.stop(page).finally(() => reject(new RenderTimeoutError(this.timeoutMs)));
      }, this.timeoutMs);
    });
    let pdf: Uint8Array;
    try {
      pdf = await Promise.race([this.print(page, input, onStage), watchdog]);
      // (A page the watchdog is closing is not given back, even if its PDF arrived in the same instant.)
      healthy = !timedOut;
    } catch (err) {
      if (timedOut) throw new RenderTimeoutError(this.timeoutMs);
      if (this.pool.kills !== kills) throw new ChromiumRestartedError(err);
      throw err;
    } finally {
      clearTimeout(timer);
      await this.pool.release(page, healthy);
    }
    // Finished after the page is back in the pool: the next document prints meanwhile.
    return finishPdf(pdf, input.meta, input.contentsPages);
  }

  private async print(page: Page, input: RenderInput, onStage?: (stage: RenderStage) => void): Promise<Uint8Array> {
    await page.setContent(input.html, { waitUntil: 'load', timeout: this.timeoutMs });
    // One round trip, no handle to dispose of.
    const found = await page.evaluate(() => document.querySelector('meta[name="plexus-render"]')?.getAttribute('content') ?? null);
    if (found !== input.marker) throw new Error('The rendered page is not the document that was set (marker missing)');
    onStage?.('loaded');
    const pdf = await page.pdf({ ...PRINT_OPTIONS, timeout: this.timeoutMs });
    onStage?.('printed');
    return pdf;
  }
}
