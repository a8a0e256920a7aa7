/**
 * Row-level security for a tenant table: ENABLE + FORCE (so even the owner is filtered) and one policy
 * comparing network_id with the transaction-local `app.network_id`. An unset setting reads '' or NULL,
 * which nullif() turns into NULL: the comparison is never true, so a query without a tenant context sees
 * no rows and can write none (fails closed).
 */
export const CURRENT_NETWORK = `nullif(current_setting('app.network_id', true), '')::uuid`;
export const CURRENT_USER = `nullif(current_setting('app.user_id', true), '')::uuid`;

export function tenantRls(table: string, column = 'network_id'): string[] {
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy ${table}_tenant_isolation on ${table} using (${column} = ${CURRENT_NETWORK}) with check (${column} = ${CURRENT_NETWORK})`,
  ];
}

/**
 * The trigger that moves the network's data version when a transaction writes this table (see
 * Migration20261202100000_data_versions): every new table with a network_id adds it, as it adds tenantRls.
 */
export function dataVersionTrigger(table: string): string[] {
  return [
    `create constraint trigger ${table}_data_version after insert or update or delete on ${table}
      deferrable initially deferred for each row execute function plexus_bump_data_version()`,
  ];
}
