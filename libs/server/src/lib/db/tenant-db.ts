import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RequestScopes, type RequestScope, type TenantScope } from '../tenancy/request-scope';

export interface ScopeInput {
  userId: string | null;
  requestId?: string | null;
}

/**
 * Every database conversation goes through here: one transaction whose first statement sets the
 * transaction-local `app.user_id` (and, once chosen, `app.network_id`) that RLS policies read. The settings
 * end with the transaction, so a pooled connection never carries one caller's tenant to the next.
 */
export class TenantDb {
  constructor(
    private readonly orm: MikroORM,
    private readonly onAfterCommitError: (err: unknown) => void = (err) => console.error('after-commit task failed', err),
  ) {}

  /** A transaction for a signed-in person (or nobody) before any network is chosen. */
  async run<T>(input: ScopeInput, fn: (scope: RequestScope) => Promise<T>): Promise<T> {
    return this.open(input, null, fn);
  }

  /** One transaction; its first statement sets both settings (the network's id, or '' for none yet). */
  private async open<T>(input: ScopeInput, tenant: TenantScope | null, fn: (scope: RequestScope) => Promise<T>): Promise<T> {
    const root = this.orm.em.fork({ clear: true }) as EntityManager;
    const afterCommit: Array<() => Promise<void>> = [];
    const result = await root.transactional(async (em) => {
      const scope: RequestScope = { em: em as EntityManager, userId: input.userId, requestId: input.requestId ?? null, tenant, afterCommit };
      await (em as EntityManager).execute(`select set_config('app.user_id', ?, true), set_config('app.network_id', ?, true)`, [
        input.userId ?? '',
        tenant?.networkId ?? '',
      ]);
      return RequestScopes.run(scope, () => fn(scope));
    });
    // Failures here are not lost: each task's effect is recorded in the committed rows and a sweeper retries.
    for (const task of afterCommit) await task().catch((err: unknown) => this.onAfterCommitError(err));
    return result;
  }

  /** Within `run`, switch the transaction to a network: from here on RLS and the ORM filter see only its rows. */
  async enterNetwork(scope: RequestScope, tenant: TenantScope): Promise<void> {
    await scope.em.execute(`select set_config('app.network_id', ?, true)`, [tenant.networkId]);
    scope.tenant = tenant;
  }

  /** A transaction already inside a network (jobs, seeds, tests). */
  async inNetwork<T>(input: ScopeInput & { networkId: string; networkSlug?: string }, fn: (scope: RequestScope) => Promise<T>): Promise<T> {
    // Both settings in the transaction's first statement: one round trip fewer than run + enterNetwork.
    return this.open(input, { networkId: input.networkId, networkSlug: input.networkSlug ?? '', role: null, organisationId: null }, fn);
  }
}
