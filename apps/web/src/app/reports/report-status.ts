import { REPORT_KIND_LABELS, type ReportDocumentDto, type ReportStatusValue } from '@plexus/contracts';
import { formatBytes } from '../profile/logo-file';

/** How long the library waits between two looks at documents still being made. */
export const POLL_INTERVAL_MS = 2000;

export interface ReportStatusView {
  /** The words on the tag: the status never rests on its colour alone. */
  readonly text: string;
  /** The NHS tag modifier. */
  readonly tagClass: string;
  /** 0–100 while rendering, for a `<progress>` element; null otherwise. */
  readonly progress: number | null;
}

const TAGS: Record<ReportStatusValue, string> = {
  queued: 'nhsuk-tag--grey',
  rendering: 'nhsuk-tag--blue',
  ready: 'nhsuk-tag--green',
  failed: 'nhsuk-tag--red',
};

/** Progress as a whole percentage from 0 to 100, whatever the API sent. */
function percent(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : 0;
}

/** "Queued", "Rendering 45%", "Ready", "Failed", with the tag's colour. */
export function reportStatusView(doc: Pick<ReportDocumentDto, 'status' | 'progress'>): ReportStatusView {
  switch (doc.status) {
    case 'queued':
      return { text: 'Queued', tagClass: TAGS.queued, progress: null };
    case 'rendering': {
      const progress = percent(doc.progress);
      return { text: `Rendering ${progress}%`, tagClass: TAGS.rendering, progress };
    }
    case 'ready':
      return { text: 'Ready', tagClass: TAGS.ready, progress: null };
    case 'failed':
      return { text: 'Failed', tagClass: TAGS.failed, progress: null };
    default:
      // A status a newer API may add: shown as it is rather than hidden.
      return { text: String(doc.status), tagClass: TAGS.queued, progress: null };
  }
}

/** The type of a document ("Board paper"); an unknown kind (newer API) is shown as it is. */
export function reportKindLabel(kind: string): string {
  return (REPORT_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** "4 pages, 212 KB" for a ready document; empty when the API gave neither. */
export function reportFileFacts(doc: Pick<ReportDocumentDto, 'pageCount' | 'sizeBytes'>): string {
  const parts: string[] = [];
  if (doc.pageCount != null) parts.push(`${doc.pageCount} ${doc.pageCount === 1 ? 'page' : 'pages'}`);
  if (doc.sizeBytes != null) parts.push(formatBytes(doc.sizeBytes));
  return parts.join(', ');
}

/** Still being made: queued or rendering. */
export function isInProgress(doc: Pick<ReportDocumentDto, 'status'>): boolean {
  return doc.status === 'queued' || doc.status === 'rendering';
}

/** The library looks again only while some document is still being made. */
export function shouldPoll(docs: ReadonlyArray<Pick<ReportDocumentDto, 'status'>> | null | undefined): boolean {
  return !!docs && docs.some(isInProgress);
}

/**
 * What to announce after a look at the library: each document that was being made and now is ready
 * ("Progress report is ready"), failed, or has started rendering. Progress percentages are not
 * announced (they would talk over everything else).
 */
export function statusAnnouncements(
  before: ReadonlyArray<Pick<ReportDocumentDto, 'id' | 'status'>>,
  after: ReadonlyArray<Pick<ReportDocumentDto, 'id' | 'title' | 'status' | 'failureReason'>>,
): string[] {
  const previous = new Map(before.map((doc) => [doc.id, doc.status]));
  const messages: string[] = [];
  for (const doc of after) {
    const was = previous.get(doc.id);
    if (was === undefined || was === doc.status) continue;
    if (doc.status === 'ready') messages.push(`${doc.title} is ready`);
    else if (doc.status === 'failed') messages.push(doc.failureReason ? `${doc.title} failed: ${doc.failureReason}` : `${doc.title} failed`);
    else if (doc.status === 'rendering' && was === 'queued') messages.push(`${doc.title} is rendering`);
    else if (doc.status === 'queued' && was === 'failed') messages.push(`${doc.title} is queued again`);
  }
  return messages;
}
