import { Injectable } from '@nestjs/common';

/**
 * The worker's idea of now, for schedules. Tests set it to drive time (the first working day of April at 07:00)
 * instead of waiting; production reads the system clock.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: freeze the clock at an instant (null: back to the system clock). */
  set(instant: Date | null): void {
    this.fixed = instant ? new Date(instant) : null;
  }
}
