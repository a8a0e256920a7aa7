import { Injectable } from '@nestjs/common';
import type { MemberDto } from '@plexus/contracts';
import { roleNeedsOrganisation, type MembershipRole } from '@plexus/domain';
import { Membership, MembershipRepository, NetworkRepository, RequestScopes, UserRepository } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';
import { toMemberDto } from './members.mapper';

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembershipRepository,
    private readonly users: UserRepository,
    private readonly networks: NetworkRepository,
  ) {}

  async list(): Promise<MemberDto[]> {
    const members = await this.members.withUsers();
    const orgs = await this.networks.organisations();
    return members.map(({ membership, user }) => toMemberDto(membership, user, orgs)).sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  private async find(id: string): Promise<Membership> {
    const m = await this.members.find(id);
    if (!m) throw DomainException.notFound('member');
    return m;
  }

  private async assertAnotherManager(except: Membership): Promise<void> {
    const managers = await this.members.countManagersOtherThan(except.id);
    if (managers === 0) throw new DomainException('conflict', 'A network needs at least one manager: make someone else a manager first');
  }

  async update(id: string, input: { role: MembershipRole; organisationId: string | null }): Promise<MemberDto> {
    const em = RequestScopes.em();
    const m = await this.find(id);
    if (roleNeedsOrganisation(input.role) && !input.organisationId) {
      throw DomainException.field('organisationId', 'Choose the organisation this contributor works for');
    }
    if (input.organisationId && !(await this.networks.organisation(input.organisationId))) {
      throw DomainException.field('organisationId', 'That organisation is not in this network');
    }
    if (m.role === 'manager' && input.role !== 'manager') await this.assertAnotherManager(m);
    m.role = input.role;
    m.organisationId = input.organisationId;
    await em.flush();
    const user = await this.users.find(m.userId);
    if (!user) throw DomainException.notFound('member');
    return toMemberDto(m, user, await this.networks.organisations());
  }

  async remove(id: string): Promise<void> {
    const m = await this.find(id);
    if (m.role === 'manager') await this.assertAnotherManager(m);
    RequestScopes.em().remove(m);
    await RequestScopes.em().flush();
  }
}
