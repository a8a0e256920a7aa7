import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabase, type TestDatabase } from '../support/databases';

/**
 * The running product for the fault suite: the BUILT api and worker processes (dist/), a database of the suite's own
 * (migrated and seeded by the built api's own commands) on the machine's PostgreSQL, and a Redis server of the suite's
 * own on a spare port, so that restarting it disturbs nothing else.
 */
const ROOT = resolve(__dirname, '../..');
export const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/main.js');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `check` to return true (polling every `every` ms); throws naming `what` when `ms` runs out. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 30_000, every = 50): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await sleep(every);
  }
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** A redis-server of the suite's own: in memory only, like the machine's. */
export class RedisServer {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(
      'redis-server',
      () => {
        try {
          return execFileSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).trim() === 'PONG';
        } catch {
          return false;
        }
      },
      10_000,
    );
  }
  async stop(): Promise<void> {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    child.kill('SIGKILL');
    await exited(child);
  }
}

/** Restarts the machine's PostgreSQL cluster (fast shutdown: every connection is cut, as in a fail-over). */
export function restartPostgres(): void {
  const version = readdirSync('/etc/postgresql')[0];
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'fast'], { stdio: 'ignore' });
}

export type Database = TestDatabase;

/** An empty database of the suite's own: the built API migrates and seeds it. */
export function createFaultsDatabase(): Promise<Database> {
  return createDatabase('plexus_faults', null);
}

export interface StackOptions {
  db: Database;
  redis: RedisServer;
  storageDir?: string;
  env?: Record<string, string>;
}

/** The built API and workers, each in its own process group (so a kill takes its Chromium down too). */
export class Stack {
  readonly storageDir: string;
  readonly prefix = `plexus-faults-${randomBytes(3).toString('hex')}`;
  apiPort = 0;
  private api: ChildProcess | null = null;
  readonly workers: ChildProcess[] = [];
  readonly logs: string[] = [];

  constructor(private readonly opts: StackOptions) {
    if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN)) throw new Error('Build first: npx nx run-many -t build --projects=api,worker');
    this.storageDir = opts.storageDir ?? mkdtempSync(join(tmpdir(), 'plexus-faults-'));
  }

  get url(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: this.opts.db.appUrl,
      DATABASE_OWNER_URL: this.opts.db.ownerUrl,
      REDIS_URL: this.opts.redis.url,
      REDIS_PREFIX: this.prefix,
      STORAGE_DIR: this.storageDir,
      PUBLIC_URL: 'http://plexus.test',
      WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'warn',
      CHROMIUM_PATH: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      SMTP_URL: 'smtp://127.0.0.1:9',
      LOGIN_MAX_FAILURES: '100',
      ...this.opts.env,
      ...extra,
    };
  }

  private spawn(args: string[], extra: Record<string, string> = {}): ChildProcess {
    const child = spawn(process.execPath, args, { env: this.env(extra), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const keep = (chunk: Buffer) => {
      this.logs.push(chunk.toString());
      if (this.logs.length > 400) this.logs.splice(0, this.logs.length - 400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  }

  private async run(args: string[]): Promise<void> {
    const child = this.spawn(args);
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}:\n${this.logs.slice(-20).join('')}`);
  }

  /** Migrates and seeds with the built API's own commands, as `npm start` does. */
  async prepare(): Promise<void> {
    await this.run([API_MAIN, 'migrate']);
    await this.run([API_MAIN, 'seed']);
  }

  async startApi(): Promise<void> {
    this.apiPort ||= await freePort();
    this.api = this.spawn([API_MAIN, 'serve'], {
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
      API_PROCESSES: process.env['FAULTS_API_PROCESSES'] ?? '2',
    });
    await waitFor('the API', async () => (await fetch(`${this.url}/api/health`)).status === 200, 60_000, 100);
  }

  /** Sends `signal` to the API (its supervisor) and resolves when it has exited, with how and how long it took. */
  async signalApi(signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; ms: number }> {
    const api = this.api;
    if (!api) throw new Error('the API is not running');
    const t = Date.now();
    api.kill(signal);
    await exited(api);
    this.api = null;
    return { code: api.exitCode, signal: api.signalCode, ms: Date.now() - t };
  }

  startWorker(extra: Record<string, string> = {}): ChildProcess {
    const child = this.spawn([WORKER_MAIN], extra);
    this.workers.push(child);
    return child;
  }

  /** SIGKILL to the worker's whole process group (the worker and its Chromium), as a container kill would. */
  async killWorker(child: ChildProcess): Promise<void> {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // gone already
    }
    await exited(child);
  }

  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => this.killWorker(w)));
  }

  async stop(): Promise<void> {
    await this.stopWorkers();
    if (this.api) {
      try {
        process.kill(-(this.api.pid as number), 'SIGKILL');
      } catch {
        // gone
      }
      await exited(this.api);
    }
  }
}

/** Chromium processes that are descendants of `pid`. */
export function chromiumUnder(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift() as number;
    let children: number[] = [];
    try {
      children = execFileSync('pgrep', ['-P', String(p)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(Number);
    } catch {
      // none
    }
    for (const c of children) {
      queue.push(c);
      try {
        const cmd = execFileSync('ps', ['-o', 'args=', '-p', String(c)], { encoding: 'utf8' });
        if (/chrom/i.test(cmd) && !/--type=/.test(cmd)) found.push(c);
      } catch {
        // gone
      }
    }
  }
  return found;
}

export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
