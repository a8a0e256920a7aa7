import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ReportDocument, S3Storage, StorageUnavailableError, StoredObjectMissingError } from '@plexus/server';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// s3rver has no type declarations: its constructor options and run/close are all this test uses.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<unknown>; close(): Promise<void> };
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { freePort } from '../faults/stack';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

const BUCKET = 'plexus-documents';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Object storage through the AWS SDK against a real S3-compatible HTTP server on loopback (s3rver, its own data
 * directory): the storage itself (put, stream back, checksum, missing keys), then the product on it — a report rendered
 * by the worker into the bucket and downloaded through the API byte for byte, a missing object answering 404, and a
 * bucket that stops answering failing the render with a clear reason that is retried, never marking a document ready
 * without its file.
 */
describe('S3 object storage (AWS SDK against an S3 server on loopback)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-s3-'));
  let port = 0;
  let s3: InstanceType<typeof S3rver> | null = null;
  let storage: S3Storage;
  let env: Record<string, string>;

  const startS3 = async () => {
    s3 = new S3rver({ port, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
    await s3.run();
  };
  const stopS3 = async () => {
    await s3?.close();
    s3 = null;
  };

  beforeAll(async () => {
    port = await freePort();
    await startS3();
    env = {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_REGION: 'eu-west-2',
      REPORT_PAGE_POOL: '1',
    };
    storage = new S3Storage({
      endpoint: env['S3_ENDPOINT'],
      region: 'eu-west-2',
      bucket: BUCKET,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      connectTimeoutMs: 1_000,
    });
  });
  afterAll(async () => {
    storage?.close();
    await stopS3();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the storage', () => {
    it('puts an object and reads it back whole and as a stream, checksum for checksum', async () => {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024, 7), Buffer.from('\n%%EOF\n')]);
      await storage.put('documents/a/one.pdf', bytes, 'application/pdf');
      expect(await storage.stat('documents/a/one.pdf')).toBe(bytes.length);
      expect(sha256(await storage.get('documents/a/one.pdf'))).toBe(sha256(bytes));
      const { body, length } = await storage.stream('documents/a/one.pdf');
      expect(length).toBe(bytes.length);
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
      expect(chunks.length).toBeGreaterThan(1); // streamed, not one buffer
      expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes));
    });

    it('says a missing key is missing (get, stream, stat) and removes what is there, twice without error', async () => {
      await expect(storage.get('documents/a/none.pdf')).rejects.toBeInstanceOf(StoredObjectMissingError);
      await expect(storage.stream('documents/a/none.pdf')).rejects.toBeInstanceOf(StoredObjectMissingError);
      expect(await storage.stat('documents/a/none.pdf')).toBeNull();
      await storage.put('documents/a/two.pdf', Buffer.from('two'), 'application/pdf');
      await storage.remove('documents/a/two.pdf');
      await storage.remove('documents/a/two.pdf');
      expect(await storage.stat('documents/a/two.pdf')).toBeNull();
    });

    it('names the operation, the key and the bucket when the store does not answer', async () => {
      const nowhere = new S3Storage({
        endpoint: `http://127.0.0.1:${await freePort()}`,
        region: 'eu-west-2',
        bucket: BUCKET,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        connectTimeoutMs: 500,
      });
      const err = await nowhere.put('documents/a/three.pdf', Buffer.from('x'), 'application/pdf').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StorageUnavailableError);
      expect((err as Error).message).toMatch(/^Object storage did not store documents\/a\/three\.pdf \(bucket plexus-documents\): /);
      nowhere.close();
    });
  });

  describe('the product on S3', () => {
    let db: TestDatabase;
    let api: TestApi;
    let worker: INestApplicationContext;
    let a: Fixture;
    let manager: HttpClient;
    const base = '/api/networks/s3-a';

    beforeAll(async () => {
      db = await createTestDatabase();
      api = await startApi(db, env);
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
      await worker.init();
      a = await newNetwork(api.db, 's3-a');
      manager = await new HttpClient(api.url).login(a.users.manager.email);
    });
    afterAll(async () => {
      await worker?.close();
      await api?.close();
      await db?.drop();
    });

    const doc = (id: string) =>
      api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) => em.findOneOrFail(ReportDocument, { id }, { refresh: true }));

    it('renders a report into the bucket and downloads it through the API byte for byte; a missing object answers 404', async () => {
      const asked = await manager.post(`${base}/reports`, { kind: 'risk_register' });
      expect(asked.status).toBe(202);
      const ready = await eventually(
        () => doc(asked.body.id),
        (d) => d.status === 'ready' || d.status === 'failed',
        60_000,
      );
      expect(ready.status).toBe('ready');
      expect(ready.storageKey).toMatch(new RegExp(`^documents/${a.network.id}/${ready.id}\\.1\\.pdf$`));
      expect(await storage.stat(ready.storageKey as string)).toBe(ready.sizeBytes);

      const res = await fetch(`${api.url}${base}/reports/${ready.id}/download`, {
        headers: { cookie: `plexus_session=${manager.cookie('plexus_session')}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(sha256(bytes)).toBe(ready.sha256);
      expect(res.headers.get('etag')).toBe(`"${ready.sha256}"`);

      await storage.remove(ready.storageKey as string);
      const gone = await manager.get(`${base}/reports/${ready.id}/download`);
      expect(gone.status).toBe(404);
      expect(gone.body.message).toMatch(/missing from storage/);
    });

    it('fails the render with a clear reason while the bucket does not answer, retries, and is ready once it answers again', async () => {
      await stopS3();
      const asked = await manager.post(`${base}/reports`, { kind: 'risk_register' });
      expect(asked.status).toBe(202);
      const waiting = await eventually(
        () => doc(asked.body.id),
        (d) => !!d.failureReason,
        60_000,
      );
      expect(waiting.status).not.toBe('ready');
      expect(waiting.failureReason).toMatch(/^Retrying after: Object storage did not store documents\/.+ \(bucket plexus-documents\)/);
      expect(waiting.storageKey).toBeNull();

      await startS3();
      const ready = await eventually(
        () => doc(asked.body.id),
        (d) => d.status === 'ready' || d.status === 'failed',
        60_000,
      );
      expect({ status: ready.status, reason: ready.failureReason }).toEqual({ status: 'ready', reason: null });
      expect(sha256(await storage.get(ready.storageKey as string))).toBe(ready.sha256);
    });
  });
});
