import { Injectable } from '@nestjs/common';
import { MY_REPORTS_PER_NETWORK, type MyReportDto, type MyReportsDto, type MyReportsNetworkDto } from '@plexus/contracts';
import { can } from '@plexus/domain';
import { MembershipRepository, ReportRepository, TenantDb, UserRepository } from '@plexus/server';
import { toReportDto } from './report.mapper';

/**
 * "Reports from my networks": a union of per-network reads. The person's memberships are read first (RLS shows a
 * person their own); then each network is entered in turn exactly as a request to its library would enter it — its
 * own transaction whose first statement (`plexus_enter`) checks the membership again and sets the network, so RLS and
 * the ORM filter scope every query to that network alone. Nothing is read across networks in one query.
 */
@Injectable()
export class MyReportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly memberships: MembershipRepository,
    private readonly reports: ReportRepository,
    private readonly users: UserRepository,
  ) {}

  async list(userId: string, requestId: string | null): Promise<MyReportsDto> {
    const mine = await this.db.run({ userId, requestId }, () => this.memberships.networksOf(userId));
    const networks: MyReportsNetworkDto[] = [];
    const reports: MyReportDto[] = [];
    for (const { network, membership } of mine) {
      if (!can(membership.role, 'reports.read')) continue;
      const part = await this.db.runAsMember({ userId, requestId }, network.slug, async (_scope, entry) => {
        // Left the network (or lost the permission) since the memberships were read: it is not listed.
        if (!entry || !can(entry.tenant.role, 'reports.read')) return null;
        const docs = await this.reports.ready(MY_REPORTS_PER_NETWORK + 1);
        const listed = docs.slice(0, MY_REPORTS_PER_NETWORK);
        const requesters = await this.users.byIds(listed.map((d) => d.requestedBy).filter((x): x is string => !!x));
        return {
          role: entry.tenant.role,
          more: docs.length > listed.length,
          documents: listed.map((d) =>
            toReportDto(d, { requester: requesters.find((u) => u.id === d.requestedBy), withdrawer: undefined }, entry.tenant.networkSlug, false),
          ),
        };
      });
      if (!part) continue;
      const ref = { networkId: network.id, slug: network.slug, name: network.name };
      networks.push({ ...ref, role: part.role, listed: part.documents.length, more: part.more });
      reports.push(...part.documents.map((document) => ({ network: ref, document })));
    }
    reports.sort(
      (a, b) =>
        b.document.requestedAt.localeCompare(a.document.requestedAt) ||
        a.network.name.localeCompare(b.network.name) ||
        a.document.id.localeCompare(b.document.id),
    );
    return { networks, reports };
  }
}
