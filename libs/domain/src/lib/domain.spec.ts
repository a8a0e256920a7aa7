import {
  can,
  contrastRatio,
  isMembershipRole,
  isValidSlug,
  MEMBERSHIP_ROLES,
  readableTextOn,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  roleNeedsOrganisation,
  slugify,
  takesPartInWork,
  type Permission,
} from '../index';

describe('roles', () => {
  it('lets only managers edit the profile, manage members and read the audit trail', () => {
    expect(can('manager', 'profile.edit')).toBe(true);
    expect(can('manager', 'members.manage')).toBe(true);
    expect(can('manager', 'audit.read')).toBe(true);
    for (const role of ['lead', 'contributor', 'viewer'] as const) {
      expect(can(role, 'network.read')).toBe(true);
      expect(can(role, 'profile.edit')).toBe(false);
      expect(can(role, 'members.manage')).toBe(false);
      expect(can(role, 'audit.read')).toBe(false);
    }
  });
  it('lets only managers keep board meetings; everyone in the network reads them', () => {
    expect(can('manager', 'board.manage')).toBe(true);
    for (const role of ['lead', 'contributor', 'viewer'] as const) {
      expect(can(role, 'board.manage')).toBe(false);
      expect(can(role, 'network.read')).toBe(true);
    }
  });
  it('lets only managers keep standard sets; everyone in the network but a commissioner reads them', () => {
    expect(can('manager', 'standards.manage')).toBe(true);
    for (const role of ['lead', 'contributor', 'viewer', 'commissioner'] as const) expect(can(role, 'standards.manage')).toBe(false);
  });
  it('lets only managers run the peer review programme; managers and contributors (their own organisation) upload submissions', () => {
    expect(MEMBERSHIP_ROLES.filter((role) => can(role, 'peer-review.manage'))).toEqual(['manager']);
    expect(MEMBERSHIP_ROLES.filter((role) => can(role, 'peer-review.submit'))).toEqual(['manager', 'contributor']);
  });
  it('grants nothing without a role', () => {
    expect(can(null, 'network.read')).toBe(false);
    expect(can(undefined, 'network.read')).toBe(false);
    expect(can(null, 'reports.read')).toBe(false);
  });
  it('lets every role read and download the reports; only managers ask for them', () => {
    for (const role of MEMBERSHIP_ROLES) {
      expect([role, can(role, 'reports.read')]).toEqual([role, true]);
      expect([role, can(role, 'reports.generate')]).toEqual([role, role === 'manager']);
    }
  });
  it('gives a commissioner the reports and nothing else: not even the network’s profile, plans or risks', () => {
    // Every permission (a Record, so that a new one fails the type-check until it is listed here and considered).
    const every: Record<Permission, true> = {
      'network.read': true,
      'reports.read': true,
      'profile.edit': true,
      'members.manage': true,
      'audit.read': true,
      'plan.edit': true,
      'plan.progress': true,
      'risk.edit': true,
      'risk.review': true,
      'reports.generate': true,
      'recipients.manage': true,
      'schedules.manage': true,
      'board.manage': true,
      'nudges.manage': true,
      'standards.manage': true,
      'peer-review.manage': true,
      'peer-review.submit': true,
    };
    expect((Object.keys(every) as Permission[]).filter((permission) => can('commissioner', permission))).toEqual(['reports.read']);
    for (const role of ['manager', 'lead', 'contributor', 'viewer'] as const) expect(can(role, 'network.read')).toBe(true);
    expect(isMembershipRole('commissioner')).toBe(true);
    expect(ROLE_LABELS.commissioner).toBe('Commissioner');
    expect(ROLE_DESCRIPTIONS.commissioner).toMatch(/reports/);
    expect(roleNeedsOrganisation('commissioner')).toBe(false);
  });
  it('lets only people who read the network lead its work: not a commissioner', () => {
    expect(MEMBERSHIP_ROLES.filter(takesPartInWork)).toEqual(['manager', 'lead', 'contributor', 'viewer']);
  });
  it('ties contributors, and only contributors, to an organisation', () => {
    expect(roleNeedsOrganisation('contributor')).toBe(true);
    expect(roleNeedsOrganisation('viewer')).toBe(false);
  });
});

describe('slugs', () => {
  it('makes URL-safe slugs from network names', () => {
    expect(slugify('East Midlands Major Trauma Network')).toBe('east-midlands-major-trauma-network');
    expect(slugify('Cheshire & Mersey  ODN')).toBe('cheshire-and-mersey-odn');
    expect(slugify('  Réseau Spinal ')).toBe('reseau-spinal');
  });
  it('accepts only lower-case words joined by single hyphens', () => {
    expect(isValidSlug('north-spinal')).toBe(true);
    expect(isValidSlug('North')).toBe(false);
    expect(isValidSlug('a--b')).toBe(false);
    expect(isValidSlug('-ab')).toBe(false);
    expect(isValidSlug('a')).toBe(false);
    expect(isValidSlug('x'.repeat(49))).toBe(false);
  });
});

describe('colours', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#005eb8', '#ffffff')).toBeGreaterThan(4.5);
  });
  it('picks readable text for a brand colour', () => {
    expect(readableTextOn('#005eb8')).toBe('#ffffff');
    expect(readableTextOn('#ffeb3b')).toBe('#000000');
  });
});
