/**
 * npm run bench:reports — figures for the PDF pipeline on this machine (not a test: nothing is asserted).
 * For a ~20-page progress report, a 1-page board cover sheet, the demo's FY 2024/25 annual report and a board pack of those three papers: cold start, warm p50/p95 of the render
 * step (view model → HTML → PDF bytes) and of the whole path (API request → queue → worker → stored →
 * ready), throughput at concurrency 1 and 2, two floors (bare Puppeteer, browser launched once: newPage,
 * setContent, pdf, close per document; and one reused page per lane: setContent, pdf), the finish step alone
 * (incremental update vs the whole-file rewrite it replaced), peak PSS of this process and its Chromium, and
 * memory over 500 documents. Uses its own database and Redis prefix; leaves nothing behind.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { documentRequestSchema, requestReportSchema } from '@plexus/contracts';
import { parseTimescale, type WorkItemStatus } from '@plexus/domain';
import {
  AppUser,
  jobIds,
  loadConfig,
  migrate,
  Network,
  ormConfig,
  QueueName,
  roleFromUrl,
  TenantDb,
  WorkItem,
  WorkItemLead,
  WorkItemProgress,
  WorkPlan,
  WorkPlanTheme,
} from '@plexus/server';
import { Job, Queue, QueueEvents } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import puppeteer, { type Page } from 'puppeteer-core';
import { createApp } from '../../apps/api/src/app/create-app';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { boardPackViewModel, packPaper } from '../../apps/worker/src/report/documents/board-pack/board-pack.view-model';
import { buildDocument } from '../../apps/worker/src/report/documents/registry';
import type { DocumentViewModel } from '../../apps/worker/src/report/documents/shared/view-model';
import { TemplateEngine } from '../../apps/worker/src/report/documents/template-engine';
import { CHROMIUM_ARGS, ChromiumPool } from '../../apps/worker/src/report/render/chromium-pool';
import { finishPdf, finishPdfByRewriting } from '../../apps/worker/src/report/render/pdf-finish';
import { PdfRenderer, PRINT_OPTIONS, newMarker } from '../../apps/worker/src/report/render/pdf-renderer';
import { ms, percentile, pssKiB, slope, throughput } from './bench-support';

const OWNER_BASE = process.env['BENCH_DATABASE_OWNER_URL'] ?? 'postgres://plexus_owner:plexus_owner@127.0.0.1:5432/postgres';
const APP_BASE = process.env['BENCH_DATABASE_APP_URL'] ?? 'postgres://plexus_app:plexus_app@127.0.0.1:5432/postgres';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WARM_RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
const SOAK = Number(process.env['BENCH_SOAK'] ?? 500);
const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 85);

const url = (base: string, db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);
const STATUSES: WorkItemStatus[] = ['on_track', 'on_track', 'complete', 'at_risk', 'off_track', 'not_started', 'on_track', 'complete'];

async function bigPlan(db: TenantDb, networkId: string): Promise<void> {
  await db.inNetwork({ userId: null, networkId }, async ({ em }) => {
    const plan = Object.assign(new WorkPlan(), {
      networkId,
      title: 'Benchmark work plan 2025–27',
      periodStart: '2025-04-01',
      periodEnd: '2027-03-31',
      status: 'approved',
      approvedOn: '2025-05-01',
    });
    em.persist(plan);
    const themes = ['Service delivery', 'Resources', 'Workforce', 'Quality', 'Collaboration', 'Transformation', 'Population health'].map(
      (title, position) =>
        Object.assign(new WorkPlanTheme(), { networkId, planId: plan.id, title, description: `${title}: what the network will do`, position }),
    );
    themes.forEach((t) => em.persist(t));
    for (let i = 0; i < ITEMS; i++) {
      const theme = themes[i % themes.length];
      const text = ['Q1 2025/26', 'Q3 2025/26', 'Q4 2025/26', 'Q2 2026/27', 'Ongoing'][i % 5];
      const timescale = parseTimescale(text);
      const status = STATUSES[i % STATUSES.length];
      const item = Object.assign(new WorkItem(), {
        networkId,
        planId: plan.id,
        themeId: theme.id,
        position: i,
        work: `Work item ${i + 1}: develop and monitor the network's arrangements for ${theme.title.toLowerCase()} across all partner trusts, with shared learning`,
        measures: ['Agreed by the board', 'Reported quarterly'],
        steps: [],
        timescaleText: text,
        timescale,
        dueOn: timescale.due ?? null,
        originalTimescaleText: text,
        originalDueOn: timescale.due ?? null,
        status,
        statusOn: '2026-10-01',
      });
      em.persist(item);
      em.persist(Object.assign(new WorkItemLead(), { networkId, itemId: item.id, title: 'Network Manager', position: 0 }));
      em.persist(
        Object.assign(new WorkItemProgress(), {
          networkId,
          itemId: item.id,
          onDate: '2026-10-01',
          status,
          narrative: `Update for item ${i + 1}: meetings held with all trusts; next steps agreed at the clinical governance group.`,
          authorName: 'Priya Shah',
        }),
      );
    }
    await em.flush();
  });
}

async function main(): Promise<void> {
  const dbName = `plexus_bench_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: OWNER_BASE });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const storage = mkdtempSync(join(tmpdir(), 'plexus-bench-'));
  const env = {
    DATABASE_URL: url(APP_BASE, dbName),
    DATABASE_OWNER_URL: url(OWNER_BASE, dbName),
    REDIS_PREFIX: `plexus-bench-${dbName}`,
    STORAGE_DIR: storage,
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    REPORT_PAGE_POOL: '2',
    CHROMIUM_PATH: CHROMIUM,
    REPORT_RECYCLE_AFTER: '100000',
  };
  const config = loadConfig(env);
  let orm: MikroORM | undefined;
  let worker: INestApplicationContext | undefined;
  let api: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    await migrate(config.DATABASE_OWNER_URL, roleFromUrl(config.DATABASE_URL));
    orm = await MikroORM.init(ormConfig({ clientUrl: config.DATABASE_URL, poolMax: 4 }));
    const db = new TenantDb(orm);
    await seedDemo(db);
    const network = await db.run({ userId: null }, ({ em }) => em.findOneOrFail(Network, { slug: 'east-midlands-mtn' }));
    await bigPlan(db, network.id);
    const manager = await db.run({ userId: null }, ({ em }) => em.findOneOrFail(AppUser, { email: 'priya.shah@example.org' }));

    const progressReq = documentRequestSchema.parse({ kind: 'progress' });
    const coverReq = requestReportSchema.parse({
      kind: 'board_paper',
      title: 'Board cover sheet',
      cover: {
        meeting: 'Network Board',
        meetingDate: '2026-12-03',
        paperReference: 'Paper G',
        author: 'Priya Shah',
        purposes: ['assurance'],
        executiveSummary: 'The board is asked to note the progress of the work plan and the changes to the risk register since its last meeting.',
        questions: ['Does the board accept the report?'],
        riskReferences: ['EMMTN/01'],
      },
    });
    const annualReq = requestReportSchema.parse({ kind: 'annual_report', options: { fy: '2024/25' } });
    const vmOf = async (req: typeof progressReq, title: string) => {
      const t = performance.now();
      const vm = await db.inNetwork({ userId: manager.id, networkId: network.id }, () => buildDocument(req, title));
      return { vm, ms: performance.now() - t };
    };
    const engine = new TemplateEngine();
    const docs: Array<{ name: string; vm: DocumentViewModel; vmMs: number; req: typeof progressReq }> = [];
    for (const [name, req, title] of [
      ['progress report', progressReq, 'Progress report'],
      ['board cover sheet', coverReq, 'Board cover sheet'],
      ['annual report', annualReq, 'Annual report 2024/25'],
    ] as const) {
      await vmOf(req, title);
      const built = await vmOf(req, title);
      docs.push({ name, vm: built.vm, vmMs: built.ms, req });
    }
    // A three-paper board pack (the papers above as their snapshots: the pack's builder reads them from the library; here the
    // view model is built from them directly, so the figure is the pack's render, not a database read).
    {
      const t = performance.now();
      const papers = docs.map((d, i) => ({
        position: i + 2,
        title: d.vm.doc.title,
        presenter: 'Priya Shah',
        durationMinutes: 15,
        paper: packPaper({ position: i + 2 }, { id: `bench-${i}`, sha256: null, templateVersion: null, pageCount: null }, d.vm),
      }));
      const agenda = [
        { position: 1, title: 'Welcome, apologies and minutes of the last meeting', presenter: 'Chair', durationMinutes: 10, paper: null },
        ...papers,
        { position: papers.length + 2, title: 'Any other business', presenter: 'Chair', durationMinutes: 5, paper: null },
      ];
      const first = docs[0].vm;
      const vm = boardPackViewModel(
        { network: first.network, brand: first.brand, todayLong: first.doc.generatedOn },
        'Board pack',
        {
          title: 'Network Board',
          meetingDate: '2026-12-10',
          startsAt: '10:00',
          location: 'Microsoft Teams',
          notes: '',
        },
        agenda,
      );
      const packReq = documentRequestSchema.parse({ kind: 'board_pack', options: { meetingId: '00000000-0000-4000-8000-000000000001' } });
      docs.push({ name: 'three-paper board pack', vm, vmMs: performance.now() - t, req: packReq });
    }
    const kindOf = new Map(docs.map((d) => [d.vm, d.req.kind]));

    console.log(
      `\nPlexus report benchmark — ${new Date().toISOString()} — node ${process.version}, ${require('node:os').cpus().length} cores, Chromium ${CHROMIUM}`,
    );
    console.log(`(warm runs: ${WARM_RUNS}; soak: ${SOAK} documents; plan items: ${ITEMS})`);

    // ---------- floors: bare Puppeteer, browser launched once; (a) newPage/setContent/pdf/close per document,
    // (b) one page per lane reused: setContent/pdf per document (no interception, no marker, no finishing)
    type Floor = { p50: number; p95: number; tput1: number; tput2: number; pages: number };
    const floor: Record<string, Floor> = {};
    const reusedFloor: Record<string, Floor> = {};
    const reusedFloorOnce: Record<string, () => Promise<unknown>> = {};
    const floorBrowser = await (async () => {
      const t0 = performance.now();
      const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
      const launchMs = performance.now() - t0;
      console.log(`\nFloor: bare Puppeteer (launch ${ms(launchMs)})`);
      const idle: Page[] = [];
      for (const d of docs) {
        const { html } = engine.render(d.req.kind, d.vm, 'floor');
        const newPageOnce = async () => {
          const page = await browser.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          const pdf = await page.pdf(PRINT_OPTIONS);
          await page.close();
          return pdf;
        };
        const reusedPageOnce = async () => {
          const page = idle.pop() ?? (await browser.newPage());
          await page.setContent(html, { waitUntil: 'load' });
          const pdf = await page.pdf(PRINT_OPTIONS);
          idle.push(page);
          return pdf;
        };
        reusedFloorOnce[d.name] = reusedPageOnce;
        for (const [label, once, into] of [
          ['new page', newPageOnce, floor],
          ['reused page', reusedPageOnce, reusedFloor],
        ] as const) {
          const first = performance.now();
          await once();
          const coldMs = performance.now() - first;
          for (let i = 0; i < 3; i++) await once();
          const times: number[] = [];
          for (let i = 0; i < WARM_RUNS; i++) {
            const t = performance.now();
            await once();
            times.push(performance.now() - t);
          }
          const n = Math.max(8, Math.round(WARM_RUNS / 2));
          const tput1 = await throughput(n, 1, once);
          const tput2 = await throughput(n, 2, once);
          const pages = (await (await import('pdf-lib')).PDFDocument.load(await once())).getPageCount();
          into[d.name] = { p50: percentile(times, 50), p95: percentile(times, 95), tput1, tput2, pages };
          line(`${d.name} (${pages} pages), ${label}: first`, ms(coldMs));
          line(`${d.name}, ${label}: warm p50 / p95`, `${ms(into[d.name].p50)} / ${ms(into[d.name].p95)}`);
          line(`${d.name}, ${label}: throughput c=1 / c=2`, `${tput1.toFixed(2)} / ${tput2.toFixed(2)} docs/s`);
        }
      }
      return browser;
    })();

    // ---------- render step: our pipeline (pooled pages, JS off, interception, marker, contents numbering, metadata)
    console.log('\nRender step: view model → HTML → PDF bytes (ChromiumPool of 2 pages, PdfRenderer)');
    const pool = new ChromiumPool({ executablePath: CHROMIUM, size: 2, recycleAfter: 100000 });
    const renderer = new PdfRenderer(pool, 60_000);
    let peakPss = 0;
    // (the floor's Chromium, still open for the paired rounds, is not counted)
    const samplePss = () => (peakPss = Math.max(peakPss, pssKiB(process.pid) - pssKiB(floorBrowser.process()?.pid ?? -1)));
    const renderP50: Record<string, number> = {};
    const metaOf = (vm: DocumentViewModel) => ({ title: vm.doc.title, author: vm.network.name, subject: vm.doc.subject, keywords: vm.doc.keywords });
    const rawPdf = async (vm: DocumentViewModel) => {
      const page = await pool.acquire();
      try {
        const { html } = engine.render(kindOf.get(vm) ?? 'progress', vm, 'raw');
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf(PRINT_OPTIONS);
      } finally {
        await pool.release(page, true);
      }
    };
    const renderOnce = async (vm: DocumentViewModel) => {
      const marker = newMarker();
      const { html } = engine.render(kindOf.get(vm) ?? 'progress', vm, marker);
      return renderer.render({ html, marker, meta: metaOf(vm) });
    };
    for (const d of docs) {
      const cold = performance.now();
      const first = await renderOnce(d.vm);
      const coldMs = performance.now() - cold;
      for (let i = 0; i < 3; i++) await renderOnce(d.vm);
      const times: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        const t = performance.now();
        await renderOnce(d.vm);
        times.push(performance.now() - t);
        if (i % 5 === 0) samplePss();
      }
      const n = Math.max(8, Math.round(WARM_RUNS / 2));
      const tput1 = await throughput(n, 1, () => renderOnce(d.vm));
      const tput2 = await throughput(n, 2, () => renderOnce(d.vm));
      samplePss(); // (never during a timed run: reading /proc for every Chromium process blocks the event loop)
      // Paired: the reused-page floor and ours at c=2 in alternating rounds, so both see the same machine.
      const ratios: number[] = [];
      for (let round = 0; round < 3; round++) {
        const fl = await throughput(n, 2, reusedFloorOnce[d.name]);
        const ours = await throughput(n, 2, () => renderOnce(d.vm));
        ratios.push(ours / fl);
      }
      const p50 = percentile(times, 50);
      const f = floor[d.name];
      const r = reusedFloor[d.name];
      renderP50[d.name] = p50;
      line(`${d.name} (${first.pages} pages): view model build${d.req.kind === 'board_pack' ? ' (from the papers)' : ' (DB)'}`, ms(d.vmMs));
      line(`${d.name}: cold (first document${d === docs[0] ? ', incl. Chromium launch' : ''})`, ms(coldMs));
      line(
        `${d.name}: warm p50 / p95`,
        `${ms(p50)} / ${ms(percentile(times, 95))}   (${(p50 / f.p50).toFixed(2)}× new-page floor p50, ${(p50 / r.p50).toFixed(2)}× reused-page floor p50)`,
      );
      line(
        `${d.name}: throughput c=1 / c=2`,
        `${tput1.toFixed(2)} / ${tput2.toFixed(2)} docs/s = ${(tput2 * 60).toFixed(0)}/min   (c=2: ${(tput2 / f.tput2).toFixed(2)}× new-page floor ${f.tput2.toFixed(2)}, ${(tput2 / r.tput2).toFixed(2)}× reused-page floor ${r.tput2.toFixed(2)})`,
      );
      // The finishing step alone (contents page numbers and metadata: an incremental update), and the whole-file rewrite it replaced.
      const raw = await rawPdf(d.vm);
      const finishTimes: number[] = [];
      const rewriteTimes: number[] = [];
      for (let i = 0; i < 20; i++) {
        let t = performance.now();
        await finishPdf(raw, metaOf(d.vm));
        finishTimes.push(performance.now() - t);
        t = performance.now();
        await finishPdfByRewriting(raw, metaOf(d.vm));
        rewriteTimes.push(performance.now() - t);
      }
      line(
        `${d.name}: c=2 paired with the reused-page floor`,
        `${ratios.map((x) => x.toFixed(2)).join(' / ')} (3 alternating rounds; median ${percentile(ratios, 50).toFixed(2)}×)`,
      );
      line(
        `${d.name}: finish step p50 (incremental / whole rewrite)`,
        `${percentile(finishTimes, 50).toFixed(1)} ms / ${percentile(rewriteTimes, 50).toFixed(1)} ms`,
      );
    }
    line('peak PSS of this process + Chromium', `${(peakPss / 1024).toFixed(0)} MiB`);
    await floorBrowser.close();

    // ---------- memory over SOAK documents (cover sheets and progress reports alternating 9:1)
    console.log(`\nMemory over ${SOAK} documents (PSS of this process + Chromium, every ${Math.max(1, Math.round(SOAK / 10))})`);
    const series: Array<[number, number]> = [];
    const every = Math.max(1, Math.round(SOAK / 10));
    const soakStart = performance.now();
    for (let i = 1; i <= SOAK; i++) {
      await renderOnce(i % 10 === 0 ? docs[0].vm : docs[1].vm);
      if (i % every === 0) {
        const kib = pssKiB(process.pid);
        peakPss = Math.max(peakPss, kib);
        series.push([i, kib / 1024]);
      }
    }
    console.log('  ' + series.map(([i, mb]) => `${i}:${mb.toFixed(0)}`).join('  ') + '  (documents:MiB)');
    const half = series.slice(Math.floor(series.length / 2));
    line('trend over the second half', `${(slope(half) * 100).toFixed(2)} MiB per 100 documents`);
    line('soak duration', `${((performance.now() - soakStart) / 1000).toFixed(1)} s`);
    await pool.close();

    // ---------- whole path: HTTP request → queue → worker → stored → ready
    console.log('\nWhole path: POST /reports → BullMQ → worker (in this process) → storage → status ready');
    api = await createApp(config, { logger: false });
    await api.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    const events = new QueueEvents(QueueName.Reports, { connection: { url: config.REDIS_URL }, prefix: config.REDIS_PREFIX });
    await events.waitUntilReady();
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'priya.shah@example.org', password: DEMO_PASSWORD }),
    });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
    const csrf = (await login.json()).csrfToken as string;
    const queue = new Queue(QueueName.Reports, { connection: { url: config.REDIS_URL }, prefix: config.REDIS_PREFIX });
    const whole = async (body: unknown) => {
      const t = performance.now();
      const res = await fetch(`${base}/api/networks/east-midlands-mtn/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-xsrf-token': csrf },
        body: JSON.stringify(body),
      });
      const doc = (await res.json()) as { id: string };
      // The job is enqueued after commit and before the response: wait for it to finish (status ready is set just before).
      const job = await Job.fromId(queue, jobIds['report.render']({ documentId: doc.id }));
      if (!job) throw new Error('job not found');
      const result = (await job.waitUntilFinished(events, 60_000)) as { status: string };
      if (result.status !== 'ready') throw new Error(`unexpected ${result.status}`);
      return performance.now() - t;
    };
    for (const [name, body] of [
      ['progress report', { kind: 'progress' }],
      ['board cover sheet', coverReq],
    ] as const) {
      for (let i = 0; i < 3; i++) await whole(body);
      const times: number[] = [];
      for (let i = 0; i < Math.max(10, Math.round(WARM_RUNS / 2)); i++) times.push(await whole(body));
      const p50 = percentile(times, 50);
      line(`${name}: whole path p50 / p95`, `${ms(p50)} / ${ms(percentile(times, 95))}   (render step p50 + ${ms(p50 - renderP50[name])})`);
    }
    await events.close();
    await queue.close();
    console.log('');
  } finally {
    await worker?.close();
    await api?.close();
    await orm?.close(true);
    const c = new Client({ connectionString: OWNER_BASE });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
    rmSync(storage, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
