import type { DistributionListDto, RecipientDto } from '@plexus/contracts';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

describe('recipients and distribution lists', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  const recipients = '/api/networks/rcp-a/recipients';
  const lists = '/api/networks/rcp-a/distribution-lists';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'rcp-a');
    b = await newNetwork(api.db, 'rcp-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('creates, lists, edits and deletes recipients, emails lower-cased, organisation by id or free text', async () => {
    const icb = await manager.post(recipients, {
      name: 'Priya Shah',
      email: 'Priya.Shah@ICB.example.NHS.uk',
      organisationName: 'North ICB',
      role: 'Senior commissioning manager',
    });
    expect(icb.status).toBe(201);
    expect(icb.body).toMatchObject({
      name: 'Priya Shah',
      email: 'priya.shah@icb.example.nhs.uk',
      organisationId: null,
      organisationName: 'North ICB',
      listIds: [],
    });

    const member = await manager.post(recipients, { name: 'Sam Lee', email: 'sam@example.org', organisationId: a.organisations[0].id });
    expect(member.status).toBe(201);
    expect(member.body).toMatchObject({ organisationId: a.organisations[0].id, organisationName: a.organisations[0].name, role: '' });

    const edited = await manager.put(`${recipients}/${member.body.id}`, {
      name: 'Sam Lee-Jones',
      email: 'sam@example.org',
      organisationName: 'NHS England specialised commissioning',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Sam Lee-Jones', organisationId: null, organisationName: 'NHS England specialised commissioning' });

    const all = await manager.get(recipients);
    expect(all.status).toBe(200);
    expect((all.body as RecipientDto[]).map((r) => r.name)).toEqual(['Priya Shah', 'Sam Lee-Jones']);

    const trail = await manager.get(`/api/networks/rcp-a/audit?entityType=recipient&entityId=${member.body.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);

    expect((await manager.delete(`${recipients}/${member.body.id}`)).status).toBe(204);
    expect((await manager.get(recipients)).body).toHaveLength(1);
    expect((await manager.delete(`${recipients}/${member.body.id}`)).status).toBe(404);
  });

  it('refuses bad input naming the field, and a duplicate email with 409', async () => {
    const bad = await manager.post(recipients, { name: '', email: 'not-an-email', role: 'Lead\u0000' });
    expect(bad.status).toBe(400);
    const fields = (bad.body.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'name', 'role']);

    const surrogate = await manager.post(recipients, { name: 'Broken \ud800 name', email: 'x@example.org' });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.fields[0].field).toBe('name');

    const both = await manager.post(recipients, {
      name: 'Both',
      email: 'both@example.org',
      organisationId: a.organisations[0].id,
      organisationName: 'Also',
    });
    expect(both.status).toBe(400);
    expect(both.body.fields[0].field).toBe('organisationName');

    await manager.post(recipients, { name: 'First', email: 'dup@example.org' });
    const dup = await manager.post(recipients, { name: 'Second', email: 'DUP@example.org' });
    expect(dup.status).toBe(409);
    expect(dup.body.fields[0].field).toBe('email');
  });

  it("refuses another network's organisation, naming the field", async () => {
    const res = await manager.post(recipients, { name: 'Cross', email: 'cross@example.org', organisationId: b.organisations[0].id });
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe('organisationId');
    const notUuid = await manager.post(recipients, { name: 'Cross', email: 'cross@example.org', organisationId: 'abc' });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.fields[0].field).toBe('organisationId');
  });

  it('keeps distribution lists; deleting a recipient removes them from lists; names unique per network', async () => {
    const one = (await manager.post(recipients, { name: 'List One', email: 'one@example.org' })).body as RecipientDto;
    const two = (await manager.post(recipients, { name: 'List Two', email: 'two@example.org' })).body as RecipientDto;
    const created = await manager.post(lists, { name: 'Commissioners', description: 'Receive the progress report', recipientIds: [one.id, two.id] });
    expect(created.status).toBe(201);
    expect((created.body as DistributionListDto).recipients.map((r) => r.id)).toEqual([one.id, two.id]);
    const listed = (await manager.get(recipients)).body as RecipientDto[];
    expect(listed.find((r) => r.id === one.id)?.listIds).toEqual([created.body.id]);

    expect((await manager.post(lists, { name: 'commissioners' })).status).toBe(409);

    const edited = await manager.put(`${lists}/${created.body.id}`, { name: 'Commissioners (ICB)', recipientIds: [two.id] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Commissioners (ICB)', description: '', recipients: [{ id: two.id, name: 'List Two' }] });

    expect((await manager.delete(`${recipients}/${two.id}`)).status).toBe(204);
    const after = (await manager.get(lists)).body as DistributionListDto[];
    expect(after.find((l) => l.id === created.body.id)?.recipients).toEqual([]);

    const missing = await manager.put(`${lists}/${created.body.id}`, { name: 'X', recipientIds: [two.id] });
    expect(missing.status).toBe(400);
    expect(missing.body.fields[0].field).toBe('recipientIds.0');

    expect((await manager.delete(`${lists}/${created.body.id}`)).status).toBe(204);
    expect((await manager.get(recipients)).body.find((r: RecipientDto) => r.id === one.id).listIds).toEqual([]);
  });

  it("answers 404 for another network's recipient or list under your own network", async () => {
    const managerB = await new HttpClient(api.url).login(b.users.manager.email);
    const theirs = (await managerB.post('/api/networks/rcp-b/recipients', { name: 'Theirs', email: 'theirs@example.org' })).body as RecipientDto;
    const theirList = (await managerB.post('/api/networks/rcp-b/distribution-lists', { name: 'Theirs' })).body as DistributionListDto;
    expect((await manager.put(`${recipients}/${theirs.id}`, { name: 'Mine', email: 'mine@example.org' })).status).toBe(404);
    expect((await manager.delete(`${recipients}/${theirs.id}`)).status).toBe(404);
    expect((await manager.delete(`${lists}/${theirList.id}`)).status).toBe(404);
    const addTheirs = await manager.post(lists, { name: 'Sneaky', recipientIds: [theirs.id] });
    expect(addTheirs.status).toBe(400);
    expect(addTheirs.body.fields[0].field).toBe('recipientIds.0');
  });

  it('keeps the recipient, without an organisation, when their member organisation is removed from the profile', async () => {
    const profileUrl = '/api/networks/rcp-a/profile';
    const org = a.organisations[1];
    const made = (await manager.post(recipients, { name: 'Org Bound', email: 'org.bound@example.org', organisationId: org.id })).body as RecipientDto;
    expect(made.organisationName).toBe(org.name);
    const profile = (await manager.get(profileUrl)).body;
    const saved = await manager.put(profileUrl, {
      version: profile.version,
      name: profile.name,
      specialty: profile.specialty,
      region: profile.region,
      purpose: profile.purpose,
      vision: profile.vision,
      coreFunctions: profile.coreFunctions,
      leadershipRoles: profile.leadershipRoles,
      memberOrganisations: profile.memberOrganisations.filter((o: { id: string }) => o.id !== org.id),
      branding: {
        primaryColour: profile.branding.primaryColour,
        accentColour: profile.branding.accentColour,
        classification: profile.branding.classification,
      },
    });
    expect(saved.status).toBe(200);
    const after = ((await manager.get(recipients)).body as RecipientDto[]).find((r) => r.id === made.id);
    expect(after).toMatchObject({ organisationId: null, organisationName: '' });
  });

  it('lets only managers read or write recipients (their emails are personal data)', async () => {
    for (const role of ['viewer', 'lead', 'contributor'] as const) {
      const client = await new HttpClient(api.url).login(a.users[role].email);
      expect((await client.get(recipients)).status).toBe(403);
      expect((await client.post(recipients, { name: 'No', email: 'no@example.org' })).status).toBe(403);
      expect((await client.get(lists)).status).toBe(403);
      expect((await client.post(lists, { name: 'No' })).status).toBe(403);
    }
  });
});
