/**
 * The fault and abuse suite: `npm run test:faults` (after a build; `npm test` runs it in CI).
 * Starts the built API and worker processes against real PostgreSQL and a Redis of its own, does harm to them, and
 * prints a table of what it did and what survived. Every row is also an assertion: the process exits non-zero when a
 * row is not what it must be. Figures (load, latency) are printed, not asserted, except where the row says so.
 */
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { HttpClient } from '../support/http-client';
import { crossNetwork } from './scenarios/cross-network';
import { chromiumKilled, postgresRestarted, redisRestarted } from './scenarios/infrastructure';
import { fuzz } from './scenarios/fuzz';
import { gracefulShutdown } from './scenarios/graceful-shutdown';
import { hostileUploads } from './scenarios/hostile-uploads';
import { load } from './scenarios/load';
import { workerKilled } from './scenarios/worker-kill';
import { createFaultsDatabase, freePort, RedisServer, Stack } from './stack';
import type { Context, Row, Scenario } from './suite';

/** No scenario may hang the suite: past this it is a failed row, and clean-up still runs. */
const SCENARIO_LIMIT_MS = Number(process.env['FAULTS_SCENARIO_LIMIT_MS'] ?? 300_000);

function within<T>(ms: number, name: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${name} did not finish in ${ms / 1000} s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const redis = new RedisServer(await freePort());
  await redis.start();
  const db = await createFaultsDatabase();
  const stack = new Stack({ db, redis });
  const rows: Row[] = [];
  const started = Date.now();
  const abort = () => {
    void stack.stop().finally(() => redis.stop().finally(() => db.drop().finally(() => process.exit(130))));
  };
  process.once('SIGINT', abort).once('SIGTERM', abort);
  try {
    await stack.prepare();
    await stack.startApi();
    const signIn = (email: string) => new HttpClient(stack.url).login(email, DEMO_PASSWORD);
    const ctx: Context = { stack, spinal: await signIn('alex.morgan@example.org'), trauma: await signIn('priya.shah@example.org'), signIn };
    const scenarios: Array<[string, Scenario]> = [
      ['worker-kill', workerKilled],
      ['graceful-shutdown', gracefulShutdown],
      ['chromium-kill', chromiumKilled(() => stack.startWorker())],
      ['redis-restart', redisRestarted(redis)],
      ['postgres-restart', postgresRestarted],
      ['hostile-uploads', hostileUploads],
      ['load', load],
      // Before fuzz, which changes the demo records: this one compares the trauma network's lists before and after.
      ['cross-network', crossNetwork],
      // Last: it really deletes and changes the demo records it reaches.
      ['fuzz', fuzz],
    ];
    for (const [name, scenario] of scenarios) {
      if (only.length && !only.includes(name)) continue;
      const t = Date.now();
      process.stdout.write(`faults: ${name} … `);
      try {
        const got = await within(SCENARIO_LIMIT_MS, name, scenario(ctx));
        rows.push(...got);
        console.log(`${got.every((r) => r.ok) ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      } catch (err) {
        rows.push({ scenario: name, did: 'set-up', survived: `error: ${(err as Error).message}`, ok: false });
        console.log(`ERROR (${(err as Error).message})`);
        console.log(stack.logs.slice(-15).join(''));
      } finally {
        await stack.stopWorkers();
      }
    }
  } finally {
    await stack.stop();
    await redis.stop();
    await db.drop().catch(() => undefined);
  }
  print(rows);
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`\nfault suite took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`faults: ${rows.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

function print(rows: Row[]): void {
  const head = ['', 'scenario', 'what was done', 'what survived'];
  const body = rows.map((r) => [r.ok ? 'ok' : 'FAIL', r.scenario, r.did, r.survived]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
