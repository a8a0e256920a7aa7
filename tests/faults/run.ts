/**
 * The fault and abuse suite: `npm run test:faults` (after a build; `npm test` runs it in CI).
 * Starts the built API and worker processes against real PostgreSQL and a Redis of its own, does harm to them, and
 * prints a table of what it did and what survived. Every row is also an assertion: the process exits non-zero when a
 * row is not what it must be. Figures (load, latency) are printed, not asserted, except where the row says so.
 */
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { HttpClient } from '../support/http-client';
import { chromiumKilled, postgresRestarted, redisRestarted } from './scenarios/infrastructure';
import { fuzz } from './scenarios/fuzz';
import { load } from './scenarios/load';
import { workerKilled } from './scenarios/worker-kill';
import { createDatabase, freePort, RedisServer, Stack } from './stack';
import type { Context, Row, Scenario } from './suite';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const redis = new RedisServer(await freePort());
  await redis.start();
  const db = await createDatabase();
  const stack = new Stack({ db, redis });
  const rows: Row[] = [];
  const started = Date.now();
  try {
    await stack.prepare();
    await stack.startApi();
    const signIn = (email: string) => new HttpClient(stack.url).login(email, DEMO_PASSWORD);
    const ctx: Context = { stack, spinal: await signIn('alex.morgan@example.org'), trauma: await signIn('priya.shah@example.org'), signIn };
    const scenarios: Array<[string, Scenario]> = [
      ['worker-kill', workerKilled],
      ['chromium-kill', chromiumKilled(() => stack.startWorker())],
      ['redis-restart', redisRestarted(redis)],
      ['postgres-restart', postgresRestarted],
      ['load', load],
      // Last: it really deletes and changes the demo records it reaches.
      ['fuzz', fuzz],
    ];
    for (const [name, scenario] of scenarios) {
      if (only.length && !only.includes(name)) continue;
      const t = Date.now();
      process.stdout.write(`faults: ${name} … `);
      try {
        const got = await scenario(ctx);
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
