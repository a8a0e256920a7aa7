import { Injectable } from '@nestjs/common';
import type { NetworkProfileDto } from '@plexus/contracts';
import {
  LeadershipRole,
  MemberOrganisation,
  MembershipRepository,
  NetworkRepository,
  RequestScopes,
  ReviewCycleRepository,
  StoredFile,
  StoredFileRepository,
} from '@plexus/server';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { updateNetworkProfileSchema } from '@plexus/contracts';
import { DomainException } from '../core/http/domain.exception';
import { checkLogo } from './logo-check';
import { toNetworkProfileDto } from './network-profile.mapper';

type ProfileUpdate = z.output<typeof updateNetworkProfileSchema>;

@Injectable()
export class NetworkProfileService {
  constructor(
    private readonly repo: NetworkRepository,
    private readonly files: StoredFileRepository,
    private readonly members: MembershipRepository,
    private readonly cycles: ReviewCycleRepository,
  ) {}

  async get(): Promise<NetworkProfileDto> {
    const [network, profile, organisations, roles] = await Promise.all([
      this.repo.network(),
      this.repo.profile(),
      this.repo.organisations(),
      this.repo.leadershipRoles(),
    ]);
    const logo = profile.logoFileId ? await this.files.find(profile.logoFileId) : null;
    return toNetworkProfileDto({ network, profile, organisations, roles, logo });
  }

  /** Replaces the profile as a whole, keeping the ids of organisations and roles that stay. */
  async update(input: ProfileUpdate): Promise<NetworkProfileDto> {
    const em = RequestScopes.em();
    const networkId = RequestScopes.networkId();
    const [network, profile] = await Promise.all([this.repo.network(), this.repo.profile()]);
    if (profile.version !== input.version) {
      throw new DomainException(
        'version_conflict',
        'Someone else changed this profile since you opened it. Reload to see their changes, then make yours again.',
        [{ field: 'version', message: `You edited version ${input.version}; the profile is now at version ${profile.version}` }],
      );
    }
    network.name = input.name;
    Object.assign(profile, {
      specialty: input.specialty,
      region: input.region,
      purpose: input.purpose,
      vision: input.vision,
      coreFunctions: input.coreFunctions,
      primaryColour: input.branding.primaryColour.toLowerCase(),
      accentColour: input.branding.accentColour.toLowerCase(),
      classification: input.branding.classification,
      riskPrefix: input.riskPrefix ?? profile.riskPrefix,
    });

    await this.syncOrganisations(input.memberOrganisations, networkId);
    const roles = await this.repo.leadershipRoles();
    this.syncList(
      roles,
      input.leadershipRoles,
      'leadershipRoles',
      (row, item, position) => {
        row.title = item.title;
        row.personName = item.personName;
        row.position = position;
      },
      () => Object.assign(new LeadershipRole(), { networkId }),
    );

    profile.version += 1;
    await em.flush();
    return this.get();
  }

  private async syncOrganisations(items: ProfileUpdate['memberOrganisations'], networkId: string): Promise<void> {
    const em = RequestScopes.em();
    const existing = await this.repo.organisations();
    const keep = new Set(items.map((i) => i.id).filter(Boolean));
    const removed = existing.filter((o) => !keep.has(o.id));
    if (removed.length) {
      const inUse = await this.members.countInOrganisations(removed.map((o) => o.id));
      if (inUse > 0) {
        const names = removed.map((o) => o.name).join(', ');
        throw DomainException.field('memberOrganisations', `${names} still has members; change their organisation before removing it`, 'conflict');
      }
      if (await this.cycles.organisationUses(removed.map((o) => o.id))) {
        const names = removed.map((o) => o.name).join(', ');
        throw DomainException.field(
          'memberOrganisations',
          `${names} is in a peer review cycle’s scope; take it out of the cycle before removing it`,
          'conflict',
        );
      }
    }
    this.syncList(
      existing,
      items,
      'memberOrganisations',
      (row, item, position) => {
        row.name = item.name;
        row.type = item.type;
        row.position = position;
      },
      () => Object.assign(new MemberOrganisation(), { networkId }),
    );
    // Removing first and renaming afterwards would trip the unique name index in one statement order; flush removals now.
    await em.flush();
  }

  private syncList<E extends { id: string }, I extends { id?: string }>(
    existing: E[],
    items: I[],
    field: string,
    apply: (row: E, item: I, position: number) => void,
    make: () => E,
  ): void {
    const em = RequestScopes.em();
    const byId = new Map(existing.map((e) => [e.id, e]));
    const keep = new Set<string>();
    items.forEach((item, index) => {
      let row: E;
      if (item.id) {
        const found = byId.get(item.id);
        if (!found) throw DomainException.field(`${field}.${index}.id`, 'That entry no longer exists; reload the page');
        row = found;
      } else {
        row = make();
        em.persist(row);
      }
      keep.add(row.id);
      apply(row, item, index);
    });
    for (const row of existing) if (!keep.has(row.id)) em.remove(row);
  }

  async setLogo(file: { buffer: Buffer; mimetype?: string } | undefined, userId: string): Promise<NetworkProfileDto> {
    if (!file) throw DomainException.field('file', 'Choose a PNG or JPEG file to upload');
    const check = checkLogo(file.buffer, file.mimetype);
    if (!check.ok) throw DomainException.field('file', check.message);
    const em = RequestScopes.em();
    const profile = await this.repo.profile();
    const old = profile.logoFileId ? await this.files.find(profile.logoFileId) : null;
    const stored = Object.assign(new StoredFile(), {
      networkId: RequestScopes.networkId(),
      purpose: 'logo',
      contentType: check.contentType,
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      data: file.buffer,
      createdBy: userId,
    });
    em.persist(stored);
    profile.logoFileId = stored.id;
    profile.version += 1;
    await em.flush();
    if (old) {
      em.remove(old);
      await em.flush();
    }
    return this.get();
  }

  async removeLogo(): Promise<NetworkProfileDto> {
    const em = RequestScopes.em();
    const profile = await this.repo.profile();
    if (profile.logoFileId) {
      const old = await this.files.find(profile.logoFileId);
      profile.logoFileId = null;
      profile.version += 1;
      await em.flush();
      if (old) {
        em.remove(old);
        await em.flush();
      }
    }
    return this.get();
  }

  async logo(): Promise<StoredFile> {
    const profile = await this.repo.profile();
    const file = profile.logoFileId ? await this.files.withData(profile.logoFileId) : null;
    if (!file) throw DomainException.notFound('logo');
    return file;
  }
}
