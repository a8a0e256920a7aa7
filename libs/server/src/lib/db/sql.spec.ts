import { Sql, sql } from './sql';

describe('sql fragments', () => {
  it('turns every value into a placeholder, in order', () => {
    const q = sql`select * from work_item where network_id = ${'n1'} and plan_id = ${'p1'}`;
    expect(q.text).toBe('select * from work_item where network_id = ? and plan_id = ?');
    expect(q.params).toEqual(['n1', 'p1']);
  });

  it('splices nested fragments with their own parameters at their place', () => {
    const scope = sql`and p.id = ${'p1'}`;
    const q = sql`select 1 from work_plan p where p.network_id = ${'n1'} ${scope} and p.title <> ${"'; drop table x; --"}`;
    expect(q.text).toBe('select 1 from work_plan p where p.network_id = ? and p.id = ? and p.title <> ?');
    expect(q.params).toEqual(['n1', 'p1', "'; drop table x; --"]);
  });

  it('joins conditions with a separator, or gives the fallback when there are none', () => {
    const where = sql.join([sql`a = ${1}`, sql`b = ${2}`, sql`c = ${3}`], sql` and `);
    expect(where.text).toBe('a = ? and b = ? and c = ?');
    expect(where.params).toEqual([1, 2, 3]);
    expect(sql.join([], sql` and `, sql`true`)).toEqual(new Sql('true', []));
    expect(sql.join([], sql` and `).text).toBe('');
  });
});
