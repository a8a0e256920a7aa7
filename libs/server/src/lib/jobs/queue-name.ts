/** Every queue Plexus uses. The worker runs one BullMQ worker per queue and refuses to boot if a job has no handler, or two. */
export enum QueueName {
  Email = 'email',
  Reports = 'reports',
  /** Recurring duties started by BullMQ job schedulers (one scheduler per duty for the whole cluster). */
  Schedules = 'schedules',
}
