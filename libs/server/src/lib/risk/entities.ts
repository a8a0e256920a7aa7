import { Risk, RiskReview, RiskScoreChange } from './risk.entity';

/** This feature's MikroORM entities. TENANT: rows that belong to a network (filtered, RLS-enforced, audited). */
export const RISK_ENTITIES: Array<new () => object> = [Risk, RiskReview, RiskScoreChange];
export const RISK_TENANT_ENTITIES: Array<new () => object> = [Risk, RiskReview, RiskScoreChange];
/** Entity class name → record type shown in the audit trail. */
export const RISK_AUDITED_TYPES: Record<string, string> = { Risk: 'risk', RiskReview: 'risk_review' };
