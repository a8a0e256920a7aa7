export * from './nudge';
