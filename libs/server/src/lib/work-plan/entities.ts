import { WorkItem, WorkItemLead, WorkItemProgress, WorkPlan, WorkPlanChange, WorkPlanObjective, WorkPlanTheme } from './work-plan.entity';

/** This feature's MikroORM entities. TENANT: rows that belong to a network (filtered, RLS-enforced, audited). */
export const WORK_PLAN_ENTITIES: Array<new () => object> = [WorkPlan, WorkPlanTheme, WorkPlanObjective, WorkItem, WorkItemLead, WorkItemProgress, WorkPlanChange];
export const WORK_PLAN_TENANT_ENTITIES: Array<new () => object> = [WorkPlan, WorkPlanTheme, WorkPlanObjective, WorkItem, WorkItemLead, WorkItemProgress, WorkPlanChange];
/** Entity class name → record type shown in the audit trail. The change log is itself a record of changes: not audited again. */
export const WORK_PLAN_AUDITED_TYPES: Record<string, string> = {
  WorkPlan: 'work_plan',
  WorkPlanTheme: 'work_plan_theme',
  WorkPlanObjective: 'work_plan_objective',
  WorkItem: 'work_item',
  WorkItemLead: 'work_item_lead',
  WorkItemProgress: 'work_item_progress',
};
