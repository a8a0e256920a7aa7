import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type OrganisationType } from '../organisation-types';

/**
 * Which member organisations a criterion of a standard set applies to: a list of organisation types, empty for
 * every type (a network-wide criterion). National specifications number and scope their measures by the kind of
 * unit (a major trauma centre, a trauma unit, the ambulance service…).
 */

/** Whether a criterion that applies to `appliesTo` (empty: every type) applies to an organisation of `organisationType`. */
export function criterionApplies(appliesTo: readonly string[] | null | undefined, organisationType: string): boolean {
  if (!appliesTo || appliesTo.length === 0) return true;
  return appliesTo.includes(organisationType);
}

export function isOrganisationType(value: unknown): value is OrganisationType {
  return typeof value === 'string' && (ORGANISATION_TYPES as readonly string[]).includes(value);
}

/** `All organisations`, or the types' labels in the order of ORGANISATION_TYPES: `Major trauma centre, Trauma unit`. */
export function describeAppliesTo(appliesTo: readonly OrganisationType[]): string {
  if (appliesTo.length === 0) return 'All organisations';
  return ORGANISATION_TYPES.filter((t) => appliesTo.includes(t))
    .map((t) => ORGANISATION_TYPE_LABELS[t])
    .join(', ');
}

/** Short forms people write in a spreadsheet's "Applies to" column, besides each type's label and code. */
const ABBREVIATIONS: Readonly<Record<string, OrganisationType>> = {
  mtc: 'major_trauma_centre',
  tu: 'trauma_unit',
  leh: 'local_emergency_hospital',
  icb: 'icb',
  ambulance: 'ambulance_service',
  'ambulance trust': 'ambulance_service',
  'integrated care board': 'icb',
  'spinal partner': 'spinal_partner',
  rehabilitation: 'rehabilitation_provider',
  'independent sector': 'independent_sector',
};

/** Lower case, words only: `Major Trauma Centres` → `major trauma centres`. */
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const KNOWN = new Map<string, OrganisationType>();
for (const type of ORGANISATION_TYPES) {
  KNOWN.set(words(type), type);
  KNOWN.set(words(ORGANISATION_TYPE_LABELS[type]), type);
}
for (const [name, type] of Object.entries(ABBREVIATIONS)) KNOWN.set(words(name), type);

/** Words that mean "every organisation": the column left as they are is the same as empty. */
const EVERY = new Set(['all', 'all organisations', 'any', 'everyone', 'all types']);

function lookUp(name: string): OrganisationType | null {
  const w = words(name);
  return KNOWN.get(w) ?? (w.endsWith('s') ? (KNOWN.get(w.slice(0, -1)) ?? null) : null);
}

export interface ParsedAppliesTo {
  /** The types named, each once, in the order of ORGANISATION_TYPES; empty for every type. */
  types: OrganisationType[];
  /** What could not be read as an organisation type, as written. */
  unknown: string[];
}

/**
 * An "Applies to" cell as written in a spreadsheet: organisation types by label (`Major trauma centre`), code
 * (`major_trauma_centre`) or short form (`MTC`, `TU`), in any case, singular or plural, separated by commas,
 * semicolons or line breaks. Empty, or "All", means every type.
 */
export function parseAppliesTo(cell: string): ParsedAppliesTo {
  const parts = cell
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 1 && EVERY.has(words(parts[0]))) return { types: [], unknown: [] };
  const found = new Set<OrganisationType>();
  const unknown: string[] = [];
  for (const part of parts) {
    const type = lookUp(part);
    if (type) found.add(type);
    else unknown.push(part);
  }
  return { types: ORGANISATION_TYPES.filter((t) => found.has(t)), unknown };
}
