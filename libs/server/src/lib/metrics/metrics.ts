import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one process (the API or a worker), in a registry of its own (several applications can share a
 * process in tests), served on a port of their own that the Ingress does not route (`API_METRICS_PORT`,
 * `WORKER_METRICS_PORT`; 0 = not served).
 */
export class Metrics {
  readonly registry = new Registry();

  /**
   * `processMetrics`: also the process's own (CPU, memory, event loop, GC) — only when the metrics are served: their
   * collectors (an event-loop monitor, a GC observer) live as long as the process, and tests make many applications.
   */
  constructor(
    readonly process: 'api' | 'worker',
    processMetrics = true,
  ) {
    this.registry.setDefaultLabels({ process });
    if (processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'plexus_' });
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect?: (this: Gauge<L>) => Promise<void> | void): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry], ...(collect ? { collect } : {}) });
  }

  /** Serves `GET /metrics` (text exposition format) on its own port; resolves with the server once it listens. */
  serve(port: number, host: string): Promise<Server> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics\n');
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${err.message}\n`),
      );
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  }
}

/** Seconds, for the histograms: quick requests to slow renders. */
export const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
export const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120];
