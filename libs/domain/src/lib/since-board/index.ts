export * from './meetings';
export * from './work-items';
