import { Migration } from '@mikro-orm/migrations';
import { CURRENT_NETWORK, CURRENT_USER, tenantRls } from './rls';

/**
 * The foundation: people, networks (the tenants), sessions, memberships, the network profile, invites,
 * stored files and the audit trail. Every tenant table carries network_id NOT NULL, keys that include it,
 * and FORCEd row-level security.
 */
export class Migration20261124000000_foundation extends Migration {
  override async up(): Promise<void> {
    const sql = [
      // ---- global tables: people and the registry of networks --------------------------------------
      `create table app_user (
        id uuid primary key,
        email text not null check (email = lower(email) and position('@' in email) > 1),
        display_name text not null check (length(display_name) between 1 and 120),
        password_hash text,
        is_operator boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`,
      `create unique index app_user_email_uq on app_user (email)`,

      `create table network (
        id uuid primary key,
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 2 and 48),
        name text not null check (length(name) between 1 and 200),
        created_at timestamptz not null default now()
      )`,
      // The registry is readable (slugs resolve before a tenant is chosen); a row changes only inside its own tenant context.
      `alter table network enable row level security`,
      `alter table network force row level security`,
      `create policy network_read on network for select using (true)`,
      `create policy network_insert on network for insert with check (id = ${CURRENT_NETWORK})`,
      `create policy network_update on network for update using (id = ${CURRENT_NETWORK}) with check (id = ${CURRENT_NETWORK})`,

      `create table user_session (
        id text primary key,
        user_id uuid not null references app_user(id) on delete cascade deferrable initially deferred,
        csrf_token text not null,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        ip text,
        user_agent text
      )`,
      `create index user_session_user_idx on user_session (user_id)`,
      `create index user_session_expires_idx on user_session (expires_at)`,

      // ---- tenant tables --------------------------------------------------------------------------------
      `create table member_organisation (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        name text not null check (length(name) between 1 and 200),
        org_type text not null,
        position int not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id)
      )`,
      `create unique index member_organisation_name_uq on member_organisation (network_id, lower(name))`,

      `create table membership (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        user_id uuid not null references app_user(id) on delete cascade deferrable initially deferred,
        role text not null check (role in ('manager', 'lead', 'contributor', 'viewer')),
        organisation_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, user_id),
        foreign key (network_id, organisation_id) references member_organisation (network_id, id) deferrable initially deferred,
        check (role <> 'contributor' or organisation_id is not null)
      )`,
      `create index membership_user_idx on membership (user_id)`,

      `create table network_profile (
        network_id uuid primary key references network(id) on delete cascade deferrable initially deferred,
        specialty text not null default '',
        region text not null default '',
        purpose text not null default '',
        vision text not null default '',
        core_functions jsonb not null default '[]'::jsonb check (jsonb_typeof(core_functions) = 'array'),
        primary_colour text not null default '#005eb8' check (primary_colour ~ '^#[0-9a-fA-F]{6}$'),
        accent_colour text not null default '#41b6e6' check (accent_colour ~ '^#[0-9a-fA-F]{6}$'),
        classification text not null default 'OFFICIAL',
        logo_file_id uuid,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`,

      `create table leadership_role (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        title text not null check (length(title) between 1 and 120),
        person_name text not null check (length(person_name) between 1 and 120),
        position int not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id)
      )`,

      `create table stored_file (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        purpose text not null,
        content_type text not null,
        size_bytes int not null check (size_bytes >= 0),
        sha256 text not null,
        data bytea not null,
        created_at timestamptz not null default now(),
        created_by uuid references app_user(id) on delete set null deferrable initially deferred,
        unique (network_id, id)
      )`,
      `alter table network_profile add constraint network_profile_logo_fk
        foreign key (network_id, logo_file_id) references stored_file (network_id, id) deferrable initially deferred`,

      `create table invite (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        email text not null check (email = lower(email)),
        display_name text not null,
        role text not null check (role in ('manager', 'lead', 'contributor', 'viewer')),
        organisation_id uuid,
        token_hash text not null unique,
        invited_by uuid references app_user(id) on delete set null deferrable initially deferred,
        expires_at timestamptz not null,
        accepted_at timestamptz,
        accepted_by uuid references app_user(id) on delete set null deferrable initially deferred,
        revoked_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, organisation_id) references member_organisation (network_id, id) deferrable initially deferred,
        check (role <> 'contributor' or organisation_id is not null)
      )`,

      `create table audit_event (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        occurred_at timestamptz not null default clock_timestamp(),
        actor_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        action text not null check (action in ('create', 'update', 'delete')),
        entity_type text not null,
        entity_id text not null,
        changes jsonb not null default '{}'::jsonb,
        request_id text
      )`,
      `create index audit_event_record_idx on audit_event (network_id, entity_type, entity_id, occurred_at desc)`,
      `create index audit_event_time_idx on audit_event (network_id, occurred_at desc, id desc)`,

      `create table email_outbox (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        kind text not null,
        to_address text not null,
        subject text not null,
        body_text text not null,
        status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
        attempts int not null default 0,
        message_id text not null,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id)
      )`,
    ];
    for (const table of ['member_organisation', 'network_profile', 'leadership_role', 'stored_file', 'invite', 'audit_event', 'email_outbox']) {
      sql.push(...tenantRls(table));
    }
    // Memberships: the tenant's rows, plus a signed-in person's own memberships in every network
    // (so that sign-in can list the networks to switch between before any tenant is chosen).
    sql.push(...tenantRls('membership'));
    sql.push(`create policy membership_own_rows on membership for select using (user_id = ${CURRENT_USER})`);
    // The audit trail is append-only for the application.
    sql.push(`create policy audit_event_no_update on audit_event as restrictive for update using (false)`);
    sql.push(`create policy audit_event_no_delete on audit_event as restrictive for delete using (network_id is null)`);
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    for (const t of ['email_outbox', 'audit_event', 'invite', 'network_profile', 'stored_file', 'leadership_role', 'membership', 'member_organisation', 'user_session', 'network', 'app_user']) {
      this.addSql(`drop table if exists ${t} cascade`);
    }
  }
}
