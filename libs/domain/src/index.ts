export * from './lib/roles';
export * from './lib/organisation-types';
export * from './lib/slug';
export * from './lib/colour';
export * from './lib/timescale';
export * from './lib/risk';
export * from './lib/rag';
export * from './lib/schedule';
