import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MembershipRole } from '@plexus/domain';

/** The network a piece of work runs for, resolved from the session and membership (or a job's payload). */
export interface TenantScope {
  networkId: string;
  networkSlug: string;
  role: MembershipRole | null;
  organisationId: string | null;
}

/** What one request or job carries through every layer: one transaction, one person, at most one network. */
export interface RequestScope {
  em: EntityManager;
  userId: string | null;
  requestId: string | null;
  tenant: TenantScope | null;
  /**
   * A platform operator keeping what every network shares (national standard sets): no network, and the
   * transaction's `app.operator` is on (`TenantDb.asOperator`), which RLS checks against the person's `is_operator`.
   */
  operator?: boolean;
  /** Work to do once the transaction has committed (enqueue jobs for rows it wrote). */
  afterCommit: Array<() => Promise<void>>;
}

export class NoTenantContextError extends Error {
  constructor(what = 'a tenant query') {
    super(`${what} ran outside a network's context: refusing rather than reading every network's rows`);
    this.name = 'NoTenantContextError';
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

export const RequestScopes = {
  run<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T> {
    return storage.run(scope, fn);
  },
  current(): RequestScope | undefined {
    return storage.getStore();
  },
  /** The current transaction's EntityManager; throws outside a scope. */
  em(): EntityManager {
    const scope = storage.getStore();
    if (!scope) throw new NoTenantContextError('a database call');
    return scope.em;
  },
  tenant(): TenantScope {
    const tenant = storage.getStore()?.tenant;
    if (!tenant) throw new NoTenantContextError();
    return tenant;
  },
  networkId(): string {
    return RequestScopes.tenant().networkId;
  },
  afterCommit(task: () => Promise<void>): void {
    const scope = storage.getStore();
    if (!scope) throw new NoTenantContextError('afterCommit');
    scope.afterCommit.push(task);
  },
};
