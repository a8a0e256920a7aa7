export * from './bank-holidays';
export * from './working-days';
export * from './zoned-time';
export * from './cron';
export * from './recurrence';
export { MAX_NEXT_RUNS, dayInMonthDate, nextRuns } from './next-runs';
export type { RecurrenceOptions } from './next-runs';
export * from './describe-recurrence';
export * from './period-key';
