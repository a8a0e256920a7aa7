import { MikroORM } from '@mikro-orm/postgresql';
import { assertUnprivilegedRole, MemberOrganisation, NoTenantContextError, ormConfig, RequestScopes } from '@plexus/server';
import { Client } from 'pg';
import { createTestDatabase, HttpClient, newNetwork, openDb, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/** The tables whose rows belong to a network or, with a NULL network_id, to the platform operator (national standard sets). */
const NATIONAL_OR_TENANT_TABLES = ['standard_set', 'standard_set_version', 'standard_section', 'standard_criterion'];

type PolicyRow = { table: string; name: string; permissive: string; cmd: string; roles: string[]; qual: string | null; with_check: string | null };

/** A contributor's own organisation's rows (no narrowing when `app.organisation_id` is unset), as PostgreSQL normalises it. */
const OWN_ORGANISATION =
  "(organisation_id = COALESCE((NULLIF(current_setting('app.organisation_id'::text, true), ''::text))::uuid, organisation_id))";

/** Not a contributor (no organisation in `app.organisation_id`), as PostgreSQL normalises it. */
const NO_CONTRIBUTOR = "((NULLIF(current_setting('app.organisation_id'::text, true), ''::text))::uuid IS NULL)";
/** …or the review is issued (its own row, or the report a finding or recommendation belongs to). */
const ISSUED_REPORT = `(${NO_CONTRIBUTOR} OR (state = 'issued'::text))`;
const OF_ISSUED_REPORT = (table: string) =>
  `(${NO_CONTRIBUTOR} OR (EXISTS ( SELECT 1\n   FROM review_report r\n  WHERE ((r.network_id = ${table}.network_id) AND (r.id = ${table}.report_id) AND (r.state = 'issued'::text)))))`;

/** The policies a tenant table may have besides its own isolation policy, with their exact expressions. */
const ALLOWED_EXTRA_POLICIES: Record<string, Pick<PolicyRow, 'permissive' | 'cmd' | 'qual' | 'with_check'> & { why: string }> = {
  'membership.membership_own_rows': {
    permissive: 'PERMISSIVE',
    cmd: 'SELECT',
    qual: 'USER',
    with_check: null,
    why: 'a person reads their own memberships (network switcher)',
  },
  'audit_event.audit_event_no_update': { permissive: 'RESTRICTIVE', cmd: 'UPDATE', qual: 'false', with_check: null, why: 'the trail is append-only' },
  'audit_event.audit_event_no_delete': {
    permissive: 'RESTRICTIVE',
    cmd: 'DELETE',
    qual: '(network_id IS NULL)',
    with_check: null,
    why: 'the trail is append-only',
  },
  // Standard sets: rows with a NULL network_id are national sets kept by the platform operator (Migration20261203110000).
  ...Object.fromEntries(
    NATIONAL_OR_TENANT_TABLES.flatMap((t) => [
      [
        `${t}.${t}_national_read`,
        { permissive: 'PERMISSIVE', cmd: 'SELECT', qual: 'NATIONAL_READ', with_check: null, why: 'every network reads the national sets' },
      ],
      [
        `${t}.${t}_national_write`,
        {
          permissive: 'PERMISSIVE',
          cmd: 'ALL',
          qual: 'NATIONAL_WRITE',
          with_check: 'NATIONAL_WRITE',
          why: 'operators (operator mode) keep the national sets',
        },
      ],
    ]),
  ),
  'standard_set_version.standard_set_version_national_freeze': {
    permissive: 'PERMISSIVE',
    cmd: 'UPDATE',
    qual: 'NATIONAL_FREEZE',
    with_check: 'NATIONAL_FROZEN',
    why: 'a network’s cycle freezes the national version it uses (a trigger allows that change and no other)',
  },
  ...Object.fromEntries(
    ['submission', 'submission_file', 'submission_chaser', 'self_assessment', 'self_assessment_answer', 'self_assessment_file'].map((table) => [
      `${table}.${table}_own_organisation`,
      {
        permissive: 'RESTRICTIVE',
        cmd: 'ALL',
        qual: OWN_ORGANISATION,
        with_check: OWN_ORGANISATION,
        why: 'narrows (never widens) a contributor to their own organisation’s peer review submissions and self-assessments (app.organisation_id, set by plexus_enter)',
      },
    ]),
  ),
  // Peer review reports and action plans (Migration20261203150000): a contributor's own organisation's rows, and reviews
  // (with their findings and recommendations) only once issued; contributors write none of a review.
  ...Object.fromEntries(
    ['review_report', 'review_finding', 'review_recommendation', 'review_action', 'review_action_progress'].map((table) => [
      `${table}.${table}_own_organisation`,
      {
        permissive: 'RESTRICTIVE',
        cmd: 'ALL',
        qual: OWN_ORGANISATION,
        with_check: OWN_ORGANISATION,
        why: 'narrows (never widens) a contributor to their own organisation’s peer review reports and actions',
      },
    ]),
  ),
  'review_report.review_report_issued': {
    permissive: 'RESTRICTIVE',
    cmd: 'ALL',
    qual: ISSUED_REPORT,
    with_check: NO_CONTRIBUTOR,
    why: 'a contributor reads their organisation’s review once it is issued, and writes none',
  },
  ...Object.fromEntries(
    ['review_finding', 'review_recommendation'].map((table) => [
      `${table}.${table}_issued`,
      {
        permissive: 'RESTRICTIVE',
        cmd: 'ALL',
        qual: OF_ISSUED_REPORT(table),
        with_check: NO_CONTRIBUTOR,
        why: 'a contributor reads the findings and recommendations of an issued review only, and writes none',
      },
    ]),
  ),
  // Peer review report PDFs (Migration20261204090000): a document holding organisations' peer review results is not a
  // contributor's to read (they see their own organisation's self-assessment and reviews only).
  'report_document.report_document_not_for_contributors': {
    permissive: 'RESTRICTIVE',
    cmd: 'ALL',
    qual: `((NOT hidden_from_contributors) OR ${NO_CONTRIBUTOR})`,
    with_check: `((NOT hidden_from_contributors) OR ${NO_CONTRIBUTOR})`,
    why: 'narrows (never widens) a contributor: no document holding member organisations’ peer review results',
  },
};

/** PostgreSQL's own normalised text of the fail-closed predicates: made on a throw-away table, rolled back. */
async function normalisedPredicates(pg: Client): Promise<Predicates> {
  await pg.query('begin');
  try {
    await pg.query('create temp table policy_probe (network_id uuid, user_id uuid, status text, frozen_at timestamptz)');
    await pg.query(`create policy probe on policy_probe using (network_id = nullif(current_setting('app.network_id', true), '')::uuid)`);
    await pg.query(`create policy probe_user on policy_probe using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)`);
    // National rows: read in a network's context or in operator mode; written in operator mode only; frozen by a network.
    await pg.query(`create policy probe_national_read on policy_probe
      using (network_id is null and (nullif(current_setting('app.network_id', true), '')::uuid is not null or plexus_operator_mode()))`);
    await pg.query(`create policy probe_national_write on policy_probe using (network_id is null and plexus_operator_mode())`);
    await pg.query(`create policy probe_national_freeze on policy_probe
      using (network_id is null and nullif(current_setting('app.network_id', true), '')::uuid is not null and status = 'published')`);
    await pg.query(`create policy probe_national_frozen on policy_probe using (network_id is null and frozen_at is not null)`);
    const probe = await pg.query<{ policyname: string; qual: string }>(`select policyname, qual from pg_policies where tablename = 'policy_probe'`);
    const qual = (name: string) => probe.rows.find((r) => r.policyname === name)!.qual;
    return {
      network: qual('probe'),
      user: qual('probe_user'),
      NATIONAL_READ: qual('probe_national_read'),
      NATIONAL_WRITE: qual('probe_national_write'),
      NATIONAL_FREEZE: qual('probe_national_freeze'),
      NATIONAL_FROZEN: qual('probe_national_frozen'),
    };
  } finally {
    await pg.query('rollback');
  }
}

interface Predicates {
  network: string;
  user: string;
  NATIONAL_READ: string;
  NATIONAL_WRITE: string;
  NATIONAL_FREEZE: string;
  NATIONAL_FROZEN: string;
}

/** An allowed policy's expected expression: a token standing for one of the predicates, or the text itself. */
function expression(value: string | null, predicates: Predicates): string | null {
  if (value === 'USER') return predicates.user;
  if (value && value in predicates && value !== 'network' && value !== 'user') return predicates[value as keyof Predicates];
  return value;
}

/**
 * Every policy on every tenant table (and the network registry), read from pg_policies, checked against the
 * exact fail-closed predicate in PostgreSQL's normalised form, so a `USING (true)` or a missing WITH CHECK
 * is caught, not just counted. Returns what is wrong.
 */
async function policyProblems(pg: Client, predicates: Predicates): Promise<string[]> {
  const predicate = predicates.network;
  const { rows: tables } = await pg.query<{ table: string }>(`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and exists (select 1 from information_schema.columns col
                    where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'network_id')`);
  const { rows: policies } = await pg.query<PolicyRow>(`
    select tablename as table, policyname as name, permissive, cmd, roles::text[] as roles, qual, with_check
      from pg_policies where schemaname = 'public'`);
  const problems: string[] = [];
  for (const { table } of tables) {
    const own = policies.filter((p) => p.table === table);
    const isolation = own.find((p) => p.name === `${table}_tenant_isolation`);
    if (!isolation) problems.push(`${table}: no ${table}_tenant_isolation policy`);
    for (const p of own) {
      const key = `${table}.${p.name}`;
      const extra = ALLOWED_EXTRA_POLICIES[key];
      const expected =
        p === isolation
          ? { permissive: 'PERMISSIVE', cmd: 'ALL', roles: ['public'], qual: predicate, with_check: predicate }
          : extra
            ? {
                permissive: extra.permissive,
                cmd: extra.cmd,
                roles: ['public'],
                qual: expression(extra.qual, predicates),
                with_check: expression(extra.with_check, predicates),
              }
            : null;
      const actual = { permissive: p.permissive, cmd: p.cmd, roles: p.roles, qual: p.qual, with_check: p.with_check };
      if (!expected) problems.push(`${key}: unexpected policy ${p.permissive} ${p.cmd} USING ${p.qual} WITH CHECK ${p.with_check}`);
      else if (JSON.stringify(actual) !== JSON.stringify(expected))
        problems.push(`${key}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`);
    }
  }
  // The network registry: anyone may read it (slugs resolve before a network is chosen); writes only in its own context.
  const networkPredicate = predicate.replace('network_id', 'id');
  const network = Object.fromEntries(
    policies
      .filter((p) => p.table === 'network')
      .map((p) => [p.name, { permissive: p.permissive, cmd: p.cmd, qual: p.qual, with_check: p.with_check }]),
  );
  const expectedNetwork = {
    network_insert: { permissive: 'PERMISSIVE', cmd: 'INSERT', qual: null, with_check: networkPredicate },
    network_read: { permissive: 'PERMISSIVE', cmd: 'SELECT', qual: 'true', with_check: null },
    network_update: { permissive: 'PERMISSIVE', cmd: 'UPDATE', qual: networkPredicate, with_check: networkPredicate },
  };
  if (JSON.stringify(network, Object.keys(network).sort()) !== JSON.stringify(expectedNetwork, Object.keys(expectedNetwork).sort())) {
    problems.push(`network: ${JSON.stringify(network)} is not ${JSON.stringify(expectedNetwork)}`);
  }
  return problems;
}

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
      // Only the national-or-tenant tables, whose NULL rows are the national sets (their policies are checked below).
      expect(nullable.map((r) => r.table_name).sort()).toEqual([...NATIONAL_OR_TENANT_TABLES].sort());
    } finally {
      await pg.end();
    }
  });

  it('has, on every tenant table, exactly the fail-closed network predicate as USING and WITH CHECK, and no other policy that widens it', async () => {
    const pg = new Client({ connectionString: db.ownerUrl });
    await pg.connect();
    try {
      const predicates = await normalisedPredicates(pg);
      expect(predicates.network).toMatch(/^\(network_id = \(NULLIF\(current_setting\('app\.network_id'::text, true\), ''::text\)\)::uuid\)$/);
      expect(await policyProblems(pg, predicates)).toEqual([]);
      // The check is not vacuous: a permissive USING (true), or a policy with the right text but no WITH CHECK, is caught.
      await pg.query('begin');
      try {
        await pg.query('create policy risk_sneaky on risk using (true)');
        await pg.query('drop policy stored_file_tenant_isolation on stored_file');
        await pg.query(
          `create policy stored_file_tenant_isolation on stored_file using (network_id = nullif(current_setting('app.network_id', true), '')::uuid)`,
        );
        const caught = await policyProblems(pg, predicates);
        expect(caught).toHaveLength(2);
        expect(caught).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^risk\.risk_sneaky: unexpected policy PERMISSIVE ALL USING true/),
            expect.stringMatching(/^stored_file\.stored_file_tenant_isolation: /),
          ]),
        );
      } finally {
        await pg.query('rollback');
      }
    } finally {
      await pg.end();
    }
  });

  it('connects as a role that owns nothing and cannot bypass RLS; the owner role is refused at start-up', async () => {
    const { orm } = await openDb(db, 1);
    await expect(assertUnprivilegedRole(orm.em.fork() as never)).resolves.toBeUndefined();
    await orm.close(true);
    const owner = await MikroORM.init(ormConfig({ clientUrl: db.ownerUrl, poolMax: 1 }));
    await expect(assertUnprivilegedRole(owner.em.fork() as never)).rejects.toThrow(
      /Refusing to start: DATABASE_URL connects as "plexus_owner", which owns \d+ table/,
    );
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
        pg.query(`insert into member_organisation (id, network_id, name, org_type) values (gen_random_uuid(), $1, 'Sneaky', 'other')`, [
          b.network.id,
        ]),
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
