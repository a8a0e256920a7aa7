import { Migration } from '@mikro-orm/migrations';

/**
 * "Forgot your password?": one row per emailed reset link. Like `user_session`, a global table (people are not a
 * network's rows, and the link is used signed out, before any network is chosen): no network_id, no RLS. Only the
 * SHA-256 of the link's token is stored; a link works once (`used_at`) and until `expires_at`.
 */
export class Migration20261203201500_password_reset extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table password_reset (
      id uuid primary key,
      user_id uuid not null references app_user(id) on delete cascade deferrable initially deferred,
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      check (expires_at > created_at)
    )`);
    this.addSql(`create index password_reset_user_idx on password_reset (user_id)`);
    this.addSql(`create index password_reset_expires_idx on password_reset (expires_at)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists password_reset`);
  }
}
