import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/**
 * Data versions, so that a read can be answered from a cache only while nothing it could show has changed:
 * - `data_version`: one counter per network, moved on by every transaction that writes any row of that network
 *   (a deferred trigger on every table with a network_id, and on the network registry itself). The trigger runs at
 *   commit, once per transaction, after every other lock is held: writers of a network queue there for an instant
 *   and never deadlock on it. A write made without a network context (a migration by the owner) moves nothing.
 * - `data_version_global`: one counter for what networks share (people's names and e-mail addresses).
 * - `plexus_enter(user, slug)`: in one statement, sets `app.user_id`, resolves the network by slug against the
 *   person's own memberships (RLS), sets `app.network_id` and returns the membership with both versions — the
 *   first statement of every network request's transaction, or a statement of its own (its settings end with it).
 */
export class Migration20261202100000_data_versions extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table data_version (
        network_id uuid primary key references network(id) on delete cascade deferrable initially deferred,
        version bigint not null default 0
      )`,
      ...tenantRls('data_version'),
      `create table data_version_global (
        id smallint primary key check (id = 1),
        version bigint not null default 0
      )`,
      `insert into data_version_global (id, version) values (1, 0)`,

      `create function plexus_bump_data_version() returns trigger language plpgsql as $body$
      declare
        current_network uuid := nullif(current_setting('app.network_id', true), '')::uuid;
      begin
        if current_network is null or current_setting('app.data_version_moved', true) = current_network::text then
          return null;
        end if;
        -- (a network deleted in this transaction has no version to move)
        insert into data_version (network_id, version)
          select current_network, 1 where exists (select 1 from network where id = current_network)
          on conflict (network_id) do update set version = data_version.version + 1;
        perform set_config('app.data_version_moved', current_network::text, true);
        return null;
      end
      $body$`,
      `create function plexus_bump_global_version() returns trigger language plpgsql as $body$
      begin
        if current_setting('app.global_version_moved', true) = 'yes' then
          return null;
        end if;
        update data_version_global set version = version + 1 where id = 1;
        perform set_config('app.global_version_moved', 'yes', true);
        return null;
      end
      $body$`,
      `create constraint trigger app_user_global_version after insert or update or delete on app_user
        deferrable initially deferred for each row execute function plexus_bump_global_version()`,
      // Every table with a network_id today, and the registry (a network's name); new tables add dataVersionTrigger(...).
      `do $body$
      declare t text;
      begin
        for t in
          select c.table_name from information_schema.columns c
          join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
          where c.table_schema = 'public' and c.column_name = 'network_id' and tb.table_type = 'BASE TABLE' and c.table_name <> 'data_version'
        loop
          execute format('create constraint trigger %I after insert or update or delete on %I deferrable initially deferred for each row execute function plexus_bump_data_version()', t || '_data_version', t);
        end loop;
      end
      $body$`,
      ...dataVersionTrigger('network'),

      `create function plexus_enter(p_user uuid, p_slug text)
      returns table (entered_network_id uuid, entered_slug text, member_role text, member_organisation_id uuid, network_version bigint, global_version bigint)
      language plpgsql as $body$
      declare
        found_network uuid;
        found_slug text;
        found_role text;
        found_organisation uuid;
      begin
        perform set_config('app.user_id', coalesce(p_user::text, ''), true);
        perform set_config('app.network_id', '', true);
        select n.id, n.slug, m.role, m.organisation_id into found_network, found_slug, found_role, found_organisation
          from network n join membership m on m.network_id = n.id and m.user_id = p_user
          where n.slug = p_slug;
        if found_network is null then
          return;
        end if;
        perform set_config('app.network_id', found_network::text, true);
        return query select found_network, found_slug, found_role, found_organisation,
          coalesce((select v.version from data_version v where v.network_id = found_network), 0::bigint),
          (select g.version from data_version_global g where g.id = 1);
      end
      $body$`,
    ];
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists plexus_enter(uuid, text)`);
    this.addSql(`drop table if exists data_version, data_version_global cascade`);
    this.addSql(`drop function if exists plexus_bump_data_version() cascade`);
    this.addSql(`drop function if exists plexus_bump_global_version() cascade`);
  }
}
