import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/** The organisation a contributor acts for, set by plexus_enter for contributors only ('' for everyone else). */
const CURRENT_ORGANISATION = `nullif(current_setting('app.organisation_id', true), '')::uuid`;
/** A row of an organisation's: a contributor sees and writes only their own organisation's; everyone else is not narrowed. */
const OWN_ORGANISATION = `organisation_id = coalesce(${CURRENT_ORGANISATION}, organisation_id)`;
/** A contributor sees a review report only once it is issued (and, by the policy above, only their organisation's). */
const ISSUED_FOR_CONTRIBUTORS = `(${CURRENT_ORGANISATION} is null or state = 'issued')`;
/** …and a finding or recommendation only of such a report. */
const OF_ISSUED_REPORT = (table: string) =>
  `(${CURRENT_ORGANISATION} is null or exists (select 1 from review_report r where r.network_id = ${table}.network_id and r.id = ${table}.report_id and r.state = 'issued'))`;

const DAY = (column: string) => `${column} between date '1990-01-01' and date '2100-12-31'`;
const STATUSES = `('not_started', 'on_track', 'at_risk', 'off_track', 'complete', 'deferred')`;

/**
 * Peer review findings, the review report and the action plan (issue 9, items 5 and 6):
 * - `review_report`: one per (cycle, organisation in its scope), optionally tied to the cycle's review meeting
 *   activity; draft → agreed with the organisation's lead (whom, when, recorded by whom) → issued (when, by whom).
 * - `review_finding`: a finding of the report — a criterion of a standard set version (own or national) or a theme in
 *   words, its class (immediate risk, serious concern, concern, good practice) and text; an immediate risk raised to
 *   the risk register keeps its `risk_id` (one finding per risk: the link both ways).
 * - `review_recommendation`: a finding's recommendations, in order.
 * - `review_action`: the organisation's action plan in a cycle: from a recommendation (once, when the report is
 *   issued), added by the network, or carried forward from an open action of the organisation's previous cycle
 *   (`origin_action_id`, once per cycle); owner (a network member or a named person), due date, status as a work item's;
 *   `criterion_id` for "gap → action" from a self-assessment criterion.
 * - `review_action_progress`: its dated progress updates, as a work item's.
 *
 * Every table carries `organisation_id` and the restrictive own-organisation policy of the submissions: a contributor
 * reads and writes only their organisation's rows; reports, findings and recommendations only once issued.
 */
export class Migration20261203150000_peer_review_findings extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table review_report (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        cycle_id uuid not null,
        organisation_id uuid not null,
        meeting_activity_id uuid,
        summary text not null default '' check (length(summary) <= 8000),
        state text not null default 'draft' check (state in ('draft', 'agreed', 'issued')),
        agreed_with text not null default '' check (length(agreed_with) <= 200),
        agreed_at timestamptz,
        agreed_by uuid references app_user(id) on delete set null deferrable initially deferred,
        issued_at timestamptz,
        issued_by uuid references app_user(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, id, organisation_id),
        constraint review_report_organisation_uq unique (network_id, cycle_id, organisation_id),
        foreign key (network_id, cycle_id, organisation_id) references review_cycle_organisation (network_id, cycle_id, organisation_id) on delete cascade deferrable initially deferred,
        foreign key (network_id, cycle_id, meeting_activity_id) references review_activity (network_id, cycle_id, id) on delete set null (meeting_activity_id) deferrable initially deferred,
        check (state = 'draft' or (agreed_at is not null and agreed_with <> '')),
        check (state <> 'issued' or issued_at is not null)
      )`,

      `create table review_finding (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        report_id uuid not null,
        organisation_id uuid not null,
        position int not null check (position between 1 and 1000),
        classification text not null check (classification in ('immediate_risk', 'serious_concern', 'concern', 'good_practice')),
        criterion_id uuid references standard_criterion(id) on delete set null deferrable initially deferred,
        theme text not null default '' check (length(theme) <= 200),
        text text not null check (length(text) between 1 and 4000),
        risk_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, id, organisation_id),
        constraint review_finding_risk_uq unique (network_id, risk_id),
        foreign key (network_id, report_id, organisation_id) references review_report (network_id, id, organisation_id) on delete cascade deferrable initially deferred,
        foreign key (network_id, risk_id) references risk (network_id, id) on delete set null (risk_id) deferrable initially deferred,
        check (risk_id is null or classification = 'immediate_risk')
      )`,
      `create index review_finding_report_idx on review_finding (network_id, report_id, position)`,

      `create table review_recommendation (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        report_id uuid not null,
        finding_id uuid not null,
        organisation_id uuid not null,
        position int not null check (position between 1 and 100),
        text text not null check (length(text) between 1 and 2000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, finding_id, organisation_id) references review_finding (network_id, id, organisation_id) on delete cascade deferrable initially deferred,
        foreign key (network_id, report_id, organisation_id) references review_report (network_id, id, organisation_id) on delete cascade deferrable initially deferred
      )`,
      `create index review_recommendation_finding_idx on review_recommendation (network_id, finding_id, position)`,

      `create table review_action (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        cycle_id uuid not null,
        organisation_id uuid not null,
        recommendation_id uuid,
        origin_action_id uuid,
        criterion_id uuid references standard_criterion(id) on delete set null deferrable initially deferred,
        description text not null check (length(description) between 1 and 4000),
        owner_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        owner_name text not null default '' check (length(owner_name) <= 200),
        due_date date check (${DAY('due_date')}),
        status text not null default 'not_started' check (status in ${STATUSES}),
        status_on date,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, id, organisation_id),
        constraint review_action_recommendation_uq unique (network_id, recommendation_id),
        constraint review_action_origin_uq unique (network_id, cycle_id, origin_action_id),
        foreign key (network_id, cycle_id, organisation_id) references review_cycle_organisation (network_id, cycle_id, organisation_id) on delete cascade deferrable initially deferred,
        foreign key (network_id, recommendation_id) references review_recommendation (network_id, id) on delete set null (recommendation_id) deferrable initially deferred,
        foreign key (network_id, origin_action_id, organisation_id) references review_action (network_id, id, organisation_id) on delete set null (origin_action_id) deferrable initially deferred
      )`,
      `create index review_action_cycle_idx on review_action (network_id, cycle_id, organisation_id)`,

      `create table review_action_progress (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        action_id uuid not null,
        organisation_id uuid not null,
        on_date date not null check (${DAY('on_date')}),
        status text not null check (status in ${STATUSES}),
        narrative text not null check (length(narrative) between 1 and 4000),
        author_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        author_name text not null,
        created_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, action_id, organisation_id) references review_action (network_id, id, organisation_id) on delete cascade deferrable initially deferred
      )`,
      `create index review_action_progress_action_idx on review_action_progress (network_id, action_id, on_date)`,
    ];
    const tables = ['review_report', 'review_finding', 'review_recommendation', 'review_action', 'review_action_progress'];
    for (const table of tables) {
      sql.push(...tenantRls(table), ...dataVersionTrigger(table));
      sql.push(`create policy ${table}_own_organisation on ${table} as restrictive using (${OWN_ORGANISATION}) with check (${OWN_ORGANISATION})`);
    }
    sql.push(`create policy review_report_issued on review_report as restrictive using (${ISSUED_FOR_CONTRIBUTORS}) with check (${CURRENT_ORGANISATION} is null)`);
    for (const table of ['review_finding', 'review_recommendation']) {
      sql.push(`create policy ${table}_issued on ${table} as restrictive using (${OF_ISSUED_REPORT(table)}) with check (${CURRENT_ORGANISATION} is null)`);
    }
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    for (const t of ['review_action_progress', 'review_action', 'review_recommendation', 'review_finding', 'review_report']) {
      this.addSql(`drop table if exists ${t} cascade`);
    }
  }
}
