import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';
import { TimeOfDayType } from './time-of-day.type';

/** A meeting of the network's board: its day (2000–2100), start time, place or link, and notes. Its agenda is `BoardAgendaItem`. */
@Entity({ tableName: 'board_meeting' })
export class BoardMeeting extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  title = 'Network Board';

  /** `YYYY-MM-DD`. */
  @Property({ type: 'string', columnType: 'date' })
  meetingDate!: string;

  /** `HH:MM` (24-hour, UK time); null when not set. */
  @Property({ type: TimeOfDayType, columnType: 'time', nullable: true })
  startsAt: string | null = null;

  /** A place or a link to join. */
  @Property({ type: 'text' })
  location = '';

  @Property({ type: 'text' })
  notes = '';
}
