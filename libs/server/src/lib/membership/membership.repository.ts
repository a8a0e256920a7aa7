import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { Network } from '../network/network.entity';
import { AppUser } from '../user/app-user.entity';
import { Membership } from './membership.entity';

/** Queries for who belongs to a network and in which role. */
@Injectable()
export class MembershipRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** The current network's memberships, oldest first. */
  all(): Promise<Membership[]> {
    return this.em.find(Membership, {}, { orderBy: { createdAt: 'asc' } });
  }

  /** The current network's members with their accounts, oldest membership first. */
  async withUsers(): Promise<Array<{ membership: Membership; user: AppUser }>> {
    const memberships = await this.all();
    const users = memberships.length ? await this.em.find(AppUser, { id: { $in: memberships.map((m) => m.userId) } }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return memberships.flatMap((membership) => {
      const user = byId.get(membership.userId);
      return user ? [{ membership, user }] : [];
    });
  }

  /**
   * Every network a person belongs to, with their membership there, by network name: read before any network is
   * entered (RLS shows a person their own memberships, and no one else's).
   */
  async networksOf(userId: string): Promise<Array<{ membership: Membership; network: Network }>> {
    const memberships = await this.em.find(Membership, { userId }, { filters: { tenant: false } });
    if (!memberships.length) return [];
    const networks = await this.em.find(Network, { id: { $in: memberships.map((m) => m.networkId) } }, { orderBy: { name: 'asc', id: 'asc' } });
    const byNetwork = new Map(memberships.map((m) => [m.networkId, m]));
    return networks.flatMap((network) => {
      const membership = byNetwork.get(network.id);
      return membership ? [{ membership, network }] : [];
    });
  }

  find(id: string): Promise<Membership | null> {
    return this.em.findOne(Membership, { id });
  }

  /** A person's membership of the current network. */
  ofUser(userId: string): Promise<Membership | null> {
    return this.em.findOne(Membership, { userId });
  }

  countManagersOtherThan(id: string): Promise<number> {
    return this.em.count(Membership, { role: 'manager', id: { $ne: id } });
  }

  countInOrganisations(organisationIds: string[]): Promise<number> {
    return organisationIds.length ? this.em.count(Membership, { organisationId: { $in: organisationIds } }) : Promise.resolve(0);
  }
}
