import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plexus/server';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import { DomainException } from '../http/domain.exception';
import type { TableTask, TableTaskKind, TableTaskOutputs, TableTaskResult } from './table-task';
import runTableTask from './table-worker';

/** Files that may wait for a thread, per thread; past that an upload is turned away (429, try again shortly). */
export const TABLE_QUEUE_PER_THREAD = 4;
/** Heap of one table thread: a file that needs more is refused (413), the thread replaced. */
export const TABLE_THREAD_HEAP_MB = 512;
const RETRY_AFTER_SECONDS = 5;

/**
 * The worker script: built, it is emitted beside main.js (an extra webpack entry); run from the TypeScript sources
 * (jest, benchmarks) the thread loads the .ts file through the same SWC hook the benchmarks use.
 */
function workerScript(): { filename: string; execArgv?: string[] } {
  if (__filename.endsWith('.ts')) {
    const root = resolve(__dirname, '../../../../..');
    return { filename: join(__dirname, 'table-worker.ts'), execArgv: ['-r', join(root, 'scripts/ts-register.js')] };
  }
  return { filename: join(__dirname, 'table-worker.js') };
}

/**
 * Reads and interprets uploaded tables in worker threads (piscina), so that a hostile or huge file costs its
 * uploader and never the API's event loop. IMPORT_PARSE_THREADS threads; a bounded queue (full: 429 with
 * Retry-After); each file gets IMPORT_PARSE_TIMEOUT_MS once a thread starts on it, after which its thread is
 * stopped and replaced and the upload answers 413 saying the file took too long to read.
 */
@Injectable()
export class TableWorkerPool implements OnModuleDestroy {
  private readonly logger = new Logger(TableWorkerPool.name);
  private readonly threads: number;
  private readonly timeoutMs: number;
  private readonly maxWaiting: number;
  private pool: Piscina<TableTask, TableTaskResult> | null = null;
  /** Settles when a thread is up (after start-up, and after a thread was replaced), so its boot is not timed. */
  private ready: Promise<unknown> = Promise.resolve();
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Set for trusted tables only (the demo seed): tasks run on the calling thread, without a pool. */
  private inline = false;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'IMPORT_PARSE_THREADS' | 'IMPORT_PARSE_TIMEOUT_MS'>) {
    this.threads = config.IMPORT_PARSE_THREADS;
    this.timeoutMs = config.IMPORT_PARSE_TIMEOUT_MS;
    this.maxWaiting = this.threads * TABLE_QUEUE_PER_THREAD;
  }

  /** For tables Plexus itself ships (the demo seed), read where they are asked for: never for uploads. */
  static inline(): TableWorkerPool {
    const tables = new TableWorkerPool({ IMPORT_PARSE_THREADS: 1, IMPORT_PARSE_TIMEOUT_MS: 15_000 });
    tables.inline = true;
    return tables;
  }

  /** Reads a file for an import; failures come back as DomainExceptions naming `file`. */
  async run<K extends TableTaskKind>(task: Extract<TableTask, { kind: K }>): Promise<TableTaskOutputs[K]> {
    await this.slot();
    try {
      const result = (await this.runTimed(task)) as TableTaskResult<K>;
      if (result.ok) return result.value;
      if (result.error.detail) this.logger.warn({ detail: result.error.detail }, `Uploaded table could not be read: ${result.error.message}`);
      const { message } = result.error;
      throw new DomainException(result.error.kind === 'limit' ? 'payload_too_large' : 'validation_failed', message, [{ field: 'file', message }]);
    } finally {
      this.release();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  private start(): Piscina<TableTask, TableTaskResult> {
    if (!this.pool) {
      this.pool = new Piscina<TableTask, TableTaskResult>({
        ...workerScript(),
        minThreads: this.threads,
        maxThreads: this.threads,
        resourceLimits: { maxOldGenerationSizeMb: TABLE_THREAD_HEAP_MB },
      });
      this.ready = this.warm(this.pool);
    }
    return this.pool;
  }

  /** A task that does nothing: it settles once a thread has loaded the worker script. */
  private warm(pool: Piscina<TableTask, TableTaskResult>): Promise<unknown> {
    return pool.run({ kind: 'ping' }).catch((err: unknown) => this.logger.error({ err }, 'Table worker thread did not start'));
  }

  private async runTimed(task: TableTask): Promise<TableTaskResult> {
    if (this.inline) return runTableTask(task);
    const pool = this.start();
    await this.ready;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      return await pool.run(task, { signal: abort.signal });
    } catch (err) {
      if (abort.signal.aborted) {
        this.ready = this.warm(pool);
        const seconds = Number((this.timeoutMs / 1000).toFixed(1));
        const message = `The file took too long to read: the most an import spends on one file is ${seconds} second${seconds === 1 ? '' : 's'}. Split it, or save it as CSV.`;
        this.logger.warn(`Uploaded table stopped after ${this.timeoutMs} ms; its thread was replaced`);
        throw new DomainException('payload_too_large', message, [{ field: 'file', message }]);
      }
      if ((err as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.ready = this.warm(pool);
        const message = 'The file needs more memory to read than an import may use. Split it, or save it as CSV.';
        this.logger.warn('Uploaded table ran its thread out of memory; the thread was replaced');
        throw new DomainException('payload_too_large', message, [{ field: 'file', message }]);
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One of `threads` places to run in, or a place in the bounded queue for one; a full queue answers 429. */
  private async slot(): Promise<void> {
    if (this.running < this.threads) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.maxWaiting) {
      const message = `Plexus is reading other files just now. Try again in ${RETRY_AFTER_SECONDS} seconds.`;
      throw new DomainException('too_many_attempts', message, [{ field: 'file', message }], { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
