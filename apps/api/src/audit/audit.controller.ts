import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { auditPageDtoSchema, auditQuerySchema, type AuditPageDto } from '@plexus/contracts';
import { ApiZodResponse } from '../core/http/api-response';
import type { z } from 'zod';
import { ApiZodQueries, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { AuditService } from './audit.service';

@NetworkController('audit', 'audit trail')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ operationId: 'listAuditEvents', summary: 'The audit trail, newest first; filter to one record with entityType and entityId' })
  @ApiZodQueries(auditQuerySchema)
  @ApiZodResponse(auditPageDtoSchema, { description: 'A page of events; pass its nextCursor as `before` for the next' })
  list(@Query(zod(auditQuerySchema)) q: z.output<typeof auditQuerySchema>): Promise<AuditPageDto> {
    return this.audit.page(q);
  }
}
