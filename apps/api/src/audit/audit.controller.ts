import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { AuditPageDto } from '@plexus/contracts';
import { AppUser, AuditEvent, RequestScopes } from '@plexus/server';
import { z } from 'zod';
import { zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';

const auditQuerySchema = z.object({
  entityType: z.string().regex(/^[a-z_]{1,40}$/, { error: 'Use a record type such as network_profile' }).optional(),
  entityId: z.string().min(1).max(64).optional(),
  before: z.string().regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/, { error: 'Use the nextCursor of the previous page' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

@NetworkController('audit', 'audit trail')
export class AuditController {
  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'The audit trail, newest first; filter to one record with entityType and entityId' })
  @ApiQuery({ name: 'entityType', required: false })
  @ApiQuery({ name: 'entityId', required: false })
  @ApiQuery({ name: 'before', required: false, description: 'nextCursor from the previous page' })
  @ApiQuery({ name: 'limit', required: false })
  async list(@Query(zod(auditQuerySchema)) q: z.output<typeof auditQuerySchema>): Promise<AuditPageDto> {
    const em = RequestScopes.em();
    const where: Record<string, unknown> = {};
    if (q.entityType) where['entityType'] = q.entityType;
    if (q.entityId) where['entityId'] = q.entityId;
    if (q.before) {
      const [at, id] = q.before.split('|');
      where['$or'] = [{ occurredAt: { $lt: new Date(at) } }, { occurredAt: new Date(at), id: { $lt: id } }];
    }
    const rows = await em.find(AuditEvent, where, { orderBy: { occurredAt: 'desc', id: 'desc' }, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const actors = await em.find(AppUser, { id: { $in: page.map((r) => r.actorUserId).filter((x): x is string => !!x) } });
    const last = page[page.length - 1];
    return {
      items: page.map((r) => {
        const actor = actors.find((a) => a.id === r.actorUserId);
        return {
          id: r.id,
          occurredAt: r.occurredAt.toISOString(),
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          actor: actor ? { userId: actor.id, displayName: actor.displayName } : null,
          changes: r.changes,
        };
      }),
      nextCursor: rows.length > q.limit && last ? `${last.occurredAt.toISOString()}|${last.id}` : null,
    };
  }
}
