import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { LeadershipRole } from './leadership-role.entity';
import { MemberOrganisation } from './member-organisation.entity';
import { Network } from './network.entity';
import { NetworkProfile } from './network-profile.entity';

/**
 * Queries for networks: the registry (readable by slug before a network is chosen) and the current network's
 * profile, member organisations and leadership roles (scoped by the tenant filter and RLS).
 */
@Injectable()
export class NetworkRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** Every network on the platform, by name (the registry only: no tenant data). */
  all(): Promise<Network[]> {
    return this.em.find(Network, {}, { orderBy: { name: 'asc' } });
  }

  bySlug(slug: string): Promise<Network | null> {
    return this.em.findOne(Network, { slug });
  }

  /** The network in context. */
  network(): Promise<Network> {
    return this.em.findOneOrFail(Network, { id: RequestScopes.networkId() });
  }

  profile(): Promise<NetworkProfile> {
    return this.em.findOneOrFail(NetworkProfile, { networkId: RequestScopes.networkId() });
  }

  organisations(): Promise<MemberOrganisation[]> {
    return this.em.find(MemberOrganisation, {}, { orderBy: { position: 'asc', name: 'asc' } });
  }

  organisation(id: string): Promise<MemberOrganisation | null> {
    return this.em.findOne(MemberOrganisation, { id });
  }

  leadershipRoles(): Promise<LeadershipRole[]> {
    return this.em.find(LeadershipRole, {}, { orderBy: { position: 'asc' } });
  }
}
