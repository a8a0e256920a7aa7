import { Injectable } from '@nestjs/common';
import {
  BOARD_AGENDA_MAX_ITEMS,
  type boardAgendaItemInputSchema,
  type boardAgendaOrderSchema,
  type BoardMeetingDto,
  type boardMeetingInputSchema,
  type BoardMeetingListDto,
} from '@plexus/contracts';
import { can, formatIsoDateLong, todayIso } from '@plexus/domain';
import { BoardAgendaItem, BoardMeeting, BoardMeetingRepository, ReportRepository, RequestScopes } from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { ReportService } from '../report/report.service';
import { toBoardMeetingDto, toBoardMeetingSummaryDto } from './board.mapper';

type MeetingInput = z.output<typeof boardMeetingInputSchema>;
type AgendaItemInput = z.output<typeof boardAgendaItemInputSchema>;
type AgendaOrder = z.output<typeof boardAgendaOrderSchema>;

/**
 * The network board's meetings and their agendas: the rules (a paper is a document of this network; the agenda stays
 * numbered 1…n; a new order names every item once and is applied whole or not at all). Every check runs before
 * anything is written.
 */
@Injectable()
export class BoardService {
  constructor(
    private readonly repo: BoardMeetingRepository,
    private readonly reports: ReportRepository,
    private readonly reportRequests: ReportService,
  ) {}

  private context() {
    const tenant = RequestScopes.tenant();
    return { slug: tenant.networkSlug, today: todayIso('Europe/London'), canManage: can(tenant.role, 'board.manage') };
  }

  async list(): Promise<BoardMeetingListDto> {
    const ctx = this.context();
    const [meetings, counts] = await Promise.all([this.repo.meetings(), this.repo.agendaCounts()]);
    const summaries = meetings.map((m) => toBoardMeetingSummaryDto(m, counts.get(m.id)));
    return {
      asOf: ctx.today,
      upcoming: summaries.filter((m) => m.meetingDate >= ctx.today),
      past: summaries.filter((m) => m.meetingDate < ctx.today).reverse(),
      can: { manage: ctx.canManage },
    };
  }

  async get(id: string): Promise<BoardMeetingDto> {
    return this.dto(await this.findMeeting(id));
  }

  async create(input: MeetingInput): Promise<BoardMeetingDto> {
    const meeting = Object.assign(new BoardMeeting(), { networkId: RequestScopes.networkId() });
    this.apply(meeting, input);
    RequestScopes.em().persist(meeting);
    await RequestScopes.em().flush();
    return this.dto(meeting, []);
  }

  async update(id: string, input: MeetingInput): Promise<BoardMeetingDto> {
    const meeting = await this.findMeeting(id);
    this.apply(meeting, input);
    await RequestScopes.em().flush();
    return this.dto(meeting);
  }

  /** Deletes the meeting and its agenda (each item removed as a record, so the audit trail shows it); the papers stay in the library. */
  async remove(id: string): Promise<void> {
    const em = RequestScopes.em();
    const meeting = await this.findMeeting(id);
    for (const item of await this.repo.agenda(id)) em.remove(item);
    em.remove(meeting);
    await em.flush();
  }

  // ---- the agenda ---------------------------------------------------------------------------------

  async addItem(meetingId: string, input: AgendaItemInput): Promise<BoardMeetingDto> {
    const em = RequestScopes.em();
    const meeting = await this.findMeeting(meetingId, true);
    await this.checkPaper(input.documentId);
    const agenda = await this.repo.agenda(meetingId);
    if (agenda.length >= BOARD_AGENDA_MAX_ITEMS) {
      throw new DomainException('conflict', `An agenda holds ${BOARD_AGENDA_MAX_ITEMS} items at most: remove one before adding another`);
    }
    const item = Object.assign(new BoardAgendaItem(), {
      networkId: meeting.networkId,
      meetingId,
      position: agenda.reduce((max, i) => Math.max(max, i.position), 0) + 1,
    });
    this.applyItem(item, input);
    em.persist(item);
    await em.flush();
    return this.dto(meeting, [...agenda, item]);
  }

  async updateItem(itemId: string, input: AgendaItemInput): Promise<BoardMeetingDto> {
    const item = await this.findItem(itemId);
    const meeting = await this.findMeeting(item.meetingId, true);
    await this.checkPaper(input.documentId);
    this.applyItem(item, input);
    await RequestScopes.em().flush();
    return this.dto(meeting);
  }

  /** Removes the item; those after it move up one, so the agenda stays numbered 1…n. */
  async removeItem(itemId: string): Promise<void> {
    const em = RequestScopes.em();
    const item = await this.findItem(itemId);
    await this.findMeeting(item.meetingId, true);
    const rest = (await this.repo.agenda(item.meetingId)).filter((i) => i.id !== item.id);
    em.remove(item);
    rest.forEach((i, index) => {
      if (i.position !== index + 1) i.position = index + 1;
    });
    await em.flush();
  }

  /** The agenda in a new order: every item of the meeting, each once; otherwise nothing changes (400 naming the entry). */
  async reorder(meetingId: string, input: AgendaOrder): Promise<BoardMeetingDto> {
    const meeting = await this.findMeeting(meetingId, true);
    const agenda = await this.repo.agenda(meetingId);
    const byId = new Map(agenda.map((i) => [i.id, i]));
    const seen = new Set<string>();
    input.agendaItemIds.forEach((id, index) => {
      if (!byId.has(id)) throw DomainException.field(`agendaItemIds.${index}`, 'That agenda item is not on this meeting’s agenda');
      if (seen.has(id)) throw DomainException.field(`agendaItemIds.${index}`, `${byId.get(id)?.title ?? 'That item'} is listed twice`);
      seen.add(id);
    });
    const missing = agenda.filter((i) => !seen.has(i.id));
    if (missing.length) {
      throw DomainException.field(
        'agendaItemIds',
        `List every item of the agenda in its new order: ${missing.map((i) => `“${i.title}”`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
      );
    }
    input.agendaItemIds.forEach((id, index) => {
      const item = byId.get(id) as BoardAgendaItem;
      if (item.position !== index + 1) item.position = index + 1;
    });
    await RequestScopes.em().flush();
    return this.dto(meeting, agenda);
  }

  // ---- the pack ----------------------------------------------------------------------------------

  /**
   * Queues the meeting's board pack (one PDF of its front page, agenda, contents and papers), rendered by the worker
   * like every document and kept as an immutable snapshot. While one is queued or rendering, asking again answers that
   * one (the meeting is locked first, so two at once take turns): a double click or a retried request makes no second
   * document. The worker's claim and finish make a crashed or retried render finish the document once.
   */
  async generatePack(meetingId: string): Promise<BoardMeetingDto> {
    const meeting = await this.findMeeting(meetingId, true);
    const [latest] = await this.repo.packs(meetingId);
    if (!latest || (latest.status !== 'queued' && latest.status !== 'rendering')) {
      const when = formatIsoDateLong(meeting.meetingDate);
      await this.reportRequests.request({
        kind: 'board_pack',
        title: `Board pack: ${meeting.title}, ${when}`.slice(0, 200),
        options: { meetingId },
      });
    }
    return this.dto(meeting);
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** The meeting, or 404; `forAgendaChange` locks it first (agenda changes to one meeting take turns). */
  private async findMeeting(id: string, forAgendaChange = false): Promise<BoardMeeting> {
    const meeting = await (forAgendaChange ? this.repo.meetingForAgendaChange(id) : this.repo.meeting(id));
    if (!meeting) throw DomainException.notFound('board meeting');
    return meeting;
  }

  private async findItem(id: string): Promise<BoardAgendaItem> {
    const item = await this.repo.agendaItem(id);
    if (!item) throw DomainException.notFound('agenda item');
    return item;
  }

  /** A paper must be a document of this network's library: another network's id, or none, is 404 naming the field. */
  private async checkPaper(documentId: string | null): Promise<void> {
    if (documentId && !(await this.reports.find(documentId))) {
      throw DomainException.field('documentId', 'That paper is not in this network’s document library', 'not_found');
    }
  }

  private apply(meeting: BoardMeeting, input: MeetingInput): void {
    meeting.title = input.title;
    meeting.meetingDate = input.meetingDate;
    meeting.startsAt = input.startsAt;
    meeting.location = input.location;
    meeting.notes = input.notes;
  }

  private applyItem(item: BoardAgendaItem, input: AgendaItemInput): void {
    item.title = input.title;
    item.presenter = input.presenter;
    item.durationMinutes = input.durationMinutes;
    item.documentId = input.documentId;
  }

  private async dto(meeting: BoardMeeting, agenda?: BoardAgendaItem[]): Promise<BoardMeetingDto> {
    const items = agenda ?? (await this.repo.agenda(meeting.id));
    const documents = await this.reports.byIds(items.map((i) => i.documentId).filter((d): d is string => !!d));
    const [pack] = await this.repo.packs(meeting.id);
    return toBoardMeetingDto(meeting, items, documents, this.context(), pack ?? null);
  }
}
