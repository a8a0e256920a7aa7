import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { auditQuerySchema, parseAuditCursor, type AuditPageDto } from '@plexus/contracts';
import { AppUser, AuditEvent, RequestScopes } from '@plexus/server';
import type { z } from 'zod';
import { zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';

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
    const cursor = q.before ? parseAuditCursor(q.before) : null;
    if (cursor) {
      where['$or'] = [{ occurredAt: { $lt: cursor.at } }, { occurredAt: cursor.at, id: { $lt: cursor.id } }];
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
