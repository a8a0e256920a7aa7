import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/**
 * Scheduled emailed reports (issue 11): a schedule names a report request, a recurrence and its recipients (people
 * and distribution lists); each due run is a `report_run`, unique per (schedule, period) so that a duplicated tick,
 * two workers or a restart can never run a period twice; each run makes one `report_delivery` per recipient, sent
 * through the email outbox (its row carries the state: pending, sent, failed and retried, given up). A delivery by
 * link has a `document_link` (a random token stored as its hash, expiring, revocable) whose every download is kept.
 * One-click unsubscribe removes a recipient from one schedule (`report_schedule_unsubscribe`). Schedules are
 * archived, never deleted, once they have runs: the log is assurance evidence.
 */
export class Migration20261203100000_schedules extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table report_schedule (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        name text not null check (length(name) between 1 and 120),
        report jsonb not null,
        recurrence jsonb not null,
        status text not null default 'active' check (status in ('active', 'paused', 'archived')),
        only_if_changed boolean not null default false,
        delivery text not null default 'attach' check (delivery in ('attach', 'link')),
        link_days integer not null default 30 check (link_days between 1 and 90),
        subject text not null default '' check (length(subject) <= 200),
        message text not null default '' check (length(message) <= 2000),
        created_by uuid references app_user(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id)
      )`,
      `create table report_schedule_target (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        schedule_id uuid not null,
        recipient_id uuid,
        list_id uuid,
        created_at timestamptz not null default now(),
        foreign key (network_id, schedule_id) references report_schedule (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, recipient_id) references recipient (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, list_id) references distribution_list (network_id, id) on delete cascade deferrable initially deferred,
        check ((recipient_id is null) <> (list_id is null))
      )`,
      `create unique index report_schedule_target_recipient_uq on report_schedule_target (network_id, schedule_id, recipient_id) where recipient_id is not null`,
      `create unique index report_schedule_target_list_uq on report_schedule_target (network_id, schedule_id, list_id) where list_id is not null`,
      `create table report_run (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        schedule_id uuid not null,
        period_key text not null check (length(period_key) between 1 and 80),
        due_at timestamptz not null,
        trigger text not null check (trigger in ('schedule', 'manual')),
        requested_by uuid references app_user(id) on delete set null deferrable initially deferred,
        state text not null default 'pending' check (state in ('pending', 'rendering', 'sent', 'skipped_unchanged', 'skipped_no_recipients', 'failed')),
        document_id uuid,
        content_hash text,
        reason text check (length(reason) <= 1000),
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        unique (network_id, id),
        unique (network_id, schedule_id, period_key),
        foreign key (network_id, schedule_id) references report_schedule (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, document_id) references report_document (network_id, id) on delete set null (document_id) deferrable initially deferred
      )`,
      `create index report_run_schedule_idx on report_run (network_id, schedule_id, created_at desc)`,
      `create index report_run_document_idx on report_run (document_id) where document_id is not null`,
      `create index report_run_open_idx on report_run (network_id, created_at) where state in ('pending', 'rendering')`,
      `create table report_delivery (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        run_id uuid not null,
        recipient_id uuid,
        recipient_name text not null check (length(recipient_name) between 1 and 120),
        to_address text not null check (length(to_address) between 3 and 254),
        email_id uuid not null,
        mode text not null check (mode in ('attach', 'link')),
        unsubscribe_token_hash text not null unique,
        created_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, run_id, to_address),
        foreign key (network_id, run_id) references report_run (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, recipient_id) references recipient (network_id, id) on delete set null (recipient_id) deferrable initially deferred,
        foreign key (network_id, email_id) references email_outbox (network_id, id) deferrable initially deferred
      )`,
      `create index report_delivery_recipient_idx on report_delivery (network_id, recipient_id)`,
      `create table report_schedule_unsubscribe (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        schedule_id uuid not null,
        recipient_id uuid not null,
        delivery_id uuid,
        created_at timestamptz not null default now(),
        unique (network_id, schedule_id, recipient_id),
        foreign key (network_id, schedule_id) references report_schedule (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, recipient_id) references recipient (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, delivery_id) references report_delivery (network_id, id) on delete set null (delivery_id) deferrable initially deferred
      )`,
      `create table document_link (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        document_id uuid not null,
        delivery_id uuid,
        token_hash text not null unique,
        expires_at timestamptz not null,
        revoked_at timestamptz,
        revoked_by uuid references app_user(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, document_id) references report_document (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, delivery_id) references report_delivery (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index document_link_delivery_idx on document_link (network_id, delivery_id)`,
      `create table document_link_download (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        link_id uuid not null,
        ip_address text not null default '' check (length(ip_address) <= 100),
        user_agent text not null default '' check (length(user_agent) <= 300),
        created_at timestamptz not null default now(),
        foreign key (network_id, link_id) references document_link (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index document_link_download_link_idx on document_link_download (network_id, link_id, created_at)`,
      // The distribution record (the delivery log as a PDF) is a report kind like the others.
      `alter table report_document drop constraint report_document_kind_check`,
      `alter table report_document add constraint report_document_kind_check check (kind in ('progress', 'risk_register', 'board_paper', 'distribution_record'))`,
      // The outbox learns HTML bodies, headers (List-Unsubscribe), an attached document and the SMTP server's answer.
      `alter table email_outbox add column body_html text`,
      `alter table email_outbox add column headers jsonb not null default '{}'::jsonb`,
      `alter table email_outbox add column attachment_document_id uuid`,
      `alter table email_outbox add column attachment_name text check (length(attachment_name) <= 200)`,
      `alter table email_outbox add column smtp_response text`,
    ];
    for (const table of [
      'report_schedule',
      'report_schedule_target',
      'report_run',
      'report_delivery',
      'report_schedule_unsubscribe',
      'document_link',
      'document_link_download',
    ]) {
      sql.push(...tenantRls(table), ...dataVersionTrigger(table));
    }
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    for (const table of [
      'document_link_download',
      'document_link',
      'report_schedule_unsubscribe',
      'report_delivery',
      'report_run',
      'report_schedule_target',
      'report_schedule',
    ]) {
      this.addSql(`drop table if exists ${table} cascade`);
    }
    for (const column of ['body_html', 'headers', 'attachment_document_id', 'attachment_name', 'smtp_response']) this.addSql(`alter table email_outbox drop column if exists ${column}`);
  }
}
