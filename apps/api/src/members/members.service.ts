import { Injectable } from '@nestjs/common';
import type { MemberDto } from '@plexus/contracts';
import { roleNeedsOrganisation, type MembershipRole } from '@plexus/domain';
import { AppUser, MemberOrganisation, Membership, RequestScopes } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';

@Injectable()
export class MembersService {
  async list(): Promise<MemberDto[]> {
    const em = RequestScopes.em();
    const members = await em.find(Membership, {}, { orderBy: { createdAt: 'asc' } });
    const users = await em.find(AppUser, { id: { $in: members.map((m) => m.userId) } });
    const orgs = await em.find(MemberOrganisation, {});
    const byId = new Map(users.map((u) => [u.id, u]));
    return members
      .flatMap((m) => {
        const user = byId.get(m.userId);
        return user ? [this.toDto(m, user, orgs)] : [];
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  private toDto(m: Membership, u: AppUser, orgs: MemberOrganisation[]): MemberDto {
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

  private async find(id: string): Promise<Membership> {
    const m = await RequestScopes.em().findOne(Membership, { id });
    if (!m) throw DomainException.notFound('member');
    return m;
  }

  private async assertAnotherManager(except: Membership): Promise<void> {
    const managers = await RequestScopes.em().count(Membership, { role: 'manager', id: { $ne: except.id } });
    if (managers === 0) throw new DomainException('conflict', 'A network needs at least one manager: make someone else a manager first');
  }

  async update(id: string, input: { role: MembershipRole; organisationId: string | null }): Promise<MemberDto> {
    const em = RequestScopes.em();
    const m = await this.find(id);
    if (roleNeedsOrganisation(input.role) && !input.organisationId) {
      throw DomainException.field('organisationId', 'Choose the organisation this contributor works for');
    }
    if (input.organisationId && !(await em.findOne(MemberOrganisation, { id: input.organisationId }))) {
      throw DomainException.field('organisationId', 'That organisation is not in this network');
    }
    if (m.role === 'manager' && input.role !== 'manager') await this.assertAnotherManager(m);
    m.role = input.role;
    m.organisationId = input.organisationId;
    await em.flush();
    const user = await em.findOneOrFail(AppUser, { id: m.userId });
    return this.toDto(m, user, await em.find(MemberOrganisation, {}));
  }

  async remove(id: string): Promise<void> {
    const m = await this.find(id);
    if (m.role === 'manager') await this.assertAnotherManager(m);
    RequestScopes.em().remove(m);
    await RequestScopes.em().flush();
  }
}
