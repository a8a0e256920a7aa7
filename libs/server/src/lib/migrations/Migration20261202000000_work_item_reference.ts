import { Migration } from '@mikro-orm/migrations';

/** A work item's own reference ("1.1", "3.4") as an imported table gave it; null: numbered by its place in the plan. */
export class Migration20261202000000_work_item_reference extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table work_item add column reference text null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table work_item drop column if exists reference`);
  }
}
