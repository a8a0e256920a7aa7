import { Migration } from '@mikro-orm/migrations';

/**
 * Withdrawing a document from the library (issue 13, item 6): a manager marks a ready document withdrawn, with who,
 * when and why. The document is kept — its snapshot, file and checksum stay as they were (the immutability trigger
 * still refuses any change to them) — and a withdrawal, once made, cannot be undone or rewritten: the trigger refuses
 * a change to `withdrawn_at` or `withdrawn_reason` once set (`withdrawn_by` may only become null, when that person's
 * account is deleted). The table already has its RLS policies and data-version trigger.
 */
export class Migration20261205110000_report_withdrawal extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `alter table report_document
         add column withdrawn_at timestamptz,
         add column withdrawn_by uuid references app_user(id) on delete set null deferrable initially deferred,
         add column withdrawn_reason text,
         add constraint report_document_withdrawn_reason_check
           check (withdrawn_reason is null or length(withdrawn_reason) between 1 and 2000),
         add constraint report_document_withdrawn_check
           check ((withdrawn_at is null) = (withdrawn_reason is null) and (withdrawn_at is null or status = 'ready'))`,
      `create or replace function report_document_immutable() returns trigger language plpgsql as $$
       begin
         if old.status = 'ready' and (new.snapshot is distinct from old.snapshot or new.storage_key is distinct from old.storage_key
             or new.sha256 is distinct from old.sha256 or new.status is distinct from old.status) then
           raise exception 'report_document % is ready and cannot change', old.id using errcode = 'check_violation';
         end if;
         if old.withdrawn_at is not null and (new.withdrawn_at is distinct from old.withdrawn_at
             or new.withdrawn_reason is distinct from old.withdrawn_reason
             or (new.withdrawn_by is distinct from old.withdrawn_by and new.withdrawn_by is not null)) then
           raise exception 'report_document % was withdrawn and its withdrawal cannot change', old.id using errcode = 'check_violation';
         end if;
         return new;
       end $$`,
    ];
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function report_document_immutable() returns trigger language plpgsql as $$
       begin
         if old.status = 'ready' and (new.snapshot is distinct from old.snapshot or new.storage_key is distinct from old.storage_key
             or new.sha256 is distinct from old.sha256 or new.status is distinct from old.status) then
           raise exception 'report_document % is ready and cannot change', old.id using errcode = 'check_violation';
         end if;
         return new;
       end $$`);
    this.addSql(`alter table report_document drop column if exists withdrawn_at, drop column if exists withdrawn_by, drop column if exists withdrawn_reason`);
  }
}
