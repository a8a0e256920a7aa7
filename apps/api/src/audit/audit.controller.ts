import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { auditQuerySchema, type AuditPageDto } from '@plexus/contracts';
import type { z } from 'zod';
import { zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { AuditService } from './audit.service';

@NetworkController('audit', 'audit trail')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'The audit trail, newest first; filter to one record with entityType and entityId' })
  @ApiQuery({ name: 'entityType', required: false })
  @ApiQuery({ name: 'entityId', required: false })
  @ApiQuery({ name: 'before', required: false, description: 'nextCursor from the previous page' })
  @ApiQuery({ name: 'limit', required: false })
  list(@Query(zod(auditQuerySchema)) q: z.output<typeof auditQuerySchema>): Promise<AuditPageDto> {
    return this.audit.page(q);
  }
}
