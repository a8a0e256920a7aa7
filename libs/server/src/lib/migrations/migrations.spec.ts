import { readdirSync } from 'node:fs';
import { migrationsList } from './index';

/** What MikroORM has recorded in `mikro_orm_migrations` on databases already in use: these names never change. */
const APPLIED_NAMES = [
  'Migration20261124000000_foundation',
  'Migration20261124010000_work_plan',
  'Migration20261124020000_risk_register',
  'Migration20261124030000_reports',
  'Migration20261124040000_risk_work_item_links',
];

const timestamp = (name: string) => /^Migration(\d{14})_[a-z0-9_]+$/.exec(name)?.[1];

describe('the migrations list', () => {
  it('keeps every applied migration under its recorded name, in the same list', () => {
    expect(migrationsList.map((m) => m.name).slice(0, APPLIED_NAMES.length)).toEqual(APPLIED_NAMES);
  });

  it('runs in the order of the timestamps in the names, each name once', () => {
    const stamps = migrationsList.map((m) => timestamp(m.name));
    expect(stamps.every(Boolean)).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('names each entry after its class and its file, and lists every migration file of the folder', () => {
    for (const m of migrationsList) expect(m.class.name).toBe(m.name);
    const files = readdirSync(__dirname)
      .filter((f) => /^Migration\d{14}_.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(migrationsList.map((m) => m.name));
  });
});
