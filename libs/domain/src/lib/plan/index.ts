export * from './roll-over';
