import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MembershipRole } from '@plexus/domain';
import { RequestScopes, type RequestScope, type TenantScope } from '../tenancy/request-scope';

/** A person's entry into a network (`plexus_enter`): their membership there and the data versions it was read at. */
export interface MemberEntry {
  tenant: TenantScope & { role: MembershipRole };
  /** The network's data version (moved by every committed write in it). */
  networkVersion: string;
  /** The version of what networks share (people's names). */
  globalVersion: string;
}

interface EnterRow {
  entered_network_id: string;
  entered_slug: string;
  member_role: MembershipRole;
  member_organisation_id: string | null;
  network_version: string;
  global_version: string;
}

const ENTER = `select * from plexus_enter(?, ?)`;

function entryOf(row: EnterRow | undefined): MemberEntry | null {
  if (!row) return null;
  return {
    tenant: { networkId: row.entered_network_id, networkSlug: row.entered_slug, role: row.member_role, organisationId: row.member_organisation_id },
    networkVersion: String(row.network_version),
    globalVersion: String(row.global_version),
  };
}

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

  /**
   * A network request's transaction: its first statement (`plexus_enter`) sets the person and, when they are a
   * member of the network named by `slug`, the network — one round trip for both. `fn` gets the entry, or null
   * when there is no such network or the person is not a member (then no network is set: RLS shows nothing).
   */
  async runAsMember<T>(
    input: ScopeInput & { userId: string },
    slug: string,
    fn: (scope: RequestScope, entry: MemberEntry | null) => Promise<T>,
  ): Promise<T> {
    let entry: MemberEntry | null = null;
    return this.open(
      input,
      null,
      (scope) => fn(scope, entry),
      async (em, scope) => {
        entry = entryOf((await em.execute<EnterRow[]>(ENTER, [input.userId, slug]))[0]);
        scope.tenant = entry?.tenant ?? null;
      },
    );
  }

  /**
   * The same entry read on its own, outside any transaction (the settings `plexus_enter` makes end with its
   * statement): for answering a read from a cache after checking membership and versions in one round trip.
   */
  async memberEntry(userId: string, slug: string): Promise<MemberEntry | null> {
    return entryOf((await this.orm.em.getConnection().execute<EnterRow[]>(ENTER, [userId, slug]))[0]);
  }

  /** One transaction; its first statement sets both settings (the network's id, or '' for none yet), or `setup` does. */
  private async open<T>(
    input: ScopeInput,
    tenant: TenantScope | null,
    fn: (scope: RequestScope) => Promise<T>,
    setup?: (em: EntityManager, scope: RequestScope) => Promise<void>,
  ): Promise<T> {
    const root = this.orm.em.fork({ clear: true }) as EntityManager;
    const afterCommit: Array<() => Promise<void>> = [];
    const result = await root.transactional(async (em) => {
      const scope: RequestScope = { em: em as EntityManager, userId: input.userId, requestId: input.requestId ?? null, tenant, afterCommit };
      if (setup) await setup(em as EntityManager, scope);
      else {
        await (em as EntityManager).execute(`select set_config('app.user_id', ?, true), set_config('app.network_id', ?, true)`, [
          input.userId ?? '',
          tenant?.networkId ?? '',
        ]);
      }
      return RequestScopes.run(scope, () => fn(scope));
    });
    // Failures here are not lost: each task's effect is recorded in the committed rows and a sweeper retries.
    for (const task of afterCommit) await task().catch((err: unknown) => this.onAfterCommitError(err));
    return result;
  }

  /**
   * A platform operator's transaction for what every network shares (national standard sets): `app.user_id` and
   * `app.operator = 'on'` in its first statement, and no network. RLS lets it write national rows only if the person
   * is an operator (`plexus_operator_mode()`); the ORM's `nationalOrTenant` filter shows national rows only.
   */
  async asOperator<T>(input: ScopeInput & { userId: string }, fn: (scope: RequestScope) => Promise<T>): Promise<T> {
    return this.open(input, null, fn, async (em, scope) => {
      await em.execute(`select set_config('app.user_id', ?, true), set_config('app.network_id', '', true), set_config('app.operator', 'on', true)`, [
        input.userId,
      ]);
      scope.operator = true;
    });
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
