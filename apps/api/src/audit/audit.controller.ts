import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { AuditPageDto } from '@plexus/contracts';
import { z } from 'zod';
import { zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { AuditService } from './audit.service';

const auditQuerySchema = z.object({
  entityType: z.string().regex(/^[a-z_]{1,40}$/, { error: 'Use a record type such as network_profile' }).optional(),
  entityId: z.string().min(1).max(64).optional(),
  before: z.string().regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/, { error: 'Use the nextCursor of the previous page' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

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
