import { Injectable } from '@nestjs/common';
import type { AdminNetworkDto, CreatedNetworkDto, CreateNetworkRequest } from '@plexus/contracts';
import { Network, NetworkProfile, TenantDb } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';
import { InviteService } from '../invites/invite.service';

/** Platform operators create networks and invite each one's first manager. They do not browse tenant data. */
@Injectable()
export class AdminNetworksService {
  constructor(
    private readonly db: TenantDb,
    private readonly invites: InviteService,
  ) {}

  list(operatorId: string): Promise<AdminNetworkDto[]> {
    return this.db.run({ userId: operatorId }, async ({ em }) =>
      (await em.find(Network, {}, { orderBy: { name: 'asc' } })).map((n) => ({ id: n.id, slug: n.slug, name: n.name, createdAt: n.createdAt.toISOString() })),
    );
  }

  create(input: Required<CreateNetworkRequest>, operatorId: string): Promise<CreatedNetworkDto> {
    return this.db.run({ userId: operatorId }, async (scope) => {
      const { em } = scope;
      if (await em.findOne(Network, { slug: input.slug })) {
        throw DomainException.field('slug', `The address "${input.slug}" is taken; choose another`, 'conflict');
      }
      const network = Object.assign(new Network(), { slug: input.slug, name: input.name });
      // The new network's rows are written inside its own tenant context, like any other.
      await this.db.enterNetwork(scope, { networkId: network.id, networkSlug: network.slug, role: null, organisationId: null });
      em.persist(network);
      em.persist(Object.assign(new NetworkProfile(), { networkId: network.id, specialty: input.specialty, region: input.region }));
      await em.flush();
      const invite = await this.invites.create(
        { email: input.managerEmail, displayName: input.managerName, role: 'manager', organisationId: null },
        operatorId,
        network.name,
        network.slug,
      );
      return {
        id: network.id,
        slug: network.slug,
        name: network.name,
        createdAt: network.createdAt.toISOString(),
        managerInviteUrl: invite.url,
        managerInviteExpiresAt: invite.expiresAt,
      };
    });
  }
}
