/**
 * Network role titles common across clinical networks, used (with the network's own) to split run-together lead
 * cells. Bare titles ("Medical Director") are left out: they are often qualified ("EMAS Medical Director").
 */
export const COMMON_ROLE_TITLES = [
  'Network Manager',
  'Network Chair',
  'Network Director',
  'Network Clinical Lead',
  'Network Medical Lead',
  'Network Rehab Director',
  'Network Rehabilitation Director',
  'Network QSI Lead',
  'Network Nurse Lead',
];

const BULLET = /^[\s·•▪◦‣●○■□\-–*]+/;

/** A list cell (measures, steps): one entry per line, bullets removed, inline bullets split, blanks dropped. */
export function splitList(cell: string): string[] {
  return cell
    .split(/\r?\n|\s+[·•▪◦‣●]\s+/)
    .map((line) => line.replace(BULLET, '').trim())
    .filter((line) => line.length > 0);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits text before each "Network X" that starts a new title ("Network Medical Lead Network Manager"). */
function splitAtNetwork(text: string): string[] {
  const starts = [...text.matchAll(/(?<=\s)Network(?=\s+\S)/g)].map((m) => m.index ?? 0);
  const parts: string[] = [];
  let from = 0;
  for (const at of starts) {
    parts.push(text.slice(from, at));
    from = at;
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Lead separators: line breaks, semicolons, commas, and "/" outside brackets ("Network Manager / Chair"). */
const LEAD_SEPARATOR = /\r?\n|;|,|\/(?![^()]*\))/;

/**
 * Splits a lead cell into leads. Separators: line breaks, semicolons, commas and "/". Word tables often lose the
 * line breaks between titles ("Network Medical Lead Network Rehab Director Network Manager"): short cells are
 * cut at known titles (the network's leadership roles and members, and common titles) and before each
 * "Network …". Sentences and long phrases ("Clinical Leads from each Hub …") are kept whole.
 */
export function splitLeads(cell: string, known: readonly string[]): string[] {
  const titles = [...new Set([...known, ...COMMON_ROLE_TITLES].map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const pattern = titles.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${titles.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  const leads: string[] = [];
  for (const raw of cell.split(LEAD_SEPARATOR)) {
    const piece = raw.replace(BULLET, '').replace(/\s+/g, ' ').trim();
    if (!piece) continue;
    const words = piece.split(' ').length;
    if (piece.includes('(') || /[.!?]\s/.test(piece) || words > 12 || !pattern) {
      leads.push(piece.replace(/\.$/, ''));
      continue;
    }
    let from = 0;
    for (const match of piece.matchAll(pattern)) {
      const at = match.index ?? 0;
      leads.push(...splitAtNetwork(piece.slice(from, at)));
      leads.push(match[0]);
      from = at + match[0].length;
    }
    leads.push(...splitAtNetwork(piece.slice(from)));
  }
  return leads.map((l) => l.replace(/^[\s,;&]+|[\s,;&]+$/g, '')).filter(Boolean);
}
