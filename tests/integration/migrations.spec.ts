import { MikroORM } from '@mikro-orm/postgresql';
import { migrate, migrationsList, ormConfig, roleFromUrl } from '@plexus/server';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '../support/harness';
import { TEST_APP_ROLE_URL, TEST_OWNER_BASE, urlFor } from '../support/env';

const byName = new Map(migrationsList.map((m) => [m.name, m]));
/** The run order before the migrations moved into one folder: foundation, then each feature's list in turn. */
const OLD_ORDER = [
  'Migration20261124000000_foundation',
  'Migration20261124010000_work_plan',
  'Migration20261124020000_risk_register',
  'Migration20261124040000_risk_work_item_links',
  'Migration20261124030000_reports',
];
/** Migrations added after the move: a database migrated the old way gets these, and only these. */
const NEWER = migrationsList.map((m) => m.name).filter((n) => !OLD_ORDER.includes(n));
const appRole = roleFromUrl(TEST_APP_ROLE_URL);

async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `plexus_m_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_OWNER_BASE });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: urlFor(TEST_OWNER_BASE, name),
    async drop() {
      const c = new Client({ connectionString: TEST_OWNER_BASE });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Migrates as the code before the move did: the old list, in the old order. */
async function migrateTheOldWay(url: string, names: string[]): Promise<void> {
  const options = ormConfig({ clientUrl: url, poolMax: 1 });
  const orm = await MikroORM.init({ ...options, migrations: { ...options.migrations, migrationsList: names.map((n) => byName.get(n)!) } });
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
}

async function recorded(url: string): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ name: string }>('select name from mikro_orm_migrations order by id')).rows.map((r) => r.name);
  } finally {
    await c.end();
  }
}

describe('migrations: one list in timestamp order, and databases migrated by the old lists', () => {
  it('applies none of the old migrations again to a database migrated by the old lists in their old order (only those added since), whose records keep the same names', async () => {
    const db = await emptyDatabase();
    try {
      await migrateTheOldWay(db.url, OLD_ORDER);
      expect(await recorded(db.url)).toEqual(OLD_ORDER);
      expect(await migrate(db.url, appRole)).toEqual(NEWER);
      expect(await recorded(db.url)).toEqual([...OLD_ORDER, ...NEWER]);
      expect(await migrate(db.url, appRole)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('applies only what is missing to a database part-way through the old order', async () => {
    const db = await emptyDatabase();
    try {
      await migrateTheOldWay(db.url, OLD_ORDER.slice(0, 4));
      expect(await migrate(db.url, appRole)).toEqual(['Migration20261124030000_reports', ...NEWER]);
      expect((await recorded(db.url)).sort()).toEqual(migrationsList.map((m) => m.name));
      expect(await migrate(db.url, appRole)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('applies nothing to a database already migrated by this list (the test template), and records it in timestamp order', async () => {
    const db = await createTestDatabase();
    try {
      expect(await migrate(db.ownerUrl, appRole)).toEqual([]);
      expect(await recorded(db.ownerUrl)).toEqual(migrationsList.map((m) => m.name));
    } finally {
      await db.drop();
    }
  });
});
