import type { BoardAgendaItemDto, BoardMeetingDto, BoardMeetingSummaryDto, BoardPackDto, BoardPaperDto } from '@plexus/contracts';
import type { BoardAgendaItem, BoardMeeting, ReportDocument } from '@plexus/server';

export function toBoardMeetingSummaryDto(m: BoardMeeting, counts: { items: number; papers: number } | undefined): BoardMeetingSummaryDto {
  return {
    id: m.id,
    title: m.title,
    meetingDate: m.meetingDate,
    startsAt: m.startsAt,
    location: m.location,
    itemCount: counts?.items ?? 0,
    paperCount: counts?.papers ?? 0,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

function toBoardPaperDto(d: ReportDocument, slug: string): BoardPaperDto {
  return {
    id: d.id,
    title: d.title,
    kind: d.kind,
    status: d.status,
    downloadUrl: d.status === 'ready' ? `/api/networks/${slug}/reports/${d.id}/download` : null,
  };
}

function toBoardAgendaItemDto(item: BoardAgendaItem, documents: Map<string, ReportDocument>, slug: string): BoardAgendaItemDto {
  const document = item.documentId ? documents.get(item.documentId) : undefined;
  return {
    id: item.id,
    position: item.position,
    title: item.title,
    presenter: item.presenter,
    durationMinutes: item.durationMinutes,
    documentId: item.documentId,
    paper: document ? toBoardPaperDto(document, slug) : null,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

function toBoardPackDto(d: ReportDocument, slug: string): BoardPackDto {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    progress: d.progress,
    failureReason: d.failureReason,
    pageCount: d.pageCount,
    requestedAt: d.requestedAt.toISOString(),
    downloadUrl: d.status === 'ready' ? `/api/networks/${slug}/reports/${d.id}/download` : null,
  };
}

/** A meeting with its agenda in order, each item's paper resolved from the library. */
export function toBoardMeetingDto(
  m: BoardMeeting,
  agenda: BoardAgendaItem[],
  documents: ReportDocument[],
  ctx: { slug: string; today: string; canManage: boolean },
  pack: ReportDocument | null = null,
): BoardMeetingDto {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return {
    id: m.id,
    title: m.title,
    meetingDate: m.meetingDate,
    startsAt: m.startsAt,
    location: m.location,
    notes: m.notes,
    isPast: m.meetingDate < ctx.today,
    agenda: [...agenda].sort((a, b) => a.position - b.position).map((item) => toBoardAgendaItemDto(item, byId, ctx.slug)),
    pack: pack ? toBoardPackDto(pack, ctx.slug) : null,
    can: { manage: ctx.canManage },
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
