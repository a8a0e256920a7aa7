import { join } from 'node:path';
import { HttpClient } from '../../support/http-client';
import { chromiumUnder, filesIn, restartPostgres, sleep, waitFor, type RedisServer, type Stack } from '../stack';
import { library, riskReport, SPINAL, type Context, type Row, type Scenario } from '../suite';

const REQUESTS = 100;

interface Outcome {
  statuses: Map<number, number>;
  /** Health and a wrong-password sign-in, asked every 100 ms while the fault lasts. */
  probes: Map<number, number>;
  accepted: string[];
  lateOk: boolean;
}

/**
 * Sends `REQUESTS` report requests, 4 at a time, and runs `fault` once a third of them have been answered. A 202 is a
 * promise to deliver; a 503 is an honest "not now"; a 500 or a hang is a bug.
 */
async function requestsThrough(client: HttpClient, fault: () => Promise<void>): Promise<Outcome> {
  const statuses = new Map<number, number>();
  const accepted: string[] = [];
  let sent = 0;
  let answered = 0;
  const probes = new Map<number, number>();
  let faultRun: Promise<void> | null = null;
  let faulting = false;
  const probe = async () => {
    const anonymous = new HttpClient(client.base);
    while (faulting) {
      for (const res of await Promise.all([
        anonymous.get('/api/health').catch(() => ({ status: 0 })),
        anonymous.post('/api/auth/login', { email: 'nobody@example.org', password: 'wrong password here' }).catch(() => ({ status: 0 })),
      ]))
        probes.set(res.status, (probes.get(res.status) ?? 0) + 1);
      await sleep(100);
    }
  };
  const one = async () => {
    const res = await client.post(`${SPINAL}/reports`, riskReport).catch(() => ({ status: 0, body: null }));
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status === 202) accepted.push(res.body.id);
    answered++;
    if (answered === Math.floor(REQUESTS / 3)) {
      faulting = true;
      const probing = probe();
      faultRun = fault().finally(async () => {
        await sleep(500);
        faulting = false;
        await probing;
      });
    }
  };
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (sent < REQUESTS) {
        sent++;
        await one();
        // Spread the requests over the fault: about 10 a second.
        await sleep(40);
      }
    }),
  );
  await faultRun;
  // Recovers by itself: the next request, once health is back, is accepted.
  await waitFor('health back', async () => (await client.get('/api/health')).status === 200, 60_000, 100);
  const late = await client.post(`${SPINAL}/reports`, riskReport);
  if (late.status === 202) accepted.push(late.body.id);
  return { statuses, probes, accepted, lateOk: late.status === 202 };
}

async function settle(ctx: Context, ids: string[]): Promise<{ ready: number; lost: number; duplicates: number }> {
  await waitFor(
    'documents finished',
    async () => (await library(ctx.spinal)).filter((d) => ids.includes(d.id)).every((d) => d.status === 'ready' || d.status === 'failed'),
    240_000,
    250,
  ).catch(() => undefined);
  const docs = (await library(ctx.spinal)).filter((d) => ids.includes(d.id));
  const ready = docs.filter((d) => d.status === 'ready').length;
  const dir = join(ctx.stack.storageDir, 'documents');
  const files = filesIn(dir).flatMap((n) => filesIn(join(dir, n)));
  const perDoc = ids.map((id) => files.filter((f) => f.includes(id)).length);
  return { ready, lost: ids.length - ready, duplicates: perDoc.reduce((s, n) => s + Math.max(0, n - 1), 0) };
}

function summarise(statuses: Map<number, number>): string {
  return [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${n}×${s === 0 ? 'no answer' : s}`)
    .join(', ');
}

function rows(what: string, did: string, out: Outcome, end: { ready: number; lost: number; duplicates: number }): Row[] {
  const bad = [...out.statuses.keys()].filter((s) => s !== 202 && s !== 503);
  const badProbes = [...out.probes.keys()].filter((s) => s === 0 || (s >= 500 && s !== 503));
  return [
    {
      scenario: `${what}: health and sign-in meanwhile`,
      did: 'asked every 100 ms during the fault',
      survived: summarise(out.probes),
      ok: badProbes.length === 0,
    },
    {
      scenario: `${what}: API answers`,
      did,
      survived: `${summarise(out.statuses)}; after: ${out.lateOk ? 'accepting again' : 'NOT accepting'}`,
      ok: bad.length === 0 && out.lateOk,
    },
    {
      scenario: `${what}: documents`,
      did: `${out.accepted.length} accepted requests`,
      survived: `${end.ready} ready, ${end.lost} lost, ${end.duplicates} duplicated`,
      ok: end.lost === 0 && end.duplicates === 0,
    },
  ];
}

export function redisRestarted(redis: RedisServer): Scenario {
  return async (ctx) => {
    ctx.stack.startWorker();
    const out = await requestsThrough(ctx.spinal, async () => {
      await redis.stop();
      await sleep(2000);
      await redis.start();
    });
    return rows('Redis restarted (data lost) during requests', `${REQUESTS} report requests, Redis down ~2 s`, out, await settle(ctx, out.accepted));
  };
}

export const postgresRestarted: Scenario = async (ctx) => {
  ctx.stack.startWorker();
  const out = await requestsThrough(ctx.spinal, async () => {
    restartPostgres();
  });
  return rows('PostgreSQL restarted under load', `${REQUESTS} report requests, fast restart`, out, await settle(ctx, out.accepted));
};

/** Chromium killed while a document renders: that one is retried, the browser relaunched, the others unaffected. */
export function chromiumKilled(stackWorker: () => ReturnType<Stack['startWorker']>): Scenario {
  return async (ctx) => {
    const worker = stackWorker();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await ctx.spinal.post(`${SPINAL}/reports`, riskReport)).body.id);
    let browsers: number[] = [];
    await waitFor(
      'a render with Chromium up',
      async () => {
        browsers = chromiumUnder(worker.pid as number);
        return browsers.length > 0 && (await library(ctx.spinal)).some((d) => ids.includes(d.id) && d.status === 'rendering');
      },
      60_000,
      10,
    );
    for (const pid of browsers) process.kill(pid, 'SIGKILL');
    const end = await settle(ctx, ids);
    const relaunched = chromiumUnder(worker.pid as number).filter((p) => !browsers.includes(p));
    const alive = worker.exitCode === null && worker.signalCode === null;
    return [
      {
        scenario: 'Chromium killed mid-render',
        did: `${browsers.length} browser process killed, ${ids.length} documents in flight`,
        survived: `${end.ready} ready, ${end.lost} lost, ${end.duplicates} duplicated; worker ${alive ? 'alive' : 'DEAD'}, browser ${relaunched.length ? 'relaunched' : 'NOT relaunched'}`,
        ok: end.lost === 0 && end.duplicates === 0 && alive && relaunched.length > 0,
      },
    ];
  };
}
