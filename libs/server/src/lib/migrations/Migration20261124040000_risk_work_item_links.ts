import { Migration } from '@mikro-orm/migrations';
import { tenantRls } from './rls';

/** Links between risks and the work items that mitigate them (both in the same network, by the keys). */
export class Migration20261124040000_risk_work_item_links extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table risk_work_item (
      id uuid primary key,
      network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
      risk_id uuid not null,
      work_item_id uuid not null,
      created_at timestamptz not null default now(),
      unique (network_id, risk_id, work_item_id),
      foreign key (network_id, risk_id) references risk (network_id, id) on delete cascade deferrable initially deferred,
      foreign key (network_id, work_item_id) references work_item (network_id, id) on delete cascade deferrable initially deferred
    )`);
    for (const s of tenantRls('risk_work_item')) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists risk_work_item cascade`);
  }
}
