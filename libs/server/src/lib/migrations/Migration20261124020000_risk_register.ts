import { Migration } from '@mikro-orm/migrations';
import { tenantRls } from './rls';

/**
 * The risk register: risks numbered per network with the network's prefix (never reused), scores before
 * and after mitigation (or a flagged legacy value from an old register), reviews, and every score change.
 */
export class Migration20261124020000_risk_register extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `alter table network_profile add column risk_prefix text not null default 'RR' check (risk_prefix ~ '^[A-Z][A-Z0-9]{0,5}$')`,

      // Per-network counters: UPDATE … RETURNING serialises concurrent creators on one row; values only grow.
      `create table network_counter (
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        name text not null,
        value int not null check (value >= 0),
        primary key (network_id, name)
      )`,

      `create table risk (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        number int not null check (number > 0),
        reference text not null,
        status text not null default 'open' check (status in ('open', 'closed')),
        date_registered date not null,
        identified_by text not null default '',
        description text not null check (length(description) between 1 and 4000),
        category text not null default '',
        likelihood_before int check (likelihood_before between 1 and 5),
        impact_before int check (impact_before between 1 and 5),
        legacy_score_before int check (legacy_score_before between 0 and 100),
        mitigation text not null default '',
        mitigation_lead_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        mitigation_lead_name text not null default '',
        likelihood_after int check (likelihood_after between 1 and 5),
        impact_after int check (impact_after between 1 and 5),
        legacy_score_after int check (legacy_score_after between 0 and 100),
        target_score int check (target_score between 1 and 25),
        outcome text not null default '',
        review_frequency_months int not null default 3 check (review_frequency_months between 1 and 24),
        last_reviewed_on date,
        next_review_due date,
        closed_on date,
        closed_reason text,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, number),
        unique (network_id, reference),
        check ((likelihood_before is null) = (impact_before is null)),
        check ((likelihood_after is null) = (impact_after is null)),
        check (likelihood_before is not null or legacy_score_before is not null),
        check (last_reviewed_on is null or last_reviewed_on >= date_registered),
        check ((status = 'closed') = (closed_on is not null))
      )`,
      `create index risk_review_due_idx on risk (network_id, status, next_review_due)`,

      `create table risk_review (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        risk_id uuid not null,
        reviewed_on date not null,
        reviewer_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        reviewer_name text not null,
        likelihood int not null check (likelihood between 1 and 5),
        impact int not null check (impact between 1 and 5),
        notes text not null default '',
        created_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, risk_id) references risk (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index risk_review_risk_idx on risk_review (network_id, risk_id, reviewed_on)`,

      `create table risk_score_change (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        risk_id uuid not null,
        effective_on date not null,
        source text not null check (source in ('registered', 'edited', 'reviewed', 'imported', 'closed', 'reopened')),
        likelihood_before int, impact_before int, legacy_score_before int,
        likelihood_after int, impact_after int, legacy_score_after int,
        actor_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null default clock_timestamp(),
        unique (network_id, id),
        foreign key (network_id, risk_id) references risk (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index risk_score_change_risk_idx on risk_score_change (network_id, risk_id, effective_on, created_at)`,
    ];
    for (const table of ['network_counter', 'risk', 'risk_review', 'risk_score_change']) sql.push(...tenantRls(table));
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    for (const t of ['risk_score_change', 'risk_review', 'risk', 'network_counter']) this.addSql(`drop table if exists ${t} cascade`);
    this.addSql(`alter table network_profile drop column if exists risk_prefix`);
  }
}
