/**
 * A piece of SQL and its parameters, in order. Built with the `sql` tag: every interpolated value becomes a
 * `?` placeholder with its value appended to `params`, and an interpolated `Sql` is spliced in with its own
 * parameters — so a query is assembled from fixed text and values, never by editing SQL strings.
 * Run it with `em.execute(query.text, query.params)`. (Not MikroORM's `sql`, which makes a raw fragment for
 * filters and query builders.)
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return new Sql(text, params);
}

/** Fragments joined by a fixed separator (`sql.join(conditions, sql\` and \`)`); `empty` when there are none. */
sql.join = (parts: Sql[], separator: Sql, empty: Sql = sql``): Sql => {
  if (!parts.length) return empty;
  return parts.slice(1).reduce((all, part) => sql`${all}${separator}${part}`, parts[0]);
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids as one PostgreSQL array literal, for `= any(${uuidArray(ids)}::uuid[])` (the driver would spread a JS array into a
 * list of parameters). Throws on anything that is not an id, so nothing else can reach the literal.
 */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not an id: ${JSON.stringify(id).slice(0, 60)}`);
  return `{${ids.join(',')}}`;
}
