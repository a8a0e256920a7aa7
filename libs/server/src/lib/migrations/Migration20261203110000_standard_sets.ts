import { Migration } from '@mikro-orm/migrations';
import { CURRENT_NETWORK, CURRENT_USER, dataVersionTrigger, tenantRls } from './rls';

/** The tables of standard sets, parents first. */
export const STANDARD_TABLES = ['standard_set', 'standard_set_version', 'standard_section', 'standard_criterion'] as const;

/** The organisation types a criterion may apply to (libs/domain organisation-types.ts). */
const ORGANISATION_TYPES = [
  'major_trauma_centre',
  'trauma_unit',
  'local_emergency_hospital',
  'spinal_hub',
  'spinal_partner',
  'partner_hospital',
  'maternity_unit',
  'neonatal_unit',
  'ambulance_service',
  'icb',
  'commissioner',
  'rehabilitation_provider',
  'independent_sector',
  'other',
];

/**
 * Standard sets (issue 9, item 1): a national service specification, a network's standards or an assessment tool,
 * each a list of versions (1, 2, 3…), each version a list of numbered sections holding numbered criteria with the
 * evidence expected and the organisation types they apply to (none: every type).
 *
 * **Two keepers.** A row with a `network_id` belongs to that network like any tenant record. A row whose `network_id`
 * is NULL belongs to a **national set kept by the platform operator**: every network reads it, none writes it. So
 * instead of `tenantRls` alone, each of the four tables has:
 * - `<table>_tenant_isolation` — tenantRls's policy, unchanged: a network reads and writes its own rows (fails
 *   closed without a network);
 * - `<table>_national_read` — SELECT of national rows, in a network's context or in operator mode (still nothing
 *   without a context);
 * - `<table>_national_write` — every command on national rows, in operator mode only.
 * **Operator mode** is `plexus_operator_mode()`: the transaction-local `app.operator = 'on'` (set only by the API's
 * operator routes, `TenantDb.asOperator`) AND `app.user_id` naming an `app_user` with `is_operator`. The setting alone
 * is not enough (a bug that set it for an ordinary person would still write nothing), and an operator's ordinary
 * request (no setting) cannot write national rows by accident. Operators never have a network context here, so in
 * operator mode the tenant policy matches nothing: they see and write national rows only.
 *
 * **Keys.** `owner_key` (the network id, or the nil UUID for national rows) is a generated column; children refer to
 * their parent by (owner_key, id), so a network's section cannot hang off a national version or another network's,
 * nor a national one off a network's — a composite key with a NULL in it would not be checked at all.
 *
 * **Freezing.** `frozen_at` is set when a peer review cycle first uses a published version (`StandardSetRepository
 * .freezeVersion`); from then on its sections and criteria refuse any insert, update or delete (trigger
 * `plexus_standard_frozen_guard`, defence in depth: the API answers 409 first), the version refuses every change but
 * none, and it cannot be deleted. Cascades from deleting a whole network are let through (trigger depth > 1). A
 * network's cycle may use a national version, so a network may freeze one: policy `standard_set_version_national_freeze`
 * lets a network context update a national version's row, and the guard trigger allows a national version changed
 * outside operator mode only from not frozen to frozen, nothing else.
 *
 * **Data versions.** Each table has `dataVersionTrigger` (a network's writes move its version; a write without a
 * network context, as in operator mode, moves none), and `<table>_national_version`, which moves the global version
 * (`data_version_global`, what networks share) when a national row changes: every network's cached reads include the
 * national sets, and national edits are rare, so one counter for all is right.
 */
export class Migration20261203110000_standard_sets extends Migration {
  override async up(): Promise<void> {
    const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;
    const ownerKey = `owner_key uuid generated always as (coalesce(network_id, ${NIL})) stored`;
    const network = `network_id uuid references network(id) on delete cascade deferrable initially deferred`;
    const times = `created_at timestamptz not null default now(), updated_at timestamptz not null default now()`;
    const types = ORGANISATION_TYPES.map((t) => `'${t}'`).join(', ');
    const sql: string[] = [
      `create function plexus_operator_mode() returns boolean language sql stable as $body$
        select coalesce(current_setting('app.operator', true), '') = 'on'
          and exists (select 1 from app_user u where u.id = ${CURRENT_USER} and u.is_operator)
      $body$`,

      `create table standard_set (
        id uuid primary key,
        ${network},
        ${ownerKey},
        code text not null check (length(code) between 1 and 40),
        name text not null check (length(name) between 1 and 200),
        kind text not null check (kind in ('national_specification', 'network_standards', 'assessment_tool')),
        answer_scale text not null default 'met' check (answer_scale in ('rag', 'met')),
        description text not null default '' check (length(description) <= 4000),
        ${times},
        unique (owner_key, id)
      )`,
      `create unique index standard_set_code_uq on standard_set (owner_key, lower(code))`,

      `create table standard_set_version (
        id uuid primary key,
        ${network},
        ${ownerKey},
        set_id uuid not null,
        version int not null check (version between 1 and 10000),
        status text not null default 'draft' check (status in ('draft', 'published')),
        published_at timestamptz,
        frozen_at timestamptz,
        ${times},
        unique (owner_key, id),
        unique (set_id, version),
        foreign key (owner_key, set_id) references standard_set (owner_key, id) on delete cascade deferrable initially deferred,
        check ((status = 'published') = (published_at is not null)),
        check (frozen_at is null or status = 'published')
      )`,
      `create index standard_set_version_set_idx on standard_set_version (owner_key, set_id)`,

      `create table standard_section (
        id uuid primary key,
        ${network},
        ${ownerKey},
        version_id uuid not null,
        position int not null check (position between 1 and 1000),
        number text not null default '' check (length(number) <= 40),
        title text not null check (length(title) between 1 and 300),
        ${times},
        unique (owner_key, id),
        unique (owner_key, id, version_id),
        constraint standard_section_position_uq unique (version_id, position) deferrable initially deferred,
        foreign key (owner_key, version_id) references standard_set_version (owner_key, id) on delete cascade deferrable initially deferred
      )`,

      `create table standard_criterion (
        id uuid primary key,
        ${network},
        ${ownerKey},
        version_id uuid not null,
        section_id uuid not null,
        position int not null check (position between 1 and 2000),
        number text not null default '' check (length(number) <= 60),
        text text not null check (length(text) between 1 and 4000),
        evidence_expected text not null default '' check (length(evidence_expected) <= 4000),
        applies_to text[] not null default '{}' check (applies_to <@ array[${types}]::text[] and array_position(applies_to, null) is null),
        ${times},
        unique (owner_key, id),
        constraint standard_criterion_position_uq unique (section_id, position) deferrable initially deferred,
        foreign key (owner_key, section_id, version_id) references standard_section (owner_key, id, version_id) on delete cascade deferrable initially deferred
      )`,
      `create index standard_criterion_version_idx on standard_criterion (version_id, section_id, position)`,
      // Numbers, where given, are unique in their version (sections among sections, criteria among criteria).
      `create unique index standard_section_number_uq on standard_section (version_id, lower(number)) where number <> ''`,
      `create unique index standard_criterion_number_uq on standard_criterion (version_id, lower(number)) where number <> ''`,

      // ---- frozen versions refuse edits -----------------------------------------------------------------------
      `create function plexus_standard_frozen_guard() returns trigger language plpgsql as $body$
      declare
        frozen timestamptz;
        target uuid;
      begin
        -- A cascade (a whole network deleted) takes frozen versions' rows with it.
        if pg_trigger_depth() > 1 then
          return case when tg_op = 'DELETE' then old else new end;
        end if;
        foreach target in array (case tg_op when 'INSERT' then array[new.version_id] when 'DELETE' then array[old.version_id]
                                  else array[old.version_id, new.version_id] end) loop
          select v.frozen_at into frozen from standard_set_version v where v.id = target;
          if frozen is not null then
            raise exception 'This version of the standard set is frozen (in use by a peer review cycle since %): create a new version to change it', frozen
              using errcode = 'check_violation', constraint = 'standard_version_frozen';
          end if;
        end loop;
        return case when tg_op = 'DELETE' then old else new end;
      end
      $body$`,
      `create trigger standard_section_frozen_guard before insert or update or delete on standard_section
        for each row execute function plexus_standard_frozen_guard()`,
      `create trigger standard_criterion_frozen_guard before insert or update or delete on standard_criterion
        for each row execute function plexus_standard_frozen_guard()`,

      `create function plexus_standard_version_guard() returns trigger language plpgsql as $body$
      begin
        if pg_trigger_depth() > 1 then
          return case when tg_op = 'DELETE' then old else new end;
        end if;
        if tg_op = 'DELETE' then
          if old.frozen_at is not null then
            raise exception 'This version of the standard set is frozen (in use by a peer review cycle): it cannot be deleted'
              using errcode = 'check_violation', constraint = 'standard_version_frozen';
          end if;
          return old;
        end if;
        if old.frozen_at is not null and new is distinct from old then
          raise exception 'This version of the standard set is frozen (in use by a peer review cycle since %): create a new version to change it', old.frozen_at
            using errcode = 'check_violation', constraint = 'standard_version_frozen';
        end if;
        -- A national version changed from a network's context (its cycle uses it): frozen, and nothing else.
        if old.network_id is null and not plexus_operator_mode()
           and not (old.frozen_at is null and new.frozen_at is not null
                    and (new.id, new.network_id, new.set_id, new.version, new.status, new.published_at, new.created_at, new.updated_at)
                        is not distinct from (old.id, old.network_id, old.set_id, old.version, old.status, old.published_at, old.created_at, old.updated_at)) then
          raise exception 'National standard sets are kept by the platform operator: a network may only freeze a version its cycle uses'
            using errcode = 'insufficient_privilege';
        end if;
        return new;
      end
      $body$`,
      `create trigger standard_set_version_guard before update or delete on standard_set_version
        for each row execute function plexus_standard_version_guard()`,

      `create function plexus_standard_set_guard() returns trigger language plpgsql as $body$
      begin
        if pg_trigger_depth() = 1 and exists (select 1 from standard_set_version v where v.set_id = old.id and v.frozen_at is not null) then
          raise exception 'This standard set has a version in use by a peer review cycle: it cannot be deleted'
            using errcode = 'check_violation', constraint = 'standard_version_frozen';
        end if;
        return old;
      end
      $body$`,
      `create trigger standard_set_delete_guard before delete on standard_set for each row execute function plexus_standard_set_guard()`,

      // ---- national rows move the global data version -------------------------------------------------------------
      `create function plexus_bump_national_version() returns trigger language plpgsql as $body$
      begin
        if (case when tg_op = 'DELETE' then old.network_id else new.network_id end) is null
           and current_setting('app.global_version_moved', true) is distinct from 'yes' then
          update data_version_global set version = version + 1 where id = 1;
          perform set_config('app.global_version_moved', 'yes', true);
        end if;
        return null;
      end
      $body$`,
    ];

    for (const table of STANDARD_TABLES) {
      sql.push(
        ...tenantRls(table),
        `create policy ${table}_national_read on ${table} for select using (network_id is null and (${CURRENT_NETWORK} is not null or plexus_operator_mode()))`,
        `create policy ${table}_national_write on ${table} for all using (network_id is null and plexus_operator_mode()) with check (network_id is null and plexus_operator_mode())`,
        ...dataVersionTrigger(table),
        `create constraint trigger ${table}_national_version after insert or update or delete on ${table}
          deferrable initially deferred for each row execute function plexus_bump_national_version()`,
      );
    }
    sql.push(
      `create policy standard_set_version_national_freeze on standard_set_version for update
        using (network_id is null and ${CURRENT_NETWORK} is not null and status = 'published')
        with check (network_id is null and frozen_at is not null)`,
    );

    // What operators change in national sets: an append-only trail of its own (audit_event rows belong to a network).
    sql.push(
      `create table platform_audit_event (
        id uuid primary key,
        occurred_at timestamptz not null default clock_timestamp(),
        actor_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        action text not null check (action in ('create', 'update', 'delete')),
        entity_type text not null,
        entity_id text not null,
        changes jsonb not null default '{}'::jsonb,
        request_id text
      )`,
      `create index platform_audit_event_time_idx on platform_audit_event (occurred_at desc, id desc)`,
      `alter table platform_audit_event enable row level security`,
      `alter table platform_audit_event force row level security`,
      `create policy platform_audit_event_read on platform_audit_event for select using (plexus_operator_mode())`,
      `create policy platform_audit_event_insert on platform_audit_event for insert with check (plexus_operator_mode())`,
    );
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists platform_audit_event cascade`);
    for (const table of [...STANDARD_TABLES].reverse()) this.addSql(`drop table if exists ${table} cascade`);
    for (const fn of [
      'plexus_bump_national_version()',
      'plexus_standard_set_guard()',
      'plexus_standard_version_guard()',
      'plexus_standard_frozen_guard()',
      'plexus_operator_mode()',
    ]) {
      this.addSql(`drop function if exists ${fn}`);
    }
  }
}
