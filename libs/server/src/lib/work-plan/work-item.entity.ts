import { Entity, Property } from '@mikro-orm/core';
import type { ParsedTimescale, WorkItemStatus } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/** A piece of work: what, how it is measured, the steps, who leads it, by when, and how it is going. */
@Entity({ tableName: 'work_item' })
export class WorkItem extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'uuid' })
  themeId!: string;

  @Property({ type: 'uuid', nullable: true })
  objectiveId: string | null = null;

  @Property({ type: 'integer' })
  position = 0;

  /** The item's own reference ("1.1") from an imported table; null: numbered by its place in the plan. */
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Property({ type: 'text' })
  work!: string;

  @Property({ type: 'json' })
  measures: string[] = [];

  @Property({ type: 'json' })
  steps: string[] = [];

  /** The timescale exactly as written. */
  @Property({ type: 'text' })
  timescaleText = '';

  /** What was read from it (parseTimescale); kind `unparsed` keeps the text and says why. */
  @Property({ type: 'json' })
  timescale!: ParsedTimescale;

  /** Set when the timescale needs a person's look: it could not be read, or something was assumed. */
  @Property({ type: 'text', nullable: true })
  timescaleFlag: string | null = null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  dueOn: string | null = null;

  /** The target when the board approved the plan (or when the item was added); kept when the target moves. */
  @Property({ type: 'text' })
  originalTimescaleText = '';

  @Property({ type: 'string', columnType: 'date', nullable: true })
  originalDueOn: string | null = null;

  /** The status of the latest progress update (by its date). */
  @Property({ type: 'text' })
  status: WorkItemStatus = 'not_started';

  @Property({ type: 'string', columnType: 'date', nullable: true })
  statusOn: string | null = null;

  /** The item of the previous plan this one was carried forward from at the roll-over, if any. */
  @Property({ type: 'uuid', nullable: true })
  carriedFromItemId: string | null = null;

  @Property({ type: 'integer' })
  version = 1;
}
