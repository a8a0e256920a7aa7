import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

export type NudgeRoundState = 'scheduled' | 'sent' | 'cancelled';

/** A manager's round of nudges to leads: for a board meeting or on its own, sent at `sendAt` (once). */
@Entity({ tableName: 'nudge_round' })
export class NudgeRound extends TimestampedTenantEntity {
  @Property({ type: 'uuid', nullable: true })
  boardMeetingId: string | null = null;

  @Property({ type: 'datetime' })
  sendAt!: Date;

  @Property({ type: 'text' })
  state: NudgeRoundState = 'scheduled';

  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;
}
