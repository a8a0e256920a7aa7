export interface HealthDto {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  version: string;
  /** This API process's event-loop lag, p99 over the last window (ms). */
  eventLoopLagMs: number;
}
