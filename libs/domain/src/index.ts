export * from './lib/roles';
export * from './lib/organisation-types';
export * from './lib/slug';
export * from './lib/colour';
