/**
 * npm run capacity — writes infra/CAPACITY.md from the figures `npm run bench:scale` measured (tmp/bench-scale.json) and
 * the configuration's own defaults. Nothing measured is typed in here: the workload per network is an assumption, said
 * as one; everything else is arithmetic on the measurements. Run `npm run bench:scale` first (needs a build).
 */
import { loadConfig } from '@plexus/server';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Round {
  workers: number;
  documents: number;
  seconds: number;
  perMinute: number;
  duplicates: number;
  redisBytesPerQueuedJob: number;
  meanPdfBytes: number;
  loadAverage: number;
}
interface Bench {
  measuredAt: string;
  cores: number;
  node: string;
  reports: number;
  pagePool: number;
  rounds: Round[];
}

const ROOT = resolve(__dirname, '..');
const source = join(ROOT, 'tmp/bench-scale.json');
if (!existsSync(source)) {
  console.error('No tmp/bench-scale.json: run `npm run bench:scale` first (after a build).');
  process.exit(1);
}
const bench = JSON.parse(readFileSync(source, 'utf8')) as Bench;
const defaults = loadConfig({});

// ---- the assumed workload (said in the document)
const NETWORKS = [20, 150, 1000];
const SCHEDULES_PER_NETWORK = 4;
const RECIPIENTS_PER_SCHEDULE = 5;
const AD_HOC_DOCUMENTS_PER_YEAR = 60;
const SCHEDULED_RUNS_PER_YEAR = 12; // monthly
const WINDOW_MINUTES = 15;
const API_REPLICAS = 2;
const WORKER_CPU = 1; // a worker pod's CPU request, in cores

// ---- from the measurements
const best = bench.rounds.reduce((a, b) => (b.perMinute > a.perMinute ? b : a));
const one = bench.rounds.find((r) => r.workers === 1) ?? bench.rounds[0];
const perCore = best.perMinute / bench.cores;
const perReplica = perCore * WORKER_CPU;
const redisPerJob = Math.max(...bench.rounds.map((r) => r.redisBytesPerQueuedJob));
const pdfBytes = Math.max(...bench.rounds.map((r) => r.meanPdfBytes));

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });
const mib = (b: number) => `${(b / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MiB`;
const gib = (b: number) => `${(b / 1024 ** 3).toLocaleString('en-GB', { maximumFractionDigits: 1 })} GiB`;

const rows = NETWORKS.map((n) => {
  const documents = n * SCHEDULES_PER_NETWORK;
  const emails = documents * RECIPIENTS_PER_SCHEDULE;
  const replicas = Math.max(1, Math.ceil(documents / (perReplica * WINDOW_MINUTES)));
  const connections = defaults.DATABASE_POOL_MAX * (API_REPLICAS * defaults.API_PROCESSES + replicas);
  const redis = (documents + emails) * redisPerJob;
  const perYear = n * (SCHEDULES_PER_NETWORK * SCHEDULED_RUNS_PER_YEAR + AD_HOC_DOCUMENTS_PER_YEAR) * pdfBytes;
  return { n, documents, emails, replicas, connections, redis, perYear, emailRate: emails / (WINDOW_MINUTES * 60) };
});

const md = `# Capacity model

Written by \`npm run capacity\` from \`npm run bench:scale\` (measured ${bench.measuredAt}, ${bench.cores} cores, Node
${bench.node}, ${bench.reports} mixed reports per round — risk register reports, progress reports and board cover
sheets in turn — REPORT_PAGE_POOL ${bench.pagePool} per worker process) and the configuration's defaults. Do not edit
by hand: run the benchmark on the hardware you will deploy on and run the script again.

## Measured on this machine

| worker processes | documents/min | duplicates | Redis per queued job | mean PDF | load average |
| ---------------- | ------------- | ---------- | -------------------- | -------- | ------------ |
${bench.rounds.map((r) => `| ${r.workers} | ${fmt(r.perMinute)} | ${r.duplicates} | ${fmt(r.redisBytesPerQueuedJob)} B | ${fmt(r.meanPdfBytes / 1024)} KiB | ${r.loadAverage.toFixed(2)} |`).join('\n')}

One worker process renders ${fmt(one.perMinute)} documents/min; the machine tops out at ${fmt(best.perMinute)}
documents/min (${best.workers} processes): rendering is CPU-bound (Chromium), so past ${bench.cores} cores another
process on the same machine adds queueing, not throughput. **Per core: ${fmt(perCore)} documents/min**, the figure
used below for a worker pod requesting ${WORKER_CPU} CPU (a measurement on this ${bench.cores}-core development
machine, not on production hardware).

## Assumed workload (per network)

- ${SCHEDULES_PER_NETWORK} schedules, all due on the first working day of a quarter at 07:00, each one document to
  ${RECIPIENTS_PER_SCHEDULE} recipients (the peak: every network's schedules at once);
- a year: ${SCHEDULED_RUNS_PER_YEAR} runs of each schedule and ${AD_HOC_DOCUMENTS_PER_YEAR} documents asked for by hand
  (board papers, packs, annual and peer review reports);
- delivered within ${WINDOW_MINUTES} minutes of the peak; ${API_REPLICAS} API pods of \`API_PROCESSES\`=${defaults.API_PROCESSES},
  \`DATABASE_POOL_MAX\`=${defaults.DATABASE_POOL_MAX} per process.

## The peak and what it needs

| networks | documents at the peak | emails at the peak | worker replicas for ${WINDOW_MINUTES} min | email rate needed | PostgreSQL connections | Redis for the queued jobs | storage growth a year |
| -------- | --------------------- | ------------------ | --------------------- | ----------------- | ---------------------- | ------------------------- | --------------------- |
${rows.map((r) => `| ${fmt(r.n)} | ${fmt(r.documents)} | ${fmt(r.emails)} | ${r.replicas} | ${r.emailRate.toFixed(1)}/s | ${fmt(r.connections)} | ${mib(r.redis)} | ${gib(r.perYear)} |`).join('\n')}

- **Worker replicas**: documents ÷ (${fmt(perReplica)} per replica-minute × ${WINDOW_MINUTES}); KEDA scales the report
  workers (\`plexus-worker-reports\`) on the reports queue's wait list up to their \`maxReplicaCount\`
  (\`infra/k8s/base/keda.yaml\`), which \`tests/infra/manifests.spec.ts\` checks against this table; the email and schedules
  workers (\`plexus-worker-email\`) scale on their own queues.
- **PostgreSQL connections**: pool × (API pods × processes + worker replicas). Past the managed server's limit (often
  100–500), put **PgBouncer in transaction mode** in front: every tenant query runs inside a transaction whose
  tenant setting is transaction-local (\`set_config('app.network_id', …, true)\` in \`TenantDb\`), and nothing uses
  session state (no session advisory locks, LISTEN/NOTIFY or named prepared statements), so a server connection can
  serve any client between transactions. Migrations run as the owner role directly against PostgreSQL (the Job), not
  through PgBouncer. (Not proven by a test against a real PgBouncer: none runs here.)
- **Redis**: ${fmt(redisPerJob)} bytes per queued job (the largest round's \`used_memory\` growth ÷ jobs), for every report
  and email job queued at once; completed jobs are trimmed by BullMQ's retention. Run Redis with
  \`maxmemory-policy noeviction\` and persistence (AOF), as the README says.
- **Emails**: the rate the SMTP relay must accept to deliver the peak's emails within the window; \`bench:scale\` does
  not send email (\`npm run bench:schedules\` measures delivery through an SMTP server on loopback: see the README).
- **Storage**: documents a year × mean PDF (${fmt(pdfBytes / 1024)} KiB, measured); submissions and evidence files come
  on top (capped per upload).
`;
writeFileSync(join(ROOT, 'infra/CAPACITY.md'), md);
console.log(`infra/CAPACITY.md written from ${source} (measured ${bench.measuredAt})`);
