import { Migration } from '@mikro-orm/migrations';
import { tenantRls } from './rls';

/**
 * The document library: every generated report, with the data it was made from, kept as an immutable
 * snapshot once ready (a trigger refuses changes to a ready document's content).
 */
export class Migration20261124030000_reports extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table report_document (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        kind text not null check (kind in ('progress', 'risk_register', 'board_paper')),
        title text not null check (length(title) between 1 and 300),
        options jsonb not null default '{}'::jsonb,
        status text not null default 'queued' check (status in ('queued', 'rendering', 'ready', 'failed')),
        progress int not null default 0 check (progress between 0 and 100),
        requested_by uuid references app_user(id) on delete set null deferrable initially deferred,
        requested_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        attempts int not null default 0,
        failure_reason text,
        template_version text,
        snapshot jsonb,
        storage_key text,
        size_bytes int,
        page_count int,
        sha256 text,
        unique (network_id, id),
        check (status <> 'ready' or (storage_key is not null and sha256 is not null and snapshot is not null))
      )`,
      `create index report_document_list_idx on report_document (network_id, requested_at desc)`,
      `create index report_document_pending_idx on report_document (status, requested_at) where status in ('queued', 'rendering')`,
      `create function report_document_immutable() returns trigger language plpgsql as $$
       begin
         if old.status = 'ready' and (new.snapshot is distinct from old.snapshot or new.storage_key is distinct from old.storage_key
             or new.sha256 is distinct from old.sha256 or new.status is distinct from old.status) then
           raise exception 'report_document % is ready and cannot change', old.id using errcode = 'check_violation';
         end if;
         return new;
       end $$`,
      `create trigger report_document_immutable before update on report_document for each row execute function report_document_immutable()`,
    ];
    sql.push(...tenantRls('report_document'));
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists report_document cascade`);
    this.addSql(`drop function if exists report_document_immutable()`);
  }
}
