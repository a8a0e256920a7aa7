import { Injectable } from '@nestjs/common';
import { parseAuditCursor, type AuditPageDto } from '@plexus/contracts';
import { AuditRepository, UserRepository } from '@plexus/server';
import { auditCursor, toAuditEventDto } from './audit.mapper';

export interface AuditPageQuery {
  entityType?: string;
  entityId?: string;
  /** `nextCursor` of the previous page: `<occurredAt ISO>|<id>`. */
  before?: string;
  limit: number;
}

/** Reads the current network's audit trail a page at a time, newest first. */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly users: UserRepository,
  ) {}

  async page(q: AuditPageQuery): Promise<AuditPageDto> {
    // One more than asked for says whether there is a next page. The contract has checked the cursor's form.
    const rows = await this.audit.page({
      entityType: q.entityType,
      entityId: q.entityId,
      before: (q.before && parseAuditCursor(q.before)) || undefined,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const actors = await this.users.byIds(page.map((r) => r.actorUserId).filter((x): x is string => !!x));
    const names = await this.audit.names(page);
    const last = page[page.length - 1];
    return {
      items: page.map((r) =>
        toAuditEventDto(
          r,
          actors.find((a) => a.id === r.actorUserId),
          names.records.get(`${r.entityType}:${r.entityId}`) ?? null,
        ),
      ),
      nextCursor: rows.length > q.limit && last ? auditCursor(last) : null,
      // In id order: the same page answers the same bytes whatever order the name lookups finished in.
      names: Object.fromEntries([...names.ids].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}
