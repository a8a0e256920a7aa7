import { Injectable } from '@nestjs/common';
import type { AdminNetworkDto, CreatedNetworkDto, CreateNetworkRequest } from '@plexus/contracts';
import { Network, NetworkProfile, NetworkRepository, TenantDb } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';
import { InviteService } from '../invites/invite.service';
import { toAdminNetworkDto } from './admin.mapper';

/** Platform operators create networks and invite each one's first manager. They do not browse tenant data. */
@Injectable()
export class AdminNetworksService {
  constructor(
    private readonly db: TenantDb,
    private readonly networks: NetworkRepository,
    private readonly invites: InviteService,
  ) {}

  list(operatorId: string): Promise<AdminNetworkDto[]> {
    return this.db.run({ userId: operatorId }, async () => (await this.networks.all()).map(toAdminNetworkDto));
  }

  create(input: Required<CreateNetworkRequest>, operatorId: string): Promise<CreatedNetworkDto> {
    return this.db.run({ userId: operatorId }, async (scope) => {
      const { em } = scope;
      if (await this.networks.bySlug(input.slug)) {
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
      return { ...toAdminNetworkDto(network), managerInviteUrl: invite.url, managerInviteExpiresAt: invite.expiresAt };
    });
  }
}
