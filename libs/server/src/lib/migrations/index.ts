import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261124000000_foundation } from './Migration20261124000000_foundation';
import { Migration20261124010000_work_plan } from './Migration20261124010000_work_plan';
import { Migration20261124020000_risk_register } from './Migration20261124020000_risk_register';
import { Migration20261124030000_reports } from './Migration20261124030000_reports';
import { Migration20261124040000_risk_work_item_links } from './Migration20261124040000_risk_work_item_links';
import { Migration20261202000000_work_item_reference } from './Migration20261202000000_work_item_reference';
import { Migration20261202100000_data_versions } from './Migration20261202100000_data_versions';
import { Migration20261202120000_recipients } from './Migration20261202120000_recipients';
import { Migration20261203080000_commissioner_role } from './Migration20261203080000_commissioner_role';
import { Migration20261203090000_board_meetings } from './Migration20261203090000_board_meetings';
import { Migration20261203100000_schedules } from './Migration20261203100000_schedules';
import { Migration20261203110000_standard_sets } from './Migration20261203110000_standard_sets';
import { Migration20261203120000_peer_review_cycles } from './Migration20261203120000_peer_review_cycles';
import { Migration20261203130000_self_assessment } from './Migration20261203130000_self_assessment';
import { Migration20261203140000_board_packs } from './Migration20261203140000_board_packs';
import { Migration20261203150000_peer_review_findings } from './Migration20261203150000_peer_review_findings';
import { Migration20261203160000_plan_roll_over } from './Migration20261203160000_plan_roll_over';
import { Migration20261203180000_annual_report } from './Migration20261203180000_annual_report';
import { Migration20261203193000_submission_information_notice } from './Migration20261203193000_submission_information_notice';
import { Migration20261203201500_password_reset } from './Migration20261203201500_password_reset';
import { Migration20261204090000_peer_review_report_kinds } from './Migration20261204090000_peer_review_report_kinds';
import { Migration20261205100000_nudges } from './Migration20261205100000_nudges';
import { Migration20261205110000_report_withdrawal } from './Migration20261205110000_report_withdrawal';

/**
 * Every migration, oldest first by the timestamp in its name. Listed, not globbed, so that the webpack
 * bundles find them (MikroORM's `migrationsList`). The `name` is what MikroORM records in
 * `mikro_orm_migrations`: never change an applied one. A new migration is a new file in this folder
 * (`Migration<yyyyMMddHHmmss>_<what>.ts`) and one line at the end of this list.
 */
export const migrationsList: Array<{ name: string; class: Constructor<Migration> }> = [
  { name: 'Migration20261124000000_foundation', class: Migration20261124000000_foundation },
  { name: 'Migration20261124010000_work_plan', class: Migration20261124010000_work_plan },
  { name: 'Migration20261124020000_risk_register', class: Migration20261124020000_risk_register },
  { name: 'Migration20261124030000_reports', class: Migration20261124030000_reports },
  { name: 'Migration20261124040000_risk_work_item_links', class: Migration20261124040000_risk_work_item_links },
  { name: 'Migration20261202000000_work_item_reference', class: Migration20261202000000_work_item_reference },
  { name: 'Migration20261202100000_data_versions', class: Migration20261202100000_data_versions },
  { name: 'Migration20261202120000_recipients', class: Migration20261202120000_recipients },
  { name: 'Migration20261203080000_commissioner_role', class: Migration20261203080000_commissioner_role },
  { name: 'Migration20261203090000_board_meetings', class: Migration20261203090000_board_meetings },
  { name: 'Migration20261203100000_schedules', class: Migration20261203100000_schedules },
  { name: 'Migration20261203110000_standard_sets', class: Migration20261203110000_standard_sets },
  { name: 'Migration20261203120000_peer_review_cycles', class: Migration20261203120000_peer_review_cycles },
  { name: 'Migration20261203130000_self_assessment', class: Migration20261203130000_self_assessment },
  { name: 'Migration20261203140000_board_packs', class: Migration20261203140000_board_packs },
  { name: 'Migration20261203150000_peer_review_findings', class: Migration20261203150000_peer_review_findings },
  { name: 'Migration20261203160000_plan_roll_over', class: Migration20261203160000_plan_roll_over },
  { name: 'Migration20261203180000_annual_report', class: Migration20261203180000_annual_report },
  {
    name: 'Migration20261203193000_submission_information_notice',
    class: Migration20261203193000_submission_information_notice,
  },
  { name: 'Migration20261203201500_password_reset', class: Migration20261203201500_password_reset },
  { name: 'Migration20261204090000_peer_review_report_kinds', class: Migration20261204090000_peer_review_report_kinds },
  { name: 'Migration20261205100000_nudges', class: Migration20261205100000_nudges },
  { name: 'Migration20261205110000_report_withdrawal', class: Migration20261205110000_report_withdrawal },
];

/** @deprecated Use `migrationsList`; kept so that existing imports compile. */
export const MIGRATIONS = migrationsList;
