import type { EntityManager } from '@mikro-orm/postgresql';

export interface RoleFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  ownedTables: number;
}

/** What PostgreSQL says about the role this process connected as. */
export async function inspectDatabaseRole(em: EntityManager): Promise<RoleFacts> {
  const [row] = await em.execute<Array<{ role: string; superuser: boolean; bypass: boolean; owned: string }>>(
    `select current_user as role, r.rolsuper as superuser, r.rolbypassrls as bypass,
            (select count(*) from pg_tables t where t.tableowner = current_user and t.schemaname not in ('pg_catalog', 'information_schema')) as owned
       from pg_roles r where r.rolname = current_user`,
  );
  return { role: row.role, superuser: row.superuser, bypassRls: row.bypass, ownedTables: Number(row.owned) };
}

/**
 * The application must connect as a role that RLS applies to: not a superuser, not BYPASSRLS, and owning
 * no table (owners can ALTER away the policies). Start-up refuses otherwise.
 */
export async function assertUnprivilegedRole(em: EntityManager): Promise<void> {
  const facts = await inspectDatabaseRole(em);
  const problems: string[] = [];
  if (facts.superuser) problems.push('is a superuser');
  if (facts.bypassRls) problems.push('has BYPASSRLS');
  if (facts.ownedTables > 0) problems.push(`owns ${facts.ownedTables} table(s)`);
  if (problems.length) {
    throw new Error(
      `Refusing to start: DATABASE_URL connects as "${facts.role}", which ${problems.join(' and ')}. ` +
        `Connect as the application role (e.g. plexus_app, created by scripts/setup.sh) and keep DATABASE_OWNER_URL for migrations.`,
    );
  }
}
