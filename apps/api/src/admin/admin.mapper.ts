import type { AdminNetworkDto } from '@plexus/contracts';
import type { Network } from '@plexus/server';

/** A network as platform operators see it: the registry entry only, no tenant data. */
export function toAdminNetworkDto(n: Network): AdminNetworkDto {
  return { id: n.id, slug: n.slug, name: n.name, createdAt: n.createdAt.toISOString() };
}
