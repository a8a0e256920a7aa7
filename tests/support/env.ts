/** Where the tests find PostgreSQL and Redis. Defaults match scripts/setup.sh; override for other machines. */
export const TEST_OWNER_BASE = process.env['TEST_DATABASE_OWNER_URL'] ?? 'postgres://plexus_owner:plexus_owner@127.0.0.1:5432/postgres';
export const TEST_APP_ROLE_URL = process.env['TEST_DATABASE_APP_URL'] ?? 'postgres://plexus_app:plexus_app@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const TEMPLATE_DB = process.env['TEST_TEMPLATE_DB'] ?? 'plexus_test_template';

export function urlFor(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}
