import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { AppUser } from './app-user.entity';

/** Queries for people's accounts (global: what a person may see comes from their memberships). */
@Injectable()
export class UserRepository {
  private get em() {
    return RequestScopes.em();
  }

  find(id: string): Promise<AppUser | null> {
    return this.em.findOne(AppUser, { id });
  }

  /** The account with this (lower-case) email; with its password hash only when asked for. */
  byEmail(email: string, options: { withPasswordHash?: boolean } = {}): Promise<AppUser | null> {
    return this.em.findOne(AppUser, { email }, options.withPasswordHash ? { populate: ['passwordHash'] } : {});
  }

  byIds(ids: string[]): Promise<AppUser[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.em.find(AppUser, { id: { $in: unique } }) : Promise.resolve([]);
  }
}
