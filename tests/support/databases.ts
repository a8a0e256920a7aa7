import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEMPLATE_DB, TEST_APP_ROLE_URL, TEST_OWNER_BASE, urlFor } from './env';

export interface TestDatabase {
  name: string;
  appUrl: string;
  ownerUrl: string;
  drop(): Promise<void>;
}

/**
 * A new database of the caller's own, owned by plexus_owner: a clone of the migrated template (integration tests),
 * or empty (`template: null`, for a run that migrates it with the built API, as the fault suite does).
 */
export async function createDatabase(prefix = 'plexus_t', template: string | null = TEMPLATE_DB): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_OWNER_BASE });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  return {
    name,
    appUrl: urlFor(TEST_APP_ROLE_URL, name),
    ownerUrl: urlFor(TEST_OWNER_BASE, name),
    async drop() {
      const c = new Client({ connectionString: TEST_OWNER_BASE });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
