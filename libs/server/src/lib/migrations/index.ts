import { Migration20261124000000_foundation } from './Migration20261124000000_foundation';

/** Listed, not globbed, so that bundled builds find them. Append new migrations in order. */
export const MIGRATIONS = [{ name: 'Migration20261124000000_foundation', class: Migration20261124000000_foundation }];
