export * from './assessment-scales';
export * from './applies-to';
export * from './standard-kinds';
