import fc from 'fast-check';
import type { HttpClient } from '../../support/http-client';
import { SPINAL, type Row, type Scenario } from '../suite';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
};
interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const RUNS_PER_OPERATION = Number(process.env['FUZZ_RUNS'] ?? 25);

/** Strings that have broken servers: control characters, lone surrogates, bidi overrides, huge, SQL and path tricks. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '\u202Egnp.exe',
    '\u0007\u001b[31m',
    "'; drop table risk; --",
    '../../etc/passwd',
    '%00',
    '0000-01-01',
    '9999-12-31',
    '2024-02-30',
    '-1',
    '1e309',
    'NaN',
    '00000000-0000-0000-0000-000000000000',
    '=HYPERLINK("http://example.org")',
    'x'.repeat(70_000),
  ),
);
const hostileScalar = fc.oneof(hostileString, fc.integer(), fc.double(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, true, false, null));
const anything: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    hostileScalar,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 3 }),
  ),
})).v;

function resolve(schema: Schema | undefined, doc: { components?: { schemas?: Record<string, Schema> } }): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop() as string] ?? {};
  return s;
}

/** Values shaped like the schema most of the time (so validation is passed and deeper code is reached), hostile otherwise. */
function fromSchema(schema: Schema | undefined, doc: object, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (depth > 4) return hostileScalar;
  const variants = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (variants.length) return fc.oneof(...variants.map((v) => fromSchema(v, doc, depth + 1)), hostileScalar);
  if (s.enum?.length) return fc.oneof(fc.constantFrom(...s.enum), hostileScalar);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromSchema(v, doc, depth + 1)]));
    return fc.oneof({ weight: 4, arbitrary: fc.record(props, { requiredKeys: [] }) }, { weight: 1, arbitrary: anything });
  }
  if (type === 'array') return fc.oneof(fc.array(fromSchema(s.items, doc, depth + 1), { maxLength: 4 }), hostileScalar);
  if (type === 'string' && s.format === 'date')
    return fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      hostileString,
    );
  if (type === 'string' && s.format === 'uuid') return fc.oneof(fc.uuid(), hostileString);
  if (type === 'integer' || type === 'number') return fc.oneof(fc.integer({ min: -5, max: 30 }), hostileScalar);
  if (type === 'boolean') return fc.oneof(fc.boolean(), hostileScalar);
  return hostileScalar;
}

/**
 * Property-based fuzzing of every write operation in the served OpenAPI document (and every query parameter):
 * bodies, queries and path segments from fast-check. No answer may be a 5xx.
 */
export const fuzz: Scenario = async ({ spinal }) => {
  const doc = (await spinal.get('/api/docs-json')).body as {
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const ownIds = await harvestIds(spinal);
  let sent = 0;
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let operations = 0;
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const verb = method.toUpperCase();
      const queries = (op.parameters ?? []).filter((p) => p.in === 'query');
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(verb) && !queries.length) continue;
      if (template.endsWith('/auth/logout')) continue; // would sign the fuzzer out
      operations++;
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const multipart = 'multipart/form-data' in content;
      const segment = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...(ownIds.length ? ownIds : ['00000000-0000-4000-8000-000000000000'])) },
        { weight: 1, arbitrary: hostileString },
      );
      const params = Object.fromEntries(
        [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, name === 'network' ? fc.constant('northern-spinal') : segment]),
      );
      const query = fc.record(Object.fromEntries(queries.map((q) => [q.name, fromSchema(q.schema, doc)])), { requiredKeys: [] });
      const body = multipart ? fc.uint8Array({ maxLength: 2048 }) : json ? fromSchema(json, doc) : fc.constant(undefined);
      const samples = fc.sample(fc.record({ params: fc.record(params), query, body }), { numRuns: RUNS_PER_OPERATION, seed: 20261202 + operations });
      for (const sample of samples) {
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(String((sample.params as Record<string, unknown>)[name])));
        const qs = new URLSearchParams(
          Object.entries(sample.query as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
        ).toString();
        let payload: unknown = sample.body;
        if (multipart) {
          const form = new FormData();
          form.append('file', new Blob([Buffer.from(sample.body as Uint8Array)]), 'fuzz.xlsx');
          payload = form;
        }
        const res = await spinal.request(verb, path + (qs ? `?${qs}` : ''), payload).catch((err: Error) => ({ status: 0, body: err.message }));
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 || res.status === 0) failures.push(`${verb} ${template} → ${res.status} ${JSON.stringify(sample).slice(0, 160)}`);
      }
    }
  }
  if (failures.length) console.log(`\nfuzz failures (first 15):\n${failures.slice(0, 15).join('\n')}`);
  const summary = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${n}×${s}`)
    .join(', ');
  const rows: Row[] = [
    {
      scenario: 'fuzzing every write operation (fast-check)',
      did: `${operations} operations, ${sent} requests (bodies, queries, path segments)`,
      survived: `${failures.length} responses ≥ 500 (${summary})`,
      ok: failures.length === 0,
    },
  ];
  return rows;
};

/** Percent-encodes a path segment; lone surrogates go as their WTF-8 bytes (%ED%A0%80), as a hostile client would send them. */
function encodeSegment(text: string): string {
  let out = '';
  for (const part of text.split(/([\uD800-\uDFFF])/u)) {
    if (part.length === 1 && /[\uD800-\uDFFF]/.test(part)) {
      const c = part.charCodeAt(0);
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(part);
  }
  return out;
}

/** Ids of the caller's own records, read from list routes, so that path segments often reach real look-ups. */
async function harvestIds(client: HttpClient): Promise<string[]> {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) ids.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const plans = (await client.get(`${SPINAL}/work-plan/plans`)).body;
  walk(plans);
  for (const plan of Array.isArray(plans) ? plans.slice(0, 1) : []) walk((await client.get(`${SPINAL}/work-plan/plans/${plan.id}`)).body);
  for (const path of ['/risks', '/reports', '/members', '/profile']) walk((await client.get(`${SPINAL}${path}`)).body);
  return [...ids].slice(0, 60);
}
