export * from './roll-over';
export * from './year-end';
export * from './plan-period';
