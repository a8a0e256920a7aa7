import { JobQueue } from '@plexus/server';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { find, K8S_DIR, kustomize, readYaml, type K8sObject } from '../infra/manifests';
import { eventually } from '../support/eventually';
import { TEST_REDIS_URL } from '../support/env';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * KEDA scales each worker Deployment on the Redis keys its ScaledObject names (infra/k8s/base/keda.yaml): the report
 * workers on the reports queue's wait list, the email and schedules workers on the email and schedules queues'. With no
 * worker running, report, email and schedules jobs enqueued through the API and JobQueue must sit in exactly those keys
 * — a LIST of their count — once the ConfigMap's REDIS_PREFIX is swapped for this test's own. A rename of a queue, of the
 * prefix's use or of BullMQ's wait list then fails here, not in production (where KEDA would read an empty key and
 * never scale).
 */
describe('KEDA reads the BullMQ wait lists the code fills', () => {
  const REPORTS = 5;
  const EMAILS = 3;
  const RUN_STEPS = 4;
  let db: TestDatabase;
  let api: TestApi;
  let redis: Redis;
  let net: Fixture;
  // This test's prefix, in the same hash-tag form as production's `{plexus}`, so BullMQ is proven to work with it.
  let prefix: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = `{plexus-keda-${db.name}}`;
    api = await startApi(db, { REDIS_PREFIX: prefix });
    redis = new Redis(TEST_REDIS_URL);
    net = await newNetwork(api.db, 'keda-net');
  });
  afterAll(async () => {
    if (redis) {
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) keys.push(...(batch as string[]));
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await api?.close();
    await db?.drop();
  });

  /** The ScaledObject and ConfigMap as deployed (production overlay) and as written (base files). */
  const sources: Array<{ source: string; objects: () => K8sObject[] }> = [
    { source: 'overlays/production (rendered)', objects: () => kustomize(join(K8S_DIR, 'overlays', 'production')) },
    {
      source: 'base/keda.yaml + base/configmap.yaml',
      objects: () => [...readYaml(join(K8S_DIR, 'base', 'keda.yaml')), ...readYaml(join(K8S_DIR, 'base', 'configmap.yaml'))],
    },
  ];

  /** The key a trigger of a ScaledObject reads, with the ConfigMap's REDIS_PREFIX replaced by this test's. */
  function keyOf(objects: K8sObject[], scaledObject: string, trigger: string): string {
    const configPrefix: string = find(objects, 'ConfigMap', 'plexus-config').data.REDIS_PREFIX;
    const so = find(objects, 'ScaledObject', scaledObject);
    const t = so.spec.triggers.find((x: any) => x.name === trigger);
    expect(t?.type).toBe('redis');
    const listName: string = t.metadata.listName;
    expect(listName.startsWith(`${configPrefix}:`)).toBe(true);
    return prefix + listName.slice(configPrefix.length);
  }

  it('holds the report jobs requested through the API in the LIST the report workers’ trigger reads', async () => {
    const manager = await new HttpClient(api.url).login(net.users.manager.email);
    for (let i = 0; i < REPORTS; i++) {
      const res = await manager.post('/api/networks/keda-net/reports', { kind: 'risk_register', title: `Risk register ${i + 1}` });
      expect(res.status).toBe(202);
    }
    for (const { source, objects } of sources) {
      const key = keyOf(objects(), 'plexus-worker-reports', 'reports-wait');
      // The API enqueues after its transaction commits, just after answering.
      const length = await eventually(
        () => redis.llen(key),
        (n) => n === REPORTS,
      );
      expect({ source, key, type: await redis.type(key), length }).toEqual({ source, key, type: 'list', length: REPORTS });
    }
  });

  it('holds the email jobs enqueued through JobQueue in the LIST the email workers’ email trigger reads', async () => {
    const jobs = api.app.get(JobQueue);
    for (let i = 0; i < EMAILS; i++) await jobs.enqueue('email.deliver', { networkId: net.network.id, emailId: randomUUID() });
    for (const { source, objects } of sources) {
      const key = keyOf(objects(), 'plexus-worker-email', 'email-wait');
      expect({ source, key, type: await redis.type(key), length: await redis.llen(key) }).toEqual({ source, key, type: 'list', length: EMAILS });
    }
  });

  it('holds the schedules jobs (report run steps) enqueued through JobQueue in the LIST the email workers’ schedules trigger reads', async () => {
    const jobs = api.app.get(JobQueue);
    for (let i = 0; i < RUN_STEPS; i++) await jobs.enqueue('report-run.advance', { networkId: net.network.id, runId: randomUUID(), stage: 'start' });
    for (const { source, objects } of sources) {
      const key = keyOf(objects(), 'plexus-worker-email', 'schedules-wait');
      // Only the run steps: the API registers no recurring duty (the workers do), and this test runs no worker.
      expect({ source, key, type: await redis.type(key), length: await redis.llen(key) }).toEqual({ source, key, type: 'list', length: RUN_STEPS });
    }
  });
});
