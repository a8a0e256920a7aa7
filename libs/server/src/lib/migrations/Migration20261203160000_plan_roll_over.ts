import { Migration } from '@mikro-orm/migrations';

/**
 * The year-end roll-over: a plan started from another names it (at most one per plan, so doing it twice makes one
 * plan), and each carried item names the item it came from (once per plan). Removing the origin keeps the copy and
 * forgets the link only (`set null` on the link column alone, so `network_id` stays).
 */
export class Migration20261203160000_plan_roll_over extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table work_plan add column rolled_from_plan_id uuid null`);
    this.addSql(`alter table work_plan add constraint work_plan_rolled_from_fk
      foreign key (network_id, rolled_from_plan_id) references work_plan (network_id, id) on delete set null (rolled_from_plan_id)`);
    this.addSql(`create unique index work_plan_rolled_from_uq on work_plan (network_id, rolled_from_plan_id) where rolled_from_plan_id is not null`);
    this.addSql(`alter table work_item add column carried_from_item_id uuid null`);
    this.addSql(`alter table work_item add constraint work_item_carried_from_fk
      foreign key (network_id, carried_from_item_id) references work_item (network_id, id) on delete set null (carried_from_item_id)`);
    this.addSql(`create unique index work_item_carried_from_uq on work_item (network_id, plan_id, carried_from_item_id) where carried_from_item_id is not null`);
    this.addSql(`create index work_item_carried_from_idx on work_item (network_id, carried_from_item_id) where carried_from_item_id is not null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table work_item drop column if exists carried_from_item_id`);
    this.addSql(`alter table work_plan drop column if exists rolled_from_plan_id`);
  }
}
