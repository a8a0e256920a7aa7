import { formatIsoDateLong } from '@plexus/domain';
import { BoardMeetingRepository, ReportDocument, RequestScopes, type BoardAgendaItem, type BoardMeeting } from '@plexus/server';
import { UnrecoverableError } from 'bullmq';
import { loadNetworkView } from '../shared/network-view';
import type { BrandView, DocumentViewModel, NetworkView, ReportRequestOf, SectionView } from '../shared/view-model';

/** A paper as the pack carries it: its own document (from its snapshot) and where it sits in the pack. */
export interface PackPaperView extends DocumentViewModel {
  packItem: {
    /** The named destination of the paper's first page (`section-<agenda position>`): contents, agenda and outline link to it. */
    anchor: string;
    /** `<agenda position>. <paper title>`: the paper's first heading in the pack. */
    heading: string;
    /** Whether the paper opens with a board paper's cover sheet (otherwise with its title page). */
    coverSheet: boolean;
    /** Which stored document this is, as the library has it (the pack reproduces its snapshot). */
    source: { documentId: string; sha256: string | null; templateVersion: string | null; pages: number | null };
  };
}

export interface PackAgendaRow {
  position: number;
  title: string;
  presenter: string;
  duration: string;
  /** The paper's title and its anchor (its page number is written beside it); null for an item without a paper. */
  paper: { title: string; anchor: string } | null;
}

export interface BoardPackViewModel extends DocumentViewModel {
  pack: { when: string; location: string; notes: string; agenda: PackAgendaRow[] };
}

/** A paper's document as it sits in a pack: the same view model, its section anchors made unique in the pack. */
export function packPaper(
  item: Pick<BoardAgendaItem, 'position'>,
  doc: Pick<ReportDocument, 'id' | 'sha256' | 'templateVersion' | 'pageCount'>,
  snapshot: DocumentViewModel,
): PackPaperView {
  const anchor = `section-${item.position}`;
  return {
    ...snapshot,
    doc: {
      ...snapshot.doc,
      // The paper's own contents keep their place; their anchors are the paper's (section-<item>-<n>), so the finish
      // writes the pack's page numbers into them.
      sections: snapshot.doc.sections.map((s) => ({ ...s, id: `${anchor}-${s.number}` })),
    },
    packItem: {
      anchor,
      heading: `${item.position}. ${snapshot.doc.title}`,
      coverSheet: !!snapshot.doc.coverSheet,
      source: { documentId: doc.id, sha256: doc.sha256, templateVersion: doc.templateVersion, pages: doc.pageCount },
    },
  };
}

const duration = (minutes: number | null) => (minutes ? `${minutes} min` : '');

/** The pack's view model from the meeting, its agenda and the papers' snapshots (no database: the builder reads them). */
export function boardPackViewModel(
  context: { network: NetworkView; brand: BrandView; todayLong: string },
  title: string,
  meeting: Pick<BoardMeeting, 'title' | 'meetingDate' | 'startsAt' | 'location' | 'notes'>,
  agenda: Array<Pick<BoardAgendaItem, 'position' | 'title' | 'presenter' | 'durationMinutes'> & { paper: PackPaperView | null }>,
): BoardPackViewModel {
  const { network, brand, todayLong } = context;
  const when = `${formatIsoDateLong(meeting.meetingDate)}${meeting.startsAt ? `, ${meeting.startsAt}` : ''}`;
  const papers = agenda.filter((i) => i.paper);
  const sections: SectionView[] = papers.map((i) => ({
    id: (i.paper as PackPaperView).packItem.anchor,
    number: i.position,
    title: (i.paper as PackPaperView).doc.title,
    partial: 'packPaper',
    data: i.paper,
  }));
  return {
    network,
    brand,
    doc: {
      title,
      subtitle: `${meeting.title} · ${when}`,
      generatedOn: todayLong,
      facts: [
        { label: 'Meeting', value: meeting.title },
        { label: 'Date', value: when },
        ...(meeting.location ? [{ label: 'Place or link', value: meeting.location }] : []),
        { label: 'Agenda items', value: String(agenda.length) },
        { label: 'Papers', value: String(papers.length) },
      ],
      sections,
      coverSheet: null,
      subject: `Board pack for ${meeting.title}, ${formatIsoDateLong(meeting.meetingDate)} — ${network.name}`,
      keywords: [network.name, 'Board pack', meeting.title, meeting.meetingDate, 'Plexus'],
    },
    pack: {
      when,
      location: meeting.location,
      notes: meeting.notes,
      agenda: agenda.map((i) => ({
        position: i.position,
        title: i.title,
        presenter: i.presenter,
        duration: duration(i.durationMinutes),
        paper: i.paper ? { title: i.paper.doc.title, anchor: i.paper.packItem.anchor } : null,
      })),
    },
  };
}

/**
 * A board pack, read inside the network's context: the meeting and its agenda as they stand, and each linked paper as
 * its stored snapshot (the view model it was rendered from, so the board reads the same data; the pack prints it again
 * in one document so that its pages are numbered through). A paper that is gone or not ready stops the render.
 */
export async function buildBoardPackDocument(request: ReportRequestOf<'board_pack'>, title: string): Promise<BoardPackViewModel> {
  const repo = new BoardMeetingRepository();
  const meeting = await repo.meeting(request.options.meetingId);
  if (!meeting) throw new UnrecoverableError('The board meeting of this pack is not in the network any more');
  const agenda = await repo.agenda(meeting.id);
  const ids = [...new Set(agenda.map((i) => i.documentId).filter((d): d is string => !!d))];
  const docs = ids.length ? await RequestScopes.em().find(ReportDocument, { id: { $in: ids } }, { populate: ['snapshot'] }) : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const context = await loadNetworkView();
  const items = agenda.map((item) => {
    if (!item.documentId) return { ...item, paper: null };
    const doc = byId.get(item.documentId);
    if (!doc || doc.status !== 'ready' || !doc.snapshot || doc.kind === 'board_pack') {
      throw new UnrecoverableError(
        `The paper of agenda item ${item.position} (“${item.title}”) is ${doc ? (doc.kind === 'board_pack' ? 'a board pack' : doc.status) : 'gone'}: link a ready paper and generate the pack again`,
      );
    }
    return { ...item, paper: packPaper(item, doc, doc.snapshot as DocumentViewModel) };
  });
  if (!items.some((i) => i.paper)) throw new UnrecoverableError('The meeting’s agenda has no papers');
  return boardPackViewModel(context, title, meeting, items);
}
