import { switchNetworkUrl } from './network-switch';

describe('switchNetworkUrl', () => {
  const manager = (slug: string) => ({ slug, role: 'manager' as const });
  const viewer = (slug: string) => ({ slug, role: 'viewer' as const });

  it('opens the same page in the other network', () => {
    expect(switchNetworkUrl('/n/a/profile', manager('b'))).toBe('/n/b/profile');
    expect(switchNetworkUrl('/n/a/members', manager('b'))).toBe('/n/b/members');
    expect(switchNetworkUrl('/n/a/profile/edit', manager('b'))).toBe('/n/b/profile/edit');
  });

  it('falls back to the profile when the role there does not allow the page', () => {
    expect(switchNetworkUrl('/n/a/members', viewer('b'))).toBe('/n/b/profile');
    expect(switchNetworkUrl('/n/a/audit', { slug: 'b', role: 'lead' })).toBe('/n/b/profile');
    expect(switchNetworkUrl('/n/a/profile/edit', { slug: 'b', role: 'lead' })).toBe('/n/b/profile');
  });

  it('takes a contributor to what their organisation owes in peer review, where a page is not theirs to see', () => {
    const contributor = { slug: 'b', role: 'contributor' as const };
    expect(switchNetworkUrl('/n/a/profile/edit', contributor)).toBe('/n/b/peer-review/cycles');
    expect(switchNetworkUrl('/n/a/members', contributor)).toBe('/n/b/peer-review/cycles');
    expect(switchNetworkUrl('/n/a/profile', contributor)).toBe('/n/b/profile');
    expect(switchNetworkUrl('/n/a/peer-review/cycles', viewer('b'))).toBe('/n/b/peer-review/cycles');
  });

  it('keeps the scheduled reports and their delivery log for managers, but not one schedule, which is of the network left', () => {
    expect(switchNetworkUrl('/n/a/schedules', manager('b'))).toBe('/n/b/schedules');
    expect(switchNetworkUrl('/n/a/schedules/log?scheduleId=123', manager('b'))).toBe('/n/b/schedules/log');
    expect(switchNetworkUrl('/n/a/schedules/123/edit', manager('b'))).toBe('/n/b/profile');
    expect(switchNetworkUrl('/n/a/schedules', viewer('b'))).toBe('/n/b/profile');
  });

  it('drops query strings and fragments, which name records of the network being left', () => {
    expect(switchNetworkUrl('/n/a/audit?entityType=network_profile&entityId=123', manager('b'))).toBe('/n/b/audit');
    expect(switchNetworkUrl('/n/a/profile#branding', viewer('b'))).toBe('/n/b/profile');
  });

  it('goes to the network’s home from pages outside a network or unknown pages', () => {
    expect(switchNetworkUrl('/', viewer('b'))).toBe('/n/b');
    expect(switchNetworkUrl('/admin/networks', viewer('b'))).toBe('/n/b');
    expect(switchNetworkUrl('/n/a', viewer('b'))).toBe('/n/b/profile');
    expect(switchNetworkUrl('/n/a/something-new', viewer('b'))).toBe('/n/b/profile');
  });

  it('keeps the report library, which every role reads, commissioners included', () => {
    expect(switchNetworkUrl('/n/a/reports', viewer('b'))).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a/reports', { slug: 'b', role: 'commissioner' })).toBe('/n/b/reports');
  });

  it('takes a commissioner, who reads only the reports, to the other network’s report library instead of its profile', () => {
    const commissioner = { slug: 'b', role: 'commissioner' as const };
    expect(switchNetworkUrl('/n/a/profile', commissioner)).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a/members', commissioner)).toBe('/n/b/reports');
    expect(switchNetworkUrl('/n/a/plan', commissioner)).toBe('/n/b/reports');
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
