import type { ReportDocumentDto } from '@plexus/contracts';
import type { AppUser, ReportDocument } from '@plexus/server';

/** A document of the library as the API answers it. */
export function toReportDto(
  d: ReportDocument,
  people: { requester: AppUser | undefined; withdrawer: AppUser | undefined },
  slug: string,
  canManage: boolean,
): ReportDocumentDto {
  const requester = people.requester;
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    status: d.status,
    progress: d.progress,
    requestedAt: d.requestedAt.toISOString(),
    requestedBy: { userId: d.requestedBy, name: requester?.displayName ?? 'Former member' },
    startedAt: d.startedAt?.toISOString() ?? null,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    attempts: d.attempts,
    failureReason: d.failureReason,
    templateVersion: d.templateVersion,
    sizeBytes: d.sizeBytes,
    pageCount: d.pageCount,
    sha256: d.sha256,
    downloadUrl: d.status === 'ready' ? `/api/networks/${slug}/reports/${d.id}/download` : null,
    withdrawn: d.withdrawnAt
      ? {
          at: d.withdrawnAt.toISOString(),
          by: { userId: d.withdrawnBy, name: people.withdrawer?.displayName ?? 'Former member' },
          reason: d.withdrawnReason ?? '',
        }
      : null,
    can: { retry: canManage && d.status === 'failed', withdraw: canManage && d.status === 'ready' && !d.withdrawnAt },
  };
}
