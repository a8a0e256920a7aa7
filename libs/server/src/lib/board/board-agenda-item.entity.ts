import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * One item of a board meeting's agenda, in order (`position` from 1, unique per meeting, checked at commit), optionally
 * linked to its paper: a document of the network's library (cleared if the document goes).
 */
@Entity({ tableName: 'board_agenda_item' })
export class BoardAgendaItem extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  presenter = '';

  @Property({ type: 'integer', nullable: true })
  durationMinutes: number | null = null;

  @Property({ type: 'uuid', nullable: true })
  documentId: string | null = null;
}
