import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/** The organisation a contributor acts for, set by plexus_enter for contributors only ('' for everyone else). */
const CURRENT_ORGANISATION = `nullif(current_setting('app.organisation_id', true), '')::uuid`;
/** A row of an organisation's: a contributor sees and writes only their own organisation's; everyone else is not narrowed. */
const OWN_ORGANISATION = `organisation_id = coalesce(${CURRENT_ORGANISATION}, organisation_id)`;

const SELF_ASSESSMENT_TABLES = ['self_assessment', 'self_assessment_answer', 'self_assessment_file'];

const RATINGS = ['green', 'amber', 'red', 'met', 'partially_met', 'not_met', 'not_applicable'].map((r) => `'${r}'`).join(', ');

/**
 * Self-assessments (issue 9, item 4):
 * - `review_activity.standard_set_version_id` gains its foreign key to `standard_set_version (id)` (a national version
 *   has no network, so the key is the id alone; the API checks that the version is the network's own or national).
 * - `self_assessment`: one per self-assessment activity and organisation in the cycle's scope (unique), against the
 *   activity's standard set version, draft → submitted (a manager may reopen it to draft); `carried_from_id` names the
 *   self-assessment of a previous cycle its answers were carried forward from.
 * - `self_assessment_answer`: one per criterion answered (unique): the rating on the set's scale (null until rated),
 *   evidence, identified gaps, comments, and `carried_forward` until the organisation confirms or changes it.
 * - `self_assessment_file`: evidence files of an answer (PDF, Word, Excel, sniffed like a submission's), their bytes in
 *   the document storage under `storage_key`; a file carried forward from the previous cycle refers to the same bytes.
 *
 * The three tables are organisation-owned: beside `tenantRls` a restrictive policy keeps a contributor (plexus_enter's
 * `app.organisation_id`) to their own organisation's rows, as on the submission tables.
 */
export class Migration20261203130000_self_assessment extends Migration {
  override async up(): Promise<void> {
    const sql = [
      // A version already named by an activity must exist (rows written before the key had only a uuid).
      `update review_activity a set standard_set_version_id = null
        where standard_set_version_id is not null and not exists (select 1 from standard_set_version v where v.id = a.standard_set_version_id)`,
      `alter table review_activity add constraint review_activity_standard_set_version_fk
        foreign key (standard_set_version_id) references standard_set_version (id) deferrable initially deferred`,
      `create index review_activity_standard_set_version_idx on review_activity (standard_set_version_id) where standard_set_version_id is not null`,

      `create table self_assessment (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        cycle_id uuid not null,
        activity_id uuid not null,
        organisation_id uuid not null,
        standard_set_version_id uuid not null references standard_set_version (id) deferrable initially deferred,
        state text not null default 'draft' check (state in ('draft', 'submitted')),
        carried_from_id uuid,
        submitted_at timestamptz,
        submitted_by uuid references app_user(id) on delete set null deferrable initially deferred,
        reopened_at timestamptz,
        reopened_by uuid references app_user(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, id, organisation_id),
        constraint self_assessment_organisation_uq unique (network_id, activity_id, organisation_id),
        foreign key (network_id, cycle_id, activity_id) references review_activity (network_id, cycle_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, cycle_id, organisation_id) references review_cycle_organisation (network_id, cycle_id, organisation_id) on delete cascade deferrable initially deferred,
        foreign key (network_id, carried_from_id) references self_assessment (network_id, id) on delete set null (carried_from_id) deferrable initially deferred,
        check ((state = 'submitted') = (submitted_at is not null))
      )`,
      `create index self_assessment_cycle_idx on self_assessment (network_id, cycle_id, activity_id)`,
      `create index self_assessment_organisation_idx on self_assessment (network_id, organisation_id)`,

      `create table self_assessment_answer (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        self_assessment_id uuid not null,
        organisation_id uuid not null,
        criterion_id uuid not null references standard_criterion (id) deferrable initially deferred,
        rating text check (rating in (${RATINGS})),
        evidence text not null default '' check (length(evidence) <= 8000),
        gaps text not null default '' check (length(gaps) <= 4000),
        comments text not null default '' check (length(comments) <= 4000),
        carried_forward boolean not null default false,
        answered_by uuid references app_user(id) on delete set null deferrable initially deferred,
        answered_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        constraint self_assessment_answer_criterion_uq unique (network_id, self_assessment_id, criterion_id),
        foreign key (network_id, self_assessment_id, organisation_id) references self_assessment (network_id, id, organisation_id) on delete cascade deferrable initially deferred
      )`,

      `create table self_assessment_file (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        self_assessment_id uuid not null,
        organisation_id uuid not null,
        criterion_id uuid not null references standard_criterion (id) deferrable initially deferred,
        file_name text not null check (length(file_name) between 1 and 255),
        kind text not null check (kind in ('pdf', 'docx', 'xlsx', 'doc', 'xls')),
        content_type text not null,
        size_bytes int not null check (size_bytes > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text not null,
        carried_forward boolean not null default false,
        uploaded_by uuid references app_user(id) on delete set null deferrable initially deferred,
        uploaded_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, self_assessment_id, organisation_id) references self_assessment (network_id, id, organisation_id) on delete cascade deferrable initially deferred
      )`,
      `create index self_assessment_file_idx on self_assessment_file (network_id, self_assessment_id, criterion_id)`,
    ];
    for (const table of SELF_ASSESSMENT_TABLES) {
      sql.push(
        ...tenantRls(table),
        ...dataVersionTrigger(table),
        `create policy ${table}_own_organisation on ${table} as restrictive using (${OWN_ORGANISATION}) with check (${OWN_ORGANISATION})`,
      );
    }
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists self_assessment_file cascade`);
    this.addSql(`drop table if exists self_assessment_answer cascade`);
    this.addSql(`drop table if exists self_assessment cascade`);
    this.addSql(`alter table review_activity drop constraint if exists review_activity_standard_set_version_fk`);
    this.addSql(`drop index if exists review_activity_standard_set_version_idx`);
  }
}
