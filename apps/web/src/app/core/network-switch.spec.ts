import { networkLandingPage, switchNetworkUrl } from './network-switch';

describe('switchNetworkUrl', () => {
  const manager = (slug: string) => ({ slug, role: 'manager' as const });
  const viewer = (slug: string) => ({ slug, role: 'viewer' as const });

  it('opens a network at its home page, and a commissioner’s at its report library', () => {
    expect(networkLandingPage('manager')).toBe('home');
    expect(networkLandingPage('lead')).toBe('home');
    expect(networkLandingPage('contributor')).toBe('home');
    expect(networkLandingPage('commissioner')).toBe('reports');
  });

  it('opens the same page in the other network', () => {
    expect(switchNetworkUrl('/n/a/home', viewer('b'))).toBe('/n/b/home');
    expect(switchNetworkUrl('/n/a/profile', manager('b'))).toBe('/n/b/profile');
    expect(switchNetworkUrl('/n/a/members', manager('b'))).toBe('/n/b/members');
    expect(switchNetworkUrl('/n/a/profile/edit', manager('b'))).toBe('/n/b/profile/edit');
    expect(switchNetworkUrl('/n/a/risks', viewer('b'))).toBe('/n/b/risks');
    expect(switchNetworkUrl('/n/a/plan', viewer('b'))).toBe('/n/b/plan');
    expect(switchNetworkUrl('/n/a/plan/mine', viewer('b'))).toBe('/n/b/plan/mine');
    expect(switchNetworkUrl('/n/a/board', viewer('b'))).toBe('/n/b/board');
  });

  it('opens the section’s list from a record’s page, whose record is of the network being left', () => {
    const id = '6f1c2b1e-1111-4111-8111-000000000001';
    expect(switchNetworkUrl(`/n/a/risks/${id}`, viewer('b'))).toBe('/n/b/risks');
    expect(switchNetworkUrl(`/n/a/risks/${id}/edit`, manager('b'))).toBe('/n/b/risks');
    expect(switchNetworkUrl(`/n/a/plan/${id}/items/${id}`, viewer('b'))).toBe('/n/b/plan');
    expect(switchNetworkUrl(`/n/a/plan/${id}/update`, { slug: 'b', role: 'lead' })).toBe('/n/b/plan');
    expect(switchNetworkUrl(`/n/a/board/${id}`, viewer('b'))).toBe('/n/b/board');
    expect(switchNetworkUrl(`/n/a/peer-review/cycles/${id}/actions`, viewer('b'))).toBe('/n/b/peer-review/cycles');
    expect(switchNetworkUrl(`/n/a/reports/annual/${id}`, viewer('b'))).toBe('/n/b/reports');
  });

  it('falls back to the home page when the role there does not allow the page', () => {
    expect(switchNetworkUrl('/n/a/members', viewer('b'))).toBe('/n/b/home');
    expect(switchNetworkUrl('/n/a/audit', { slug: 'b', role: 'lead' })).toBe('/n/b/home');
    expect(switchNetworkUrl('/n/a/profile/edit', { slug: 'b', role: 'lead' })).toBe('/n/b/home');
    expect(switchNetworkUrl('/n/a/risks/new', viewer('b'))).toBe('/n/b/home');
    const contributor = { slug: 'b', role: 'contributor' as const };
    expect(switchNetworkUrl('/n/a/members', contributor)).toBe('/n/b/home');
    expect(switchNetworkUrl('/n/a/peer-review/cycles', contributor)).toBe('/n/b/peer-review/cycles');
  });

  it('keeps the scheduled reports and their delivery log for managers; from one schedule, their list', () => {
    expect(switchNetworkUrl('/n/a/schedules', manager('b'))).toBe('/n/b/schedules');
    expect(switchNetworkUrl('/n/a/schedules/log?scheduleId=123', manager('b'))).toBe('/n/b/schedules/log');
    expect(switchNetworkUrl('/n/a/schedules/123/edit', manager('b'))).toBe('/n/b/schedules');
    expect(switchNetworkUrl('/n/a/schedules', viewer('b'))).toBe('/n/b/home');
  });

  it('drops query strings and fragments, which name records of the network being left', () => {
    expect(switchNetworkUrl('/n/a/audit?entityType=network_profile&entityId=123', manager('b'))).toBe('/n/b/audit');
    expect(switchNetworkUrl('/n/a/profile#branding', viewer('b'))).toBe('/n/b/profile');
  });

  it('goes to the network’s landing from pages outside a network or unknown pages', () => {
    expect(switchNetworkUrl('/', viewer('b'))).toBe('/n/b');
    expect(switchNetworkUrl('/admin/networks', viewer('b'))).toBe('/n/b');
    expect(switchNetworkUrl('/n/a', viewer('b'))).toBe('/n/b/home');
    expect(switchNetworkUrl('/n/a/something-new', viewer('b'))).toBe('/n/b/home');
  });

  it('keeps the report library, which every role reads, commissioners included', () => {
    expect(switchNetworkUrl('/n/a/reports', viewer('b'))).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a/reports', { slug: 'b', role: 'commissioner' })).toBe('/n/b/reports');
  });

  it('takes a commissioner, who reads only the reports, to the other network’s report library', () => {
    const commissioner = { slug: 'b', role: 'commissioner' as const };
    expect(switchNetworkUrl('/n/a/home', commissioner)).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a/profile', commissioner)).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a/members', commissioner)).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a/plan', commissioner)).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a/risks/123', commissioner)).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a', commissioner)).toBe('/n/b/reports');
    expect(switchNetworkUrl('/reports', commissioner)).toBe('/n/b');
  });

  it('does not confuse a network called "n" or a trailing slash', () => {
    expect(switchNetworkUrl('/n/n/members/', manager('b'))).toBe('/n/b/members');
  });

  it('encodes the target slug', () => {
    expect(switchNetworkUrl('/n/a/profile', viewer('b c'))).toBe('/n/b%20c/profile');
  });
});
