import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** The window over which lag is measured; a window whose p99 is above the threshold logs a warning. */
export const EVENT_LOOP_WINDOW_MS = 10_000;
export const EVENT_LOOP_WARN_P99_MS = 200;
/** The sampling timer's period: the histogram's delays include it, so it is taken off. */
const RESOLUTION_MS = 10;

/** A delay from the histogram (ns) as lag in ms, to a tenth. */
const lag = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10);

/**
 * Event-loop lag of this process (perf_hooks.monitorEventLoopDelay): p99 and max over each window, a warn line
 * when a window's p99 passes the threshold, and the latest window's p99 for /api/health. The window is timed by a
 * timer of this process (an unref'd timeout re-armed each window): the figure is per process, not recurring work.
 */
@Injectable()
export class EventLoopLag implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventLoopLag');
  private histogram: IntervalHistogram | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastP99Ms = 0;
  private lastMaxMs = 0;

  onModuleInit(): void {
    this.histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.histogram.enable();
    this.arm();
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.histogram?.disable();
    this.histogram = null;
  }

  /** p99 lag in ms over the last full window (or the current one, before the first window ends). */
  p99Ms(): number {
    if (this.lastP99Ms === 0 && this.histogram && this.histogram.count > 0) return lag(this.histogram.percentile(99));
    return this.lastP99Ms;
  }

  maxMs(): number {
    return this.lastMaxMs;
  }

  private arm(): void {
    this.timer = setTimeout(() => this.closeWindow(), EVENT_LOOP_WINDOW_MS);
    this.timer.unref();
  }

  private closeWindow(): void {
    const h = this.histogram;
    if (!h) return;
    this.lastP99Ms = h.count > 0 ? lag(h.percentile(99)) : 0;
    this.lastMaxMs = h.count > 0 ? lag(h.max) : 0;
    h.reset();
    if (this.lastP99Ms > EVENT_LOOP_WARN_P99_MS) {
      this.logger.warn(
        { eventLoopLagP99Ms: this.lastP99Ms, eventLoopLagMaxMs: this.lastMaxMs },
        `Event loop lag p99 ${this.lastP99Ms} ms over the last ${EVENT_LOOP_WINDOW_MS / 1000} s (max ${this.lastMaxMs} ms): requests of every network waited`,
      );
    }
    this.arm();
  }
}
