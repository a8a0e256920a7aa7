import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/**
 * Nudges to leads (issue 13 item 2). A manager makes a `nudge_round` (for a board meeting of the network, or on its
 * own), sent now or at a chosen time. When it runs, each lead with items or risks needing an update gets one `nudge`:
 * one email through the outbox, with a single-use, expiring link (only its token's SHA-256 kept) scoped to the items
 * and risks it lists. `unique (network_id, round_id, user_id)`: never two nudges for one lead in one round, whatever
 * the retries. `used_at` is when the lead sent their update through the link.
 */
export class Migration20261205100000_nudges extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table nudge_round (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        board_meeting_id uuid,
        send_at timestamptz not null,
        state text not null default 'scheduled' check (state in ('scheduled', 'sent', 'cancelled')),
        created_by uuid references app_user(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        sent_at timestamptz,
        unique (network_id, id),
        foreign key (network_id, board_meeting_id) references board_meeting (network_id, id) on delete set null (board_meeting_id) deferrable initially deferred
      )`,
      `create index nudge_round_due_idx on nudge_round (send_at) where state = 'scheduled'`,
      `create index nudge_round_network_idx on nudge_round (network_id, send_at desc)`,
      `create table nudge (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        round_id uuid not null,
        user_id uuid not null references app_user(id) on delete cascade deferrable initially deferred,
        lead_name text not null check (length(lead_name) between 1 and 200),
        to_address text not null check (length(to_address) between 3 and 254),
        item_ids jsonb not null default '[]'::jsonb check (jsonb_typeof(item_ids) = 'array'),
        risk_ids jsonb not null default '[]'::jsonb check (jsonb_typeof(risk_ids) = 'array'),
        token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz not null,
        used_at timestamptz,
        email_id uuid not null,
        created_at timestamptz not null default now(),
        unique (network_id, id),
        unique (network_id, round_id, user_id),
        check (expires_at > created_at),
        check (jsonb_array_length(item_ids) + jsonb_array_length(risk_ids) > 0),
        foreign key (network_id, round_id) references nudge_round (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, email_id) references email_outbox (network_id, id) deferrable initially deferred
      )`,
    ];
    for (const table of ['nudge_round', 'nudge']) sql.push(...tenantRls(table), ...dataVersionTrigger(table));
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists nudge`);
    this.addSql(`drop table if exists nudge_round`);
  }
}
