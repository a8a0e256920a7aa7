/** A person's role in one network. A person may hold a different role in each network. */
export const MEMBERSHIP_ROLES = ['manager', 'lead', 'contributor', 'viewer', 'commissioner'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const ROLE_LABELS: Record<MembershipRole, string> = {
  manager: 'Network manager',
  lead: 'Lead',
  contributor: 'Member-organisation contributor',
  viewer: 'Viewer',
  commissioner: 'Commissioner',
};

export const ROLE_DESCRIPTIONS: Record<MembershipRole, string> = {
  manager: 'Edits everything in the network, invites people and sets their roles.',
  lead: 'Updates progress on the items they lead.',
  contributor: 'Works for one member organisation: completes its own submissions.',
  viewer: 'Reads everything and downloads reports.',
  commissioner: 'Reads and downloads the network’s reports, and nothing else (an ICB or NHS England commissioner).',
};

/** What a member may do. Kept in one table so that the API enforces and the web app reflects the same rules. */
export type Permission =
  /** Read the network: its profile, work plans, risk register (every member but a commissioner). */
  | 'network.read'
  /** Read the network's document library and download its reports (every member, commissioners included). */
  | 'reports.read'
  | 'profile.edit'
  | 'members.manage'
  | 'audit.read'
  /** Create and edit plans, themes, objectives and work items; import and approve. */
  | 'plan.edit'
  /** Add progress updates — to any item (managers) or, for leads, to the items they lead (checked per item). */
  | 'plan.progress'
  /** Create, edit, close and re-open risks; import the register. */
  | 'risk.edit'
  /** Record risk reviews — any risk (managers) or, for leads, the risks they lead (checked per risk). */
  | 'risk.review'
  /** Ask for board reports (PDFs) and retry failed ones; reading and downloading them is `reports.read`. */
  | 'reports.generate'
  /** Keep the network's recipients (people who receive reports by email) and distribution lists, and read them (their emails are personal data). */
  | 'recipients.manage'
  /** Keep the network's scheduled emailed reports, send them now, read their delivery log, revoke links. */
  | 'schedules.manage'
  /** Keep the network board's meetings and their agendas (everyone in the network can read them). */
  | 'board.manage'
  /** Send nudges to leads (emails with a link to update their items and risks) and see who has updated. */
  | 'nudges.manage'
  /** Keep the network's standard sets (criteria, versions, import); everyone in the network reads them, and the national sets. */
  | 'standards.manage'
  /** Run the peer review programme: cycles, their activities and organisations in scope; accept submissions or ask for more. */
  | 'peer-review.manage'
  /**
   * Upload a peer review submission's documents — any organisation's (managers) or, for contributors, their own
   * organisation's only (checked per submission: another organisation's answers 404).
   */
  | 'peer-review.submit';

const GRANTS: Record<MembershipRole, readonly Permission[]> = {
  manager: [
    'network.read',
    'reports.read',
    'profile.edit',
    'members.manage',
    'audit.read',
    'plan.edit',
    'plan.progress',
    'risk.edit',
    'risk.review',
    'reports.generate',
    'recipients.manage',
    'schedules.manage',
    'board.manage',
    'nudges.manage',
    'standards.manage',
    'peer-review.manage',
    'peer-review.submit',
  ],
  lead: ['network.read', 'reports.read', 'plan.progress', 'risk.review'],
  contributor: ['network.read', 'reports.read', 'peer-review.submit'],
  viewer: ['network.read', 'reports.read'],
  /** A commissioner (ICB, NHS England specialised commissioning) reads the network's reports and nothing else. */
  commissioner: ['reports.read'],
};

export function can(role: MembershipRole | null | undefined, permission: Permission): boolean {
  return role != null && GRANTS[role].includes(permission);
}

export function isMembershipRole(value: unknown): value is MembershipRole {
  return typeof value === 'string' && (MEMBERSHIP_ROLES as readonly string[]).includes(value);
}

/**
 * Whether people in this role take part in the network's work, so that they can be chosen as the lead of a work
 * item or the mitigation lead of a risk: everyone who can read the network. A commissioner only reads its reports.
 */
export function takesPartInWork(role: MembershipRole): boolean {
  return can(role, 'network.read');
}

/** A contributor always acts for one member organisation; other roles may name one for information. */
export function roleNeedsOrganisation(role: MembershipRole): boolean {
  return role === 'contributor';
}
