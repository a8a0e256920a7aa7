import { LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sql } from '../db/sql';
import { RequestScopes } from '../tenancy/request-scope';
import { BoardAgendaItem } from './board-agenda-item.entity';
import { BoardMeeting } from './board-meeting.entity';

/**
 * Queries for the current network's board meetings and their agendas, for the API and the worker alike (scoped by
 * the tenant filter and RLS; raw statements also name the network).
 */
@Injectable()
export class BoardMeetingRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** Every meeting, earliest first (a day's meetings by start time, untimed last). */
  meetings(): Promise<BoardMeeting[]> {
    return this.em.find(BoardMeeting, {}, { orderBy: { meetingDate: 'asc', startsAt: 'asc nulls last', createdAt: 'asc' } });
  }

  meeting(id: string): Promise<BoardMeeting | null> {
    return this.em.findOne(BoardMeeting, { id });
  }

  /**
   * The meeting, its row locked until the transaction ends: whoever changes an agenda takes this first, so two
   * people adding, removing or reordering items of one meeting at once take turns (positions stay 1…n).
   */
  meetingForAgendaChange(id: string): Promise<BoardMeeting | null> {
    return this.em.findOne(BoardMeeting, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The days the network's board meets, `YYYY-MM-DD`, earliest first, each once (for "after each board meeting" schedules). */
  async meetingDates(): Promise<string[]> {
    const q = sql`select distinct meeting_date::text as "meetingDate" from board_meeting where network_id = ${RequestScopes.networkId()} order by 1`;
    const rows = await this.em.execute<Array<{ meetingDate: string }>>(q.text, q.params);
    return rows.map((r) => r.meetingDate);
  }

  /** A meeting's agenda in order. */
  agenda(meetingId: string): Promise<BoardAgendaItem[]> {
    return this.em.find(BoardAgendaItem, { meetingId }, { orderBy: { position: 'asc' } });
  }

  agendaItem(id: string): Promise<BoardAgendaItem | null> {
    return this.em.findOne(BoardAgendaItem, { id });
  }

  /** Per meeting: how many agenda items, and how many of them have a paper (one statement). */
  async agendaCounts(): Promise<Map<string, { items: number; papers: number }>> {
    const q = sql`select meeting_id as "meetingId", count(*)::int as items, count(document_id)::int as papers
      from board_agenda_item where network_id = ${RequestScopes.networkId()} group by meeting_id`;
    const rows = await this.em.execute<Array<{ meetingId: string; items: number; papers: number }>>(q.text, q.params);
    return new Map(rows.map((r) => [r.meetingId, { items: r.items, papers: r.papers }]));
  }
}
