import { Entity, Property } from '@mikro-orm/core';
import type { ParsedTimescale, WorkItemStatus } from '@plexus/domain';
import { TenantEntity } from '../entities/tenant-entity';

export type WorkPlanStatus = 'draft' | 'approved';

/** A network's objectives and work plan for a period; draft until the board approves it. */
@Entity({ tableName: 'work_plan' })
export class WorkPlan extends TenantEntity {
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'string', columnType: 'date' })
  periodStart!: string;

  @Property({ type: 'string', columnType: 'date' })
  periodEnd!: string;

  @Property({ type: 'text' })
  status: WorkPlanStatus = 'draft';

  @Property({ type: 'string', columnType: 'date', nullable: true })
  approvedOn: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  approvedBy: string | null = null;

  @Property({ type: 'text' })
  approvalNote = '';

  @Property({ type: 'integer' })
  version = 1;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A function or strategic objective grouping the work ("Quality Strategic Objective: to improve…"). */
@Entity({ tableName: 'work_plan_theme' })
export class WorkPlanTheme extends TenantEntity {
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description = '';

  @Property({ type: 'integer' })
  position = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A numbered specific objective under a theme. */
@Entity({ tableName: 'work_plan_objective' })
export class WorkPlanObjective extends TenantEntity {
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'uuid' })
  themeId!: string;

  @Property({ type: 'text' })
  number = '';

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'integer' })
  position = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A piece of work: what, how it is measured, the steps, who leads it, by when, and how it is going. */
@Entity({ tableName: 'work_item' })
export class WorkItem extends TenantEntity {
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

  @Property({ type: 'integer' })
  version = 1;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A lead of a work item: a member of the network, a role title, or a role and its holder. */
@Entity({ tableName: 'work_item_lead' })
export class WorkItemLead extends TenantEntity {
  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'text' })
  title = '';

  @Property({ type: 'integer' })
  position = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A dated progress update: how the work is going, in words and as a status. */
@Entity({ tableName: 'work_item_progress' })
export class WorkItemProgress extends TenantEntity {
  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'string', columnType: 'date' })
  onDate!: string;

  @Property({ type: 'text' })
  status!: WorkItemStatus;

  @Property({ type: 'text' })
  narrative!: string;

  @Property({ type: 'uuid', nullable: true })
  authorUserId: string | null = null;

  @Property({ type: 'text' })
  authorName!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

export type WorkPlanChangeSubject = 'plan' | 'theme' | 'objective' | 'item';
export type WorkPlanChangeAction = 'create' | 'update' | 'delete';

/** A change to an approved plan: what changed (before → after), the reason given, and who made it. */
@Entity({ tableName: 'work_plan_change' })
export class WorkPlanChange extends TenantEntity {
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'text' })
  subjectType!: WorkPlanChangeSubject;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'text' })
  subjectLabel = '';

  @Property({ type: 'text' })
  action!: WorkPlanChangeAction;

  @Property({ type: 'json' })
  changes: Record<string, { from: unknown; to: unknown }> = {};

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Property({ type: 'text' })
  actorName = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
