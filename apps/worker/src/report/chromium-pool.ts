import { Logger } from '@nestjs/common';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

export interface ChromiumPoolOptions {
  executablePath: string;
  /** Pages rendering at once. */
  size: number;
  /** Relaunch Chromium after this many documents. */
  recycleAfter: number;
  /** Close a page after this many documents and open a fresh one (keeps renderer memory flat). */
  pageRecycleAfter?: number;
}

/** Flags for a Chromium that makes no network calls of its own and runs as root in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--no-first-run',
  '--mute-audio',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

/**
 * One long-lived Chromium and a bounded set of reusable pages. Each page has JavaScript off and every
 * request that is not inline data aborted. A page that failed is closed, not reused; a browser that
 * crashed is relaunched on the next acquire; after `recycleAfter` documents it is relaunched between jobs.
 */
export class ChromiumPool {
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private idle: Page[] = [];
  private readonly uses = new WeakMap<Page, number>();
  private busy = 0;
  private waiters: Array<() => void> = [];
  private rendered = 0;
  /** Requests refused since launch (for tests and logs). */
  blocked: string[] = [];
  private readonly logger = new Logger('ChromiumPool');

  constructor(private readonly options: ChromiumPoolOptions) {}

  private async ensureBrowser(): Promise<Browser> {
    if (this.browser?.connected) return this.browser;
    this.launching ??= puppeteer
      // pipe: Chromium talks over stdio, so it exits by itself if the worker dies without closing it.
      .launch({ executablePath: this.options.executablePath, headless: true, args: CHROMIUM_ARGS, protocolTimeout: 60_000, pipe: true })
      .then((b) => {
        this.browser = b;
        this.idle = [];
        b.on('disconnected', () => {
          if (this.browser === b) {
            this.logger.warn('Chromium disconnected; it will be relaunched for the next document');
            this.browser = null;
            this.idle = [];
          }
        });
        return b;
      })
      .finally(() => (this.launching = null));
    return this.launching;
  }

  async warm(): Promise<void> {
    await this.ensureBrowser();
  }

  /** The PID of Chromium's main process (for memory measurement). */
  pid(): number | undefined {
    return this.browser?.process()?.pid;
  }

  private async newPage(): Promise<Page> {
    const page = await (await this.ensureBrowser()).newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req: HTTPRequest) => {
      if (req.isInterceptResolutionHandled()) return;
      if (req.url().startsWith('data:')) void req.continue();
      else {
        this.blocked.push(req.url());
        if (this.blocked.length > 100) this.blocked.shift();
        void req.abort('blockedbyclient');
      }
    });
    return page;
  }

  async acquire(): Promise<Page> {
    while (this.busy >= this.options.size) await new Promise<void>((r) => this.waiters.push(r));
    this.busy++;
    try {
      const page = this.idle.pop();
      if (page && !page.isClosed() && this.browser?.connected) return page;
      return await this.newPage();
    } catch (err) {
      this.busy--;
      this.waiters.shift()?.();
      throw err;
    }
  }

  async release(page: Page, healthy: boolean): Promise<void> {
    this.busy--;
    this.rendered++;
    const uses = (this.uses.get(page) ?? 0) + 1;
    this.uses.set(page, uses);
    if (healthy && !page.isClosed() && this.browser?.connected && uses < (this.options.pageRecycleAfter ?? 50)) this.idle.push(page);
    else await page.close().catch(() => undefined);
    if (this.rendered >= this.options.recycleAfter && this.busy === 0) {
      this.rendered = 0;
      this.logger.log(`Relaunching Chromium after ${this.options.recycleAfter} documents`);
      await this.closeBrowser();
    }
    this.waiters.shift()?.();
  }

  /** Kills Chromium outright (a render that hangs is stopped from outside the page). */
  kill(): void {
    const proc = this.browser?.process();
    this.browser = null;
    this.idle = [];
    proc?.kill('SIGKILL');
  }

  private async closeBrowser(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    this.idle = [];
    await b?.close().catch(() => this.kill());
  }

  async close(): Promise<void> {
    await this.closeBrowser();
  }
}
