import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { ConfigError, loadConfig, migrate, ormConfig, roleFromUrl, storageFromConfig, TenantDb, type AppConfig } from '@plexus/server';
import { createApp } from './app/create-app';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './seed/demo-data';
import { seedDemo } from './seed/seed';

async function serve(config: AppConfig): Promise<void> {
  if (config.API_PROCESSES > 1 && cluster.isPrimary) return supervise(config);
  const app = await createApp(config, { shutdownHooks: false });
  let closing = false;
  // A request arriving on a kept-alive connection while closing is answered, and the connection closed after it.
  app.use((_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (closing) res.setHeader('Connection', 'close');
    next();
  });
  await app.listen(config.PORT, config.HOST);
  if (cluster.isPrimary) console.log(`Plexus API listening on http://${config.HOST}:${config.PORT}/api (docs at /api/docs)`);
  else process.send?.('listening');

  // SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish (idle kept-alive connections are
  // closed at once and as they become idle; what is still open after SHUTDOWN_TIMEOUT_MS is cut), then close the
  // application (database, Redis) and exit 0 — within a Kubernetes grace period longer than the timeout.
  const server = app.getHttpServer() as Server;
  const stop = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`API process ${process.pid}: ${signal}, finishing the requests in flight`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS);
    await closed;
    clearInterval(idle);
    clearTimeout(cut);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM')).once('SIGINT', () => void stop('SIGINT'));
}

/**
 * API_PROCESSES > 1: this process only supervises; that many API processes share the port (the primary hands
 * connections round-robin). A process that dies is replaced; SIGTERM/SIGINT are passed on and waited for.
 */
async function supervise(config: AppConfig): Promise<void> {
  let stopping = false;
  let ready = 0;
  const fork = () =>
    cluster.fork().on('message', (m) => {
      if (m === 'listening' && ++ready === config.API_PROCESSES) {
        console.log(`Plexus API listening on http://${config.HOST}:${config.PORT}/api with ${config.API_PROCESSES} processes (docs at /api/docs)`);
      }
    });
  for (let i = 0; i < config.API_PROCESSES; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`API process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const left = () => Object.values(cluster.workers ?? {}).filter(Boolean).length;
    cluster.on('exit', () => left() === 0 && process.exit(0));
    if (left() === 0) process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM')).once('SIGINT', () => stop('SIGINT'));
}

async function runMigrations(config: AppConfig): Promise<void> {
  const applied = await migrate(config.DATABASE_OWNER_URL, roleFromUrl(config.DATABASE_URL));
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
}

async function runSeed(config: AppConfig): Promise<void> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: config.DATABASE_URL, poolMax: 2 }));
  try {
    const result = await seedDemo(new TenantDb(orm), undefined, storageFromConfig(config), { boardPapers: true });
    if (result.created.length) console.log(`Demo networks loaded: ${result.created.join(', ')}`);
    if (result.skipped.length) console.log(`Demo networks already present: ${result.skipped.join(', ')}`);
    console.log(
      `Demo sign-ins (password for all: ${DEMO_PASSWORD}): ${DEMO_PEOPLE.slice(0, 3)
        .map((p) => p.email)
        .join(', ')} …`,
    );
  } finally {
    await orm.close(true);
  }
}

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'serve';
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return runMigrations(config);
    case 'seed':
      return runSeed(config);
    default:
      throw new Error(`Unknown command "${command}": use serve, migrate or seed`);
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
