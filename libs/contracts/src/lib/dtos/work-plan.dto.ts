// Request schemas and response types for the work-plan feature (objectives, work items, progress, import).
export * from './work-plan/plan.dto';
export * from './work-plan/item.dto';
export * from './work-plan/import.dto';
export * from './work-plan/roll-over.dto';
