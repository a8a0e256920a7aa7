const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sir', 'dame']);

/** A person's name for matching: lower case, no punctuation, no title (Dr, Mr, Prof…). */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !HONORIFICS.has(w))
    .join(' ');
}

export interface KnownPeople {
  /** Members of the network: user id → display name. */
  members: Map<string, string>;
  /** Leadership roles: title → the person's name (as written in the profile). */
  roles: Array<{ title: string; personName: string }>;
}

export interface ResolvedLead {
  userId: string | null;
  title: string;
  /** True when the lead is a member, or a leadership role of the network. */
  known: boolean;
}

/**
 * Reads one lead as written: a member's name (→ that member), a leadership role's title (→ the title, and the
 * member who holds it, if they are one), `Title (Name)` (as exported), or else a role title kept as written.
 */
export function resolveLead(written: string, people: KnownPeople): ResolvedLead {
  const text = written.trim();
  const byName = new Map<string, string>();
  for (const [userId, name] of people.members) byName.set(normaliseName(name), userId);
  const memberNamed = (name: string) => byName.get(normaliseName(name)) ?? null;

  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  if (paren) {
    const userId = memberNamed(paren[2]);
    if (userId) return { userId, title: paren[1].trim(), known: true };
  }
  const member = memberNamed(text);
  if (member) return { userId: member, title: '', known: true };
  const role = people.roles.find((r) => r.title.toLowerCase() === text.toLowerCase());
  if (role) return { userId: memberNamed(role.personName), title: role.title, known: true };
  return { userId: null, title: text, known: false };
}
