import { can, type Permission } from '@plexus/domain';
import { addMember, createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { SWEEP_IDS, VALID_BODIES } from './sweep';
import { COMMISSIONER_READS } from './sweep/commissioner.sweep';

/**
 * For every route under /api/networks/{network}/… in the OpenAPI document (so a new endpoint is swept the
 * day it is added): a manager of network A gets 404 for network B's URL, and 404 for B's record ids under
 * A's URL, while the same request against A's own data is answered (control). A commissioner of A gets the
 * same 404s for B's URL; under A's URL, only the report library answers them (B's document ids: 404), and
 * every other route refuses them (403) before any record is looked up.
 */
describe('isolation sweep over every network route', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let paths: Record<string, Record<string, unknown>>;
  const ids: Record<'a' | 'b', Record<string, string>> = { a: {}, b: {} };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { REPORT_PREVIEW_TIMEOUT_MS: '500' }); // no worker here: the preview's control answers 503 quickly
    a = await newNetwork(api.db, 'sweep-a');
    b = await newNetwork(api.db, 'sweep-b');
    for (const [key, fx] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const manager = await new HttpClient(api.url).login(fx.users.manager.email);
      for (const make of SWEEP_IDS) Object.assign(ids[key], await make(manager, fx, api.db));
    }
    paths = (await new HttpClient(api.url).get('/api/docs-json')).body.paths;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  function fill(template: string, values: Record<string, string>): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`The sweep does not know how to fill {${name}} in ${template}: add a record for it`);
      return values[name];
    });
  }

  it('finds the network routes in the OpenAPI document', () => {
    const networkRoutes = Object.keys(paths).filter((p) => p.startsWith('/api/networks/{network}'));
    expect(networkRoutes.length).toBeGreaterThanOrEqual(6);
  });

  it('answers a commissioner of A 404 for every route of B, 404 for B’s documents under A, and 403 for every route of A but its reports', async () => {
    const commissioner = await addMember(api.db, [a], 'commissioner');
    const client = await new HttpClient(api.url).login(commissioner.email);
    const checked: string[] = [];
    for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
      for (const [template, ops] of Object.entries(paths)) {
        if (!template.startsWith('/api/networks/{network}') || !(method in ops)) continue;
        const verb = method.toUpperCase();
        const key = `${verb} ${template}`;
        const body = verb === 'GET' || verb === 'DELETE' ? undefined : (VALID_BODIES[key] ?? {});
        const foreign = await client.request(verb, fill(template, ids.b), body);
        expect({ route: `${key} as another network (commissioner)`, status: foreign.status }).toEqual({
          route: `${key} as another network (commissioner)`,
          status: 404,
        });
        const reads = COMMISSIONER_READS.has(key);
        if (/\{(?!network\})\w+\}/.test(template)) {
          const foreignRecord = await client.request(verb, fill(template, { ...ids.b, network: ids.a.network }), body);
          expect({ route: `${key} with another network's id (commissioner)`, status: foreignRecord.status }).toEqual({
            route: `${key} with another network's id (commissioner)`,
            status: reads ? 404 : 403,
          });
        }
        const own = await client.request(verb, fill(template, ids.a), body);
        // The sweep's document is queued: its download answers 409 until it is ready.
        expect({ route: `${key} (commissioner, own network)`, status: own.status, code: own.body?.code }).toEqual({
          route: `${key} (commissioner, own network)`,
          status: reads ? (template.endsWith('/download') ? 409 : 200) : 403,
          code: reads ? (template.endsWith('/download') ? 'conflict' : undefined) : 'forbidden',
        });
        checked.push(key);
      }
    }
    expect(checked.filter((key) => COMMISSIONER_READS.has(key)).sort()).toEqual([...COMMISSIONER_READS].sort());
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  // Before the 404 sweep, whose DELETE controls remove network A's viewer.
  it('answers 403 to every member whose role lacks the permission a route documents, in their own network', async () => {
    const roles = ['lead', 'contributor', 'viewer'] as const;
    const clients = Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await new HttpClient(api.url).login(a.users[role].email)] as const)),
    ) as Record<(typeof roles)[number], HttpClient>;
    const wrong: string[] = [];
    const refused = new Set<string>();
    for (const [template, ops] of Object.entries(paths)) {
      if (!template.startsWith('/api/networks/{network}')) continue;
      for (const [method, op] of Object.entries(ops as Record<string, { responses?: Record<string, { description?: string }> }>)) {
        // The permission a route needs is in its 403 answer's description (`RequirePermission`); network.read routes have none.
        const permission = /it needs `([\w.]+)`/.exec(op.responses?.['403']?.description ?? '')?.[1] as Permission | undefined;
        if (!permission) continue;
        const verb = method.toUpperCase();
        for (const role of roles) {
          if (can(role, permission)) continue;
          const res = await clients[role].request(
            verb,
            fill(template, ids.a),
            verb === 'GET' || verb === 'DELETE' ? undefined : VALID_BODIES[`${verb} ${template}`],
          );
          if (res.status !== 403) wrong.push(`${verb} ${template} as ${role} (needs ${permission}) → ${res.status}`);
          refused.add(`${verb} ${template}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every route of the scheduled reports needs schedules.manage: refused to every role but manager.
    const scheduleRoutes = [...refused].filter((r) => /\/(schedules|delivery-log)\b/.test(r));
    expect(scheduleRoutes.length).toBeGreaterThanOrEqual(12);
    expect(refused.size).toBeGreaterThanOrEqual(30);
  });

  it('answers 404 for every method of every route of another network, and serves the caller’s own', async () => {
    const client = await new HttpClient(api.url).login(a.users.manager.email);
    const checked: string[] = [];
    // DELETE last: the control requests really delete A's records.
    const order = ['get', 'put', 'post', 'patch', 'delete'];
    for (const method of order) {
      for (const [template, ops] of Object.entries(paths)) {
        if (!template.startsWith('/api/networks/{network}') || !(method in ops)) continue;
        const verb = method.toUpperCase();
        const foreign = await client.request(verb, fill(template, ids.b), verb === 'GET' || verb === 'DELETE' ? undefined : {});
        expect({ route: `${verb} ${template} as another network`, status: foreign.status }).toEqual({
          route: `${verb} ${template} as another network`,
          status: 404,
        });
        if (/\{(?!network\})\w+\}/.test(template)) {
          // A valid body, so that the answer comes from looking the record up rather than from validation.
          const body = VALID_BODIES[`${verb} ${template}`];
          const foreignRecord = await client.request(verb, fill(template, { ...ids.b, network: ids.a.network }), body);
          expect({ route: `${verb} ${template} with another network's id`, status: foreignRecord.status }).toEqual({
            route: `${verb} ${template} with another network's id`,
            status: 404,
          });
        }
        const own = await client.request(verb, fill(template, ids.a), verb === 'GET' || verb === 'DELETE' ? undefined : {});
        // Own data is reached: a real answer, or a 400 for the empty body, or 404 only where the record simply is absent (no logo yet).
        const absentLogo = template.endsWith('/profile/logo') && verb === 'GET';
        expect({ route: `${verb} ${template} (control)`, reached: own.status !== 404 || absentLogo }).toEqual({
          route: `${verb} ${template} (control)`,
          reached: true,
        });
        checked.push(`${verb} ${template}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  it('answers 404, not 403, when a member of no network asks for one, and 401 when signed out', async () => {
    const anonymous = new HttpClient(api.url);
    expect((await anonymous.get(`/api/networks/${ids.b.network}/profile`)).status).toBe(401);
    const client = await new HttpClient(api.url).login(a.users.viewer.email);
    expect((await client.get(`/api/networks/${ids.b.network}/profile`)).status).toBe(404);
    expect((await client.get(`/api/networks/no-such-network/profile`)).status).toBe(404);
  });
});
