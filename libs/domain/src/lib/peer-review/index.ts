export * from './vocabulary';
export * from './cycle-dates';
export * from './programme-template';
export * from './self-assessment';
export * from './findings';
