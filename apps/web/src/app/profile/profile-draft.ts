import type { NetworkProfileDto, UpdateNetworkProfileRequest } from '@plexus/contracts';
import type { OrganisationType } from '@plexus/domain';

/** The edit form's state. Rows carry a `key` (never sent) so that the DOM keeps each row's input. */
export interface ProfileDraft {
  name: string;
  specialty: string;
  region: string;
  purpose: string;
  vision: string;
  coreFunctions: Array<{ key: number; text: string }>;
  leadershipRoles: Array<{ key: number; id?: string; title: string; personName: string }>;
  memberOrganisations: Array<{ key: number; id?: string; name: string; type: OrganisationType | '' }>;
  branding: { primaryColour: string; accentColour: string; classification: string };
  /** Prefix of risk references (`SN` → SN/01). */
  riskPrefix: string;
}

let nextKey = 1;
export function newRowKey(): number {
  return nextKey++;
}

export function draftFromProfile(profile: NetworkProfileDto): ProfileDraft {
  return {
    name: profile.name,
    specialty: profile.specialty,
    region: profile.region,
    purpose: profile.purpose,
    vision: profile.vision,
    coreFunctions: profile.coreFunctions.map((text) => ({ key: newRowKey(), text })),
    leadershipRoles: profile.leadershipRoles.map((role) => ({ key: newRowKey(), id: role.id, title: role.title, personName: role.personName })),
    memberOrganisations: profile.memberOrganisations.map((org) => ({ key: newRowKey(), id: org.id, name: org.name, type: org.type })),
    branding: {
      primaryColour: profile.branding.primaryColour,
      accentColour: profile.branding.accentColour,
      classification: profile.branding.classification,
    },
    riskPrefix: profile.riskPrefix ?? '',
  };
}

/**
 * What the form would send, before validation: the same shape as `UpdateNetworkProfileRequest`, so
 * that `updateNetworkProfileSchema` checks it and its issue paths name the form's fields.
 * An unchosen organisation type stays `''` for the schema to reject.
 */
export function requestFromDraft(draft: ProfileDraft, version: number): Record<keyof UpdateNetworkProfileRequest, unknown> {
  return {
    version,
    name: draft.name,
    specialty: draft.specialty,
    region: draft.region,
    purpose: draft.purpose,
    vision: draft.vision,
    coreFunctions: draft.coreFunctions.map((row) => row.text),
    leadershipRoles: draft.leadershipRoles.map(({ id, title, personName }) => (id ? { id, title, personName } : { title, personName })),
    memberOrganisations: draft.memberOrganisations.map(({ id, name, type }) => (id ? { id, name, type } : { name, type })),
    branding: { ...draft.branding },
    riskPrefix: draft.riskPrefix.trim().toUpperCase(),
  };
}
