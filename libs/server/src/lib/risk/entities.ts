import { Risk, RiskReview, RiskScoreChange, RiskWorkItem } from './risk.entity';

/** This feature's MikroORM entities. TENANT: rows that belong to a network (filtered, RLS-enforced, audited). */
export const RISK_ENTITIES: Array<new () => object> = [Risk, RiskReview, RiskScoreChange, RiskWorkItem];
export const RISK_TENANT_ENTITIES: Array<new () => object> = [Risk, RiskReview, RiskScoreChange, RiskWorkItem];
/** Entity class name → record type shown in the audit trail. */
export const RISK_AUDITED_TYPES: Record<string, string> = { Risk: 'risk', RiskReview: 'risk_review', RiskWorkItem: 'risk_work_item' };
