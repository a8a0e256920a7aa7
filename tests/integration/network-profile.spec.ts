import type { NetworkProfileDto, UpdateNetworkProfileRequest } from '@plexus/contracts';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);

function asUpdate(p: NetworkProfileDto): UpdateNetworkProfileRequest {
  return {
    version: p.version,
    name: p.name,
    specialty: p.specialty,
    region: p.region,
    purpose: p.purpose,
    vision: p.vision,
    coreFunctions: p.coreFunctions,
    leadershipRoles: p.leadershipRoles,
    memberOrganisations: p.memberOrganisations,
    branding: { primaryColour: p.branding.primaryColour, accentColour: p.branding.accentColour, classification: p.branding.classification },
  };
}

function fileForm(bytes: Buffer, type: string, name: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

describe('network profile, with its audit trail', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let manager: HttpClient;
  const url = '/api/networks/prof-a/profile';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'prof-a');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('lets every member read the profile and only managers change it', async () => {
    const viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    const read = await viewer.get(url);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ slug: 'prof-a', specialty: 'Spinal', version: 1 });
    expect(read.body.memberOrganisations).toHaveLength(2);
    const denied = await viewer.put(url, asUpdate(read.body));
    expect(denied.status).toBe(403);
    const lead = await new HttpClient(api.url).login(a.users.lead.email);
    expect((await lead.put(url, asUpdate(read.body))).status).toBe(403);
  });

  it('saves a whole profile, keeping organisation ids, and records each change before → after in the audit trail', async () => {
    const before = (await manager.get(url)).body as NetworkProfileDto;
    const update = asUpdate(before);
    update.purpose = 'To bring together key stakeholders for spinal care.';
    update.coreFunctions = ['Quality', 'Innovation'];
    update.leadershipRoles = [{ title: 'Network Chair', personName: 'Dr Example' }];
    update.memberOrganisations = [...before.memberOrganisations, { name: 'Northern Ambulance Service', type: 'ambulance_service' }];
    update.branding = { primaryColour: '#330072', accentColour: '#41B6E6', classification: 'OFFICIAL-SENSITIVE' };
    const saved = await manager.put(url, update);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(saved.body.purpose).toBe(update.purpose);
    expect(saved.body.memberOrganisations.slice(0, 2).map((o: { id: string }) => o.id)).toEqual(before.memberOrganisations.map((o) => o.id));
    expect(saved.body.branding.accentColour).toBe('#41b6e6');

    const trail = await manager.get(`/api/networks/prof-a/audit?entityType=network_profile&entityId=${a.network.id}`);
    expect(trail.status).toBe(200);
    const latest = trail.body.items[0];
    expect(latest).toMatchObject({ action: 'update', entityType: 'network_profile', actor: { displayName: a.users.manager.displayName } });
    expect(latest.changes.purpose).toEqual({ from: 'Purpose of prof-a', to: update.purpose });
    expect(latest.changes.coreFunctions).toEqual({ from: [], to: ['Quality', 'Innovation'] });
    expect(latest.changes.classification).toEqual({ from: 'OFFICIAL', to: 'OFFICIAL-SENSITIVE' });

    const orgs = await manager.get('/api/networks/prof-a/audit?entityType=member_organisation');
    const created = orgs.body.items.find(
      (e: { action: string; changes: Record<string, { to: unknown }> }) =>
        e.action === 'create' && e.changes['name']?.to === 'Northern Ambulance Service',
    );
    expect(created).toBeDefined();
    const roles = await manager.get('/api/networks/prof-a/audit?entityType=leadership_role');
    expect(roles.body.items[0].changes).toMatchObject({ title: { from: null, to: 'Network Chair' }, personName: { from: null, to: 'Dr Example' } });
  });

  it('refuses a stale version with 409, so no one overwrites a colleague', async () => {
    const current = (await manager.get(url)).body as NetworkProfileDto;
    const stale = { ...asUpdate(current), version: current.version - 1, purpose: 'Overwrite' };
    const res = await manager.put(url, stale);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('version_conflict');
    expect(res.body.fields[0].field).toBe('version');
  });

  it('answers 400 naming each bad field', async () => {
    const current = (await manager.get(url)).body as NetworkProfileDto;
    const bad = asUpdate(current);
    bad.name = '';
    bad.branding = { ...bad.branding, primaryColour: 'blue' };
    bad.memberOrganisations = [
      { name: 'Same Trust', type: 'trauma_unit' },
      { name: 'same trust', type: 'trauma_unit' },
      { name: 'X', type: 'spaceport' as never },
    ];
    const res = await manager.put(url, bad);
    expect(res.status).toBe(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'branding.primaryColour', 'memberOrganisations.1.name', 'memberOrganisations.2.type']));
  });

  it('refuses to remove an organisation that still has members, and the failed save leaves no change and no audit entry', async () => {
    const current = (await manager.get(url)).body as NetworkProfileDto;
    const eventsBefore = (await manager.get('/api/networks/prof-a/audit?limit=200')).body.items.length;
    const update = asUpdate(current);
    update.purpose = 'This should not be saved';
    update.memberOrganisations = current.memberOrganisations.filter((o) => o.id !== a.organisations[0].id);
    const res = await manager.put(url, update);
    expect(res.status).toBe(409);
    expect(res.body.fields[0].field).toBe('memberOrganisations');
    const after = (await manager.get(url)).body as NetworkProfileDto;
    expect(after.purpose).toBe(current.purpose);
    expect(after.version).toBe(current.version);
    expect((await manager.get('/api/networks/prof-a/audit?limit=200')).body.items.length).toBe(eventsBefore);
  });

  it('accepts a PNG logo, serves it back, and refuses other content or oversized files', async () => {
    const up = await manager.request('PUT', `${url}/logo`, fileForm(PNG, 'image/png', 'logo.png'));
    expect(up.status).toBe(200);
    expect(up.body.branding.logo).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const got = await manager.get(`${url}/logo`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(got.body, PNG)).toBe(0);

    const svg = await manager.request('PUT', `${url}/logo`, fileForm(Buffer.from('<svg onload="alert(1)"/>'), 'image/png', 'logo.png'));
    expect(svg.status).toBe(400);
    expect(svg.body.fields[0]).toEqual({ field: 'file', message: 'The logo must be a PNG or JPEG image' });
    const huge = await manager.request('PUT', `${url}/logo`, fileForm(Buffer.concat([PNG, Buffer.alloc(600 * 1024)]), 'image/png', 'big.png'));
    expect(huge.status).toBe(413);
    expect(huge.body.fields[0].field).toBe('file');
    const none = await manager.request('PUT', `${url}/logo`, new FormData());
    expect(none.status).toBe(400);

    const removed = await manager.delete(`${url}/logo`);
    expect(removed.body.branding.logo).toBeNull();
    expect((await manager.get(`${url}/logo`)).status).toBe(404);
  });

  it('keeps the audit trail to managers and pages through it', async () => {
    const viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    expect((await viewer.get('/api/networks/prof-a/audit')).status).toBe(403);
    const first = await manager.get('/api/networks/prof-a/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await manager.get(`/api/networks/prof-a/audit?limit=2&before=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[1].id);
    expect(new Date(second.body.items[0].occurredAt).getTime()).toBeLessThanOrEqual(new Date(first.body.items[1].occurredAt).getTime());
    expect((await manager.get('/api/networks/prof-a/audit?before=nonsense')).status).toBe(400);
  });
});
