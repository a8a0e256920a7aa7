import type { HealthDto, ImportPreviewDto } from '@plexus/contracts';
import { declaredRangeWorkbook, fiftyThousandRows, heavyWorkbook, tooManyCells, tooManyColumns, tooManySheets, zipBomb } from '../fixtures/workbooks';
import { createTestDatabase, HttpClient, newNetwork, startApi, type TestApi, type TestDatabase } from '../support/harness';

function upload(bytes: Uint8Array | string, name: string, extra: Array<[string, string | Blob, string?]> = []): FormData {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  for (const [field, value, fileName] of extra) {
    if (typeof value === 'string') form.append(field, value);
    else form.append(field, value, fileName);
  }
  return form;
}

function inField(field: string): FormData {
  const form = new FormData();
  form.append(field, new Blob(['Work,Lead\nx,y']), 'a.csv');
  return form;
}

/** A request with a body written by hand (a malformed multipart body), signed in as `client`. */
async function rawPost(client: HttpClient, path: string, contentType: string, body: string): Promise<{ status: number; body: any }> {
  const res = await fetch(client.base + path, {
    method: 'POST',
    headers: {
      cookie: `plexus_session=${client.cookie('plexus_session')}; XSRF-TOKEN=${client.cookie('XSRF-TOKEN')}`,
      'x-xsrf-token': client.cookie('XSRF-TOKEN') ?? '',
      'content-type': contentType,
    },
    body,
  });
  return { status: res.status, body: await res.json() };
}

// Built once, before any request: building them takes seconds of this process (which is also the API's), and a
// stall between requests lets the server close idle keep-alive connections under the client.
const books = {
  fiftyThousandRows: fiftyThousandRows(),
  zipBomb: zipBomb(),
  tooManySheets: tooManySheets(),
  tooManyColumns: tooManyColumns(),
  tooManyCells: tooManyCells(),
  heavy: heavyWorkbook(),
};

describe('uploads cannot stop the service (issue 15, defects 1 and 9)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let manager: HttpClient;
  let preview: string;
  const riskPreview = '/api/networks/up-hard/risks/import/preview';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    const fx = await newNetwork(api.db, 'up-hard');
    manager = await new HttpClient(api.url).login(fx.users.manager.email);
    const plan = await manager.post('/api/networks/up-hard/work-plan/plans', {
      title: 'Hardening',
      periodStart: '2024-04-01',
      periodEnd: '2025-03-31',
    });
    preview = `/api/networks/up-hard/work-plan/plans/${plan.body.id}/import/preview`;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('reads two cells in a sheet declaring 800 × 100 as a two-cell table, at once', async () => {
    const started = performance.now();
    const res = await manager.request('POST', preview, upload(declaredRangeWorkbook(), 'declared.xlsx'));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(res.status).toBe(200);
    const p = res.body as ImportPreviewDto;
    expect(p.columns.map((c) => [c.header, c.field])).toEqual([
      ['Work', 'work'],
      ['Lead', 'leads'],
    ]);
    expect(p.fileProblems).toEqual(['There are no rows of work to import under the header row.']);
  });

  it.each([
    [
      '50,000 rows (about 1.7 MB)',
      books.fiftyThousandRows,
      /^The sheet "Plan" has more than 5,000 rows; the most an import takes is 5,000\. Split the file\.$/,
    ],
    [
      'a zip bomb (a sheet inflating to 100 MB)',
      books.zipBomb,
      /^The workbook holds more than 32 MB once unpacked; the most an import reads is 32 MB/,
    ],
    ['too many sheets', books.tooManySheets, /^The workbook has more than 50 sheets; the most an import takes is 50/],
    ['too many columns', books.tooManyColumns, /^The sheet "Plan" has more than 200 columns; the most an import takes is 200/],
    ['too many cells', books.tooManyCells, /^The file has more than 250,000 filled cells; the most an import takes is 250,000/],
  ])('answers 413 naming the limit for %s, for work plans and risks alike', async (_what, bytes, message) => {
    for (const path of [preview, riskPreview]) {
      const started = performance.now();
      const res = await manager.request('POST', path, upload(bytes, 'hostile.xlsx'));
      expect({ path, status: res.status, field: res.body.fields?.[0]?.field }).toEqual({ path, status: 413, field: 'file' });
      expect(res.body.message).toMatch(message);
      expect(performance.now() - started).toBeLessThan(15_000);
    }
  });

  it('keeps answering /api/health within 200 ms while hostile workbooks are read', async () => {
    const timings: number[] = [];
    let reading = true;
    const uploads = Promise.all(
      [books.fiftyThousandRows, books.zipBomb, books.heavy, books.heavy].map((bytes, i) =>
        manager.request('POST', preview, upload(bytes, `hostile-${i}.xlsx`)),
      ),
    ).finally(() => (reading = false));
    const health = new HttpClient(api.url);
    let last: HealthDto | null = null;
    while (reading) {
      const started = performance.now();
      const res = await health.get('/api/health');
      timings.push(performance.now() - started);
      expect(res.status).toBe(200);
      last = res.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const statuses = (await uploads).map((r) => r.status);
    expect(statuses).toEqual([413, 413, 200, 200]);
    expect(timings.length).toBeGreaterThanOrEqual(5);
    expect(timings.filter((ms) => ms >= 200)).toEqual([]);
    expect(typeof last?.eventLoopLagMs).toBe('number');
  });

  describe('upload errors name the field, for work plans and risks', () => {
    it.each([
      ['two files', () => upload('Work,Lead\nx,y', 'a.csv', [['file', new Blob(['Work\nz']), 'b.csv']]), 'file', /one file at a time/],
      ['a file in another field', () => inField('upload'), 'file', /field named file \(it came in a field named "upload"\)/],
      ['options that are not JSON', () => upload('Work,Lead\nx,y', 'a.csv', [['options', '{not json']]), 'options', /not valid JSON/],
      ['an unexpected field', () => upload('Work,Lead\nx,y', 'a.csv', [['colour', 'blue']]), 'colour', /Unexpected field "colour"/],
    ])('%s', async (_what, form, field, message) => {
      for (const path of [preview, riskPreview]) {
        const res = await manager.request('POST', path, form());
        expect({ path, status: res.status, fields: res.body.fields }).toEqual({
          path,
          status: 400,
          fields: [{ field, message: expect.stringMatching(message) }],
        });
      }
    });

    it('a malformed multipart body', async () => {
      const body = '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nWork,Lead\nx,y\r\n';
      for (const path of [preview, riskPreview]) {
        const cut = await rawPost(manager, path, 'multipart/form-data; boundary=xyz', body);
        expect({ path, status: cut.status, field: cut.body.fields?.[0]?.field }).toEqual({ path, status: 400, field: 'file' });
        const noBoundary = await rawPost(manager, path, 'multipart/form-data', body);
        expect({ path, status: noBoundary.status, field: noBoundary.body.fields?.[0]?.field }).toEqual({ path, status: 400, field: 'file' });
      }
    });
  });
});

describe('a file that takes too long to read', () => {
  let db: TestDatabase;
  let api: TestApi;
  let manager: HttpClient;
  let preview: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { IMPORT_PARSE_TIMEOUT_MS: '300' });
    const fx = await newNetwork(api.db, 'up-slow');
    manager = await new HttpClient(api.url).login(fx.users.manager.email);
    const plan = await manager.post('/api/networks/up-slow/work-plan/plans', { title: 'Slow', periodStart: '2024-04-01', periodEnd: '2025-03-31' });
    preview = `/api/networks/up-slow/work-plan/plans/${plan.body.id}/import/preview`;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers 413 saying so, its thread is replaced, and the next upload works', async () => {
    const slow = await manager.request('POST', preview, upload(books.heavy, 'heavy.xlsx'));
    expect(slow.status).toBe(413);
    expect(slow.body.fields).toEqual([
      { field: 'file', message: expect.stringMatching(/^The file took too long to read: the most an import spends on one file is 0\.3 seconds/) },
    ]);
    const next = await manager.request('POST', preview, upload('Work,Lead\nDo the thing,Network Manager', 'next.csv'));
    expect(next.status).toBe(200);
    expect((next.body as ImportPreviewDto).rows.map((r) => r.work)).toEqual(['Do the thing']);
  });

  it('turns uploads away with 429 and Retry-After when the queue is full, and takes them again after', async () => {
    // One thread and four places in its queue: of ten uploads sent at once, the first five are read (each past the
    // 0.3 s limit: 413) and the rest that arrive while the queue is full are turned away. How many arrive in time
    // depends on how busy the machine is (one slow arrival finds a freed place), so the counts are bounds: at least
    // five read, at least one turned away, nothing else.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => manager.request('POST', preview, upload(books.heavy, `heavy-${i}.xlsx`))));
    const count = (status: number) => results.filter((r) => r.status === status).length;
    expect({ read: count(413), turnedAway: count(429), other: results.length - count(413) - count(429) }).toEqual({
      read: expect.any(Number),
      turnedAway: expect.any(Number),
      other: 0,
    });
    expect(count(413)).toBeGreaterThanOrEqual(5);
    expect(count(429)).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.status === 429)) expect(r.headers.get('retry-after')).toBe('5');
    const busy = results.find((r) => r.status === 429)!;
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(busy.body.fields).toEqual([{ field: 'file', message: expect.stringMatching(/reading other files just now/) }]);
    expect((await manager.request('POST', preview, upload('Work,Lead\nx,y', 'after.csv'))).status).toBe(200);
  });
});
