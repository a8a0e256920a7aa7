import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261124020000_risk_register } from './Migration20261124020000_risk_register';
import { Migration20261124040000_risk_work_item_links } from './Migration20261124040000_risk_work_item_links';

/** This feature's migrations, oldest first (they run after the foundation's). */
export const RISK_MIGRATIONS: Array<{ name: string; class: Constructor<Migration> }> = [
  { name: 'Migration20261124020000_risk_register', class: Migration20261124020000_risk_register },
  { name: 'Migration20261124040000_risk_work_item_links', class: Migration20261124040000_risk_work_item_links },
];
