import { LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sql } from '../db/sql';
import { ReportDocument } from '../report/report-document.entity';
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

  /** The last board meeting: the latest on or before `day` (`YYYY-MM-DD`), the later-starting one if two fall on that day. */
  lastMeetingOnOrBefore(day: string): Promise<BoardMeeting | null> {
    return this.em.findOne(
      BoardMeeting,
      { meetingDate: { $lte: day } },
      { orderBy: { meetingDate: 'desc', startsAt: 'desc nulls last', createdAt: 'desc' } },
    );
  }

  /** The meeting before this one (by date, then start time), or null. */
  async meetingBefore(meeting: BoardMeeting): Promise<BoardMeeting | null> {
    const q = sql`select id from board_meeting
      where network_id = ${RequestScopes.networkId()} and id <> ${meeting.id} and meeting_date < ${meeting.meetingDate}
      order by meeting_date desc, starts_at desc nulls last, created_at desc limit 1`;
    const [row] = await this.em.execute<Array<{ id: string }>>(q.text, q.params);
    return row ? this.meeting(row.id) : null;
  }

  /** The risks with a review that names this meeting (ids). */
  async risksReviewedAt(meetingId: string): Promise<Set<string>> {
    const q = sql`select distinct risk_id as "riskId" from risk_review where network_id = ${RequestScopes.networkId()} and board_meeting_id = ${meetingId}`;
    const rows = await this.em.execute<Array<{ riskId: string }>>(q.text, q.params);
    return new Set(rows.map((r) => r.riskId));
  }

  /** The board packs generated from a meeting, newest request first. */
  async packs(meetingId: string, limit = 1): Promise<ReportDocument[]> {
    const q = sql`select id from report_document
      where network_id = ${RequestScopes.networkId()} and kind = 'board_pack' and options #>> '{options,meetingId}' = ${meetingId}
      order by requested_at desc, id desc limit ${limit}`;
    const rows = await this.em.execute<Array<{ id: string }>>(q.text, q.params);
    return rows.length ? this.em.find(ReportDocument, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { requestedAt: 'desc', id: 'desc' } }) : [];
  }
}
