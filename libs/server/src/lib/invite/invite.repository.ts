import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { Invite } from './invite.entity';

/** Queries for the current network's invites (scoped by the tenant filter and RLS). */
@Injectable()
export class InviteRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** Newest first. */
  all(): Promise<Invite[]> {
    return this.em.find(Invite, {}, { orderBy: { createdAt: 'desc' } });
  }

  find(id: string): Promise<Invite | null> {
    return this.em.findOne(Invite, { id });
  }

  /** The invite whose link token hashes to this (tokens are stored only as hashes). */
  byTokenHash(tokenHash: string): Promise<Invite | null> {
    return this.em.findOne(Invite, { tokenHash });
  }
}
