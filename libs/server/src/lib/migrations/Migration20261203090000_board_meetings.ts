import { Migration } from '@mikro-orm/migrations';
import { dataVersionTrigger, tenantRls } from './rls';

/**
 * The network board's meetings and their agendas (issue 10, item 1). A meeting has a date (2000–2100), an optional
 * start time and a place or link; its agenda items are in order (positions unique per meeting, checked at commit so
 * that a reorder can swap them), each optionally linked to a paper in the network's document library (same network,
 * by the keys; cleared if the document goes). Deleting a meeting deletes its agenda.
 */
export class Migration20261203090000_board_meetings extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table board_meeting (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        title text not null default 'Network Board' check (length(title) between 1 and 200),
        meeting_date date not null check (meeting_date between date '2000-01-01' and date '2100-12-31'),
        starts_at time,
        location text not null default '' check (length(location) <= 500),
        notes text not null default '' check (length(notes) <= 4000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id)
      )`,
      `create index board_meeting_date_idx on board_meeting (network_id, meeting_date)`,
      `create table board_agenda_item (
        id uuid primary key,
        network_id uuid not null references network(id) on delete cascade deferrable initially deferred,
        meeting_id uuid not null,
        position int not null check (position between 1 and 1000),
        title text not null check (length(title) between 1 and 300),
        presenter text not null default '' check (length(presenter) <= 200),
        duration_minutes int check (duration_minutes between 1 and 600),
        document_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (network_id, id),
        constraint board_agenda_item_position_uq unique (network_id, meeting_id, position) deferrable initially deferred,
        foreign key (network_id, meeting_id) references board_meeting (network_id, id) on delete cascade deferrable initially deferred,
        foreign key (network_id, document_id) references report_document (network_id, id) on delete set null (document_id) deferrable initially deferred
      )`,
      `create index board_agenda_item_document_idx on board_agenda_item (network_id, document_id) where document_id is not null`,
    ];
    for (const table of ['board_meeting', 'board_agenda_item']) sql.push(...tenantRls(table), ...dataVersionTrigger(table));
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists board_agenda_item cascade`);
    this.addSql(`drop table if exists board_meeting cascade`);
  }
}
