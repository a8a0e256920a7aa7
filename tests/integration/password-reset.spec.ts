import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PasswordReset } from '@plexus/server';
import { createHash } from 'node:crypto';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { eventually } from '../support/eventually';
import {
  createTestDatabase,
  HttpClient,
  newNetwork,
  PASSWORD,
  startApi,
  testConfig,
  type Fixture,
  type TestApi,
  type TestDatabase,
} from '../support/harness';
import { startSmtpSink, type CaughtMail } from '../support/smtp-sink';

const ANSWER =
  'If an account exists for that address, we have sent a link to choose a new password. It works once, for a limited time. Check your spam folder if it has not arrived in a few minutes.';
const NEW_PASSWORD = 'a brand new passphrase';

describe('forgot password: an emailed single-use, expiring link to choose a new password', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let a: Fixture;
  let ip = 10;
  /** Each test from its own client address, so that one test's requests do not count against the next. */
  const client = () => {
    const from = { 'x-forwarded-for': `198.51.100.${ip++}` };
    const c = new HttpClient(api.url);
    return { c, post: (path: string, body: unknown) => c.request('POST', path, body, from) };
  };
  const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
  const linkIn = (mail: CaughtMail) => {
    const match = /http:\/\/plexus\.test\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.raw);
    if (!match) throw new Error(`no reset link in ${mail.raw}`);
    return { url: match[0], token: match[1] };
  };
  async function ask(asked: string, expectMail: boolean) {
    const email = asked.toLowerCase();
    const before = mailsTo(email).length;
    const { post } = client();
    const res = await post('/api/auth/password-reset', { email: asked });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: ANSWER });
    if (!expectMail) return null;
    const mails = await eventually(
      async () => mailsTo(email),
      (m) => m.length > before,
    );
    return linkIn(mails[mails.length - 1]);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    const env = { SMTP_URL: smtp.url, LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '2' };
    api = await startApi(db, env);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    a = await newNetwork(api.db, 'reset-a');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('emails a link; the link sets a new password, signs the account out everywhere, and then the new password signs in', async () => {
    const email = a.users.lead.email;
    const elsewhere = await new HttpClient(api.url).login(email);
    expect((await elsewhere.get('/api/auth/session')).status).toBe(200);

    const link = await ask(email.toUpperCase(), true);
    const [mail] = mailsTo(email);
    expect(mail.raw).toContain('Subject: Choose a new password for Plexus');
    expect(mail.raw).toContain('the link works once, for 1 hour');
    // Only the token's hash is stored.
    const rows = await api.db.run({ userId: null }, ({ em }) => em.find(PasswordReset, { userId: a.users.lead.id }));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash('sha256').update(link!.token).digest('hex'));
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBeGreaterThan(59 * 60_000);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBeLessThanOrEqual(61 * 60_000);

    const { post } = client();
    const short = await post('/api/auth/password-reset/confirm', { token: link!.token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.fields).toEqual([{ field: 'password', message: 'Choose a password of at least 12 characters' }]);
    const done = await post('/api/auth/password-reset/confirm', { token: link!.token, password: NEW_PASSWORD });
    expect(done.status).toBe(204);

    // Signed out everywhere; the old password no longer works, the new one does.
    expect((await elsewhere.get('/api/auth/session')).status).toBe(401);
    const old = await new HttpClient(api.url).request(
      'POST',
      '/api/auth/login',
      { email, password: PASSWORD },
      { 'x-forwarded-for': '198.51.100.200' },
    );
    expect(old.status).toBe(401);
    const signedIn = await new HttpClient(api.url).request(
      'POST',
      '/api/auth/login',
      { email, password: NEW_PASSWORD },
      { 'x-forwarded-for': '198.51.100.201' },
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.email).toBe(email);

    // Used once: the same link again is refused, clearly.
    const again = await client().post('/api/auth/password-reset/confirm', { token: link!.token, password: 'yet another passphrase' });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({
      code: 'gone',
      message: 'This link has already been used. If you still need to choose a new password, ask for a new link.',
    });
  });

  it('refuses an expired link and a tampered one, each with a clear message, and leaves the password alone', async () => {
    const email = a.users.viewer.email;
    const link = await ask(email, true);
    const tampered = link!.token.slice(0, -2) + (link!.token.endsWith('AA') ? 'BB' : 'AA');
    const bad = await client().post('/api/auth/password-reset/confirm', { token: tampered, password: NEW_PASSWORD });
    expect(bad.status).toBe(410);
    expect(bad.body.message).toBe('This link is not valid: it may not have been copied in full. Ask for a new link to choose a new password.');
    const mangled = await client().post('/api/auth/password-reset/confirm', { token: 'not a token!', password: NEW_PASSWORD });
    expect(mangled.status).toBe(400);
    expect(mangled.body.fields[0].field).toBe('token');

    await api.db.run({ userId: null }, ({ em }) =>
      em.nativeUpdate(
        PasswordReset,
        { userId: a.users.viewer.id },
        { createdAt: new Date(Date.now() - 7200_000), expiresAt: new Date(Date.now() - 3600_000) },
      ),
    );
    const expired = await client().post('/api/auth/password-reset/confirm', { token: link!.token, password: NEW_PASSWORD });
    expect(expired.status).toBe(410);
    expect(expired.body.message).toBe('This link has expired. Ask for a new link to choose a new password.');
    expect(
      (await new HttpClient(api.url).request('POST', '/api/auth/login', { email, password: PASSWORD }, { 'x-forwarded-for': '198.51.100.202' }))
        .status,
    ).toBe(200);
  });

  it('gives an unknown address the same answer and sends nothing', async () => {
    const before = smtp.mails.length;
    await ask('nobody-here@example.org', false);
    // A known address asked after it: once its email has arrived, the unknown one's job has long run.
    await ask(a.users.contributor.email, true);
    expect(smtp.mails.slice(before).map((m) => m.to)).toEqual([[a.users.contributor.email]]);
    const rows = await api.db.run({ userId: null }, ({ em }) => em.count(PasswordReset, {}));
    expect(rows).toBe(3);
  });

  it('limits requests per address asked about and per client (429 with Retry-After), and guesses at links', async () => {
    const email = a.users.manager.email;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client().post('/api/auth/password-reset', { email })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const limited = await client().post('/api/auth/password-reset', { email });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.message).toMatch(/^Too many requests for a password reset email\. Try again in [12] minutes?/);

    // One client asking about many addresses: 4 × 3 requests, then 429.
    const { post } = client();
    const fromOne: number[] = [];
    for (let i = 0; i < 13; i++) fromOne.push((await post('/api/auth/password-reset', { email: `someone${i}@example.org` })).status);
    expect(fromOne.slice(0, 12)).toEqual(Array(12).fill(202));
    expect(fromOne[12]).toBe(429);

    // Guessing at links from one client: 12 wrong tokens, then 429 even for a well-formed one.
    const guesser = client();
    const guesses: number[] = [];
    for (let i = 0; i < 13; i++) {
      guesses.push(
        (await guesser.post('/api/auth/password-reset/confirm', { token: `guess-${i}-${'x'.repeat(30)}`, password: NEW_PASSWORD })).status,
      );
    }
    expect(guesses.slice(0, 12)).toEqual(Array(12).fill(410));
    expect(guesses[12]).toBe(429);
  });
});
