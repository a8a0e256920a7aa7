import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, HTTP_BUCKETS, Metrics, type AppConfig } from '@plexus/server';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { Histogram } from 'prom-client';

/**
 * The API's Prometheus metrics: request durations by method, route (the route's pattern, never the path with its ids)
 * and status, plus the process's own. Served on `API_METRICS_PORT` (GET /metrics) when it is not 0 — a port of its own,
 * which the Ingress does not route.
 */
@Injectable()
export class ApiMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly metrics: Metrics;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private server: Server | null = null;
  private readonly logger = new Logger('ApiMetrics');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.metrics = new Metrics('api', config.API_METRICS_PORT > 0);
    this.duration = this.metrics.histogram(
      'plexus_http_request_duration_seconds',
      'HTTP requests to the API by method, route pattern and status',
      ['method', 'route', 'status'],
      HTTP_BUCKETS,
    );
  }

  /** Express middleware timing every request until its response is finished. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.duration.startTimer();
    res.once('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.path.startsWith('/api') ? 'unmatched' : 'web';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.API_METRICS_PORT) return;
    this.server = await this.metrics.serve(this.config.API_METRICS_PORT, this.config.METRICS_HOST);
    this.logger.log({ port: this.config.API_METRICS_PORT }, 'metrics served on /metrics');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
