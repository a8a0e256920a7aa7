import { z } from 'zod';
import { QueueName } from '../jobs/queue-name';

const QUEUE_NAMES = Object.values(QueueName) as string[];
/** A Redis Cluster seed: `host:port` (a name, an IPv4 address or a bracketed IPv6 address). */
export interface RedisNode {
  host: string;
  port: number;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number({ error: 'must be a number' }).int().min(min).max(max);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { error: `must be a URL starting ${protocols.map((p) => p + '//').join(' or ')}` },
  );

/** Every environment variable Plexus reads. The README lists them; nothing else reads process.env. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(1, 65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** API processes sharing the port (node:cluster): one per core a machine gives the API; in Kubernetes, 1 per pod. */
  API_PROCESSES: int(1, 64).default(1),
  PUBLIC_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  /** Which proxies may set X-Forwarded-For (Express "trust proxy"): loopback, uniquelocal, a hop count or addresses. */
  TRUST_PROXY: z
    .string()
    .regex(/^[\w.:/, -]+$/, { error: 'use loopback, uniquelocal, a number of hops or addresses' })
    .default('loopback'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://plexus_app:plexus_app@127.0.0.1:5432/plexus'),
  DATABASE_OWNER_URL: url(['postgres:', 'postgresql:']).default('postgres://plexus_owner:plexus_owner@127.0.0.1:5432/plexus'),
  DATABASE_POOL_MAX: int(1, 100).default(10),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  /**
   * Start of every Redis key. `{plexus}` (BullMQ's hash-tag form) puts all of a queue's keys in one Redis Cluster slot;
   * production uses it (infra/k8s), and the KEDA ScaledObject's list names start with it.
   */
  REDIS_PREFIX: z
    .string()
    .regex(/^(?:[A-Za-z0-9_.:-]+|\{[A-Za-z0-9_.:-]+\})$/, { error: 'use letters, digits, _ . : - (or all of it in braces: {plexus})' })
    .default('plexus'),
  /**
   * Redis Cluster: the seed nodes, `host:port,host:port` (a cluster's configuration endpoint alone is enough). Unset:
   * REDIS_URL is one Redis (a primary). Set: every connection is an ioredis Cluster seeded from these nodes, and REDIS_URL
   * gives only the scheme (`rediss:` = TLS), user and password for every node; REDIS_PREFIX must then be a hash tag.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const nodes: RedisNode[] = [];
      for (const part of v.split(',').map((p) => p.trim())) {
        const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(part);
        const port = Number(m?.[2]);
        if (!m || port < 1 || port > 65_535) {
          ctx.addIssue({ code: 'custom', message: `use host:port,host:port (${JSON.stringify(part)} is not host:port)` });
          return z.NEVER;
        }
        nodes.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
      }
      return nodes;
    }),
  /**
   * The queues this worker process consumes, comma-separated (default: all). Lets one Deployment render reports and
   * another send email and run the schedules, each scaled on its own queue. The API ignores it.
   */
  WORKER_QUEUES: z
    .string()
    .default(QUEUE_NAMES.join(','))
    .transform((v, ctx) => {
      const names = v.split(',').map((n) => n.trim());
      const unknown = names.filter((n) => !QUEUE_NAMES.includes(n));
      const twice = names.filter((n, i) => names.indexOf(n) !== i);
      if (unknown.length || twice.length) {
        const what = unknown.length ? `unknown queue ${unknown.map((n) => JSON.stringify(n)).join(', ')}` : `${twice.join(', ')} listed twice`;
        ctx.addIssue({ code: 'custom', message: `${what}: use a comma-separated list of ${QUEUE_NAMES.join(', ')}` });
        return z.NEVER;
      }
      // In QueueName's order, whatever the order written.
      return QUEUE_NAMES.filter((n) => names.includes(n)) as QueueName[];
    }),
  SESSION_TTL_HOURS: int(1, 24 * 30).default(12),
  COOKIE_SECURE: bool.optional(),
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  LOGIN_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  INVITE_TTL_DAYS: int(1, 90).default(7),
  PASSWORD_RESET_TTL_MINUTES: int(5, 24 * 60).default(60),
  NUDGE_LINK_TTL_HOURS: int(1, 30 * 24).default(168),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
  WEB_DIST: z.string().default('dist/apps/web/browser'),
  SMTP_URL: url(['smtp:', 'smtps:']).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Plexus <no-reply@plexus.example.org>'),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Where PDFs are kept: a directory (local) or an S3-compatible bucket. */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  STORAGE_DIR: z.string().default('var/documents'),
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_REGION: z.string().default('eu-west-2'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_PATH_STYLE: bool.default(true),
  /** A render that takes longer is killed from outside the page, and the job retried. */
  REPORT_RENDER_TIMEOUT_MS: int(1000, 600_000).default(60_000),
  /** How long the API waits for a worker to draw a report preview (HTML) before answering 503 with Retry-After. */
  REPORT_PREVIEW_TIMEOUT_MS: int(200, 120_000).default(20_000),
  /** Pages (tabs) rendering at once in the worker's one Chromium. */
  REPORT_PAGE_POOL: int(1, 16).default(2),
  /** Chromium is relaunched after this many documents (bounds memory growth). */
  REPORT_RECYCLE_AFTER: int(1, 100_000).default(500),
  /** How long a job's lock lasts: a worker killed mid-render has its job picked up again after this. */
  REPORT_LOCK_MS: int(1000, 600_000).default(30_000),
  WORKER_HEARTBEAT_SECONDS: int(1, 3600).default(15),
  /** On SIGTERM, how long the API lets requests in flight finish before cutting them (keep it under the grace period). */
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(25_000),
  /** Prometheus metrics (GET /metrics) on a port of their own, never through the Ingress; 0 = not served. */
  API_METRICS_PORT: int(0, 65_535).default(0),
  WORKER_METRICS_PORT: int(0, 65_535).default(0),
  /** The address the metrics port listens on (0.0.0.0 in a cluster, for the scraper). */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Time an uploaded table may take to read and interpret, once a thread starts on it; then its thread is replaced. */
  IMPORT_PARSE_TIMEOUT_MS: int(100, 600_000).default(15_000),
  /** Worker threads the API reads uploaded tables in (off its event loop). */
  IMPORT_PARSE_THREADS: int(1, 16).default(1),
  /** Scheduled reports: a PDF larger than this is sent as a signed link instead of an attachment. */
  SCHEDULE_ATTACH_MAX_MB: int(1, 25).default(10),
  /** Check every response body against the operation's declared schema (the OpenAPI contract); tests turn it on. */
  CHECK_RESPONSES: bool.default(false),
  /** Memory per API process for answers of cacheable reads (item lists, plan trees), used while the data is unchanged; 0 turns it off. */
  READ_CACHE_MB: int(0, 4096).default(64),
});

export type RawConfig = z.infer<typeof configSchema>;
export interface AppConfig extends RawConfig {
  cookieSecure: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee README.md, "Configuration".`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once. A bad or missing variable throws a ConfigError naming each variable. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env): AppConfig {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    input[key] = value === '' ? undefined : value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(input[String(i.path[0])])})`));
  }
  const cfg = parsed.data;
  if (cfg.STORAGE_DRIVER === 's3') {
    const missing = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !cfg[k]);
    if (missing.length) throw new ConfigError(missing.map((k) => `${k}: required when STORAGE_DRIVER=s3`));
  }
  if (cfg.REDIS_CLUSTER_NODES && !/^\{.+\}$/.test(cfg.REDIS_PREFIX)) {
    throw new ConfigError([
      `REDIS_PREFIX: a Redis Cluster (REDIS_CLUSTER_NODES is set) needs the prefix in hash-tag form, e.g. {plexus}, so that each queue's keys share one slot (got ${JSON.stringify(cfg.REDIS_PREFIX)})`,
    ]);
  }
  return { ...cfg, cookieSecure: cfg.COOKIE_SECURE ?? cfg.NODE_ENV === 'production' };
}
export const APP_VERSION = '0.1.0';
