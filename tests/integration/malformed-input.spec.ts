import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { OPERATOR_SWEEP_IDS, SWEEP_IDS } from './sweep';

/**
 * Malformed input never reaches the database: for every write endpoint in the OpenAPI document (so a new
 * endpoint is swept the day it is added), every string field of its JSON body gets, in turn, characters that
 * PostgreSQL cannot store or that would disguise text (NUL, an unpaired surrogate, C0/C1 controls, bidi
 * overrides and isolates), and every date field impossible or out-of-range dates; every query parameter of
 * every GET gets the same; every path parameter gets NUL, controls, invalid UTF-8 and malformed ids. Each
 * answer must be below 500, and a 400 must name the field (or parameter) that was spoilt.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
};
type Path = Array<string | number>;
interface Leaf {
  path: Path;
  schema: Schema;
}

const BAD_TEXT: Array<[string, string]> = [
  ['NUL', 'a\u0000b'],
  ['an unpaired high surrogate', 'a\ud800b'],
  ['an unpaired low surrogate', '\udc00'],
  ['ESC (C0)', 'a\u001bb'],
  ['NEL (C1)', 'a\u0085b'],
  ['a right-to-left override', 'abc\u202edcba'],
  ['a left-to-right embedding', '\u202aabc'],
  ['a first-strong isolate', 'x\u2068y\u2069'],
];
const BAD_DATES = ['0000-01-01', '1989-12-31', '2101-01-01', '2026-02-30', '2026-13-01', '20266-01-01'];
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const isDate = (s: Schema) => s.pattern === DATE_PATTERN;
const nonNull = (options: Schema[]) => options.filter((o) => o.type !== 'null');

/** A value of the schema's shape (not necessarily valid: only the spoilt field's answer is judged). */
function sample(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(nonNull(options)[0] ?? {});
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v)]));
    case 'array':
      return schema.items ? [sample(schema.items)] : [];
    case 'string':
      return isDate(schema) ? '2026-01-05' : schema.format === 'uuid' ? '6f1c2b1e-0000-4000-8000-000000000001' : 'x';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return 'x';
  }
}

/** Every string leaf reachable in the sample body (arrays at index 0, unions through their first branch). */
function stringLeaves(schema: Schema, path: Path = []): Leaf[] {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return stringLeaves(nonNull(options)[0] ?? {}, path);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object') return Object.entries(schema.properties ?? {}).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  if (type === 'array' && schema.items) return stringLeaves(schema.items, [...path, 0]);
  if (type === 'string' && schema.const === undefined) return [{ path, schema }];
  return [];
}

/** A request body per top-level branch (a discriminated union such as the report request gives several). */
function bodyVariants(schema: Schema): Schema[] {
  const options = schema.anyOf ?? schema.oneOf;
  return options ? nonNull(options) : [schema];
}

function withValue(body: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

interface Answer {
  status: number;
  body: { fields?: Array<{ field: string; message: string }>; message?: string };
}

describe('malformed input: never a 5xx, and every 400 names the field', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let manager: HttpClient;
  let operator: HttpClient;
  let paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: Array<{ name: string; in: string }> }>
  >;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'malformed-a');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    for (const make of SWEEP_IDS) Object.assign(ids, await make(manager, a, api.db));
    const invite = await manager.post('/api/networks/malformed-a/invites', { email: 'invitee@example.org', displayName: 'Invitee', role: 'viewer' });
    ids['token'] = /\/invite\/[^/]+\/([^/]+)$/.exec(invite.body.url)![1];
    await api.db.run({ userId: null }, ({ em }) => em.execute(`update app_user set is_operator = true where id = ?`, [a.users.viewer.id]));
    operator = await new HttpClient(api.url).login(a.users.viewer.email);
    for (const make of OPERATOR_SWEEP_IDS) Object.assign(ids, await make(operator));
    paths = (await new HttpClient(api.url).get('/api/docs-json')).body.paths;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const clientFor = (template: string) => (template.startsWith('/api/admin/') ? operator : manager);
  const fill = (template: string, values: Record<string, string> = ids) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`The sweep cannot fill {${name}} in ${template}`);
      return values[name];
    });

  /** What went wrong with one answer, or null: below 500, and a 400 names `field`. */
  function judge(route: string, what: string, field: string, res: Answer): string | null {
    if (res.status >= 500) return `${route} with ${what} in ${field}: ${res.status} ${res.body.message ?? ''}`;
    if (res.status === 400 && !(res.body.fields ?? []).some((f) => f.field === field)) {
      return `${route} with ${what} in ${field}: 400 naming ${JSON.stringify((res.body.fields ?? []).map((f) => f.field))}, not ${field}`;
    }
    if (res.status < 400) return `${route} with ${what} in ${field}: accepted (${res.status})`;
    return null;
  }

  it('finds the write endpoints and their string fields in the OpenAPI document', () => {
    const writes = Object.entries(paths).flatMap(([t, ops]) =>
      ['post', 'put', 'patch', 'delete'].filter((m) => ops[m]?.requestBody?.content?.['application/json']).map((m) => `${m} ${t}`),
    );
    expect(writes.length).toBeGreaterThanOrEqual(20);
  });

  it('answers every spoilt string in every JSON body with a 400 naming that field', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const [template, ops] of Object.entries(paths)) {
      for (const method of ['post', 'put', 'patch', 'delete']) {
        const schema = ops[method]?.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        const route = `${method.toUpperCase()} ${template}`;
        for (const variant of bodyVariants(schema)) {
          const base = sample(variant);
          for (const leaf of stringLeaves(variant)) {
            const field = leaf.path.join('.');
            const bad: Array<[string, string]> = [
              ...BAD_TEXT,
              ...(isDate(leaf.schema) ? BAD_DATES.map((d): [string, string] => [`the date ${d}`, d]) : []),
            ];
            const answers = await Promise.all(
              bad.map(([, value]) => clientFor(template).request(method.toUpperCase(), fill(template), withValue(base, leaf.path, value))),
            );
            sent += answers.length;
            answers.forEach((res, i) => {
              const problem = judge(route, bad[i][0], field, res);
              if (problem) problems.push(problem);
            });
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(500);
  });

  it('answers every spoilt query parameter with a 400 naming it', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const [template, ops] of Object.entries(paths)) {
      for (const param of (ops['get']?.parameters ?? []).filter((p) => p.in === 'query')) {
        // A URL cannot carry a lone surrogate (UTF-8 has none); its encoded form is invalid UTF-8, which the
        // query parser keeps as literal text: that only has to stay below 500.
        const text = BAD_TEXT.filter(([, value]) => !/[\ud800-\udfff]/.test(value));
        const answers = await Promise.all(
          text.map(([, value]) => clientFor(template).get(`${fill(template)}?${param.name}=${encodeURIComponent(value)}`)),
        );
        sent += answers.length;
        answers.forEach((res, i) => {
          const problem = judge(`GET ${template}`, text[i][0], param.name, res);
          if (problem) problems.push(problem);
        });
        for (const raw of ['%ED%A0%80', '%FF%FE', '%E2%80']) {
          const res = await clientFor(template).get(`${fill(template)}?${param.name}=${raw}`);
          sent++;
          if (res.status >= 500) problems.push(`GET ${template} with invalid UTF-8 ${raw} in ${param.name}: ${res.status}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(40);
  });

  it('answers every spoilt path parameter of every route with a 400 naming it, or 404, never 5xx', async () => {
    const spoilt: Array<[string, string]> = [
      ['NUL', '%00'],
      ['ESC', 'a%1Bb'],
      ['NEL (C1)', 'a%C2%85b'],
      ['a right-to-left override', 'a%E2%80%AEb'],
      ['invalid UTF-8 (an encoded surrogate)', '%ED%A0%80'],
      ['invalid UTF-8', '%FF%FE'],
      ['a malformed id', 'not-a-uuid'],
      ['a very long segment', 'x'.repeat(300)],
    ];
    const problems: string[] = [];
    let sent = 0;
    for (const [template, ops] of Object.entries(paths)) {
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const method of ['get', 'post', 'put', 'patch', 'delete'].filter((m) => ops[m])) {
        for (const param of params) {
          for (const [what, raw] of spoilt) {
            if (what === 'a malformed id' && !param.endsWith('Id')) continue;
            const url = fill(template, { ...ids, [param]: raw });
            const res = await clientFor(template).request(method.toUpperCase(), url, method === 'get' || method === 'delete' ? undefined : {});
            sent++;
            // Invalid UTF-8 cannot be decoded into the parameter at all: the 400 names the path as a whole.
            const field = what.startsWith('invalid UTF-8') ? '(path)' : param;
            if (res.status >= 500) problems.push(`${method.toUpperCase()} ${template} with ${what} in {${param}}: ${res.status}`);
            else if (res.status === 400 && !(res.body.fields ?? []).some((f: { field: string }) => f.field === field)) {
              problems.push(
                `${method.toUpperCase()} ${template} with ${what} in {${param}}: 400 naming ${JSON.stringify(res.body.fields ?? res.body)}`,
              );
            } else if (res.status < 400) problems.push(`${method.toUpperCase()} ${template} with ${what} in {${param}}: accepted (${res.status})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(100);
  });

  it('answers PUT /profile with {} or nulls with a 400 naming each field (the validator itself used to throw)', async () => {
    const empty = await manager.put('/api/networks/malformed-a/profile', {});
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['version', 'name', 'memberOrganisations', 'branding']),
    );
    const nulls = await manager.put('/api/networks/malformed-a/profile', {
      version: null,
      name: null,
      specialty: null,
      region: null,
      purpose: null,
      vision: null,
      coreFunctions: null,
      leadershipRoles: null,
      memberOrganisations: null,
      branding: null,
    });
    expect(nulls.status).toBe(400);
    expect(nulls.body.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['version', 'name', 'coreFunctions', 'memberOrganisations', 'branding']),
    );
    const nullItems = await manager.put('/api/networks/malformed-a/profile', { memberOrganisations: [null, 7, { name: null }] });
    expect(nullItems.status).toBe(400);
    expect(nullItems.body.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['memberOrganisations.0', 'memberOrganisations.1', 'memberOrganisations.2.name']),
    );
  });

  it('answers a malformed audit-trail cursor or record id with a 400 naming it', async () => {
    const trail = '/api/networks/malformed-a/audit';
    for (const before of [
      '0000-00-00T99:99Z|6f1c2b1e-0000-4000-8000-000000000001',
      '2026-02-30T10:00:00.000Z|6f1c2b1e-0000-4000-8000-000000000001',
      'garbage',
      '2026-01-01T10:00:00.000Z|not-an-id',
      `2026-01-01T10:00:00.000Z|${'\u0000'.repeat(36)}`,
    ]) {
      const res = await manager.get(`${trail}?before=${encodeURIComponent(before)}`);
      expect({ before, status: res.status, field: res.body.fields?.[0]?.field }).toEqual({ before, status: 400, field: 'before' });
    }
    for (const entityId of ['\u0000', 'not-an-id', 'x'.repeat(100)]) {
      const res = await manager.get(`${trail}?entityType=risk&entityId=${encodeURIComponent(entityId)}`);
      expect({ entityId, status: res.status, field: res.body.fields?.[0]?.field }).toEqual({ entityId, status: 400, field: 'entityId' });
    }
    // A real cursor still pages.
    const first = await manager.get(`${trail}?limit=1`);
    expect(first.status).toBe(200);
    if (first.body.nextCursor) expect((await manager.get(`${trail}?limit=1&before=${encodeURIComponent(first.body.nextCursor)}`)).status).toBe(200);
  });

  it('keeps text that is merely unusual: accents, emoji, right-to-left scripts, tabs and line breaks in multi-line fields', async () => {
    const profile = (await manager.get('/api/networks/malformed-a/profile')).body;
    const purpose = 'Réseau — 🚑 العناية الحرجة\tand\r\nmore lines';
    const saved = await manager.put('/api/networks/malformed-a/profile', {
      version: profile.version,
      name: 'Ωmega Network 🩺',
      specialty: profile.specialty,
      region: profile.region,
      purpose,
      vision: profile.vision,
      coreFunctions: profile.coreFunctions,
      leadershipRoles: profile.leadershipRoles,
      memberOrganisations: profile.memberOrganisations,
      branding: {
        primaryColour: profile.branding.primaryColour,
        accentColour: profile.branding.accentColour,
        classification: profile.branding.classification,
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.purpose).toBe(purpose);
    // One-line fields refuse line breaks and tabs, naming the field.
    const oneLine = await manager.put('/api/networks/malformed-a/profile', { ...saved.body, version: saved.body.version, name: 'Two\nlines' });
    expect(oneLine.status).toBe(400);
    expect(oneLine.body.fields).toEqual([{ field: 'name', message: 'Network name contains a line break, which is not allowed here; remove it' }]);
  });
});
