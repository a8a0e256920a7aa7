import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261124010000_work_plan } from './Migration20261124010000_work_plan';

/** This feature's migrations, oldest first (they run after the foundation's). */
export const WORK_PLAN_MIGRATIONS: Array<{ name: string; class: Constructor<Migration> }> = [
  { name: 'Migration20261124010000_work_plan', class: Migration20261124010000_work_plan },
];
