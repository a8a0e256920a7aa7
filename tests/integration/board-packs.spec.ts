import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { BoardMeetingDto } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { JobQueue, ReportDocument } from '@plexus/server';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { ReportRenderJob } from '../../apps/worker/src/jobs/report-render.job';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { qpdfCheck } from '../support/pdf';

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** One page's text, by `pdftotext -f N -l N` (layout kept), each line trimmed. */
function pageLines(file: string, n: number): string[] {
  return execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

interface Outline {
  title: string;
  destpageposfrom1: number | null;
  kids: Outline[];
}

/**
 * Board packs: a meeting's papers in one PDF (front page, agenda, contents, then every paper), numbered "Page N of M"
 * through, with the contents and the agenda pointing at the right pages and a bookmark per paper; generated once,
 * however often it is asked for or retried; and another network's meeting is not found.
 */
describe('board packs: meeting → queue → worker → one PDF', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let viewer: HttpClient;
  let managerB: HttpClient;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-packs-'));
  const base = '/api/networks/pack-a';
  const today = todayIso('Europe/London');

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '2' };
    api = await startApi(db, env);
    a = await newNetwork(api.db, 'pack-a');
    b = await newNetwork(api.db, 'pack-b');
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  const request = async (client: HttpClient, slug: string, body: Record<string, unknown>): Promise<string> => {
    const res = await client.post(`/api/networks/${slug}/reports`, body);
    if (res.status !== 202) throw new Error(`report ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const ready = async (client: HttpClient, slug: string, id: string) => {
    const doc = await eventually(
      async () => (await client.get(`/api/networks/${slug}/reports/${id}`)).body,
      (d) => d.status === 'ready' || d.status === 'failed',
      60_000,
    );
    expect({ status: doc.status, failureReason: doc.failureReason }).toEqual({ status: 'ready', failureReason: null });
    return doc;
  };
  const cover = (title: string) => ({
    meeting: 'Network Board',
    meetingDate: addDays(today, 14),
    author: 'Network Manager',
    purposes: ['assurance'],
    executiveSummary: `Summary of ${title}.`,
  });
  const meetingWith = async (client: HttpClient, slug: string, papers: Array<{ title: string; documentId: string | null }>) => {
    const m = await client.post(`/api/networks/${slug}/board/meetings`, {
      meetingDate: addDays(today, 14),
      startsAt: '14:00',
      location: 'Boardroom',
    });
    expect(m.status).toBe(201);
    for (const p of papers) {
      const item = await client.post(`/api/networks/${slug}/board/meetings/${m.body.id}/agenda-items`, {
        title: p.title,
        presenter: 'Chair',
        documentId: p.documentId,
      });
      expect(item.status).toBe(201);
    }
    return m.body as BoardMeetingDto;
  };
  const download = async (client: HttpClient, url: string): Promise<Buffer> => {
    const res = await fetch(`${api.url}${url}`, { headers: { cookie: `plexus_session=${client.cookie('plexus_session')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return Buffer.from(await res.arrayBuffer());
  };

  it('makes one PDF of three papers: Page N of M throughout, contents and agenda at the right pages, a bookmark per paper', async () => {
    const ids = [
      await request(manager, 'pack-a', {
        kind: 'board_paper',
        title: 'Risk assurance',
        cover: cover('risks'),
        body: { kind: 'risk_register', options: {} },
      }),
      await request(manager, 'pack-a', { kind: 'risk_register', title: 'Risk register for the board' }),
      await request(manager, 'pack-a', { kind: 'board_paper', title: 'Peer review update', cover: cover('peer review') }),
    ];
    const papers = [];
    for (const id of ids) papers.push(await ready(manager, 'pack-a', id));
    const meeting = await meetingWith(manager, 'pack-a', [
      { title: 'Welcome and apologies', documentId: null },
      { title: 'Risk assurance', documentId: ids[0] },
      { title: 'The risk register', documentId: ids[1] },
      { title: 'Any other business', documentId: null },
      { title: 'Peer review', documentId: ids[2] },
    ]);
    expect(meeting.pack).toBeNull();

    // A viewer reads the meeting but may not generate its pack.
    expect((await viewer.post(`${base}/board/meetings/${meeting.id}/pack`, {})).status).toBe(403);

    const first = await manager.post(`${base}/board/meetings/${meeting.id}/pack`, {});
    expect(first.status).toBe(202);
    expect(first.body.pack).toMatchObject({ status: expect.stringMatching(/^(queued|rendering|ready)$/), downloadUrl: null });
    // Asked again while it is in progress: the same pack, not a second one.
    const again = await manager.post(`${base}/board/meetings/${meeting.id}/pack`, {});
    expect(again.status).toBe(202);
    expect(again.body.pack.id).toBe(first.body.pack.id);

    const done = await eventually(
      async () => (await manager.get(`${base}/board/meetings/${meeting.id}`)).body as BoardMeetingDto,
      (m) => m.pack?.status === 'ready' || m.pack?.status === 'failed',
      60_000,
    );
    expect(done.pack).toMatchObject({ id: first.body.pack.id, status: 'ready', failureReason: null, progress: 100 });
    const doc = await ready(viewer, 'pack-a', first.body.pack.id);
    expect(doc).toMatchObject({ kind: 'board_pack', title: expect.stringMatching(/^Board pack: Network Board, /) });
    expect(done.pack?.downloadUrl).toBe(doc.downloadUrl);
    const library = (await manager.get(`${base}/reports`)).body as Array<{ kind: string }>;
    expect(library.filter((d) => d.kind === 'board_pack')).toHaveLength(1);

    // The viewer downloads it through the library's route (reports.read).
    const bytes = await download(viewer, doc.downloadUrl);
    expect(qpdfCheck(bytes).ok).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'plexus-pack-')), 'pack.pdf');
    writeFileSync(file, bytes);
    const total = doc.pageCount as number;
    // Each paper whole, as many pages as it has on its own, after the front page, the agenda and the contents.
    expect(total).toBe(papers.reduce((n, p) => n + (p.pageCount as number), 0) + 3);

    const pages = Array.from({ length: total }, (_, i) => pageLines(file, i + 1));
    pages.forEach((lines, i) => {
      expect({ page: i + 1, footer: lines.find((l) => /Page \d+ of \d+/.test(l))?.match(/Page \d+ of \d+/)?.[0] }).toEqual({
        page: i + 1,
        footer: `Page ${i + 1} of ${total}`,
      });
    });

    // Front page, agenda (page 2), contents (page 3); each paper starts where the contents and the agenda say.
    expect(pages[0].join(' ')).toMatch(/Board pack: Network Board/);
    expect(pages[1].some((l) => l.startsWith('Agenda'))).toBe(true);
    expect(pages[2].some((l) => l.startsWith('Contents'))).toBe(true);
    const headings = [
      ['2', 'Risk assurance'],
      ['3', 'Risk register for the board'],
      ['5', 'Peer review update'],
    ];
    let previous = 3;
    for (const [position, title] of headings) {
      const heading = `${position}. ${title}`;
      const at = pages.findIndex((lines, i) => i >= 3 && lines.some((l) => l.startsWith(heading))) + 1;
      expect({ heading, after: at > previous }).toEqual({ heading, after: true });
      previous = at;
      const entry = pages[2].find((l) => l.startsWith(heading));
      expect({ heading, entry }).toEqual({ heading, entry: expect.stringMatching(new RegExp(`\\s${at}$`)) });
      const agendaLine = pages[1].find((l) => l.includes(title) && /\d+$/.test(l) && l !== title);
      expect({ heading, agendaLine }).toEqual({ heading, agendaLine: expect.stringMatching(new RegExp(`\\s${at}$`)) });
    }
    expect(pages[1].some((l) => /Welcome and apologies\s+Chair\s+No paper/.test(l))).toBe(true);
    // The first paper's own contents (a page of its own after its cover sheet) show the pack's page numbers.
    const firstPaper = pages.findIndex((lines, i) => i >= 3 && lines.some((l) => l.startsWith('2. Risk assurance')));
    const ownContents = pages[firstPaper + 1];
    expect(ownContents.some((l) => l.startsWith('Contents'))).toBe(true);
    const summary = ownContents.find((l) => l.startsWith('1. Summary'));
    expect(summary).toMatch(new RegExp(`\\s${firstPaper + 3}$`));

    // Bookmarks: one at the top level per paper, at its first page.
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: Outline[] };
    const top = json.outlines.map((o) => [o.title, o.destpageposfrom1]);
    // The pack's own bookmark is its title word for word (a space where the title page's heading wraps included).
    const docTitle = /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
    expect(docTitle).toMatch(/^Board pack/);
    expect(top[0]).toEqual([docTitle, 1]);
    for (const [position, title] of headings) {
      const heading = `${position}. ${title}`;
      const page = pages.findIndex((lines, i) => i >= 3 && lines.some((l) => l.startsWith(heading))) + 1;
      expect(top).toContainEqual([heading, page]);
    }
  });

  it('is finished once when its render is retried or re-run after a crash', async () => {
    const paper = await request(manager, 'pack-a', { kind: 'board_paper', title: 'One paper', cover: cover('one') });
    await ready(manager, 'pack-a', paper);
    const meeting = await meetingWith(manager, 'pack-a', [{ title: 'One paper', documentId: paper }]);
    const res = await manager.post(`${base}/board/meetings/${meeting.id}/pack`, {});
    const id = res.body.pack.id as string;
    const doc = await ready(manager, 'pack-a', id);
    const jobs = api.app.get(JobQueue);
    const read = () =>
      api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) => em.findOneOrFail(ReportDocument, { id }, { refresh: true }));

    // The job again (a retry, or a second worker): the ready pack is left as it is.
    await jobs.enqueueAgain('report.render', { networkId: a.network.id, documentId: id });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await read()).toMatchObject({ status: 'ready', sha256: doc.sha256, attempts: 1 });

    // Another pack, rendered by three at once (the queue's worker, and two more as a retry after a crash would): it is
    // finished once, its stored bytes are the ones its checksum names, and the meeting has one more pack, not three.
    const second = await manager.post(`${base}/board/meetings/${meeting.id}/pack`, {});
    const secondId = second.body.pack.id as string;
    expect(secondId).not.toBe(id);
    const handler = worker.get(ReportRenderJob);
    const job = {
      data: { networkId: a.network.id, documentId: secondId },
      opts: { attempts: 3 },
      attemptsMade: 0,
      updateProgress: async () => undefined,
    };
    const results = await Promise.all([handler.handle(job as never), handler.handle(job as never)]);
    expect(results.filter((r) => r.status === 'ready').length).toBeLessThanOrEqual(1);
    const finished = await ready(manager, 'pack-a', secondId);
    // Each render wrote its own file; the document names the first to finish, and serves exactly those bytes. The queue's
    // own worker may finish it before either of these two (then neither reports ready); if one of them did, it is that one.
    const winner = results.find((r) => r.status === 'ready');
    if (winner) expect(winner.sha256).toBe(finished.sha256);
    const bytes = await download(manager, finished.downloadUrl);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(finished.sha256);
    // One stored file for it, whichever render finished: the others removed theirs once they found it ready.
    const filesOf = async () => readdirSync(join(storageDir, 'documents', a.network.id)).filter((f) => f.startsWith(secondId));
    expect(await eventually(filesOf, (files) => files.length === 1, 10_000)).toHaveLength(1);
    const packs = await api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
      em.find(ReportDocument, { kind: 'board_pack' }, { orderBy: { requestedAt: 'asc' } }),
    );
    expect(
      packs.filter((p) => p.options['options'] && (p.options['options'] as { meetingId: string }).meetingId === meeting.id).map((p) => p.id),
    ).toEqual([id, secondId]);
    expect((await manager.get(`${base}/board/meetings/${meeting.id}`)).body.pack.id).toBe(secondId);
  });

  it("refuses another network's meeting (404), and a meeting without papers or with one not ready (409)", async () => {
    const other = await meetingWith(managerB, 'pack-b', []);
    expect((await manager.post(`${base}/board/meetings/${other.id}/pack`, {})).status).toBe(404);
    // A pack is asked for from its meeting, not from the report form or a schedule.
    const viaReports = await manager.post(`${base}/reports`, { kind: 'board_pack', options: { meetingId: other.id } });
    expect(viaReports.status).toBe(400);
    expect(viaReports.body.fields.map((f: { field: string }) => f.field)).toEqual(['kind']);

    const empty = await meetingWith(manager, 'pack-a', [{ title: 'Apologies', documentId: null }]);
    const none = await manager.post(`${base}/board/meetings/${empty.id}/pack`, {});
    expect(none.status).toBe(409);
    expect(none.body.message).toMatch(/no papers/);

    // A paper that failed (no job queued for it here): 409 naming the agenda item's paper; no pack is queued.
    const failed = await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const d = Object.assign(new ReportDocument(), {
        networkId: a.network.id,
        kind: 'risk_register' as const,
        title: 'Failed paper',
        options: { kind: 'risk_register', options: { topRisks: 10 } },
        status: 'failed' as const,
        failureReason: 'for the test',
      });
      em.persist(d);
      await em.flush();
      return d.id;
    });
    const early = await meetingWith(manager, 'pack-a', [
      { title: 'Apologies', documentId: null },
      { title: 'Failed', documentId: failed },
    ]);
    const notReady = await manager.post(`${base}/board/meetings/${early.id}/pack`, {});
    expect(notReady.status).toBe(409);
    expect(notReady.body.fields).toEqual([{ field: 'agenda.1.documentId', message: expect.stringMatching(/is failed, not ready yet/) }]);
    expect((await manager.get(`${base}/board/meetings/${early.id}`)).body.pack).toBeNull();
  });
});
