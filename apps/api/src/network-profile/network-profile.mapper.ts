import type { NetworkProfileDto } from '@plexus/contracts';
import type { LeadershipRole, MemberOrganisation, Network, NetworkProfile, StoredFile } from '@plexus/server';

/** A network's profile as the API answers it. */
export function toNetworkProfileDto(p: {
  network: Network;
  profile: NetworkProfile;
  organisations: MemberOrganisation[];
  roles: LeadershipRole[];
  logo: StoredFile | null;
}): NetworkProfileDto {
  const { network, profile, logo } = p;
  return {
    networkId: network.id,
    slug: network.slug,
    name: network.name,
    specialty: profile.specialty,
    region: profile.region,
    purpose: profile.purpose,
    vision: profile.vision,
    coreFunctions: profile.coreFunctions,
    leadershipRoles: p.roles.map((r) => ({ id: r.id, title: r.title, personName: r.personName })),
    memberOrganisations: p.organisations.map((o) => ({ id: o.id, name: o.name, type: o.type })),
    branding: {
      primaryColour: profile.primaryColour,
      accentColour: profile.accentColour,
      classification: profile.classification,
      logo: logo ? { contentType: logo.contentType, size: logo.sizeBytes, updatedAt: logo.createdAt.toISOString() } : null,
    },
    riskPrefix: profile.riskPrefix,
    version: profile.version,
    updatedAt: profile.updatedAt.toISOString(),
  };
}
