import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/**
 * The annual report (issue 10, item 5): the narrative a manager writes for a financial year (chair's foreword,
 * highlights, priorities for next year), kept as a draft with the report's settings (the plan it reports on), one per
 * network and year; and the report kind itself.
 */
export class Migration20261203180000_annual_report extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table annual_report_draft (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        fy text not null check (fy ~ '^(19|20)[0-9]{2}/[0-9]{2}$'),
        plan_id uuid,
        chair_foreword text not null default '' check (length(chair_foreword) <= 20000),
        highlights text not null default '' check (length(highlights) <= 20000),
        priorities text not null default '' check (length(priorities) <= 20000),
        updated_by_name text not null default '' check (length(updated_by_name) <= 200),
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        constraint annual_report_draft_fy_uq unique (network_id, fy),
        foreign key (network_id, plan_id) references work_plan (network_id, id) on delete set null (plan_id) deferrable initially deferred
      )`,
      ...tenantRls('annual_report_draft'),
      ...dataVersionTrigger('annual_report_draft'),
      `alter table report_document drop constraint report_document_kind_check`,
      `alter table report_document add constraint report_document_kind_check check (kind in ('progress', 'risk_register', 'board_paper', 'distribution_record', 'board_pack', 'annual_report'))`,
    ];
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from report_document where kind = 'annual_report'`);
    this.addSql(`alter table report_document drop constraint report_document_kind_check`);
    this.addSql(
      `alter table report_document add constraint report_document_kind_check check (kind in ('progress', 'risk_register', 'board_paper', 'distribution_record', 'board_pack'))`,
    );
    this.addSql(`drop table if exists annual_report_draft cascade`);
  }
}
