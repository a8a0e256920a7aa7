import type { ReportDocumentDto } from '@plexus/contracts';
import type { AppUser, ReportDocument } from '@plexus/server';

/** A document of the library as the API answers it. */
export function toReportDto(d: ReportDocument, requester: AppUser | undefined, slug: string, canRetry: boolean): ReportDocumentDto {
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
    can: { retry: canRetry && d.status === 'failed' },
  };
}
