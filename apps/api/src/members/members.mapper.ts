import type { MemberDto } from '@plexus/contracts';
import type { AppUser, MemberOrganisation, Membership } from '@plexus/server';

/** A member of the network as the API answers it: the membership, the person, and their organisation's name. */
export function toMemberDto(m: Membership, u: AppUser, orgs: MemberOrganisation[]): MemberDto {
  return {
    id: m.id,
    userId: m.userId,
    displayName: u.displayName,
    email: u.email,
    role: m.role,
    organisationId: m.organisationId,
    organisationName: orgs.find((o) => o.id === m.organisationId)?.name ?? null,
    joinedAt: m.createdAt.toISOString(),
  };
}
