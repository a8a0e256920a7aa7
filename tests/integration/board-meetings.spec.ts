import type { BoardMeetingDto, BoardMeetingListDto } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { BoardMeetingRepository } from '@plexus/server';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('board meetings and their agendas', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  const base = '/api/networks/brd-a/board';
  const meetings = `${base}/meetings`;
  const today = todayIso('Europe/London');

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'brd-a');
    b = await newNetwork(api.db, 'brd-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const meeting = async (body: Record<string, unknown>): Promise<BoardMeetingDto> => {
    const res = await manager.post(meetings, body);
    if (res.status !== 201) throw new Error(`meeting ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const addItem = async (meetingId: string, body: Record<string, unknown>): Promise<BoardMeetingDto> => {
    const res = await manager.post(`${meetings}/${meetingId}/agenda-items`, body);
    if (res.status !== 201) throw new Error(`agenda item ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const paper = async (client: HttpClient, slug: string, title: string): Promise<string> => {
    const res = await client.post(`/api/networks/${slug}/reports`, { kind: 'risk_register', title });
    if (res.status !== 202) throw new Error(`report ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };

  it('creates, reads, lists (upcoming soonest first, then past most recent first), edits and deletes meetings', async () => {
    const next = await meeting({ meetingDate: addDays(today, 30), startsAt: '14:00', location: 'Boardroom 1', notes: 'Quorum: 5' });
    expect(next).toMatchObject({
      title: 'Network Board',
      meetingDate: addDays(today, 30),
      startsAt: '14:00',
      location: 'Boardroom 1',
      notes: 'Quorum: 5',
      isPast: false,
      agenda: [],
      can: { manage: true },
    });
    const later = await meeting({ title: 'Network Board (extraordinary)', meetingDate: addDays(today, 90) });
    expect(later.startsAt).toBeNull();
    const onTheDay = await meeting({ meetingDate: today, location: 'https://teams.example.org/meet/brd-a' });
    const last = await meeting({ meetingDate: addDays(today, -60), startsAt: '09:30' });
    const earlier = await meeting({ meetingDate: addDays(today, -150) });
    expect(last.isPast).toBe(true);

    const list = (await manager.get(meetings)).body as BoardMeetingListDto;
    expect(list.asOf).toBe(today);
    expect(list.can).toEqual({ manage: true });
    expect(list.upcoming.map((m) => m.id)).toEqual([onTheDay.id, next.id, later.id]);
    expect(list.past.map((m) => m.id)).toEqual([last.id, earlier.id]);
    expect(list.upcoming[1]).toMatchObject({ startsAt: '14:00', location: 'Boardroom 1', itemCount: 0, paperCount: 0 });

    const edited = await manager.put(`${meetings}/${next.id}`, {
      title: 'Network Board',
      meetingDate: addDays(today, 31),
      startsAt: '15:30',
      location: 'Boardroom 2',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ meetingDate: addDays(today, 31), startsAt: '15:30', location: 'Boardroom 2', notes: '' });
    expect((await manager.get(`${meetings}/${next.id}`)).body).toMatchObject({ startsAt: '15:30', location: 'Boardroom 2' });

    const trail = await manager.get(`/api/networks/brd-a/audit?entityType=board_meeting&entityId=${next.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(Object.keys(trail.body.items[0].changes).sort()).toEqual(['location', 'meetingDate', 'notes', 'startsAt']);
    expect(trail.body.items[0].changes.startsAt).toEqual({ from: '14:00', to: '15:30' });
    // Saving it again unchanged (the time as HH:MM, which PostgreSQL keeps as HH:MM:SS) is no change at all.
    const again = await manager.put(`${meetings}/${next.id}`, { meetingDate: addDays(today, 31), startsAt: '15:30', location: 'Boardroom 2' });
    expect(again.status).toBe(200);
    const trailAgain = await manager.get(`/api/networks/brd-a/audit?entityType=board_meeting&entityId=${next.id}`);
    expect(trailAgain.body.items).toHaveLength(2);

    for (const m of [later, onTheDay, last, earlier]) expect((await manager.delete(`${meetings}/${m.id}`)).status).toBe(204);
    expect((await manager.get(`${meetings}/${later.id}`)).status).toBe(404);
    expect((await manager.delete(`${meetings}/${later.id}`)).status).toBe(404);
  });

  it('refuses bad input with 400 naming each field', async () => {
    const bad = await manager.post(meetings, {
      title: '',
      meetingDate: '2026-02-30',
      startsAt: '25:00',
      location: 'Room\u0000 1',
      notes: 'x'.repeat(4001),
    });
    expect(bad.status).toBe(400);
    expect((bad.body.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual([
      'location',
      'meetingDate',
      'notes',
      'startsAt',
      'title',
    ]);

    for (const [meetingDate, message] of [
      ['1999-12-31', /between 2000 and 2100/],
      ['2101-01-01', /between/],
      ['0000-01-01', /between/],
      ['12/06/2026', /as a date/],
    ] as const) {
      const res = await manager.post(meetings, { meetingDate });
      expect({ meetingDate, status: res.status, field: res.body.fields?.[0]?.field }).toEqual({ meetingDate, status: 400, field: 'meetingDate' });
      expect(res.body.fields[0].message).toMatch(message);
    }
    const missing = await manager.post(meetings, {});
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['meetingDate']);
    const surrogate = await manager.post(meetings, { meetingDate: today, title: 'Board \ud800' });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.fields[0].field).toBe('title');
    const bidi = await manager.post(meetings, { meetingDate: today, location: 'Room \u202e1' });
    expect(bidi.body.fields[0].field).toBe('location');

    const m = await meeting({ meetingDate: '2026-06-11' });
    const badItem = await manager.post(`${meetings}/${m.id}/agenda-items`, {
      title: '',
      presenter: 'Chair\u0007',
      durationMinutes: 601,
      documentId: 'not-a-uuid',
    });
    expect(badItem.status).toBe(400);
    expect((badItem.body.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual([
      'documentId',
      'durationMinutes',
      'presenter',
      'title',
    ]);
    const fraction = await manager.post(`${meetings}/${m.id}/agenda-items`, { title: 'Minutes', durationMinutes: 2.5 });
    expect(fraction.body.fields[0].field).toBe('durationMinutes');
    const badOrder = await manager.put(`${meetings}/${m.id}/agenda-order`, { agendaItemIds: ['x'] });
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.fields[0].field).toBe('agendaItemIds.0');
    // Nothing was written by any of them.
    expect((await manager.get(`${meetings}/${m.id}`)).body.agenda).toEqual([]);
  });

  it('keeps the agenda in order: add, edit, remove (the rest move up), reorder', async () => {
    const m = await meeting({ meetingDate: '2026-09-10' });
    await addItem(m.id, { title: 'Welcome and apologies', presenter: 'Chair', durationMinutes: 5 });
    await addItem(m.id, { title: 'Minutes of the last meeting' });
    await addItem(m.id, { title: 'Risk register review', presenter: 'Network manager', durationMinutes: 20 });
    const full = await addItem(m.id, { title: 'Any other business' });
    expect(full.agenda.map((i) => [i.position, i.title])).toEqual([
      [1, 'Welcome and apologies'],
      [2, 'Minutes of the last meeting'],
      [3, 'Risk register review'],
      [4, 'Any other business'],
    ]);
    expect(full.agenda[0]).toMatchObject({ presenter: 'Chair', durationMinutes: 5, documentId: null, paper: null });

    const [welcome, minutes, risks, aob] = full.agenda;
    const edited = await manager.put(`${base}/agenda-items/${minutes.id}`, {
      title: 'Minutes and action log',
      presenter: 'Chair',
      durationMinutes: 10,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.agenda[1]).toMatchObject({ id: minutes.id, position: 2, title: 'Minutes and action log', durationMinutes: 10 });

    const reordered = await manager.put(`${meetings}/${m.id}/agenda-order`, { agendaItemIds: [welcome.id, risks.id, minutes.id, aob.id] });
    expect(reordered.status).toBe(200);
    expect((reordered.body as BoardMeetingDto).agenda.map((i) => [i.position, i.id])).toEqual([
      [1, welcome.id],
      [2, risks.id],
      [3, minutes.id],
      [4, aob.id],
    ]);

    expect((await manager.delete(`${base}/agenda-items/${risks.id}`)).status).toBe(204);
    const after = (await manager.get(`${meetings}/${m.id}`)).body as BoardMeetingDto;
    expect(after.agenda.map((i) => [i.position, i.id])).toEqual([
      [1, welcome.id],
      [2, minutes.id],
      [3, aob.id],
    ]);
    expect((await manager.delete(`${base}/agenda-items/${risks.id}`)).status).toBe(404);

    const list = (await manager.get(meetings)).body as BoardMeetingListDto;
    expect([...list.upcoming, ...list.past].find((x) => x.id === m.id)).toMatchObject({ itemCount: 3, paperCount: 0 });

    const trail = await manager.get(`/api/networks/brd-a/audit?entityType=board_agenda_item&entityId=${risks.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);

    // Deleting the meeting takes its agenda with it.
    expect((await manager.delete(`${meetings}/${m.id}`)).status).toBe(204);
    expect((await manager.put(`${base}/agenda-items/${welcome.id}`, { title: 'Gone' })).status).toBe(404);
  });

  it('numbers items added at the same moment one after another (agenda changes to a meeting take turns)', async () => {
    const m = await meeting({ meetingDate: '2026-09-24' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => manager.post(`${meetings}/${m.id}/agenda-items`, { title: `Item ${i + 1}` })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const agenda = ((await manager.get(`${meetings}/${m.id}`)).body as BoardMeetingDto).agenda;
    expect(agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(agenda.map((i) => i.title)).size).toBe(6);
  });

  it('applies a new order whole or not at all: a missing, repeated or unknown item changes nothing', async () => {
    const m = await meeting({ meetingDate: '2026-10-08' });
    await addItem(m.id, { title: 'First' });
    await addItem(m.id, { title: 'Second' });
    const { agenda } = await addItem(m.id, { title: 'Third' });
    const [first, second, third] = agenda.map((i) => i.id);
    const other = await meeting({ meetingDate: '2026-10-09' });
    const elsewhere = (await addItem(other.id, { title: 'On another meeting' })).agenda[0].id;

    const cases: Array<[string[], string, RegExp]> = [
      [[third, first], 'agendaItemIds', /“Second” is missing/],
      [[third, first, first], 'agendaItemIds.2', /listed twice/],
      [[third, second, first, elsewhere], 'agendaItemIds.3', /not on this meeting/],
      [[third, second, '6f1c2b1e-0000-4000-8000-000000000009'], 'agendaItemIds.2', /not on this meeting/],
      [[], 'agendaItemIds', /are missing/],
    ];
    for (const [agendaItemIds, field, message] of cases) {
      const res = await manager.put(`${meetings}/${m.id}/agenda-order`, { agendaItemIds });
      expect({ agendaItemIds, status: res.status, field: res.body.fields?.[0]?.field }).toEqual({ agendaItemIds, status: 400, field });
      expect(res.body.fields[0].message).toMatch(message);
    }
    const unchanged = (await manager.get(`${meetings}/${m.id}`)).body as BoardMeetingDto;
    expect(unchanged.agenda.map((i) => [i.position, i.id])).toEqual([
      [1, first],
      [2, second],
      [3, third],
    ]);
    expect((await manager.get(`${meetings}/${other.id}`)).body.agenda.map((i: { id: string }) => i.id)).toEqual([elsewhere]);
    // Another network's meeting: 404, whatever the body.
    const theirs = (await managerB.post('/api/networks/brd-b/board/meetings', { meetingDate: '2026-10-08' })).body as BoardMeetingDto;
    expect((await manager.put(`${meetings}/${theirs.id}/agenda-order`, { agendaItemIds: [] })).status).toBe(404);
  });

  it('links an item to a paper of this network; another network’s paper is 404 naming documentId, and nothing changes', async () => {
    const ours = await paper(manager, 'brd-a', 'Risk register for the board');
    const theirs = await paper(managerB, 'brd-b', 'Their risk register');
    const m = await meeting({ meetingDate: '2026-11-12' });

    const linked = await addItem(m.id, { title: 'Risk register review', documentId: ours });
    expect(linked.agenda[0]).toMatchObject({
      documentId: ours,
      paper: { id: ours, title: 'Risk register for the board', kind: 'risk_register', status: 'queued', downloadUrl: null },
    });
    const item = linked.agenda[0];

    const foreignAdd = await manager.post(`${meetings}/${m.id}/agenda-items`, { title: 'Sneaky', documentId: theirs });
    expect(foreignAdd.status).toBe(404);
    expect(foreignAdd.body.fields).toEqual([{ field: 'documentId', message: expect.stringMatching(/not in this network/) }]);
    expect(JSON.stringify(foreignAdd.body)).not.toContain('Their risk register');
    const foreignEdit = await manager.put(`${base}/agenda-items/${item.id}`, { title: 'Changed title', documentId: theirs });
    expect(foreignEdit.status).toBe(404);
    expect(foreignEdit.body.fields[0].field).toBe('documentId');
    const noSuch = await manager.put(`${base}/agenda-items/${item.id}`, {
      title: 'Changed title',
      documentId: '6f1c2b1e-0000-4000-8000-00000000000a',
    });
    expect(noSuch.status).toBe(404);
    expect(noSuch.body.fields[0].field).toBe('documentId');

    const after = (await manager.get(`${meetings}/${m.id}`)).body as BoardMeetingDto;
    expect(after.agenda).toHaveLength(1);
    expect(after.agenda[0]).toMatchObject({ title: 'Risk register review', documentId: ours });

    // Once the document is ready, the paper carries its download link.
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
      em.execute(`update report_document set status = 'ready', storage_key = 'k', sha256 = 's', snapshot = '{}' where id = ?`, [ours]),
    );
    const ready = (await manager.get(`${meetings}/${m.id}`)).body as BoardMeetingDto;
    expect(ready.agenda[0].paper).toMatchObject({ status: 'ready', downloadUrl: `/api/networks/brd-a/reports/${ours}/download` });
    const list = (await manager.get(meetings)).body as BoardMeetingListDto;
    expect([...list.upcoming, ...list.past].find((x) => x.id === m.id)).toMatchObject({ itemCount: 1, paperCount: 1 });

    // Unlinking keeps the item.
    const unlinked = await manager.put(`${base}/agenda-items/${item.id}`, { title: 'Risk register review', documentId: null });
    expect(unlinked.body.agenda[0]).toMatchObject({ documentId: null, paper: null });
  });

  it("answers 404 for another network's meeting or agenda item under your own network", async () => {
    const theirs = (await managerB.post('/api/networks/brd-b/board/meetings', { meetingDate: '2026-12-10' })).body as BoardMeetingDto;
    const theirItem = (await managerB.post(`/api/networks/brd-b/board/meetings/${theirs.id}/agenda-items`, { title: 'Their item' }))
      .body as BoardMeetingDto;
    const itemId = theirItem.agenda[0].id;
    expect((await manager.get(`${meetings}/${theirs.id}`)).status).toBe(404);
    expect((await manager.put(`${meetings}/${theirs.id}`, { meetingDate: '2026-12-11' })).status).toBe(404);
    expect((await manager.post(`${meetings}/${theirs.id}/agenda-items`, { title: 'Mine' })).status).toBe(404);
    expect((await manager.put(`${base}/agenda-items/${itemId}`, { title: 'Mine' })).status).toBe(404);
    expect((await manager.delete(`${base}/agenda-items/${itemId}`)).status).toBe(404);
    expect((await manager.delete(`${meetings}/${theirs.id}`)).status).toBe(404);
    expect((await manager.get('/api/networks/brd-b/board/meetings')).status).toBe(404);
    const still = (await managerB.get(`/api/networks/brd-b/board/meetings/${theirs.id}`)).body as BoardMeetingDto;
    expect(still).toMatchObject({ meetingDate: '2026-12-10', agenda: [{ id: itemId, title: 'Their item' }] });
  });

  it('lets everyone in the network read meetings, and only managers change them (viewers and leads cannot)', async () => {
    const m = await meeting({ meetingDate: '2027-01-14' });
    const { agenda } = await addItem(m.id, { title: 'Welcome' });
    for (const role of ['viewer', 'lead', 'contributor'] as const) {
      const client = await new HttpClient(api.url).login(a.users[role].email);
      const list = await client.get(meetings);
      expect(list.status).toBe(200);
      expect(list.body.can).toEqual({ manage: false });
      const one = await client.get(`${meetings}/${m.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ can: { manage: false }, agenda: [{ title: 'Welcome' }] });
      const writes = [
        await client.post(meetings, { meetingDate: '2027-02-11' }),
        await client.put(`${meetings}/${m.id}`, { meetingDate: '2027-02-11' }),
        await client.delete(`${meetings}/${m.id}`),
        await client.post(`${meetings}/${m.id}/agenda-items`, { title: 'Mine' }),
        await client.put(`${meetings}/${m.id}/agenda-order`, { agendaItemIds: [agenda[0].id] }),
        await client.put(`${base}/agenda-items/${agenda[0].id}`, { title: 'Mine' }),
        await client.delete(`${base}/agenda-items/${agenda[0].id}`),
      ];
      expect({ role, statuses: writes.map((w) => w.status) }).toEqual({ role, statuses: writes.map(() => 403) });
    }
    expect((await manager.get(`${meetings}/${m.id}`)).body).toMatchObject({ meetingDate: '2027-01-14', agenda: [{ title: 'Welcome' }] });
  });

  it("gives the network's meeting days to other features (scheduled reports) as YYYY-MM-DD, each once, earliest first", async () => {
    const c = await newNetwork(api.db, 'brd-c');
    const managerC = await new HttpClient(api.url).login(c.users.manager.email);
    for (const meetingDate of ['2026-06-11', '2026-03-12', '2026-06-11', '2026-09-10']) {
      expect((await managerC.post('/api/networks/brd-c/board/meetings', { meetingDate })).status).toBe(201);
    }
    const repo = new BoardMeetingRepository();
    const dates = await api.db.inNetwork({ userId: null, networkId: c.network.id }, () => repo.meetingDates());
    expect(dates).toEqual(['2026-03-12', '2026-06-11', '2026-09-10']);
    const none = await api.db.inNetwork({ userId: null, networkId: b.network.id }, () => repo.meetingDates());
    expect(none).not.toContain('2026-03-12');
  });
});
