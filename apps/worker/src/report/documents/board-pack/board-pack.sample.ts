import { boardPaperSample } from '../board-paper/board-paper.sample';
import { progressSample } from '../progress/progress.sample';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import { boardPackViewModel, packPaper, type BoardPackViewModel } from './board-pack.view-model';

const source = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  sha256: `${n}`.repeat(64),
  templateVersion: '2026.12.2',
  pageCount: 4,
});

/**
 * A pack for a meeting of six agenda items, three with papers: a board paper with a risk register body (item 2), a
 * progress report (item 4) and a board paper that is its cover sheet alone (item 5).
 */
export function boardPackSample(): BoardPackViewModel {
  const item = (position: number, title: string, presenter: string, durationMinutes: number | null, paper: ReturnType<typeof packPaper> | null) => ({
    position,
    title,
    presenter,
    durationMinutes,
    paper,
  });
  const paper2 = boardPaperSample();
  const paper4 = progressSample(8);
  const paper5 = boardPaperSample(true);
  paper5.doc.title = 'Peer review programme: <update>';
  return boardPackViewModel(
    { network: SAMPLE_NETWORK, brand: SAMPLE_BRAND, todayLong: SAMPLE_DATE },
    'Board pack: Network Board, 10 December 2026',
    { title: 'Network Board', meetingDate: '2026-12-10', startsAt: '14:00', location: 'Boardroom <1>', notes: 'Papers circulated a week before.' },
    [
      item(1, 'Welcome and apologies', 'Chair', 5, null),
      item(2, 'Risk register review', 'Network manager', 20, packPaper({ position: 2 }, source(2), paper2)),
      item(3, 'Minutes of the last meeting', 'Chair', 10, null),
      item(4, 'Work plan progress', 'Clinical lead', 20, packPaper({ position: 4 }, source(4), paper4)),
      item(5, 'Peer review programme', 'Network manager', 15, packPaper({ position: 5 }, source(5), paper5)),
      item(6, 'Any other business', 'Chair', null, null),
    ],
  );
}
