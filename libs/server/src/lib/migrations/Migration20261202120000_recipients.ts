import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/**
 * Recipients of the network's reports (no account needed) and its distribution lists (issue 11). A recipient's
 * organisation is one of the network's member organisations (same network, by the keys; cleared if that
 * organisation is removed from the profile) or free text. Emails are unique per network (stored lower-cased);
 * deleting a recipient or a list removes its list memberships.
 */
export class Migration20261202120000_recipients extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table recipient (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        name text not null check (length(name) between 1 and 120),
        email text not null check (length(email) between 3 and 254 and email = lower(email)),
        organisation_id uuid,
        organisation_name text not null default '' check (length(organisation_name) <= 200),
        role text not null default '' check (length(role) <= 120),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, email),
        foreign key (network_id, organisation_id) references member_organisation (network_id, id) on delete set null (organisation_id) deferrable initially deferred,
        check (organisation_id is null or organisation_name = '')
      )`,
      `create table distribution_list (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        name text not null check (length(name) between 1 and 120),
        description text not null default '' check (length(description) <= 1000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id)
      )`,
      `create unique index distribution_list_name_uq on distribution_list (network_id, lower(name))`,
      `create table distribution_list_member (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        list_id uuid not null,
        recipient_id uuid not null,
        created_at timestamptz not null default now(),
        unique (network_id, list_id, recipient_id),
        foreign key (network_id, list_id) references distribution_list (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, recipient_id) references recipient (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index distribution_list_member_recipient_idx on distribution_list_member (network_id, recipient_id)`,
    ];
    for (const table of ['recipient', 'distribution_list', 'distribution_list_member']) sql.push(...tenantRls(table), ...dataVersionTrigger(table));
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists distribution_list_member cascade`);
    this.addSql(`drop table if exists distribution_list cascade`);
    this.addSql(`drop table if exists recipient cascade`);
  }
}
