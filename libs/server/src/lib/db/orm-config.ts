import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { ENTITIES, NATIONAL_OR_TENANT_ENTITIES, TENANT_ENTITIES } from './entity-registry';
import { migrationsList } from '../migrations';
import { AuditSubscriber } from '../audit/audit.subscriber';
import { NoTenantContextError, RequestScopes } from '../tenancy/request-scope';

export interface OrmConfigOptions {
  clientUrl: string;
  poolMax?: number;
  debug?: boolean;
}

/**
 * MikroORM configuration shared by the API, the worker, migrations and tests. The `tenant` filter is the
 * first layer of isolation (it throws when no network is in context); PostgreSQL RLS is the second.
 */
export function ormConfig(options: OrmConfigOptions): Options {
  return defineConfig({
    clientUrl: options.clientUrl,
    entities: ENTITIES,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true, warnWhenNoEntities: false },
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, tableName: 'mikro_orm_migrations' },
    pool: { min: 0, max: options.poolMax ?? 10, idleTimeoutMillis: 10_000 },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: options.debug ?? false,
    subscribers: [new AuditSubscriber()],
    filters: {
      tenant: {
        name: 'tenant',
        default: true,
        entity: TENANT_ENTITIES.map((e) => e.name),
        cond: () => ({ networkId: RequestScopes.networkId() }),
      },
      // A network sees its own rows and the national ones; an operator (operator mode, no network) the national ones.
      nationalOrTenant: {
        name: 'nationalOrTenant',
        default: true,
        entity: NATIONAL_OR_TENANT_ENTITIES.map((e) => e.name),
        cond: () => {
          const scope = RequestScopes.current();
          if (scope?.tenant) return { $or: [{ networkId: scope.tenant.networkId }, { networkId: null }] };
          if (scope?.operator) return { networkId: null };
          throw new NoTenantContextError('a standard set query');
        },
      },
    },
  });
}
