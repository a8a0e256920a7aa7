export * from './dates';
export * from './financial-year';
export * from './parse-timescale';
