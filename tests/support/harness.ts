import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { MembershipRole } from '@plexus/domain';
import { AppUser, loadConfig, MemberOrganisation, Membership, Network, NetworkProfile, ormConfig, TenantDb, type AppConfig } from '@plexus/server';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/app/create-app';
import { PasswordService } from '../../apps/api/src/auth/password.service';
import { TEST_REDIS_URL } from './env';

import { createDatabase, type TestDatabase } from './databases';
import { PASSWORD } from './http-client';

export { HttpClient, PASSWORD } from './http-client';

export type { TestDatabase } from './databases';

/** A database of this test file's own, cloned from the migrated template. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase();
}

export function testConfig(db: TestDatabase, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.ownerUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `plexus-test-${db.name}`,
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    PUBLIC_URL: 'http://plexus.test',
    CHECK_RESPONSES: 'true',
    // Files a test stores (submissions, documents) go under the system's temporary directory, never the checkout's var/.
    STORAGE_DIR: join(tmpdir(), `plexus-test-${db.name}`),
    ...overrides,
  });
}

export interface TestApi {
  app: INestApplication;
  url: string;
  db: TenantDb;
  config: AppConfig;
  close(): Promise<void>;
}

export async function startApi(db: TestDatabase, overrides: Record<string, string> = {}): Promise<TestApi> {
  const config = testConfig(db, overrides);
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, db: app.get(TenantDb), config, close: () => app.close() };
}

/** An ORM + TenantDb on the app role, for factories and direct checks without an HTTP server. */
export async function openDb(db: TestDatabase, poolMax = 4): Promise<{ orm: MikroORM; tdb: TenantDb }> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: db.appUrl, poolMax }));
  return { orm, tdb: new TenantDb(orm) };
}

let passwordHash: Promise<string> | null = null;

/** The roles a fixture network has one person in (a commissioner is added where a test needs one: `addMember`). */
export type FixtureRole = Exclude<MembershipRole, 'commissioner'>;

export interface Fixture {
  network: Network;
  organisations: MemberOrganisation[];
  users: Record<FixtureRole, AppUser & { membershipId: string }>;
}

/** A network with a profile, two organisations and one person in each role. */
export async function newNetwork(tdb: TenantDb, slug = `net-${randomBytes(3).toString('hex')}`): Promise<Fixture> {
  passwordHash ??= new PasswordService().hash(PASSWORD);
  const hash = await passwordHash;
  return tdb.run({ userId: null }, async (scope) => {
    const { em } = scope;
    const network = Object.assign(new Network(), { slug, name: `Network ${slug}` });
    await tdb.enterNetwork(scope, { networkId: network.id, networkSlug: slug, role: null, organisationId: null });
    em.persist(network);
    em.persist(Object.assign(new NetworkProfile(), { networkId: network.id, specialty: 'Spinal', region: 'North', purpose: `Purpose of ${slug}` }));
    const organisations = ['Trust One', 'Trust Two'].map((name, position) =>
      Object.assign(new MemberOrganisation(), { networkId: network.id, name: `${name} ${slug}`, type: 'partner_hospital', position }),
    );
    organisations.forEach((o) => em.persist(o));
    const users = {} as Fixture['users'];
    for (const role of ['manager', 'lead', 'contributor', 'viewer'] as FixtureRole[]) {
      const user = Object.assign(new AppUser(), { email: `${role}.${slug}@example.org`, displayName: `${role} of ${slug}`, passwordHash: hash });
      em.persist(user);
      const membership = Object.assign(new Membership(), {
        networkId: network.id,
        userId: user.id,
        role,
        organisationId: role === 'contributor' ? organisations[0].id : null,
      });
      em.persist(membership);
      users[role] = Object.assign(user, { membershipId: membership.id });
    }
    await em.flush();
    return { network, organisations, users };
  });
}

/**
 * A person with a membership in each of these networks (the same role in each), signed in with `PASSWORD`: a
 * commissioner invited by two networks, say. `email` may be an existing account's, which then gains the memberships.
 */
export async function addMember(
  tdb: TenantDb,
  networks: Fixture[],
  role: MembershipRole,
  email = `${role}.${randomBytes(3).toString('hex')}@example.org`,
): Promise<AppUser & { membershipIds: Record<string, string> }> {
  passwordHash ??= new PasswordService().hash(PASSWORD);
  const hash = await passwordHash;
  const user = await tdb.run({ userId: null }, async ({ em }) => {
    const found = await em.findOne(AppUser, { email });
    if (found) return found;
    const created = Object.assign(new AppUser(), { email, displayName: `${role} ${email.split('@')[0]}`, passwordHash: hash });
    em.persist(created);
    await em.flush();
    return created;
  });
  const membershipIds: Record<string, string> = {};
  for (const fx of networks) {
    membershipIds[fx.network.slug] = await tdb.inNetwork({ userId: null, networkId: fx.network.id, networkSlug: fx.network.slug }, async ({ em }) => {
      const membership = Object.assign(new Membership(), {
        networkId: fx.network.id,
        userId: user.id,
        role,
        organisationId: role === 'contributor' ? fx.organisations[0].id : null,
      });
      em.persist(membership);
      await em.flush();
      return membership.id;
    });
  }
  return Object.assign(user, { membershipIds });
}
