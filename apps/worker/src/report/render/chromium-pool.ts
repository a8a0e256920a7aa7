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
  /** How long closing a hung page may take before Chromium itself is killed (default 5 s). */
  stopTimeoutMs?: number;
  /** Told of every launch (the first and each relaunch): the worker counts them in its metrics. */
  onLaunch?: () => void;
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
 * Each page is its own target with its own renderer process, so a page that hangs is stopped alone (`stop`):
 * closing its target ends its renderer while the other pages carry on.
 */
export class ChromiumPool {
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private idle: Page[] = [];
  private readonly uses = new WeakMap<Page, number>();
  private busy = 0;
  private waiters: Array<() => void> = [];
  private rendered = 0;
  /** How many times Chromium was killed on purpose (a page that would not close): renders in flight then fail through no fault of their own. */
  kills = 0;
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
        this.options.onLaunch?.();
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
    else if (healthy) await page.close().catch(() => undefined);
    // A page that failed may not answer: it is closed without waiting, so the next document is not held up.
    else void page.close({ runBeforeUnload: false }).catch(() => undefined);
    if (this.rendered >= this.options.recycleAfter && this.busy === 0) {
      this.rendered = 0;
      this.logger.log(`Relaunching Chromium after ${this.options.recycleAfter} documents`);
      await this.closeBrowser();
    }
    this.waiters.shift()?.();
  }

  /**
   * Stops a page that hangs from outside it: closes its target, which ends its renderer process, and leaves the
   * other pages (other documents, perhaps other networks') rendering. Only if the page does not close in time is
   * Chromium killed, and then `kills` tells the other renders in flight that they failed through no fault of theirs.
   */
  async stop(page: Page): Promise<'page' | 'browser'> {
    const timeout = this.options.stopTimeoutMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      page.close({ runBeforeUnload: false }).then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeout))),
    ]);
    clearTimeout(timer);
    if (closed) return 'page';
    this.logger.warn('A hung page would not close: killing Chromium (the other documents in flight are retried)');
    this.kill();
    return 'browser';
  }

  /** Kills Chromium outright. */
  kill(): void {
    this.kills++;
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
