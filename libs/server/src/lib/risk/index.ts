export * from './risk.entity';
export * from './risk-view';
