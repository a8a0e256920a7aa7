import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditEvent, Nudge, NudgeRepository, RiskReview, WorkItemProgress } from '@plexus/server';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { NudgeRoundsService } from '../../apps/worker/src/nudge/nudge-rounds.service';
import { eventually } from '../support/eventually';
import {
  addMember,
  createTestDatabase,
  HttpClient,
  newNetwork,
  startApi,
  testConfig,
  type Fixture,
  type TestApi,
  type TestDatabase,
} from '../support/harness';
import { startSmtpSink, type CaughtMail } from '../support/smtp-sink';

/** The text of a caught message with quoted-printable soft line breaks joined up (long lines are folded on the wire). */
const bodyOf = (mail: CaughtMail) => mail.raw.replace(/=\r?\n/g, '').replace(/=E2=80=99/g, '’');

const RISK = {
  dateRegistered: '2026-01-10',
  description: 'Delays in transfer of spinal cord injuries',
  likelihoodBefore: 4,
  impactBefore: 4,
  likelihoodAfter: 3,
  impactAfter: 4,
  reviewFrequencyMonths: 3,
};

/**
 * Nudges to leads: a manager's round emails each lead once, through the worker and a real SMTP server, with a signed,
 * single-use, expiring link to a one-page update form scoped to exactly their items and risks; what they send is
 * recorded under their name (item history, risk reviews, audit trail); managers see who was nudged and who updated.
 */
describe('nudges to leads: rounds, emails and single-use update links', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  let lead2: { id: string; email: string; displayName: string };
  const ids: Record<string, string> = {};
  let ip = 10;
  /** Each call from its own client address unless one is given, so that one test's attempts do not count against the next. */
  const anon = (from = `203.0.113.${ip++}`) => {
    const c = new HttpClient(api.url);
    const h = { 'x-forwarded-for': from };
    return { get: (path: string) => c.request('GET', path, undefined, h), post: (path: string, body: unknown) => c.request('POST', path, body, h) };
  };
  const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
  const linkIn = (mail: CaughtMail, slug = 'nudge-a') => {
    const match = new RegExp(`http://plexus\\.test/update/${slug}/([A-Za-z0-9_-]+)`).exec(bodyOf(mail));
    if (!match) throw new Error(`no update link in ${mail.raw}`);
    return { url: match[0], token: match[1] };
  };
  const nudgesOfRound = (roundId: string) =>
    api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) => em.find(Nudge, { roundId }, { orderBy: { leadName: 'asc' } }));

  async function sendRound(client: HttpClient, slug: string, body: Record<string, unknown> = {}) {
    const res = await client.post(`/api/networks/${slug}/nudges/rounds`, body);
    expect([res.status, res.body?.message]).toEqual([201, undefined]);
    return res.body as { id: string; state: string };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    const env = { SMTP_URL: smtp.url, LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '2' };
    api = await startApi(db, env);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    a = await newNetwork(api.db, 'nudge-a');
    b = await newNetwork(api.db, 'nudge-b');
    lead2 = await addMember(api.db, [a], 'lead', 'second.lead@example.org');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);

    // Network A: an approved plan whose items are led by two leads (one complete), and a risk due for review.
    for (const [client, slug, fx, prefix] of [
      [manager, 'nudge-a', a, 'a'],
      [managerB, 'nudge-b', b, 'b'],
    ] as const) {
      const post = async (path: string, body: unknown, status = 201) => {
        const res = await client.post(`/api/networks/${slug}${path}`, body);
        if (res.status !== status) throw new Error(`${path} ${res.status} ${JSON.stringify(res.body)}`);
        return res.body;
      };
      const plan = await post('/work-plan/plans', { title: `Plan of ${slug}`, periodStart: '2026-04-01', periodEnd: '2027-03-31' });
      const theme = (await post(`/work-plan/plans/${plan.id}/themes`, { title: 'Service delivery' })).themes[0].id;
      const item = async (work: string, userId: string) =>
        (await post(`/work-plan/plans/${plan.id}/items`, { themeId: theme, work, timescale: 'Q4 2026/27', leads: [{ userId, title: '' }] })).id;
      ids[`${prefix}Item1`] = await item(`Agree the rehabilitation prescription (${slug})`, fx.users.lead.id);
      ids[`${prefix}Done`] = await item(`Publish the audit dashboard (${slug})`, fx.users.lead.id);
      if (prefix === 'a') ids['aItem2'] = await item('Recruit two coordinators', lead2.id);
      await post(`/work-plan/plans/${plan.id}/approve`, { approvedOn: '2026-04-10' }, 200);
      await post(`/work-plan/items/${ids[`${prefix}Done`]}/progress`, { on: '2026-11-30', status: 'complete', narrative: 'Published' });
      ids[`${prefix}Risk`] = (await post('/risks', { ...RISK, mitigationLeadUserId: fx.users.lead.id })).id;
    }
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('sends a round now: each lead with something to update gets ONE email listing it, with their own link; the manager sees who', async () => {
    const round = await sendRound(manager, 'nudge-a');
    ids['round'] = round.id;
    const [first, second] = await Promise.all([
      eventually(
        async () => mailsTo(a.users.lead.email),
        (m) => m.length === 1,
      ),
      eventually(
        async () => mailsTo(lead2.email),
        (m) => m.length === 1,
      ),
    ]);
    const text = bodyOf(first[0]);
    expect(text).toContain('Subject: Network nudge-a: please update 1 item and 1 risk');
    expect(text).toContain('Agree the rehabilitation prescription (nudge-a)');
    expect(text).toContain('Delays in transfer of spinal cord injuries');
    expect(text).not.toContain('Publish the audit dashboard'); // complete: nothing to update
    expect(text).not.toContain('Recruit two coordinators'); // the other lead's
    expect(bodyOf(second[0])).toContain('Recruit two coordinators');
    expect(linkIn(first[0]).token).not.toBe(linkIn(second[0]).token);
    ids['token1'] = linkIn(first[0]).token;
    ids['token2'] = linkIn(second[0]).token;
    // Only the tokens' hashes are stored.
    const rows = await nudgesOfRound(round.id);
    expect(rows.map((n) => n.tokenHash)).not.toContain(ids['token1']);
    expect(rows.map((n) => n.tokenHash)).toEqual(rows.map(() => expect.stringMatching(/^[0-9a-f]{64}$/)));

    const seen = await eventually(
      async () => (await manager.get(`/api/networks/nudge-a/nudges/rounds/${round.id}`)).body,
      (r) => r.nudges?.every((n: { emailStatus: string }) => n.emailStatus === 'sent'),
    );
    expect(seen).toMatchObject({ state: 'sent', counts: { nudged: 2, sent: 2, failed: 0, updated: 0 } });
    expect(
      seen.nudges.map((n: { leadName: string; items: number; risks: number; updatedAt: null }) => [n.leadName, n.items, n.risks, n.updatedAt]),
    ).toEqual(
      expect.arrayContaining([
        [a.users.lead.displayName, 1, 1, null],
        [lead2.displayName, 1, 0, null],
      ]),
    );
    const list = await manager.get('/api/networks/nudge-a/nudges/rounds');
    expect(list.body.rounds[0]).toMatchObject({ id: round.id, counts: { nudged: 2, updated: 0 } });
  });

  it('never nudges a lead twice in one round: a retried run, two workers at once, and the table itself refuse a second', async () => {
    const runner = worker.get(NudgeRoundsService);
    expect(await runner.run(a.network.id, ids['round'])).toEqual({ status: 'already-sent' });
    // A round set for tomorrow, then due: two workers run it at the same moment; one sends, the other finds it sent.
    const later = await sendRound(manager, 'nudge-a', { sendOn: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) });
    expect(later.state).toBe('scheduled');
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
      em.execute(`update nudge_round set send_at = now() - interval '1 minute' where id = ?`, [later.id]),
    );
    const [one, two, swept] = await Promise.all([runner.run(a.network.id, later.id), runner.run(a.network.id, later.id), runner.sweep()]);
    expect([one, two].filter((r) => r.status === 'sent').length + swept.rounds).toBe(1);
    expect([one, two].filter((r) => r.status !== 'sent').map((r) => r.status)).toEqual(expect.arrayContaining(['already-sent']));
    const rows = await nudgesOfRound(later.id);
    expect(rows.map((n) => n.userId).sort()).toEqual([a.users.lead.id, lead2.id].sort());
    const both = await eventually(
      async () => mailsTo(a.users.lead.email),
      (m) => m.length === 2,
    );
    ids['token3'] = linkIn(both[1]).token;
    // The unique constraint: a second nudge of the same lead in the same round is not recorded.
    const [kept] = rows;
    const second = Object.assign(new Nudge(), {
      networkId: kept.networkId,
      roundId: kept.roundId,
      userId: kept.userId,
      leadName: kept.leadName,
      toAddress: kept.toAddress,
      itemIds: kept.itemIds,
      riskIds: kept.riskIds,
      tokenHash: 'f'.repeat(64),
      expiresAt: kept.expiresAt,
      emailId: kept.emailId,
    });
    const again = await api.db.inNetwork({ userId: null, networkId: a.network.id }, () => worker.get(NudgeRepository).recordNudge(second));
    expect(again).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(a.users.lead.email)).toHaveLength(2);
    expect(mailsTo(lead2.email)).toHaveLength(2);
  });

  it('opens the lead’s one-page form with exactly their items and risks, without a sign-in', async () => {
    const res = await anon().get(`/api/update-links/nudge-a/${ids['token1']}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ networkName: 'Network nudge-a', leadName: a.users.lead.displayName, boardMeeting: null });
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids['aItem1']]);
    expect(res.body.items[0]).toMatchObject({ ref: '1.1', status: 'not_started', statusOn: null });
    expect(res.body.risks.map((r: { id: string }) => r.id)).toEqual([ids['aRisk']]);
    expect(res.body.risks[0]).toMatchObject({ likelihood: 3, impact: 4 });
  });

  it('answers 404 for an altered, unknown or malformed token, or the right token under another network', async () => {
    const token = ids['token1'];
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const body = { items: [{ itemId: ids['aItem1'], status: 'on_track', comment: 'x' }] };
    for (const path of [`/api/update-links/nudge-a/${altered}`, `/api/update-links/nudge-a/${'x'.repeat(43)}`, `/api/update-links/nudge-a/short`]) {
      expect([path, (await anon().get(path)).status]).toEqual([path, 404]);
      expect([path, (await anon().post(path, body)).status]).toEqual([path, 404]);
    }
    // A real link (of the second round) under another network's address, or one that does not exist: not found. Each
    // counts against the link (3 attempts here), so that a token cannot be tried across networks for free.
    expect((await anon().get(`/api/update-links/nudge-b/${ids['token3']}`)).status).toBe(404);
    expect((await anon().post(`/api/update-links/nudge-b/${ids['token3']}`, body)).status).toBe(404);
    expect((await anon().get(`/api/update-links/no-such-network/${ids['token3']}`)).status).toBe(404);
    expect((await anon().get(`/api/update-links/nudge-a/${ids['token3']}`)).status).toBe(429);
  });

  it('refuses another lead’s item, another network’s item or risk (404 naming the field), and records nothing', async () => {
    const url = `/api/update-links/nudge-a/${ids['token1']}`;
    const cases: Array<[unknown, string]> = [
      [{ items: [{ itemId: ids['aItem2'], status: 'on_track', comment: 'Not mine' }] }, 'items.0.itemId'],
      [
        {
          items: [
            { itemId: ids['aItem1'], status: 'on_track', comment: 'Mine' },
            { itemId: ids['bItem1'], status: 'on_track', comment: 'B' },
          ],
        },
        'items.1.itemId',
      ],
      [{ risks: [{ riskId: ids['bRisk'], likelihood: 2, impact: 2, comment: 'B' }] }, 'risks.0.riskId'],
    ];
    for (const [body, field] of cases) {
      const res = await anon().post(url, body);
      expect([res.status, res.body.fields?.[0]?.field]).toEqual([404, field]);
    }
    const bad = await anon().post(url, { items: [{ itemId: ids['aItem1'], status: 'sideways', comment: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['items.0.comment', 'items.0.status']);
    expect((await anon().post(url, {})).body.fields[0].field).toBe('items');
    const progress = await api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
      em.find(WorkItemProgress, { itemId: { $in: [ids['aItem1'], ids['aItem2']] } }),
    );
    expect(progress).toEqual([]);
    // The link still works.
    expect((await anon().get(url)).status).toBe(200);
  });

  it('records the update under the lead’s name (item history, risk review, audit trail), once; the manager sees "updated"', async () => {
    const url = `/api/update-links/nudge-a/${ids['token1']}`;
    const res = await anon().post(url, {
      items: [{ itemId: ids['aItem1'], status: 'at_risk', comment: 'Waiting on the commissioners' }],
      risks: [{ riskId: ids['aRisk'], likelihood: 2, impact: 4, comment: 'Escalation protocol working' }],
    });
    expect([res.status, res.body]).toEqual([200, { networkName: 'Network nudge-a', leadName: a.users.lead.displayName, items: 1, risks: 1 }]);

    const item = await manager.get(`/api/networks/nudge-a/work-plan/items/${ids['aItem1']}`);
    expect(item.body.status).toBe('at_risk');
    const progress = item.body.history.filter((h: { kind: string }) => h.kind === 'progress');
    expect(progress[0]).toMatchObject({ status: 'at_risk', narrative: 'Waiting on the commissioners', author: a.users.lead.displayName });
    const risk = await manager.get(`/api/networks/nudge-a/risks/${ids['aRisk']}`);
    expect(risk.body.reviews[0]).toMatchObject({
      likelihood: 2,
      impact: 4,
      notes: 'Escalation protocol working',
      reviewer: { userId: a.users.lead.id, name: a.users.lead.displayName },
    });

    const recorded = await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => ({
      progress: await em.find(WorkItemProgress, { itemId: ids['aItem1'] }),
      reviews: await em.find(RiskReview, { riskId: ids['aRisk'] }),
      audit: await em.find(AuditEvent, { entityType: { $in: ['work_item_progress', 'risk_review'] }, actorUserId: a.users.lead.id }),
    }));
    expect(recorded.progress.map((p) => [p.authorUserId, p.authorName])).toEqual([[a.users.lead.id, a.users.lead.displayName]]);
    expect(recorded.reviews.map((r) => [r.reviewerUserId, r.reviewerName])).toEqual([[a.users.lead.id, a.users.lead.displayName]]);
    expect(recorded.audit.map((e) => e.entityType).sort()).toEqual(['risk_review', 'work_item_progress']);

    // Single use: the link is spent, for reading and for sending.
    const again = await anon().get(url);
    expect(again.status).toBe(410);
    expect(again.body.message).toMatch(/^You sent your update with this link on /);
    expect((await anon().post(url, { items: [{ itemId: ids['aItem1'], status: 'on_track', comment: 'Again' }] })).status).toBe(410);

    const round = (await manager.get(`/api/networks/nudge-a/nudges/rounds/${ids['round']}`)).body;
    expect(round.counts.updated).toBe(1);
    expect(round.nudges.find((n: { userId: string }) => n.userId === a.users.lead.id).updatedAt).toEqual(expect.any(String));
  });

  it('answers 410 for an expired link', async () => {
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
      em.execute(`update nudge set expires_at = now() - interval '1 second' where round_id = ? and user_id = ?`, [ids['round'], lead2.id]),
    );
    const url = `/api/update-links/nudge-a/${ids['token2']}`;
    const res = await anon().get(url);
    expect(res.status).toBe(410);
    expect(res.body.message).toMatch(/^This link expired on /);
    expect((await anon().post(url, { items: [{ itemId: ids['aItem2'], status: 'on_track', comment: 'Late' }] })).status).toBe(410);
  });

  it('rate-limits guesses per link and per address through the atomic limiter (429 with Retry-After)', async () => {
    const from = '198.51.100.77';
    const wrong = `/api/update-links/nudge-a/${'Z'.repeat(43)}`;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await anon(from).get(wrong)).status);
    expect(answers).toEqual([404, 404, 404, 429]);
    const limited = await anon(from).get(wrong);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // Twelve guesses (four times the per-link limit) from one address block that address, whatever the token.
    const guesser = '198.51.100.78';
    const statuses = [];
    for (let i = 0; i < 13; i++) statuses.push((await anon(guesser).get(`/api/update-links/nudge-a/${String(i).padStart(43, 'Q')}`)).status);
    expect(statuses.slice(0, 12).every((s) => s === 404)).toBe(true);
    expect(statuses[12]).toBe(429);
  });

  it('checks a new round: a board meeting of the network still to come, a time not passed, managers only; a sent round stays', async () => {
    const meetingB = (await managerB.post('/api/networks/nudge-b/board/meetings', { meetingDate: '2027-01-14' })).body.id;
    const foreign = await manager.post('/api/networks/nudge-a/nudges/rounds', { boardMeetingId: meetingB });
    expect([foreign.status, foreign.body.fields[0].field]).toEqual([404, 'boardMeetingId']);
    const past = await manager.post('/api/networks/nudge-a/nudges/rounds', { sendOn: '2026-01-01', sendTime: '09:00' });
    expect([past.status, past.body.fields[0].field]).toEqual([400, 'sendOn']);
    const timeOnly = await manager.post('/api/networks/nudge-a/nudges/rounds', { sendTime: '09:00' });
    expect([timeOnly.status, timeOnly.body.fields[0].field]).toEqual([400, 'sendOn']);
    const badTime = await manager.post('/api/networks/nudge-a/nudges/rounds', { sendOn: '2027-01-01', sendTime: '25:00' });
    expect([badTime.status, badTime.body.fields[0].field]).toEqual([400, 'sendTime']);

    const meeting = (await manager.post('/api/networks/nudge-a/board/meetings', { meetingDate: '2027-01-14', title: 'January board' })).body.id;
    const after = await manager.post('/api/networks/nudge-a/nudges/rounds', { boardMeetingId: meeting, sendOn: '2027-01-20' });
    expect([after.status, after.body.fields[0].field]).toEqual([400, 'sendOn']);
    const before = await sendRound(manager, 'nudge-a', { boardMeetingId: meeting, sendOn: '2027-01-07', sendTime: '08:30' });
    expect(before).toMatchObject({ state: 'scheduled', sendAt: '2027-01-07T08:30:00.000Z', boardMeeting: { id: meeting, title: 'January board' } });

    // Managers only; another network's round is not found.
    const lead = await new HttpClient(api.url).login(a.users.lead.email);
    expect((await lead.get('/api/networks/nudge-a/nudges/rounds')).status).toBe(403);
    expect((await lead.post('/api/networks/nudge-a/nudges/rounds', {})).status).toBe(403);
    expect((await managerB.get(`/api/networks/nudge-b/nudges/rounds/${before.id}`)).status).toBe(404);
    expect((await managerB.delete(`/api/networks/nudge-b/nudges/rounds/${before.id}`)).status).toBe(404);

    // A round still to send can be withdrawn; a sent one stays.
    expect((await manager.delete(`/api/networks/nudge-a/nudges/rounds/${before.id}`)).status).toBe(204);
    expect((await manager.delete(`/api/networks/nudge-a/nudges/rounds/${ids['round']}`)).status).toBe(409);
  });
});
