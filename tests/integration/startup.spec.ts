import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/harness';

const API_MAIN = resolve(__dirname, '../../dist/apps/api/main.js');
const WORKER_MAIN = resolve(__dirname, '../../dist/apps/worker/main.js');

function run(script: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('start-up checks of the built processes', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN)) throw new Error('Build first: npx nx run-many -t build --projects=api,worker');
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('exits with a message naming each bad variable', async () => {
    const { code, output } = await run(API_MAIN, { PORT: 'eighty', DATABASE_URL: 'mysql://nope', LOG_LEVEL: 'loud' }, ['serve']);
    expect(code).toBe(1);
    expect(output).toContain('Configuration is not valid');
    expect(output).toMatch(/PORT: must be a number/);
    expect(output).toMatch(/DATABASE_URL: must be a URL starting postgres:\/\/ or postgresql:\/\//);
    expect(output).toContain('LOG_LEVEL');
    const worker = await run(WORKER_MAIN, { REDIS_URL: 'http://x' });
    expect(worker.code).toBe(1);
    expect(worker.output).toContain('REDIS_URL');
  });

  it('refuses to serve when connected as the owner role', async () => {
    const { code, output } = await run(API_MAIN, { DATABASE_URL: db.ownerUrl, PORT: '39871', LOG_LEVEL: 'silent', REDIS_PREFIX: `t-${db.name}` }, [
      'serve',
    ]);
    expect(code).toBe(1);
    expect(output).toMatch(/Refusing to start: DATABASE_URL connects as "plexus_owner"/);
  });
});
