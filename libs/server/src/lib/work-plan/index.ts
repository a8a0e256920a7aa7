export * from './work-plan.entity';
