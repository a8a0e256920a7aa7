import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/** The organisation a contributor acts for, set by plexus_enter for contributors only ('' for everyone else). */
const CURRENT_ORGANISATION = `nullif(current_setting('app.organisation_id', true), '')::uuid`;
/** A row of an organisation's: a contributor sees and writes only their own organisation's; everyone else is not narrowed. */
const OWN_ORGANISATION = `organisation_id = coalesce(${CURRENT_ORGANISATION}, organisation_id)`;

const FY = (column: string) => `${column} ~ '^[0-9]{4}/[0-9]{2}$' and right(${column}, 2)::int = (left(${column}, 4)::int + 1) % 100`;
const DAY = (column: string) => `${column} between date '1990-01-01' and date '2100-12-31'`;
const JSON_LIST = (column: string, max: number) => `jsonb_typeof(${column}) = 'array' and jsonb_array_length(${column}) <= ${max}`;

/** plexus_enter as Migration20261202100000_data_versions made it, for `down`. */
const ENTER_BEFORE = `create or replace function plexus_enter(p_user uuid, p_slug text)
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
      $body$`;

/**
 * Peer review programme cycles and submissions (issue 9, items 2 and 3):
 * - `review_cycle`: a programme over whole NHS financial years (`2024/25`…), draft → active → closed, with the days
 *   before a due date that reminders go out; `review_cycle_organisation`: the member organisations in its scope.
 * - `review_activity`: its plan, one row per activity in a quarter of one of its years, by kind: a submission lists the
 *   documents each organisation sends; a self-assessment names a standard set version (no foreign key until the
 *   standard sets land: `standard_set_version` is another branch's); a review meeting has its day, organisation, panel
 *   members (network members by user id) and external reviewers (by name).
 * - `submission`: one per organisation in scope per required document (unique), awaited → submitted → accepted, or
 *   more information requested (with its reason) → submitted again; `submission_file`: each upload, a version, its
 *   bytes in the document storage under `storage_key`; `submission_chaser`: each reminder sent, unique per submission,
 *   step and the due date it counted from, so that no step is emailed twice (a new due date starts its steps again).
 *
 * Contributors act for one organisation: `plexus_enter` now also sets the transaction-local `app.organisation_id` for
 * them, and a restrictive policy on the three organisation-owned tables narrows what they read and write to their own
 * organisation's rows, beneath the API's own checks. Others (managers, viewers, the worker) are not narrowed by it.
 */
export class Migration20261203120000_peer_review_cycles extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table review_cycle (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        name text not null check (length(name) between 1 and 200),
        first_fy text not null check (${FY('first_fy')}),
        last_fy text not null check (${FY('last_fy')}),
        status text not null default 'draft' check (status in ('draft', 'active', 'closed')),
        reminder_days jsonb not null default '[14, 3]'::jsonb check (${JSON_LIST('reminder_days', 4)}),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        check (last_fy >= first_fy and left(last_fy, 4)::int - left(first_fy, 4)::int < 5)
      )`,
      `create unique index review_cycle_name_uq on review_cycle (network_id, lower(name))`,

      `create table review_cycle_organisation (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        cycle_id uuid not null,
        organisation_id uuid not null,
        created_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, cycle_id, organisation_id),
        foreign key (network_id, cycle_id) references review_cycle (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, organisation_id) references member_organisation (network_id, id) deferrable initially deferred
      )`,
      `create index review_cycle_organisation_org_idx on review_cycle_organisation (network_id, organisation_id)`,

      `create table review_activity (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        cycle_id uuid not null,
        fy text not null check (${FY('fy')}),
        quarter smallint not null check (quarter between 1 and 4),
        kind text not null check (kind in ('submission', 'self_assessment', 'review_meeting', 'report', 'action_plan_update')),
        title text not null check (length(title) between 1 and 200),
        description text not null default '' check (length(description) <= 4000),
        due_date date not null check (${DAY('due_date')}),
        required_documents jsonb not null default '[]'::jsonb check (${JSON_LIST('required_documents', 20)}),
        -- Its foreign key to standard_set_version (id) is added by Migration20261203130000_self_assessment.
        standard_set_version_id uuid,
        meeting_date date check (${DAY('meeting_date')}),
        organisation_id uuid,
        panel_user_ids jsonb not null default '[]'::jsonb check (${JSON_LIST('panel_user_ids', 30)}),
        external_reviewers jsonb not null default '[]'::jsonb check (${JSON_LIST('external_reviewers', 30)}),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, cycle_id, id),
        foreign key (network_id, cycle_id) references review_cycle (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, organisation_id) references member_organisation (network_id, id) on delete set null (organisation_id) deferrable initially deferred,
        check (kind = 'submission' or required_documents = '[]'::jsonb),
        check (kind <> 'submission' or jsonb_array_length(required_documents) >= 1),
        check (kind = 'self_assessment' or standard_set_version_id is null),
        check (kind = 'review_meeting' or (meeting_date is null and organisation_id is null
          and panel_user_ids = '[]'::jsonb and external_reviewers = '[]'::jsonb))
      )`,
      `create index review_activity_cycle_idx on review_activity (network_id, cycle_id, due_date)`,

      `create table submission (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        cycle_id uuid not null,
        activity_id uuid not null,
        organisation_id uuid not null,
        document_name text not null check (length(document_name) between 1 and 200),
        state text not null default 'awaited' check (state in ('awaited', 'submitted', 'accepted', 'more_information_requested')),
        reason text not null default '' check (length(reason) <= 2000),
        due_date date not null check (${DAY('due_date')}),
        submitted_at timestamptz,
        submitted_by uuid references app_user(id) on delete set null deferrable initially deferred,
        reviewed_at timestamptz,
        reviewed_by uuid references app_user(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, id, organisation_id),
        constraint submission_document_uq unique (network_id, activity_id, organisation_id, document_name),
        foreign key (network_id, cycle_id, activity_id) references review_activity (network_id, cycle_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, cycle_id, organisation_id) references review_cycle_organisation (network_id, cycle_id, organisation_id) on delete cascade deferrable initially deferred,
        check (state <> 'more_information_requested' or reason <> ''),
        check (state = 'awaited' or submitted_at is not null),
        check (state not in ('accepted', 'more_information_requested') or reviewed_at is not null)
      )`,
      `create index submission_cycle_idx on submission (network_id, cycle_id, due_date)`,
      `create index submission_organisation_idx on submission (network_id, organisation_id, state)`,
      `create index submission_open_idx on submission (network_id, due_date) where state in ('awaited', 'more_information_requested')`,

      `create table submission_file (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        submission_id uuid not null,
        organisation_id uuid not null,
        version int not null check (version >= 1),
        file_name text not null check (length(file_name) between 1 and 255),
        kind text not null check (kind in ('pdf', 'docx', 'xlsx', 'doc', 'xls')),
        content_type text not null,
        size_bytes int not null check (size_bytes > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text not null,
        uploaded_by uuid references app_user(id) on delete set null deferrable initially deferred,
        uploaded_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, submission_id, version),
        foreign key (network_id, submission_id, organisation_id) references submission (network_id, id, organisation_id) on delete cascade deferrable initially deferred
      )`,

      `create table submission_chaser (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        submission_id uuid not null,
        organisation_id uuid not null,
        step text not null check (step ~ '^(before-[1-9][0-9]?d|overdue)$'),
        due_date date not null,
        sent_at timestamptz not null default now(),
        email_ids jsonb not null default '[]'::jsonb check (jsonb_typeof(email_ids) = 'array'),
        unique (network_id, id),
        constraint submission_chaser_step_uq unique (network_id, submission_id, step, due_date),
        foreign key (network_id, submission_id, organisation_id) references submission (network_id, id, organisation_id) on delete cascade deferrable initially deferred
      )`,
    ];
    const tables = ['review_cycle', 'review_cycle_organisation', 'review_activity', 'submission', 'submission_file', 'submission_chaser'];
    for (const table of tables) sql.push(...tenantRls(table), ...dataVersionTrigger(table));
    for (const table of ['submission', 'submission_file', 'submission_chaser']) {
      sql.push(`create policy ${table}_own_organisation on ${table} as restrictive using (${OWN_ORGANISATION}) with check (${OWN_ORGANISATION})`);
    }
    // plexus_enter also sets the organisation a contributor acts for (and clears it for everyone else).
    sql.push(
      ENTER_BEFORE.replace(
        `perform set_config('app.network_id', '', true);`,
        `perform set_config('app.network_id', '', true);
        perform set_config('app.organisation_id', '', true);`,
      ).replace(
        `perform set_config('app.network_id', found_network::text, true);`,
        `perform set_config('app.network_id', found_network::text, true);
        if found_role = 'contributor' and found_organisation is not null then
          perform set_config('app.organisation_id', found_organisation::text, true);
        end if;`,
      ),
    );
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(ENTER_BEFORE);
    for (const t of ['submission_chaser', 'submission_file', 'submission', 'review_activity', 'review_cycle_organisation', 'review_cycle']) {
      this.addSql(`drop table if exists ${t} cascade`);
    }
  }
}
