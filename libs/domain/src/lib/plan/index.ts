export * from './roll-over';
export * from './year-end';
