import { can, type MembershipRole, type Permission } from '@plexus/domain';

/** The pages of a network, by their path under `/n/:network`, and what each needs. */
const NETWORK_PAGES: ReadonlyArray<{ path: string; permission: Permission }> = [
  { path: 'profile/edit', permission: 'profile.edit' },
  { path: 'profile', permission: 'network.read' },
  { path: 'peer-review/cycles', permission: 'network.read' },
  { path: 'reports', permission: 'reports.read' },
  { path: 'members', permission: 'members.manage' },
  { path: 'recipients', permission: 'recipients.manage' },
  { path: 'schedules', permission: 'schedules.manage' },
  { path: 'schedules/new', permission: 'schedules.manage' },
  { path: 'schedules/log', permission: 'schedules.manage' },
  { path: 'nudges', permission: 'nudges.manage' },
  { path: 'audit', permission: 'audit.read' },
];

/**
 * The first page of a network for a role there (what `/n/:network` opens): its profile; for a contributor, who acts
 * for one member organisation, what that organisation owes in peer review (and by when); for a commissioner, who
 * reads only the network's reports, its report library.
 */
export function networkLandingPage(role: MembershipRole): 'profile' | 'reports' | 'peer-review/cycles' {
  if (role === 'contributor') return 'peer-review/cycles';
  return can(role, 'network.read') ? 'profile' : 'reports';
}

export interface SwitchTarget {
  slug: string;
  role: MembershipRole;
}

/**
 * Where the network switcher goes: the same page in the other network (`/n/a/members` →
 * `/n/b/members`) when the person may see that page there, otherwise the other network's first page
 * for their role (its profile; a commissioner's: its reports).
 * Query strings and fragments are dropped: they name records of the network being left.
 */
export function switchNetworkUrl(currentUrl: string, target: SwitchTarget): string {
  const base = `/n/${encodeURIComponent(target.slug)}`;
  const landing = `${base}/${networkLandingPage(target.role)}`;
  const path = currentUrl.split(/[?#]/, 1)[0];
  const match = /^\/n\/[^/]+(?:\/(.*))?$/.exec(path);
  if (!match) return base;
  const rest = (match[1] ?? '').replace(/\/+$/, '');
  const page = NETWORK_PAGES.find((candidate) => rest === candidate.path);
  if (!page) return landing;
  return can(target.role, page.permission) ? `${base}/${page.path}` : landing;
}
