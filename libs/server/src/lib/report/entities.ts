import { ReportDocument } from './report-document.entity';

export const REPORT_ENTITIES: Array<new () => object> = [ReportDocument];
export const REPORT_TENANT_ENTITIES: Array<new () => object> = [ReportDocument];
/** Documents are immutable snapshots with their own history (requested, rendered); not audited field by field. */
export const REPORT_AUDITED_TYPES: Record<string, string> = {};
