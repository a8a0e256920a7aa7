export * from './vocabulary';
export * from './cycle-dates';
export * from './programme-template';
export * from './findings';
