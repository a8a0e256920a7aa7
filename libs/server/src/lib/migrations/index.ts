import { Migration20261124000000_foundation } from './Migration20261124000000_foundation';
import { WORK_PLAN_MIGRATIONS } from '../work-plan/migrations';
import { RISK_MIGRATIONS } from '../risk/migrations';
import { REPORT_MIGRATIONS } from '../report/migrations';
import { Migration20261202000000_work_item_reference } from './Migration20261202000000_work_item_reference';

/** Listed, not globbed, so that bundled builds find them. Each feature appends its own, in order. */
export const MIGRATIONS = [
  { name: 'Migration20261124000000_foundation', class: Migration20261124000000_foundation },
  ...WORK_PLAN_MIGRATIONS,
  ...RISK_MIGRATIONS,
  ...REPORT_MIGRATIONS,
  { name: 'Migration20261202000000_work_item_reference', class: Migration20261202000000_work_item_reference },
];
