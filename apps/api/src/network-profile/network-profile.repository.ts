import { Injectable } from '@nestjs/common';
import { LeadershipRole, MemberOrganisation, Network, NetworkProfile, RequestScopes, StoredFile } from '@plexus/server';

/** Queries for the current network's profile. Every read is scoped by the tenant filter and RLS. */
@Injectable()
export class NetworkProfileRepository {
  private get em() {
    return RequestScopes.em();
  }

  network(): Promise<Network> {
    return this.em.findOneOrFail(Network, { id: RequestScopes.networkId() });
  }

  profile(): Promise<NetworkProfile> {
    return this.em.findOneOrFail(NetworkProfile, { networkId: RequestScopes.networkId() });
  }

  organisations(): Promise<MemberOrganisation[]> {
    return this.em.find(MemberOrganisation, {}, { orderBy: { position: 'asc', name: 'asc' } });
  }

  leadershipRoles(): Promise<LeadershipRole[]> {
    return this.em.find(LeadershipRole, {}, { orderBy: { position: 'asc' } });
  }

  logoMeta(id: string): Promise<StoredFile | null> {
    return this.em.findOne(StoredFile, { id });
  }

  logoWithData(id: string): Promise<StoredFile | null> {
    return this.em.findOne(StoredFile, { id }, { populate: ['data'] });
  }
}
