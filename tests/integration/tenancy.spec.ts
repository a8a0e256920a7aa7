import { MikroORM } from '@mikro-orm/postgresql';
import { assertUnprivilegedRole, MemberOrganisation, NoTenantContextError, ormConfig, RequestScopes } from '@plexus/server';
import { Client } from 'pg';
import { createTestDatabase, HttpClient, newNetwork, openDb, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

describe('tenancy: every query is scoped, and the database enforces it', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'net-a');
    b = await newNetwork(api.db, 'net-b');
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('has ENABLE and FORCE row-level security on every table with a network_id, and on the network registry', async () => {
    const pg = new Client({ connectionString: db.ownerUrl });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ table: string; rls: boolean; force: boolean; policies: string }>(`
        select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as force,
               (select count(*) from pg_policy p where p.polrelid = c.oid) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p')
           and (c.relname = 'network' or exists (select 1 from information_schema.columns col
                 where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'network_id'))`);
      expect(rows.length).toBeGreaterThanOrEqual(9);
      const weak = rows.filter((r) => !r.rls || !r.force || Number(r.policies) === 0).map((r) => r.table);
      expect(weak).toEqual([]);
      const { rows: nullable } = await pg.query(`
        select table_name from information_schema.columns
         where table_schema = 'public' and column_name = 'network_id' and is_nullable = 'YES'`);
      expect(nullable).toEqual([]);
    } finally {
      await pg.end();
    }
  });

  it('connects as a role that owns nothing and cannot bypass RLS; the owner role is refused at start-up', async () => {
    const { orm } = await openDb(db, 1);
    await expect(assertUnprivilegedRole(orm.em.fork() as never)).resolves.toBeUndefined();
    await orm.close(true);
    const owner = await MikroORM.init(ormConfig({ clientUrl: db.ownerUrl, poolMax: 1 }));
    await expect(assertUnprivilegedRole(owner.em.fork() as never)).rejects.toThrow(/Refusing to start: DATABASE_URL connects as "plexus_owner", which owns \d+ table/);
    await owner.close(true);
  });

  it('returns no rows to raw SQL without a tenant context, and the right rows with one', async () => {
    const pg = new Client({ connectionString: db.appUrl });
    await pg.connect();
    try {
      expect((await pg.query('select * from member_organisation')).rows).toEqual([]);
      expect((await pg.query('select * from membership')).rows).toEqual([]);
      await pg.query('begin');
      await pg.query(`select set_config('app.network_id', $1, true)`, [a.network.id]);
      const rows = (await pg.query('select network_id from member_organisation')).rows;
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.network_id === a.network.id)).toBe(true);
      await pg.query('commit');
      // The setting ended with the transaction: the same connection sees nothing again.
      expect((await pg.query('select * from member_organisation')).rows).toEqual([]);
      // Writing another network's row from inside a tenant context is refused by the policy.
      await pg.query('begin');
      await pg.query(`select set_config('app.network_id', $1, true)`, [a.network.id]);
      await expect(
        pg.query(`insert into member_organisation (id, network_id, name, org_type) values (gen_random_uuid(), $1, 'Sneaky', 'other')`, [b.network.id]),
      ).rejects.toThrow(/row-level security/);
      await pg.query('rollback');
    } finally {
      await pg.end();
    }
  });

  it('refuses an ORM query on a tenant entity outside a network context instead of returning every row', async () => {
    const { orm, tdb } = await openDb(db, 1);
    try {
      await expect(tdb.run({ userId: null }, ({ em }) => em.find(MemberOrganisation, {}))).rejects.toThrow(NoTenantContextError);
      expect(() => RequestScopes.em()).toThrow(NoTenantContextError);
      const inA = await tdb.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) => em.find(MemberOrganisation, {}));
      expect(inA.map((o) => o.networkId)).toEqual([a.network.id, a.network.id]);
      // Even with the ORM filter switched off, RLS still keeps network B's rows out.
      const unfiltered = await tdb.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
        em.find(MemberOrganisation, {}, { filters: false }),
      );
      expect(new Set(unfiltered.map((o) => o.networkId))).toEqual(new Set([a.network.id]));
    } finally {
      await orm.close(true);
    }
  });

  it('never mixes two networks when their requests interleave on a one-connection pool', async () => {
    const single = await startApi(db, { DATABASE_POOL_MAX: '1' });
    try {
      const ca = await new HttpClient(single.url).login(a.users.viewer.email);
      const cb = await new HttpClient(single.url).login(b.users.viewer.email);
      const calls = Array.from({ length: 30 }, (_, i) => (i % 2 ? ca : cb));
      const results = await Promise.all(
        calls.map(async (client, i) => {
          const slug = i % 2 ? 'net-a' : 'net-b';
          const [profile, org] = await Promise.all([client.get(`/api/networks/${slug}/profile`), client.get(`/api/networks/${slug}/profile`)]);
          return { slug, names: [profile.body.name, org.body.name], orgs: profile.body.memberOrganisations.map((o: { name: string }) => o.name) };
        }),
      );
      for (const r of results) {
        expect(r.names).toEqual([`Network ${r.slug}`, `Network ${r.slug}`]);
        expect(r.orgs.every((n: string) => n.endsWith(r.slug))).toBe(true);
      }
    } finally {
      await single.close();
    }
  });
});
