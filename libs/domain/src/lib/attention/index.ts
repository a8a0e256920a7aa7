export * from './attention';
