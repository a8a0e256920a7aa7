import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  emailPreviewDtoSchema,
  recurrencePreviewDtoSchema,
  recurrencePreviewRequestSchema,
  runSummaryDtoSchema,
  scheduleDtoSchema,
  scheduleInputSchema,
  type EmailPreviewDto,
  type RecurrencePreviewDto,
  type RunSummaryDto,
  type ScheduleDto,
} from '@plexus/contracts';
import { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { SchedulesService } from './schedules.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/**
 * Scheduled emailed reports. Managers only: a schedule names outside people's email addresses (personal data).
 * Times are Europe/London; a run is unique per schedule and period, so nothing is ever sent twice for a period.
 */
@NetworkController('schedules', 'scheduled reports')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'listSchedules', summary: "The network's scheduled reports, with each one's next send time and last run" })
  @ApiZodResponse(z.array(scheduleDtoSchema), { description: 'The schedules (deleted ones left out)' })
  list(): Promise<ScheduleDto[]> {
    return this.schedules.list();
  }

  @Post()
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'createSchedule', summary: 'Schedule a report: what, when (Europe/London) and to whom' })
  @ApiZodBody(scheduleInputSchema)
  @ApiZodResponse(scheduleDtoSchema, { status: 201, description: 'The new schedule (active)' })
  @ApiErrorResponses(404, 409)
  create(@Body(zod(scheduleInputSchema)) body: z.output<typeof scheduleInputSchema>): Promise<ScheduleDto> {
    return this.schedules.create(body);
  }

  @Post('preview-times')
  @HttpCode(200)
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'previewScheduleTimes', summary: 'A recurrence in plain words and its next five send times (nothing saved)' })
  @ApiZodBody(recurrencePreviewRequestSchema)
  @ApiZodResponse(recurrencePreviewDtoSchema, { description: 'The description and the next send times' })
  previewTimes(@Body(zod(recurrencePreviewRequestSchema)) body: z.output<typeof recurrencePreviewRequestSchema>): Promise<RecurrencePreviewDto> {
    return this.schedules.previewTimes(body.recurrence);
  }

  @Post('preview-email')
  @HttpCode(200)
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'previewScheduleEmail', summary: 'The email a schedule would send, with the latest figures (nothing saved or sent)' })
  @ApiZodBody(scheduleInputSchema)
  @ApiZodResponse(emailPreviewDtoSchema, { description: 'Subject, HTML and plain text, and who would receive it' })
  @ApiErrorResponses(404)
  previewEmail(@Body(zod(scheduleInputSchema)) body: z.output<typeof scheduleInputSchema>): Promise<EmailPreviewDto> {
    return this.schedules.previewEmail(body);
  }

  @Get(':scheduleId')
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'getSchedule', summary: 'One schedule' })
  @ApiZodResponse(scheduleDtoSchema, { description: 'The schedule' })
  get(@Param('scheduleId', uuid) id: string): Promise<ScheduleDto> {
    return this.schedules.get(id);
  }

  @Put(':scheduleId')
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'updateSchedule', summary: 'Change a schedule (its runs so far are kept)' })
  @ApiZodBody(scheduleInputSchema)
  @ApiZodResponse(scheduleDtoSchema, { description: 'The schedule as changed' })
  @ApiErrorResponses(409)
  update(@Param('scheduleId', uuid) id: string, @Body(zod(scheduleInputSchema)) body: z.output<typeof scheduleInputSchema>): Promise<ScheduleDto> {
    return this.schedules.update(id, body);
  }

  @Delete(':scheduleId')
  @HttpCode(204)
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'deleteSchedule', summary: 'Delete a schedule: it never runs again; its delivery log is kept' })
  @ApiEmptyResponse('Deleted')
  remove(@Param('scheduleId', uuid) id: string): Promise<void> {
    return this.schedules.archive(id);
  }

  @Post(':scheduleId/pause')
  @HttpCode(200)
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'pauseSchedule', summary: 'Pause a schedule: nothing is sent until it is resumed' })
  @ApiZodResponse(scheduleDtoSchema, { description: 'The schedule, paused' })
  @ApiErrorResponses(409)
  pause(@Param('scheduleId', uuid) id: string): Promise<ScheduleDto> {
    return this.schedules.setPaused(id, true);
  }

  @Post(':scheduleId/resume')
  @HttpCode(200)
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'resumeSchedule', summary: 'Resume a paused schedule' })
  @ApiZodResponse(scheduleDtoSchema, { description: 'The schedule, active again' })
  @ApiErrorResponses(409)
  resume(@Param('scheduleId', uuid) id: string): Promise<ScheduleDto> {
    return this.schedules.setPaused(id, false);
  }

  @Post(':scheduleId/send-now')
  @HttpCode(202)
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'sendScheduleNow', summary: 'Generate the report and send it to the schedule’s recipients now' })
  @ApiZodResponse(runSummaryDtoSchema, { status: 202, description: 'The run, started: follow it in the delivery log' })
  @ApiErrorResponses(409)
  sendNow(@Param('scheduleId', uuid) id: string): Promise<RunSummaryDto> {
    return this.schedules.sendNow(id);
  }
}
