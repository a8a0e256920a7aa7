import { Injectable } from '@nestjs/common';
import { sql } from '../db/sql';
import { RequestScopes, type TenantScope } from '../tenancy/request-scope';
import { AppUser } from '../user/app-user.entity';
import { Membership } from './membership.entity';

/** Queries for who belongs to a network and in which role. */
@Injectable()
export class MembershipRepository {
  private get em() {
    return RequestScopes.em();
  }

  /**
   * Resolves a request's network from its slug against the caller's memberships and, in the same statement, switches
   * the database side of the transaction to it (`app.network_id`; the caller records it as the scope's tenant): one round trip instead of three. RLS lets a person read only their own
   * memberships before a network is chosen, so another person's membership never matches. Null when the network does
   * not exist or the caller is not a member (the request then answers 404 either way).
   */
  async enterAsMember(slug: string, userId: string): Promise<TenantScope | null> {
    const q = sql`
      select n.id as network_id, n.slug, m.role, m.organisation_id, set_config('app.network_id', n.id::text, true) as entered
      from network n
      join membership m on m.network_id = n.id and m.user_id = ${userId}
      where n.slug = ${slug}`;
    const [row] = await this.em.execute<Array<{ network_id: string; slug: string; role: Membership['role']; organisation_id: string | null }>>(
      q.text,
      q.params,
    );
    return row ? { networkId: row.network_id, networkSlug: row.slug, role: row.role, organisationId: row.organisation_id } : null;
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
