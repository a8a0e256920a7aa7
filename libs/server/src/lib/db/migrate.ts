import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config';

function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * Runs pending migrations as the owner role, then grants the application role what it needs and no more:
 * data access on the tables (RLS still applies), never ownership and never the migrations table.
 */
export async function migrate(ownerUrl: string, appRole: string): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: ownerUrl, poolMax: 1 }));
  try {
    const applied = await orm.getMigrator().up();
    const em = orm.em.fork();
    const role = quoteIdent(appRole);
    await em.execute(`grant usage on schema public to ${role}`);
    await em.execute(`grant select, insert, update, delete on all tables in schema public to ${role}`);
    await em.execute(`grant usage, select on all sequences in schema public to ${role}`);
    await em.execute(`revoke all on table mikro_orm_migrations from ${role}`);
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

export function roleFromUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
