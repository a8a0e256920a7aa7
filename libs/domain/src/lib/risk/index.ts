export * from './risk';
export * from './as-at';
