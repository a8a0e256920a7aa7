import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';

/** This feature's migrations, oldest first (they run after the foundation's). */
export const WORK_PLAN_MIGRATIONS: Array<{ name: string; class: Constructor<Migration> }> = [];
