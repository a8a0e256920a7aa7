import { Client } from 'pg';
import { migrate, roleFromUrl } from '../../libs/server/src/lib/db/migrate';
import { TEMPLATE_DB, TEST_APP_ROLE_URL, TEST_OWNER_BASE, urlFor } from './env';

/**
 * Migrates a template database once per run. Each test file then clones it (CREATE DATABASE … TEMPLATE …)
 * so files run in parallel without seeing each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: TEST_OWNER_BASE });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`Integration tests need PostgreSQL with the plexus_owner role (run: bash scripts/setup.sh). ${(err as Error).message}`);
  }
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  await migrate(urlFor(TEST_OWNER_BASE, TEMPLATE_DB), roleFromUrl(TEST_APP_ROLE_URL));
  // MikroORM keeps entity metadata on globalThis; jest hands this process's globals to the test realms,
  // where Maps from this realm fail `instanceof Map`. Each test file discovers its own.
  for (const key of Object.keys(globalThis)) if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
}
