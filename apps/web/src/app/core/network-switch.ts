import { can, type MembershipRole, type Permission } from '@plexus/domain';

/** The pages of a network, by their path under `/n/:network`, and what each needs. */
const NETWORK_PAGES: ReadonlyArray<{ path: string; permission: Permission }> = [
  { path: 'home', permission: 'network.read' },
  { path: 'profile/edit', permission: 'profile.edit' },
  { path: 'profile', permission: 'network.read' },
  { path: 'plan', permission: 'network.read' },
  { path: 'plan/mine', permission: 'network.read' },
  { path: 'risks', permission: 'network.read' },
  { path: 'risks/new', permission: 'risk.edit' },
  { path: 'risks/import', permission: 'risk.edit' },
  { path: 'board', permission: 'network.read' },
  { path: 'board/new', permission: 'board.manage' },
  { path: 'peer-review/cycles', permission: 'network.read' },
  { path: 'peer-review/standards', permission: 'network.read' },
  { path: 'reports', permission: 'reports.read' },
  { path: 'reports/new', permission: 'reports.generate' },
  { path: 'reports/annual', permission: 'reports.generate' },
  { path: 'members', permission: 'members.manage' },
  { path: 'recipients', permission: 'recipients.manage' },
  { path: 'schedules', permission: 'schedules.manage' },
  { path: 'schedules/new', permission: 'schedules.manage' },
  { path: 'schedules/log', permission: 'schedules.manage' },
  { path: 'nudges', permission: 'nudges.manage' },
  { path: 'audit', permission: 'audit.read' },
];

/**
 * Sections whose pages below the list are a record of the network being left (`plan/{planId}/items/{itemId}`,
 * `risks/{riskId}`…): switching from one opens that section's list in the other network. Longest prefix first.
 */
const SECTION_LISTS: readonly string[] = ['peer-review/cycles', 'peer-review/standards', 'reports', 'plan', 'risks', 'board', 'schedules'];

/**
 * The first page of a network for a role there (what `/n/:network` opens): its home page, what needs attention now;
 * for a commissioner, who reads only the network's reports, its report library.
 */
export function networkLandingPage(role: MembershipRole): 'home' | 'reports' {
  return can(role, 'network.read') ? 'home' : 'reports';
}

export interface SwitchTarget {
  slug: string;
  role: MembershipRole;
}

/**
 * Where the network switcher goes: the same kind of page in the other network — the same page (`/n/a/risks` →
 * `/n/b/risks`), or from a record's page that section's list (`/n/a/risks/{id}` → `/n/b/risks`) — when the person
 * may see it there, otherwise the other network's first page for their role (its home page; a commissioner's: its
 * reports). Query strings and fragments are dropped: they name records of the network being left.
 */
export function switchNetworkUrl(currentUrl: string, target: SwitchTarget): string {
  const base = `/n/${encodeURIComponent(target.slug)}`;
  const landing = `${base}/${networkLandingPage(target.role)}`;
  const path = currentUrl.split(/[?#]/, 1)[0];
  const match = /^\/n\/[^/]+(?:\/(.*))?$/.exec(path);
  if (!match) return base;
  const rest = (match[1] ?? '').replace(/\/+$/, '');
  const section = SECTION_LISTS.find((prefix) => rest.startsWith(`${prefix}/`));
  const wanted = NETWORK_PAGES.find((candidate) => rest === candidate.path) ?? NETWORK_PAGES.find((candidate) => candidate.path === section);
  if (!wanted) return landing;
  return can(target.role, wanted.permission) ? `${base}/${wanted.path}` : landing;
}
