/** This feature's MikroORM entities. TENANT: rows that belong to a network (filtered, RLS-enforced, audited). */
export const RISK_ENTITIES: Array<new () => object> = [];
export const RISK_TENANT_ENTITIES: Array<new () => object> = [];
/** Entity class name → record type shown in the audit trail. */
export const RISK_AUDITED_TYPES: Record<string, string> = {};
