import { todayIso } from '@plexus/domain';
import { BoardAgendaItem, BoardMeeting, ReportDocument, type TenantDb } from '@plexus/server';
import type { DemoNetwork } from '../seed/demo-data';

/** When a network's board meets: the `nth` `weekday` (0 Sunday … 6 Saturday) of one month in each quarter. */
export interface BoardRhythm {
  /** The first month of the four (1–12); the others follow every three months. */
  firstMonth: number;
  weekday: number;
  nth: number;
  startsAt: string;
  location: string;
}

/** Each demo network's board: a different rhythm each, on days that are never bank holidays (2nd or 3rd Tuesday–Thursday). */
const RHYTHMS: Record<string, BoardRhythm> = {
  'east-midlands-mtn': { firstMonth: 2, weekday: 4, nth: 2, startsAt: '14:00', location: 'Boardroom, Northfield University Hospitals' },
  'northern-spinal': { firstMonth: 3, weekday: 2, nth: 3, startsAt: '10:00', location: 'https://teams.example.org/meet/northern-spinal-board' },
  'northern-maternity': { firstMonth: 1, weekday: 3, nth: 2, startsAt: '13:30', location: 'Seminar room 2, Kingsway Education Centre' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The `nth` `weekday` of a month, `YYYY-MM-DD`. */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Quarterly meetings around `today`: the `past` latest before it and the `upcoming` first on or after it, in date order. */
export function demoMeetingDates(today: string, rhythm: Pick<BoardRhythm, 'firstMonth' | 'weekday' | 'nth'>, past = 4, upcoming = 2): string[] {
  const year = Number(today.slice(0, 4));
  const all: string[] = [];
  for (let y = year - 2; y <= year + 2; y++) {
    for (let q = 0; q < 4; q++) {
      const month = ((rhythm.firstMonth - 1 + q * 3) % 12) + 1;
      all.push(nthWeekday(y, month, rhythm.weekday, rhythm.nth));
    }
  }
  const sorted = [...new Set(all)].sort();
  const before = sorted.filter((d) => d < today).slice(-past);
  const after = sorted.filter((d) => d >= today).slice(0, upcoming);
  return [...before, ...after];
}

/** A board's usual agenda; `paper` marks the items whose paper the demo links when it has one. */
function agendaFor(demo: DemoNetwork): Array<{ title: string; presenter: string; minutes: number; paper?: boolean }> {
  const who = (match: RegExp, fallback: string) => demo.leadershipRoles.find((r) => match.test(r.title))?.personName ?? fallback;
  const chair = who(/chair/i, 'Network Chair');
  const lead = who(/clinical lead/i, 'Clinical lead');
  const manager = who(/network manager/i, 'Network manager');
  return [
    { title: 'Welcome, introductions and apologies', presenter: chair, minutes: 5 },
    { title: 'Minutes of the last meeting and action log', presenter: chair, minutes: 10 },
    { title: 'Work plan progress report', presenter: lead, minutes: 20, paper: true },
    { title: 'Risk register review', presenter: manager, minutes: 20 },
    { title: 'Any other business', presenter: chair, minutes: 5 },
  ];
}

/**
 * Past and upcoming quarterly board meetings for a demo network (four in the last year, the next two), each with
 * its usual agenda; the most recent past meeting links a board paper from the library when there is one. Run once,
 * when the network is created (the seed is idempotent per network).
 */
export async function seedBoard(
  db: TenantDb,
  network: { id: string; slug: string },
  demo: DemoNetwork,
  today = todayIso('Europe/London'),
): Promise<void> {
  const rhythm = RHYTHMS[network.slug] ?? RHYTHMS['east-midlands-mtn'];
  const dates = demoMeetingDates(today, rhythm);
  await db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    const [paper] = await em.find(ReportDocument, { kind: 'board_paper', status: 'ready' }, { orderBy: { requestedAt: 'desc' }, limit: 1 });
    const lastPast = dates.filter((d) => d < today).at(-1);
    for (const date of dates) {
      const meeting = Object.assign(new BoardMeeting(), {
        networkId: network.id,
        title: 'Network Board',
        meetingDate: date,
        startsAt: rhythm.startsAt,
        location: rhythm.location,
        notes: date < today ? 'Minutes approved at the following meeting.' : 'Papers are circulated a week before the meeting.',
      });
      em.persist(meeting);
      agendaFor(demo).forEach((item, index) =>
        em.persist(
          Object.assign(new BoardAgendaItem(), {
            networkId: network.id,
            meetingId: meeting.id,
            position: index + 1,
            title: item.title,
            presenter: item.presenter,
            durationMinutes: item.minutes,
            documentId: item.paper && paper && date === lastPast ? paper.id : null,
          }),
        ),
      );
    }
    await em.flush();
  });
}
