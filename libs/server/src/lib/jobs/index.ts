export * from './queue-name';
export * from './job-ids';
export * from './jobs';
export * from './schedulers';
export * from './job-queue';
