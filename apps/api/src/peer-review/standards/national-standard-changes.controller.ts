import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { platformAuditEventDtoSchema, platformAuditQuerySchema, type PlatformAuditEventDto } from '@plexus/contracts';
import { PlatformAuditRepository, UserRepository } from '@plexus/server';
import { z } from 'zod';
import { OperatorOnly } from '../../auth/public.decorator';
import { ApiZodResponse } from '../../core/http/api-response';
import { ApiZodQueries, zod } from '../../core/http/zod';
import { OperatorScopeInterceptor } from '../../tenancy/operator-scope.interceptor';
import { toPlatformAuditEventDto } from './standards.mapper';

/** The audit trail of the national standard sets: who changed what, from what to what (operators only). */
@ApiTags('national standard sets')
@OperatorOnly()
@UseInterceptors(OperatorScopeInterceptor)
@Controller('admin/standards/changes')
export class NationalStandardChangesController {
  constructor(
    private readonly audit: PlatformAuditRepository,
    private readonly users: UserRepository,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listNationalStandardChanges', summary: 'What operators changed in the national standard sets, newest first' })
  @ApiZodQueries(platformAuditQuerySchema)
  @ApiZodResponse(z.array(platformAuditEventDtoSchema), { description: 'The changes, newest first' })
  async list(@Query(zod(platformAuditQuerySchema)) q: z.output<typeof platformAuditQuerySchema>): Promise<PlatformAuditEventDto[]> {
    const events = await this.audit.latest(q.limit, q.entityId);
    const people = await this.users.byIds(events.map((e) => e.actorUserId).filter((id): id is string => !!id));
    return events.map((e) => toPlatformAuditEventDto(e, new Map(people.map((p) => [p.id, p]))));
  }
}
