import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261124030000_reports } from './Migration20261124030000_reports';

export const REPORT_MIGRATIONS: Array<{ name: string; class: Constructor<Migration> }> = [
  { name: 'Migration20261124030000_reports', class: Migration20261124030000_reports },
];
