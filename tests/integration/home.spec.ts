import type { AttentionDto, BulkProgressResultDto, WorkItemDto, WorkPlanDto } from '@plexus/contracts';
import { addDays, formatIsoDateLong, todayIso } from '@plexus/domain';
import { EmailOutbox, ReportDelivery, ReportDocument, ReportRun } from '@plexus/server';
import { addMember, createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * A network's home page (issue 13, item 1): what needs attention now — a manager the network's, a lead their own —
 * and progress on several items at once before a board (item 3): each line its own dated update, all or none.
 */
describe('home page and progress on many items', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let lead: HttpClient;
  let viewer: HttpClient;
  let managerB: HttpClient;
  let commissioner: HttpClient;
  const today = todayIso('Europe/London');
  const base = '/api/networks/home-a/work-plan';
  let planId: string;
  let items: Record<'late' | 'soon' | 'stale' | 'fresh' | 'done' | 'other', WorkItemDto>;
  let otherPlanItem: WorkItemDto;
  let bItem: WorkItemDto;

  const ok = async (res: Promise<{ status: number; body: any }>, status = 201) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  async function plan(client: HttpClient, slug: string, title: string) {
    const url = `/api/networks/${slug}/work-plan`;
    const start = `${Number(today.slice(0, 4)) - 1}-04-01`;
    const created: WorkPlanDto = await ok(client.post(`${url}/plans`, { title, periodStart: start, periodEnd: addDays(start, 365 * 2) }));
    const withTheme: WorkPlanDto = await ok(client.post(`${url}/plans/${created.id}/themes`, { title: 'Service delivery' }));
    const themeId = withTheme.themes[0].id;
    const add = (work: string, due: string, leads: unknown[]) =>
      ok(client.post(`${url}/plans/${created.id}/items`, { themeId, work, timescale: formatIsoDateLong(due), leads })) as Promise<WorkItemDto>;
    return { planId: created.id, add, url };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'home-a');
    b = await newNetwork(api.db, 'home-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    lead = await new HttpClient(api.url).login(a.users.lead.email);
    viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
    const c = await addMember(api.db, [a], 'commissioner');
    commissioner = await new HttpClient(api.url).login(c.email);

    const leadOf = [{ userId: a.users.lead.id, title: 'Clinical lead' }];
    const p = await plan(manager, 'home-a', 'Plan of A');
    planId = p.planId;
    items = {
      late: await p.add('Transfer audit (late, led by the lead)', addDays(today, -10), leadOf),
      soon: await p.add('Rehab pathway (due soon, led by the lead)', addDays(today, 5), leadOf),
      stale: await p.add('Dashboard (no update, manager’s)', addDays(today, 200), []),
      fresh: await p.add('Training (updated today)', addDays(today, 200), leadOf),
      done: await p.add('Finished work (complete)', addDays(today, -30), []),
      other: await p.add('Someone else’s late item', addDays(today, -3), [{ userId: a.users.viewer.id, title: 'Viewer' }]),
    };
    await ok(manager.post(`${base}/items/${items.fresh.id}/progress`, { on: today, status: 'on_track', narrative: 'Going well.' }));
    await ok(manager.post(`${base}/items/${items.done.id}/progress`, { on: today, status: 'complete', narrative: 'Done.' }));
    await ok(manager.post(`${base}/plans/${planId}/approve`, { approvedOn: addDays(today, -60) }), 200);
    // A second (draft, later) plan of the same network: its items are not the current plan's.
    const later = await plan(manager, 'home-a', 'Draft for later');
    otherPlanItem = await later.add('Item of another plan', addDays(today, -1), leadOf);

    // A board meeting 20 days ago: updates before it are stale.
    await ok(manager.post('/api/networks/home-a/board/meetings', { meetingDate: addDays(today, -20) }));

    // Risks: one overdue led by the lead, one overdue of the network, one not yet due.
    const risk = (description: string, nextReviewDue: string, mitigationLeadUserId: string | null) =>
      ok(
        manager.post('/api/networks/home-a/risks', {
          dateRegistered: addDays(today, -100),
          description,
          likelihoodBefore: 4,
          impactBefore: 4,
          likelihoodAfter: 3,
          impactAfter: 3,
          nextReviewDue,
          mitigationLeadUserId,
        }),
      );
    await risk('Lead’s overdue risk', addDays(today, -2), a.users.lead.id);
    await risk('Network’s overdue risk', addDays(today, -40), null);
    await risk('Risk reviewed in time', addDays(today, 30), a.users.lead.id);

    // A failed report today (managers see it) and one of network B.
    for (const fx of [a, b]) {
      await api.db.inNetwork({ userId: null, networkId: fx.network.id }, async ({ em }) => {
        em.persist(
          Object.assign(new ReportDocument(), {
            networkId: fx.network.id,
            kind: 'risk_register' as const,
            title: `Risk register of ${fx.network.slug}`,
            status: 'failed' as const,
            failureReason: 'Chromium stopped',
            finishedAt: new Date(),
          }),
        );
        await em.flush();
      });
    }

    // Network B: a late item with the same kind of words; it must never appear in A's home page.
    const pb = await plan(managerB, 'home-b', 'Plan of B');
    bItem = await pb.add('B-only late item', addDays(today, -10), [{ userId: b.users.lead.id, title: 'Lead' }]);
    await ok(managerB.post(`/api/networks/home-b/work-plan/plans/${pb.planId}/approve`, { approvedOn: addDays(today, -60) }), 200);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const ids = (dto: AttentionDto, key: string) => dto.sections.find((s) => s.key === key)?.lines.map((l) => l.id) ?? [];

  it('shows a manager the network’s overdue, due-soon and stale items, overdue risks and failed reports, each linked', async () => {
    const dto: AttentionDto = await ok(manager.get('/api/networks/home-a/attention'), 200);
    expect(dto.scope).toBe('network');
    expect(dto.plan).toEqual({ id: planId, title: 'Plan of A' });
    expect(dto.lastBoard?.meetingDate).toBe(addDays(today, -20));
    expect(dto.freshFrom).toBe(addDays(today, -20));
    expect(ids(dto, 'overdue').sort()).toEqual([items.late.id, items.other.id].sort());
    expect(ids(dto, 'due_soon')).toEqual([items.soon.id]);
    expect(ids(dto, 'no_update')).toEqual(expect.arrayContaining([items.late.id, items.soon.id, items.stale.id, items.other.id]));
    expect(ids(dto, 'no_update')).not.toContain(items.fresh.id);
    expect(ids(dto, 'no_update')).not.toContain(items.done.id);
    expect(dto.sections.find((s) => s.key === 'no_update')!.lines.find((l) => l.id === items.stale.id)!.detail).toBe('No progress update yet');
    const overdue = dto.sections.find((s) => s.key === 'overdue')!;
    expect(overdue.summary).toBe('2 work items are overdue');
    expect(dto.sections.find((s) => s.key === 'due_soon')!.summary).toBe('1 work item is due in the next two weeks');
    const late = overdue.lines.find((l) => l.id === items.late.id)!;
    expect(late.link).toBe(`/n/home-a/plan/${planId}/items/${items.late.id}`);
    expect(late.detail).toBe(`Due ${formatIsoDateLong(addDays(today, -10))}, 10 days ago (Not started)`);
    const risks = dto.sections.find((s) => s.key === 'risk_review')!;
    expect(risks.summary).toBe('2 risks are overdue for review');
    expect(risks.lines.map((l) => l.text)).toEqual([
      expect.stringContaining('Network’s overdue risk'),
      expect.stringContaining('Lead’s overdue risk'),
    ]);
    expect(risks.lines[0].link).toMatch(/^\/n\/home-a\/risks\/[0-9a-f-]{36}$/);
    const failed = dto.sections.find((s) => s.key === 'reports_failed')!;
    expect(failed.lines.map((l) => l.text)).toEqual(['Risk register of home-a']);
    expect(failed.summary).toBe('1 report failed in the last 14 days');
    expect(dto.total).toBe(dto.sections.filter((s) => s.key !== 'reports_ready').reduce((n, s) => n + s.lines.length, 0));
    expect(dto.summary).toBe(`${dto.total} things need your attention`);
  });

  it('shows a lead only what they lead, and no failed reports; another network’s data never appears', async () => {
    const dto: AttentionDto = await ok(lead.get('/api/networks/home-a/attention'), 200);
    expect(dto.scope).toBe('own');
    expect(ids(dto, 'overdue')).toEqual([items.late.id]);
    expect(ids(dto, 'due_soon')).toEqual([items.soon.id]);
    expect(ids(dto, 'no_update').sort()).toEqual([items.late.id, items.soon.id].sort());
    expect(dto.sections.find((s) => s.key === 'risk_review')!.lines.map((l) => l.text)).toEqual([expect.stringContaining('Lead’s overdue risk')]);
    expect(dto.sections.find((s) => s.key === 'risk_review')!.summary).toBe('1 risk is overdue for review');
    expect(ids(dto, 'reports_failed')).toEqual([]);
    for (const client of [manager, lead]) {
      const text = JSON.stringify((await client.get('/api/networks/home-a/attention')).body);
      expect(text).not.toContain('B-only');
      expect(text).not.toContain('home-b');
      expect(text).not.toContain(bItem.id);
      expect(text).not.toContain(otherPlanItem.id);
    }
    const fromB: AttentionDto = await ok(managerB.get('/api/networks/home-b/attention'), 200);
    expect(ids(fromB, 'overdue')).toEqual([bItem.id]);
    expect(JSON.stringify(fromB)).not.toContain('home-a');
  });

  it('says so plainly when nothing needs attention; refuses a commissioner (403) and another network (404)', async () => {
    const dto: AttentionDto = await ok(viewer.get('/api/networks/home-a/attention'), 200);
    // The viewer leads one late item (named as its lead), so it is theirs; nothing else is.
    expect(ids(dto, 'overdue')).toEqual([items.other.id]);
    const fresh = await newNetwork(api.db, 'home-empty');
    const quiet = await new HttpClient(api.url).login(fresh.users.manager.email);
    const empty: AttentionDto = await ok(quiet.get('/api/networks/home-empty/attention'), 200);
    expect(empty).toMatchObject({ total: 0, summary: 'Nothing needs your attention', sections: [], plan: null, lastBoard: null });
    expect((await commissioner.get('/api/networks/home-a/attention')).status).toBe(403);
    expect((await managerB.get('/api/networks/home-a/attention')).status).toBe(404);
  });

  it('shows a manager the scheduled emails that could not be delivered, linked to the delivery log; not a lead', async () => {
    const recipient = await ok(manager.post('/api/networks/home-a/recipients', { name: 'Jo Bloggs', email: 'jo.bloggs@example.org' }));
    const schedule = await ok(
      manager.post('/api/networks/home-a/schedules', {
        name: 'Risk register to the ICB',
        report: { kind: 'risk_register', options: {} },
        recurrence: { kind: 'first_working_day', time: '07:00' },
        recipientIds: [recipient.id],
      }),
    );
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const run = Object.assign(new ReportRun(), {
        networkId: a.network.id,
        scheduleId: schedule.id,
        periodKey: '2026-12',
        dueAt: new Date(),
        state: 'sent' as const,
      });
      const email = Object.assign(new EmailOutbox(), {
        networkId: a.network.id,
        kind: 'scheduled_report',
        toAddress: 'jo.bloggs@example.org',
        subject: 'S',
        bodyText: 'T',
        status: 'failed' as const,
        attempts: 5,
        lastError: '550 mailbox unavailable',
      });
      email.messageId = `<${email.id}@plexus.test>`;
      const delivery = Object.assign(new ReportDelivery(), {
        networkId: a.network.id,
        runId: run.id,
        recipientId: recipient.id,
        recipientName: 'Jo Bloggs',
        toAddress: 'jo.bloggs@example.org',
        emailId: email.id,
        mode: 'attach' as const,
        unsubscribeTokenHash: 'x'.repeat(64),
      });
      [run, email, delivery].forEach((e) => em.persist(e));
      await em.flush();
    });
    const dto: AttentionDto = await ok(manager.get('/api/networks/home-a/attention'), 200);
    const failed = dto.sections.find((s) => s.key === 'deliveries_failed')!;
    expect(failed.summary).toBe('1 scheduled email could not be delivered in the last 14 days');
    expect(failed.lines).toEqual([
      expect.objectContaining({
        text: 'Risk register to the ICB to Jo Bloggs',
        detail: expect.stringMatching(/^Not delivered \(\d{1,2} [A-Z][a-z]+ \d{4}\): 550 mailbox unavailable$/),
        link: `/n/home-a/schedules/log?scheduleId=${schedule.id}`,
      }),
    ]);
    const forLead: AttentionDto = await ok(lead.get('/api/networks/home-a/attention'), 200);
    expect(ids(forLead, 'deliveries_failed')).toEqual([]);
  });

  it('shows a contributor their organisation’s peer review due, a manager every organisation’s, each linked to the submission', async () => {
    const fyOf = (d: string) => {
      const y = Number(d.slice(0, 4));
      const start = Number(d.slice(5, 7)) >= 4 ? y : y - 1;
      return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
    };
    const quarterOf = (d: string) => Math.floor(((Number(d.slice(5, 7)) + 8) % 12) / 3) + 1;
    const due = addDays(today, -3);
    const net = '/api/networks/home-a/peer-review';
    const cycle = await ok(
      manager.post(`${net}/cycles`, {
        name: 'Home peer review',
        firstFy: fyOf(due),
        lastFy: fyOf(today),
        organisationIds: a.organisations.map((o) => o.id),
      }),
    );
    await ok(
      manager.post(`${net}/cycles/${cycle.id}/activities`, {
        kind: 'submission',
        fy: fyOf(due),
        quarter: quarterOf(due),
        title: 'Annual documents',
        dueDate: due,
        requiredDocuments: ['Operational policy'],
      }),
    );
    await ok(
      manager.put(`${net}/cycles/${cycle.id}`, {
        name: cycle.name,
        firstFy: cycle.firstFy,
        lastFy: cycle.lastFy,
        reminderDays: cycle.reminderDays,
        status: 'active',
      }),
      200,
    );
    const contributor = await new HttpClient(api.url).login(a.users.contributor.email);
    const theirs: AttentionDto = await ok(contributor.get('/api/networks/home-a/attention'), 200);
    const section = theirs.sections.find((s) => s.key === 'peer_review')!;
    expect(section.summary).toBe('1 peer review submission or action is due or overdue');
    expect(section.lines).toEqual([
      expect.objectContaining({
        text: `Submission: Operational policy (${a.organisations[0].name})`,
        detail: `Awaited; was due ${formatIsoDateLong(due)}, 3 days ago`,
        link: expect.stringMatching(new RegExp(`^/n/home-a/peer-review/cycles/${cycle.id}/submissions/[0-9a-f-]{36}$`)),
      }),
    ]);
    const all: AttentionDto = await ok(manager.get('/api/networks/home-a/attention'), 200);
    expect(
      all.sections
        .find((s) => s.key === 'peer_review')!
        .lines.map((l) => l.text)
        .sort(),
    ).toEqual(a.organisations.map((o) => `Submission: Operational policy (${o.name})`).sort());
    expect(ids(await ok(lead.get('/api/networks/home-a/attention'), 200), 'peer_review')).toEqual([]);
  });

  describe('progress on many items at once', () => {
    const url = () => `${base}/plans/${planId}/progress`;

    it('adds one dated update per item in one go, and says what changed', async () => {
      const on = addDays(today, -1);
      const res: BulkProgressResultDto = await ok(
        manager.post(url(), {
          on,
          updates: [
            { itemId: items.late.id, status: 'at_risk', narrative: 'Waiting for data.' },
            { itemId: items.stale.id, status: 'on_track', narrative: 'Started.' },
          ],
        }),
      );
      expect(res.summary).toBe('2 work items updated');
      expect(res.updated.map((u) => [u.itemId, u.from, u.to, u.statusSet])).toEqual([
        [items.late.id, 'not_started', 'at_risk', true],
        [items.stale.id, 'not_started', 'on_track', true],
      ]);
      const late: WorkItemDto = await ok(manager.get(`${base}/items/${items.late.id}`), 200);
      expect(late.status).toBe('at_risk');
      expect(late.history[0]).toMatchObject({ kind: 'progress', on, status: 'at_risk', narrative: 'Waiting for data.', author: `manager of home-a` });
      // An update dated before the item's latest one is kept, but does not set its status.
      const older: BulkProgressResultDto = await ok(
        manager.post(url(), { on: addDays(today, -5), updates: [{ itemId: items.fresh.id, status: 'off_track', narrative: 'Earlier note.' }] }),
      );
      expect(older.updated[0]).toMatchObject({ from: 'on_track', to: 'off_track', statusSet: false });
      expect(older.summary).toBe('1 work item updated');
    });

    it('lets a lead update only the items they lead; nothing is written when one line is refused', async () => {
      const before: WorkItemDto = await ok(manager.get(`${base}/items/${items.soon.id}`), 200);
      const refused = await lead.post(url(), {
        on: today,
        updates: [
          { itemId: items.soon.id, status: 'on_track', narrative: 'Fine.' },
          { itemId: items.stale.id, status: 'on_track', narrative: 'Not mine.' },
        ],
      });
      expect(refused.status).toBe(403);
      expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'updates.1.itemId' })]);
      const after: WorkItemDto = await ok(manager.get(`${base}/items/${items.soon.id}`), 200);
      expect(after.history.length).toBe(before.history.length);
      const mine: BulkProgressResultDto = await ok(
        lead.post(url(), { on: today, updates: [{ itemId: items.soon.id, status: 'on_track', narrative: 'Fine.' }] }),
      );
      expect(mine.updated).toHaveLength(1);
      // The update counts on the home page: the item no longer needs one.
      const home: AttentionDto = await ok(lead.get('/api/networks/home-a/attention'), 200);
      expect(ids(home, 'no_update')).not.toContain(items.soon.id);
      // One dated before the last board meeting leaves it needing one, and says since when.
      await ok(manager.post(url(), { on: addDays(today, -25), updates: [{ itemId: items.other.id, status: 'at_risk', narrative: 'Older.' }] }));
      const again: AttentionDto = await ok(manager.get('/api/networks/home-a/attention'), 200);
      const other = again.sections.find((s) => s.key === 'no_update')!.lines.find((l) => l.id === items.other.id)!;
      expect(other.detail).toBe(
        `Last update ${formatIsoDateLong(addDays(today, -25))}: none since the board meeting on ${formatIsoDateLong(addDays(today, -20))}`,
      );
    });

    it('answers 400 naming the field for bad lines, items of another plan or network, duplicates and dates; 404 for another network’s plan', async () => {
      const line = (itemId: string, extra: Record<string, unknown> = {}) => ({ itemId, status: 'on_track', narrative: 'Note.', ...extra });
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ on: today, updates: [] }, 'updates'],
        [{ on: today, updates: [line(items.late.id, { status: 'purple' })] }, 'updates.0.status'],
        [{ on: today, updates: [line(items.late.id), line(items.stale.id, { narrative: '' })] }, 'updates.1.narrative'],
        [{ on: today, updates: [line(items.late.id, { narrative: 'bad\u0007bell' })] }, 'updates.0.narrative'],
        [{ on: today, updates: [line(items.late.id), line('not-a-uuid')] }, 'updates.1.itemId'],
        [{ on: today, updates: [line(items.late.id), line(items.late.id)] }, 'updates.1.itemId'],
        [{ on: today, updates: [line(otherPlanItem.id)] }, 'updates.0.itemId'],
        [{ on: today, updates: [line(items.late.id), line(bItem.id)] }, 'updates.1.itemId'],
        [{ on: addDays(today, 1), updates: [line(items.late.id)] }, 'on'],
        [{ on: '31/12/2026', updates: [line(items.late.id)] }, 'on'],
      ];
      for (const [body, field] of cases) {
        const res = await manager.post(url(), body);
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
        expect(res.body.fields.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await managerB.post(url().replace('home-a', 'home-b'), { on: today, updates: [line(bItem.id)] })).status).toBe(404);
      expect((await viewer.post(url(), { on: today, updates: [line(items.other.id)] })).status).toBe(403);
    });
  });
});
