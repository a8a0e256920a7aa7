import type { FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { DistributionList } from './distribution-list.entity';
import { DistributionListMember } from './distribution-list-member.entity';
import { Recipient } from './recipient.entity';

/**
 * Queries for the current network's recipients and distribution lists, for the API and the worker alike (scoped
 * by the tenant filter and RLS).
 */
@Injectable()
export class RecipientRepository {
  private get em() {
    return RequestScopes.em();
  }

  recipients(): Promise<Recipient[]> {
    return this.em.find(Recipient, {}, { orderBy: { name: 'asc', email: 'asc' } });
  }

  recipient(id: string): Promise<Recipient | null> {
    return this.em.findOne(Recipient, { id });
  }

  recipientsIn(ids: string[]): Promise<Recipient[]> {
    return ids.length ? this.em.find(Recipient, { id: { $in: ids } }) : Promise.resolve([]);
  }

  /** The recipient with this (lower-cased) email, other than `exceptId`. */
  byEmail(email: string, exceptId?: string): Promise<Recipient | null> {
    return this.em.findOne(Recipient, exceptId ? { email, id: { $ne: exceptId } } : { email });
  }

  lists(): Promise<DistributionList[]> {
    return this.em.find(DistributionList, {}, { orderBy: { name: 'asc' } });
  }

  list(id: string): Promise<DistributionList | null> {
    return this.em.findOne(DistributionList, { id });
  }

  /** The list with this name, ignoring case, other than `exceptId`. */
  listByName(name: string, exceptId?: string): Promise<DistributionList | null> {
    return this.em.findOne(
      DistributionList,
      exceptId ? { name: { $ilike: escapeLike(name) }, id: { $ne: exceptId } } : { name: { $ilike: escapeLike(name) } },
    );
  }

  /** Memberships of lists: all of them, or those of some lists, or of one recipient. */
  memberships(filter: { listIds?: string[]; recipientId?: string } = {}): Promise<DistributionListMember[]> {
    const where: FilterQuery<DistributionListMember> = {
      ...(filter.listIds ? { listId: { $in: filter.listIds } } : {}),
      ...(filter.recipientId ? { recipientId: filter.recipientId } : {}),
    };
    return this.em.find(DistributionListMember, where, { orderBy: { createdAt: 'asc' } });
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
