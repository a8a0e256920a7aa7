import type { DistributionListDto, RecipientDto } from '@plexus/contracts';
import type { DistributionList, DistributionListMember, MemberOrganisation, Recipient } from '@plexus/server';

/** A recipient as the API answers it: their organisation's name resolved, and the lists they are in. */
export function toRecipientDto(r: Recipient, orgs: MemberOrganisation[], memberships: DistributionListMember[]): RecipientDto {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    organisationId: r.organisationId,
    organisationName: (r.organisationId ? orgs.find((o) => o.id === r.organisationId)?.name : r.organisationName) ?? '',
    role: r.role,
    listIds: memberships.filter((m) => m.recipientId === r.id).map((m) => m.listId),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A distribution list with its recipients by name (in name order). */
export function toDistributionListDto(l: DistributionList, recipients: Recipient[], memberships: DistributionListMember[]): DistributionListDto {
  const inList = new Set(memberships.filter((m) => m.listId === l.id).map((m) => m.recipientId));
  return {
    id: l.id,
    name: l.name,
    description: l.description,
    recipients: recipients
      .filter((r) => inList.has(r.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((r) => ({ id: r.id, name: r.name, email: r.email })),
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}
