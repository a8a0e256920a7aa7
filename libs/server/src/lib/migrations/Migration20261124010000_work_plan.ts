import { Migration } from '@mikro-orm/migrations';
import { tenantRls } from './rls';

/**
 * Objectives and work plans: a plan for a period (draft until the board approves it), themes (functions or
 * strategic objectives), numbered objectives, work items with their leads, dated progress updates, and the
 * tracked changes made after approval. Timescales keep the words as written beside what was read from them.
 */
export class Migration20261124010000_work_plan extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table work_plan (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        title text not null check (length(title) between 1 and 200),
        period_start date not null,
        period_end date not null,
        status text not null default 'draft' check (status in ('draft', 'approved')),
        approved_on date,
        approved_by uuid references app_user(id) on delete set null deferrable initially deferred,
        approval_note text not null default '',
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        check (period_end >= period_start),
        check ((status = 'approved') = (approved_on is not null))
      )`,
      `create index work_plan_period_idx on work_plan (network_id, period_start desc)`,

      `create table work_plan_theme (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        plan_id uuid not null,
        title text not null check (length(title) between 1 and 300),
        description text not null default '',
        position int not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, plan_id) references work_plan (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index work_plan_theme_plan_idx on work_plan_theme (network_id, plan_id, position)`,

      `create table work_plan_objective (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        plan_id uuid not null,
        theme_id uuid not null,
        number text not null default '' check (length(number) <= 12),
        title text not null check (length(title) between 1 and 2000),
        position int not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, plan_id) references work_plan (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, theme_id) references work_plan_theme (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index work_plan_objective_theme_idx on work_plan_objective (network_id, theme_id, position)`,
      `create index work_plan_objective_plan_idx on work_plan_objective (network_id, plan_id)`,

      `create table work_item (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        plan_id uuid not null,
        theme_id uuid not null,
        objective_id uuid,
        position int not null default 0,
        work text not null check (length(work) between 1 and 2000),
        measures jsonb not null default '[]'::jsonb check (jsonb_typeof(measures) = 'array'),
        steps jsonb not null default '[]'::jsonb check (jsonb_typeof(steps) = 'array'),
        timescale_text text not null default '',
        timescale jsonb not null check (jsonb_typeof(timescale) = 'object'),
        timescale_flag text,
        due_on date,
        original_timescale_text text not null default '',
        original_due_on date,
        status text not null default 'not_started' check (status in ('not_started', 'on_track', 'at_risk', 'off_track', 'complete', 'deferred')),
        status_on date,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, plan_id) references work_plan (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, theme_id) references work_plan_theme (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, objective_id) references work_plan_objective (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index work_item_plan_idx on work_item (network_id, plan_id, theme_id, position)`,
      `create index work_item_objective_idx on work_item (network_id, objective_id)`,

      // A lead is a member of the network, a role title, or both (a role and the person who holds it).
      `create table work_item_lead (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        item_id uuid not null,
        user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        title text not null default '' check (length(title) <= 300),
        position int not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        foreign key (network_id, item_id) references work_item (network_id, id) on delete cascade deferrable initially deferred,
        check (user_id is not null or length(title) > 0)
      )`,
      `create index work_item_lead_item_idx on work_item_lead (network_id, item_id, position)`,
      `create index work_item_lead_user_idx on work_item_lead (network_id, user_id)`,

      `create table work_item_progress (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        item_id uuid not null,
        on_date date not null,
        status text not null check (status in ('not_started', 'on_track', 'at_risk', 'off_track', 'complete', 'deferred')),
        narrative text not null check (length(narrative) between 1 and 4000),
        author_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        author_name text not null,
        created_at timestamptz not null default clock_timestamp(),
        unique (network_id, id),
        foreign key (network_id, item_id) references work_item (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index work_item_progress_item_idx on work_item_progress (network_id, item_id, on_date desc, created_at desc)`,

      // Changes made after the board approved the plan: what changed, why, by whom. Kept when the subject is deleted.
      `create table work_plan_change (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        plan_id uuid not null,
        subject_type text not null check (subject_type in ('plan', 'theme', 'objective', 'item')),
        subject_id uuid not null,
        subject_label text not null default '',
        action text not null check (action in ('create', 'update', 'delete')),
        changes jsonb not null default '{}'::jsonb,
        reason text not null check (length(reason) between 1 and 2000),
        actor_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        actor_name text not null default '',
        created_at timestamptz not null default clock_timestamp(),
        unique (network_id, id),
        foreign key (network_id, plan_id) references work_plan (network_id, id) on delete cascade deferrable initially deferred
      )`,
      `create index work_plan_change_subject_idx on work_plan_change (network_id, subject_id, created_at desc)`,
      `create index work_plan_change_plan_idx on work_plan_change (network_id, plan_id, created_at desc)`,
    ];
    for (const table of ['work_plan', 'work_plan_theme', 'work_plan_objective', 'work_item', 'work_item_lead', 'work_item_progress', 'work_plan_change']) {
      sql.push(...tenantRls(table));
    }
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    for (const t of ['work_plan_change', 'work_item_progress', 'work_item_lead', 'work_item', 'work_plan_objective', 'work_plan_theme', 'work_plan']) {
      this.addSql(`drop table if exists ${t} cascade`);
    }
  }
}
