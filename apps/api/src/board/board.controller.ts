import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  boardAgendaItemInputSchema,
  boardAgendaOrderSchema,
  boardMeetingDtoSchema,
  boardMeetingInputSchema,
  boardMeetingListDtoSchema,
  type BoardMeetingDto,
  type BoardMeetingListDto,
} from '@plexus/contracts';
import type { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { BoardService } from './board.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

const PAPER_NOT_FOUND: [number, string] = [
  404,
  'No such network among yours, no such record in it, or the paper (`documentId`) is not in its document library (`not_found`, naming the field).',
];

/**
 * The network board's meetings and their agendas. Everyone in the network reads them; managers keep them
 * (`board.manage`). Agenda items have their own address (`/board/agenda-items/{agendaItemId}`), as work items do.
 */
@NetworkController('board', 'board meetings')
export class BoardController {
  constructor(private readonly board: BoardService) {}

  // ---- meetings -----------------------------------------------------------------------------------

  @Get('meetings')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'listBoardMeetings', summary: "The board's meetings: upcoming (soonest first), then past (most recent first)" })
  @ApiZodResponse(boardMeetingListDtoSchema, { description: 'The meetings' })
  list(): Promise<BoardMeetingListDto> {
    return this.board.list();
  }

  @Post('meetings')
  @RequirePermission('board.manage')
  @ApiOperation({ operationId: 'createBoardMeeting', summary: 'Add a board meeting (its agenda is added item by item)' })
  @ApiZodResponse(boardMeetingDtoSchema, { status: 201, description: 'The new meeting' })
  @ApiZodBody(boardMeetingInputSchema)
  create(@Body(zod(boardMeetingInputSchema)) body: Out<typeof boardMeetingInputSchema>): Promise<BoardMeetingDto> {
    return this.board.create(body);
  }

  @Get('meetings/:meetingId')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getBoardMeeting', summary: 'A board meeting with its agenda in order and its papers' })
  @ApiZodResponse(boardMeetingDtoSchema, { description: 'The meeting' })
  get(@Param('meetingId', uuid) id: string): Promise<BoardMeetingDto> {
    return this.board.get(id);
  }

  @Put('meetings/:meetingId')
  @RequirePermission('board.manage')
  @ApiOperation({ operationId: 'updateBoardMeeting', summary: "Change a meeting's title, date, time, place or notes" })
  @ApiZodResponse(boardMeetingDtoSchema, { description: 'The meeting as changed' })
  @ApiZodBody(boardMeetingInputSchema)
  update(
    @Param('meetingId', uuid) id: string,
    @Body(zod(boardMeetingInputSchema)) body: Out<typeof boardMeetingInputSchema>,
  ): Promise<BoardMeetingDto> {
    return this.board.update(id, body);
  }

  @Delete('meetings/:meetingId')
  @HttpCode(204)
  @RequirePermission('board.manage')
  @ApiOperation({ operationId: 'deleteBoardMeeting', summary: 'Delete a meeting and its agenda; its papers stay in the document library' })
  @ApiEmptyResponse('Deleted')
  remove(@Param('meetingId', uuid) id: string): Promise<void> {
    return this.board.remove(id);
  }

  @Post('meetings/:meetingId/pack')
  @HttpCode(202)
  @RequirePermission('board.manage')
  @ApiOperation({
    operationId: 'requestBoardPack',
    summary:
      "Generate the meeting's board pack: one PDF of its front page, agenda and contents, then every paper in agenda order, numbered Page N of M throughout. Queued; the meeting's `pack` shows its progress, then its download link (while one is in progress, asking again answers that one)",
  })
  @ApiZodResponse(boardMeetingDtoSchema, { status: 202, description: 'The meeting with its pack, queued (or the one already in progress)' })
  @ApiErrorResponses([
    409,
    'The agenda links no paper, or a paper that is not ready or is itself a pack (`conflict`, naming `agenda.{index}.documentId`).',
  ])
  generatePack(@Param('meetingId', uuid) id: string): Promise<BoardMeetingDto> {
    return this.board.generatePack(id);
  }

  // ---- the agenda ---------------------------------------------------------------------------------

  @Put('meetings/:meetingId/agenda-order')
  @RequirePermission('board.manage')
  @ApiOperation({
    operationId: 'updateBoardAgendaOrder',
    summary: 'Put the agenda in a new order: every item of the meeting, each once; applied whole or not at all',
  })
  @ApiZodResponse(boardMeetingDtoSchema, { description: 'The meeting with its agenda in the new order' })
  @ApiZodBody(boardAgendaOrderSchema)
  reorder(
    @Param('meetingId', uuid) id: string,
    @Body(zod(boardAgendaOrderSchema)) body: Out<typeof boardAgendaOrderSchema>,
  ): Promise<BoardMeetingDto> {
    return this.board.reorder(id, body);
  }

  @Post('meetings/:meetingId/agenda-items')
  @RequirePermission('board.manage')
  @ApiOperation({
    operationId: 'addBoardAgendaItem',
    summary: 'Add an item at the end of the agenda, optionally with its paper from the document library',
  })
  @ApiZodResponse(boardMeetingDtoSchema, { status: 201, description: 'The meeting with its agenda' })
  @ApiErrorResponses(PAPER_NOT_FOUND, [409, 'The agenda already holds the most items it can (`conflict`).'])
  @ApiZodBody(boardAgendaItemInputSchema)
  addItem(
    @Param('meetingId', uuid) id: string,
    @Body(zod(boardAgendaItemInputSchema)) body: Out<typeof boardAgendaItemInputSchema>,
  ): Promise<BoardMeetingDto> {
    return this.board.addItem(id, body);
  }

  @Put('agenda-items/:agendaItemId')
  @RequirePermission('board.manage')
  @ApiOperation({ operationId: 'updateBoardAgendaItem', summary: 'Change an agenda item: its title, presenter, time allowed or paper' })
  @ApiZodResponse(boardMeetingDtoSchema, { description: 'The meeting with its agenda' })
  @ApiErrorResponses(PAPER_NOT_FOUND)
  @ApiZodBody(boardAgendaItemInputSchema)
  updateItem(
    @Param('agendaItemId', uuid) id: string,
    @Body(zod(boardAgendaItemInputSchema)) body: Out<typeof boardAgendaItemInputSchema>,
  ): Promise<BoardMeetingDto> {
    return this.board.updateItem(id, body);
  }

  @Delete('agenda-items/:agendaItemId')
  @HttpCode(204)
  @RequirePermission('board.manage')
  @ApiOperation({
    operationId: 'removeBoardAgendaItem',
    summary: 'Take an item off the agenda; those after it move up (its paper stays in the library)',
  })
  @ApiEmptyResponse('Removed')
  removeItem(@Param('agendaItemId', uuid) id: string): Promise<void> {
    return this.board.removeItem(id);
  }
}
