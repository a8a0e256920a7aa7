export * from './rag';
export * from './status-vocabulary';
