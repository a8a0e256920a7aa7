import { createServer, type Server } from 'node:http';
import { ChromiumPool } from '../../apps/worker/src/report/render/chromium-pool';
import { PdfRenderer, newMarker, RenderTimeoutError } from '../../apps/worker/src/report/render/pdf-renderer';
import { pdfText } from '../support/pdf';

/** The renderer fetches nothing: no loopback HTTP, no files; scripts do not run; a hang is stopped from outside. */
describe('report renderer safety (real Chromium)', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];
  let pool: ChromiumPool;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('root:x:0:0:stolen');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
    pool = new ChromiumPool({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', size: 1, recycleAfter: 100 });
  });
  afterAll(async () => {
    await pool?.close();
    server?.close();
  });

  const meta = { title: 'T', author: 'A', subject: 'S', keywords: [] };

  it('fetches nothing from http://127.0.0.1 or file:///, and runs no script', async () => {
    const marker = newMarker();
    const html = `<!doctype html><html><head><title>T</title><meta name="plexus-render" content="${marker}">
      <link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">
      <style>@import url("http://127.0.0.1:${port}/import.css"); body { background: url("http://127.0.0.1:${port}/bg.png"); }</style></head>
      <body><p>Visible text</p>
      <img src="http://127.0.0.1:${port}/img.png"><img src="file:///etc/passwd">
      <iframe src="file:///etc/passwd"></iframe><iframe src="http://127.0.0.1:${port}/frame"></iframe>
      <object data="file:///etc/passwd"></object>
      <script>document.body.innerHTML = 'SCRIPT RAN'; fetch('http://127.0.0.1:${port}/fetch');</script>
      <script src="http://127.0.0.1:${port}/script.js"></script></body></html>`;
    const renderer = new PdfRenderer(pool, 20_000);
    const { bytes } = await renderer.render({ html, marker, meta });
    // Every address the page names over http was asked for and refused at interception (scripts do not run, so
    // script.js is never asked for)…
    const named = ['style.css', 'import.css', 'img.png', 'frame', 'bg.png'].map((path) => `http://127.0.0.1:${port}/${path}`);
    expect(pool.blocked).toEqual(expect.arrayContaining(named));
    // …so none of them reached the server.
    expect(hits).toEqual([]);
    const text = pdfText(bytes);
    expect(text).toContain('Visible text');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toMatch(/root:x:0:0/);
    expect(pool.blocked.some((u) => u.startsWith(`http://127.0.0.1:${port}/`))).toBe(true);
  });

  it('refuses to print a page that does not carry the marker it was given', async () => {
    const renderer = new PdfRenderer(pool, 20_000);
    await expect(
      renderer.render({ html: '<html><head><meta name="plexus-render" content="stale"></head><body>x</body></html>', marker: newMarker(), meta }),
    ).rejects.toThrow('marker missing');
  });

  it('stops a render that hangs from outside the page, and renders again afterwards', async () => {
    const renderer = new PdfRenderer(pool, 1_500);
    // A page so heavy that printing it takes far longer than the watchdog allows.
    const rows = '<tr><td>row</td><td>' + 'lorem ipsum '.repeat(40) + '</td></tr>';
    const marker = newMarker();
    const html = `<html><head><meta name="plexus-render" content="${marker}"></head><body><table>${rows.repeat(40_000)}</table></body></html>`;
    const started = Date.now();
    await expect(renderer.render({ html, marker, meta })).rejects.toBeInstanceOf(RenderTimeoutError);
    expect(Date.now() - started).toBeLessThan(15_000);
    const ok = newMarker();
    const after = await new PdfRenderer(pool, 20_000).render({
      html: `<html><head><meta name="plexus-render" content="${ok}"></head><body>Fine again</body></html>`,
      marker: ok,
      meta,
    });
    expect(pdfText(after.bytes)).toContain('Fine again');
  });

  it('stops only the page that hangs: documents printing beside it finish, and Chromium is not restarted', async () => {
    const shared = new ChromiumPool({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', size: 2, recycleAfter: 100 });
    try {
      await shared.warm();
      const browserPid = shared.pid();
      const rows = '<tr><td>row</td><td>' + 'lorem ipsum '.repeat(40) + '</td></tr>';
      const heavy = newMarker();
      let settled = false;
      const hung = new PdfRenderer(shared, 1_500)
        .render({
          html: `<html><head><meta name="plexus-render" content="${heavy}"></head><body><table>${rows.repeat(40_000)}</table></body></html>`,
          marker: heavy,
          meta,
        })
        .then(
          () => 'printed',
          (err: unknown) => err,
        )
        .finally(() => (settled = true));
      // Documents one after another on the second page for as long as the first hangs, and one more after.
      const renderer = new PdfRenderer(shared, 20_000);
      const texts: string[] = [];
      for (let i = 0; !settled || i < 2; i++) {
        const m = newMarker();
        const out = await renderer.render({
          html: `<html><head><meta name="plexus-render" content="${m}"></head><body>Beside ${i}</body></html>`,
          marker: m,
          meta,
        });
        texts.push(pdfText(out.bytes));
      }
      expect(await hung).toBeInstanceOf(RenderTimeoutError);
      expect(texts.every((t, i) => t.includes(`Beside ${i}`))).toBe(true);
      expect({ kills: shared.kills, samePid: shared.pid() === browserPid }).toEqual({ kills: 0, samePid: true });
    } finally {
      await shared.close();
    }
  });
});
