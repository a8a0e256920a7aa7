import { Entity, Property } from '@mikro-orm/core';
import type { WorkItemStatus } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * An action of an organisation's plan in a cycle: from a recommendation of its issued review, added by the network
 * (optionally for a self-assessment criterion's gap), or carried forward from an open action of the organisation's
 * previous cycle (`originActionId`). Its owner is a network member or a named person at the organisation; its status,
 * BRAG and dated progress updates are a work item's (`ReviewActionProgress`; the latest update by date sets the status).
 */
@Entity({ tableName: 'review_action' })
export class ReviewAction extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  cycleId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid', nullable: true })
  recommendationId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  originActionId: string | null = null;

  /** A self-assessment criterion whose gap this action closes ("gap → action"). */
  @Property({ type: 'uuid', nullable: true })
  criterionId: string | null = null;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'uuid', nullable: true })
  ownerUserId: string | null = null;

  /** A named person at the organisation (or the member's role), as written. */
  @Property({ type: 'text' })
  ownerName = '';

  @Property({ type: 'string', columnType: 'date', nullable: true })
  dueDate: string | null = null;

  @Property({ type: 'text' })
  status: WorkItemStatus = 'not_started';

  /** The date of the progress update that set the status. */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  statusOn: string | null = null;
}
