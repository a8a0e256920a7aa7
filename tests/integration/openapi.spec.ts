import { DocumentLink, EmailOutbox, Nudge, NudgeRound, ReportDelivery, ReportDocument, ReportRun, documentKey } from '@plexus/server';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redoclyLint } from '../support/openapi-tools';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { OPERATOR_SWEEP_IDS, SWEEP_IDS } from './sweep';

/**
 * The OpenAPI document at /api/docs-json, as an integrator meets it: it passes a standard validator (Redocly CLI,
 * recommended rules plus ours, redocly.yaml) with no problem at all, and every operation says what it answers,
 * who may call it and how. Then every GET the document lists is called for real: the API runs with
 * CHECK_RESPONSES, so each answer is checked against the response schema the document was built from.
 */

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
const PUBLIC = new Set([
  'signIn',
  'signOut',
  'requestPasswordReset',
  'saveNewPassword',
  'previewInvite',
  'acceptInvite',
  'getHealth',
  'previewDocumentLink',
  'downloadDocumentLink',
  'previewUnsubscribe',
  'unsubscribe',
  'previewNudgeLink',
  'submitNudgeUpdate',
]);
const VERBS =
  /^(list|get|create|update|delete|remove|add|move|approve|request|retry|download|export|import|preview|record|close|reopen|upload|withdraw|accept|sign|pause|resume|send|revoke|unsubscribe|publish|roll|start|save|submit|agree|issue|raise|carry)([A-Z]|$)/;

describe('the OpenAPI document', () => {
  let db: TestDatabase;
  let api: TestApi;
  let fx: Fixture;
  let doc: Json;
  const operations: Array<{ path: string; method: string; op: Json }> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { PUBLIC_URL: 'https://plexus.example.nhs.uk/' });
    fx = await newNetwork(api.db, 'openapi-doc');
    doc = (await new HttpClient(api.url).get('/api/docs-json')).body;
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const method of METHODS) if (item[method]) operations.push({ path, method, op: item[method] });
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('passes Redocly CLI lint (recommended rules and redocly.yaml) with no error and no warning', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plexus-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const report = await redoclyLint(file);
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(report.run.code).toBe(0);
  });

  it('is OpenAPI 3.1 with the server from PUBLIC_URL, security schemes and a described tag per feature', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://plexus.example.nhs.uk', description: expect.any(String) }]);
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'plexus_session' }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-XSRF-TOKEN' }),
    });
    const tags = new Set(doc.tags.map((t: Json) => t.name));
    expect(operations.filter(({ op }) => op.tags?.length !== 1 || !tags.has(op.tags[0])).map(({ op }) => op.operationId)).toEqual([]);
    for (const tag of doc.tags) expect(tag.description).toBeTruthy();
  });

  it('gives every operation an id that reads well in a generated client, once', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id) => !VERBS.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['listWorkItems', 'requestReport', 'downloadReport', 'signIn']));
  });

  it('documents every success answer: a JSON body from a named schema, a file with its media types, or no content', () => {
    const problems: string[] = [];
    let withBody = 0;
    for (const { path, method, op } of operations) {
      const success = Object.entries<Json>(op.responses).filter(([status]) => /^2/.test(status));
      if (!success.length) problems.push(`${method} ${path}: no 2xx answer`);
      for (const [status, response] of success) {
        const content = response.content as Json | undefined;
        if (status === '204') {
          if (content) problems.push(`${method} ${path}: 204 with a body`);
          continue;
        }
        const types = Object.keys(content ?? {});
        if (!types.length) problems.push(`${method} ${path}: ${status} without a body`);
        else withBody++;
        for (const type of types) {
          const schema = content![type].schema as Json | undefined;
          if (type === 'application/json') {
            const ref = schema?.$ref ?? schema?.items?.$ref;
            if (!/^#\/components\/schemas\/\w+$/.test(ref ?? '')) problems.push(`${method} ${path}: ${status} JSON body is not a named schema`);
          } else if (schema?.format !== 'binary') problems.push(`${method} ${path}: ${status} ${type} is not a file`);
        }
      }
    }
    expect(problems).toEqual([]);
    // 58 operations answer with a body (JSON or a file); the other 5 answer 204.
    expect(withBody).toBe(operations.filter(({ op }) => !op.responses['204']).length);
  });

  it('documents the error answers with the one ApiError schema, and the security of every route', () => {
    const problems: string[] = [];
    for (const { path, method, op } of operations) {
      const where = `${method} ${path} (${op.operationId})`;
      const errors = Object.entries<Json>(op.responses).filter(([status]) => Number(status) >= 400);
      if (op.operationId !== 'getHealth' && !errors.some(([s]) => s.startsWith('4'))) problems.push(`${where}: no 4xx answer`);
      for (const [status, response] of errors) {
        if (op.operationId === 'getHealth') continue; // its 503 is the Health body
        if (
          Object.keys(response.content ?? {}).join() !== 'application/json' ||
          response.content['application/json'].schema.$ref !== '#/components/schemas/ApiError'
        ) {
          problems.push(`${where}: ${status} is not an ApiError`);
        }
      }
      const has = (status: number) => String(status) in op.responses;
      if ((op.parameters?.length || op.requestBody) && !has(400)) problems.push(`${where}: takes input but documents no 400`);
      if (path.includes('{') && !has(404)) problems.push(`${where}: has an id but documents no 404`);
      if (op.requestBody && !(has(413) && has(415))) problems.push(`${where}: takes a body but documents no 413 or 415`);
      if (UNSAFE.has(method) && !has(403)) problems.push(`${where}: unsafe but documents no 403`);
      if (PUBLIC.has(op.operationId)) {
        expect(op.security).toEqual(UNSAFE.has(method) ? [{}, { session: [], csrf: [] }] : []);
      } else {
        expect([where, op.security]).toEqual([where, UNSAFE.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }]]);
        if (!has(401)) problems.push(`${where}: needs a session but documents no 401`);
      }
      if (UNSAFE.has(method) && !PUBLIC.has(op.operationId) && !has(409)) problems.push(`${where}: a write without 409`);
    }
    expect(problems).toEqual([]);
    for (const id of [
      'signIn',
      'previewInvite',
      'acceptInvite',
      'requestPasswordReset',
      'saveNewPassword',
      'previewNudgeLink',
      'submitNudgeUpdate',
    ]) {
      const op = operations.find((o) => o.op.operationId === id)!.op;
      expect([id, Object.keys(op.responses)]).toEqual([id, expect.arrayContaining(['429'])]);
    }
    const fieldError = doc.components.schemas.ApiError.properties.fields;
    expect(fieldError).toEqual(expect.objectContaining({ type: 'array', items: { $ref: '#/components/schemas/ApiFieldError' } }));
  });

  it('says what the file downloads are', () => {
    const media = (id: string) => Object.keys(operations.find((o) => o.op.operationId === id)!.op.responses['200'].content);
    expect(media('downloadReport')).toEqual(['application/pdf']);
    expect(media('exportRisks')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);
    expect(media('exportWorkPlan')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);
    expect(media('getNetworkLogo')).toEqual(['image/png', 'image/jpeg']);
  });

  it('answers every GET it lists with the body its schema declares (checked by the API in tests)', async () => {
    const manager = await new HttpClient(api.url).login(fx.users.manager.email);
    const ids: Record<string, string> = { network: fx.network.slug };
    for (const make of SWEEP_IDS) Object.assign(ids, await make(manager, fx, api.db));
    const invite = await manager.post(`/api/networks/${fx.network.slug}/invites`, {
      email: 'openapi-invitee@example.org',
      displayName: 'Invitee',
      role: 'viewer',
    });
    expect(invite.status).toBe(201);
    ids['token'] = /\/invite\/[^/]+\/([^/]+)$/.exec(invite.body.url)![1];
    await api.db.run({ userId: null }, ({ em }) => em.execute(`update app_user set is_operator = true where id = ?`, [fx.users.viewer.id]));
    const operator = await new HttpClient(api.url).login(fx.users.viewer.email);
    for (const make of OPERATOR_SWEEP_IDS) Object.assign(ids, await make(operator));
    const logo = new FormData();
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d60000000049454e44ae426082',
      'hex',
    );
    logo.append('file', new Blob([png], { type: 'image/png' }), 'logo.png');
    expect((await manager.request('PUT', `/api/networks/${fx.network.slug}/profile/logo`, logo)).status).toBe(200);

    // What an emailed report's links open: a delivered run with a link and an unsubscribe token (rows as the worker writes them).
    Object.assign(ids, await emailedTokens(api, fx, ids['recipientId'], manager));
    Object.assign(ids, await nudgeToken(api, fx));

    const answers: string[] = [];
    for (const { path, method, op } of operations) {
      if (method !== 'get') continue;
      // A document is downloadable once the worker has rendered it: tests/integration/openapi-client.spec.ts and
      // tests/integration/schedules.spec.ts (through a link) do that.
      // A preview is drawn by a worker (none runs here): tests/integration/annual-report.spec.ts asks for one.
      if (op.operationId === 'downloadReport' || op.operationId === 'downloadDocumentLink' || op.operationId === 'previewAnnualReportDraft') continue;
      const tokenOf = path.startsWith('/api/links/')
        ? 'linkToken'
        : path.startsWith('/api/unsubscribe/')
          ? 'unsubscribeToken'
          : path.startsWith('/api/update-links/')
            ? 'nudgeToken'
            : 'token';
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const key = name === 'token' ? tokenOf : name;
        if (!(key in ids)) throw new Error(`no value for {${name}} in ${path}`);
        return ids[key];
      });
      const res = await (path.startsWith('/api/admin/') ? operator : manager).get(url);
      answers.push(`${res.status} ${op.operationId}${res.status >= 300 ? ` ${JSON.stringify(res.body).slice(0, 300)}` : ''}`);
    }
    expect(answers.filter((a) => !/^2/.test(a))).toEqual([]);
    expect(answers.length).toBe(operations.filter((o) => o.method === 'get').length - 3);
  });
});

/** A delivered scheduled run, written as the worker writes it, whose link and unsubscribe tokens are known. */
async function emailedTokens(api: TestApi, fx: Fixture, recipientId: string, manager: HttpClient): Promise<Record<string, string>> {
  const schedule = await manager.post(`/api/networks/${fx.network.slug}/schedules`, {
    name: 'OpenAPI schedule',
    report: { kind: 'risk_register', options: {} },
    recurrence: { kind: 'first_working_day', time: '07:00' },
    recipientIds: [recipientId],
  });
  if (schedule.status !== 201) throw new Error(`schedule ${schedule.status} ${JSON.stringify(schedule.body)}`);
  const linkToken = randomBytes(32).toString('base64url');
  const unsubscribeToken = randomBytes(32).toString('base64url');
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  await api.db.inNetwork({ userId: null, networkId: fx.network.id }, async ({ em }) => {
    const doc = Object.assign(new ReportDocument(), {
      networkId: fx.network.id,
      kind: 'risk_register' as const,
      title: 'Risk register report',
      status: 'ready' as const,
      storageKey: documentKey(fx.network.id, randomUUID()),
      sizeBytes: 1000,
      pageCount: 2,
      sha256: hash('pdf'),
      snapshot: {},
      progress: 100,
      finishedAt: new Date(),
    });
    const run = Object.assign(new ReportRun(), {
      networkId: fx.network.id,
      scheduleId: schedule.body.id,
      periodKey: '2027-04',
      dueAt: new Date(),
      state: 'sent' as const,
      documentId: doc.id,
    });
    const email = Object.assign(new EmailOutbox(), {
      networkId: fx.network.id,
      kind: 'scheduled_report',
      toAddress: 'r@example.org',
      subject: 'S',
      bodyText: 'T',
    });
    email.messageId = `<${email.id}@plexus.test>`;
    const delivery = Object.assign(new ReportDelivery(), {
      networkId: fx.network.id,
      runId: run.id,
      recipientId,
      recipientName: 'R',
      toAddress: 'r@example.org',
      emailId: email.id,
      mode: 'link' as const,
      unsubscribeTokenHash: hash(unsubscribeToken),
    });
    const link = Object.assign(new DocumentLink(), {
      networkId: fx.network.id,
      documentId: doc.id,
      deliveryId: delivery.id,
      tokenHash: hash(linkToken),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    [doc, run, email, delivery, link].forEach((e) => em.persist(e));
    await em.flush();
  });
  return { linkToken, unsubscribeToken, scheduleId: schedule.body.id };
}

/** A lead's nudge, written as the worker writes it (a sent round, its email, the link's hash), whose token is known. */
async function nudgeToken(api: TestApi, fx: Fixture): Promise<Record<string, string>> {
  const nudgeToken = randomBytes(32).toString('base64url');
  await api.db.inNetwork({ userId: null, networkId: fx.network.id }, async ({ em }) => {
    const round = Object.assign(new NudgeRound(), { networkId: fx.network.id, sendAt: new Date(), state: 'sent' as const, sentAt: new Date() });
    const email = Object.assign(new EmailOutbox(), {
      networkId: fx.network.id,
      kind: 'nudge',
      toAddress: fx.users.lead.email,
      subject: 'S',
      bodyText: 'T',
    });
    email.messageId = `<${email.id}@plexus.test>`;
    const nudge = Object.assign(new Nudge(), {
      networkId: fx.network.id,
      roundId: round.id,
      userId: fx.users.lead.id,
      leadName: fx.users.lead.displayName,
      toAddress: fx.users.lead.email,
      itemIds: [randomUUID()],
      tokenHash: createHash('sha256').update(nudgeToken).digest('hex'),
      expiresAt: new Date(Date.now() + 86_400_000),
      emailId: email.id,
    });
    [round, email, nudge].forEach((e) => em.persist(e));
    await em.flush();
  });
  return { nudgeToken };
}
