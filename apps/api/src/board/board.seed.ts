import type { EntityManager } from '@mikro-orm/core';
import { requestReportSchema } from '@plexus/contracts';
import { formatIsoDateLong, todayIso } from '@plexus/domain';
import { AppUser, BoardAgendaItem, BoardMeeting, Membership, ReportDocument, Risk, RiskReview, scoreChange, type TenantDb } from '@plexus/server';
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

/** A demo network's board meeting dates around `today` (as seedBoard creates them). */
export function demoBoardMeetingDates(slug: string, today: string): string[] {
  return demoMeetingDates(today, RHYTHMS[slug] ?? RHYTHMS['east-midlands-mtn']);
}

/** A board's usual agenda; `paper` marks the items whose paper the demo links when it has one. */
function agendaFor(demo: DemoNetwork): Array<{ title: string; presenter: string; minutes: number; paper?: boolean; risks?: boolean }> {
  const who = (match: RegExp, fallback: string) => demo.leadershipRoles.find((r) => match.test(r.title))?.personName ?? fallback;
  const chair = who(/chair/i, 'Network Chair');
  const lead = who(/clinical lead/i, 'Clinical lead');
  const manager = who(/network manager/i, 'Network manager');
  return [
    { title: 'Welcome, introductions and apologies', presenter: chair, minutes: 5 },
    { title: 'Minutes of the last meeting and action log', presenter: chair, minutes: 10 },
    { title: 'Work plan progress report', presenter: lead, minutes: 20, paper: true },
    { title: 'Risk register review', presenter: manager, minutes: 20, risks: true },
    { title: 'Any other business', presenter: chair, minutes: 5 },
  ];
}

const clamp = (n: number) => Math.min(5, Math.max(1, n));
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Reviews of the open risks at the board's last two meetings (each naming its meeting), and one re-score since the
 * last, so that the register's "not reviewed at the last board" flag, the reviews' meetings and the risk register
 * report's "last board vs this board" pair all have something to show. A risk reviewed later than a meeting (by the
 * risk seed's own reviews) is not reviewed again at it, so that its history stays in date order.
 */
async function seedBoardReviews(em: EntityManager, meetings: BoardMeeting[], today: string): Promise<void> {
  const [beforeLast, last] = meetings.filter((m) => m.meetingDate < today).slice(-2);
  if (!last) return;
  const manager = await em.findOne(Membership, { role: 'manager' }, { orderBy: { createdAt: 'asc' } });
  const reviewer = manager ? await em.findOne(AppUser, { id: manager.userId }) : null;
  const risks = await em.find(Risk, { status: 'open' }, { orderBy: { number: 'asc' } });
  const review = (r: Risk, on: string, l: number, i: number, notes: string, meeting: BoardMeeting | null) => {
    em.persist(
      Object.assign(new RiskReview(), {
        networkId: r.networkId,
        riskId: r.id,
        reviewedOn: on,
        reviewerUserId: reviewer?.id ?? null,
        reviewerName: reviewer?.displayName ?? 'Network manager',
        likelihood: l,
        impact: i,
        notes,
        boardMeetingId: meeting?.id ?? null,
      }),
    );
    Object.assign(r, { likelihoodAfter: l, impactAfter: i, legacyScoreAfter: null, lastReviewedOn: on, nextReviewDue: addDays(on, 91) });
    em.persist(scoreChange(r, 'reviewed', on));
  };
  const pair = (r: Risk): [number, number] =>
    r.likelihoodAfter != null && r.impactAfter != null
      ? [r.likelihoodAfter, r.impactAfter]
      : [3, clamp(Math.round((r.legacyScoreAfter ?? r.legacyScoreBefore ?? 9) / 3))];
  const atBoard = (m: BoardMeeting) => `Reviewed at the ${m.title} on ${formatIsoDateLong(m.meetingDate)}.`;
  // Reviewed that very day already (by the risk seed's own review): that review was the one at the board.
  const sameDay = new Map<string, BoardMeeting>();
  const canReviewAt = (r: Risk, m: BoardMeeting) => {
    if (r.lastReviewedOn === m.meetingDate) sameDay.set(r.id, m);
    return m.meetingDate >= r.dateRegistered && (!r.lastReviewedOn || r.lastReviewedOn < m.meetingDate);
  };
  // The last risk is not reviewed at the last board: the register flags it.
  risks.forEach((r, k) => {
    if (beforeLast && canReviewAt(r, beforeLast)) {
      const [l, i] = pair(r);
      review(r, beforeLast.meetingDate, l, i, `${atBoard(beforeLast)} No change.`, beforeLast);
    }
    if (k < risks.length - 1 && canReviewAt(r, last)) {
      const [l, i] = pair(r);
      const [nl, ni] = k % 3 === 0 ? [clamp(l - 1), i] : k % 3 === 2 ? [l, clamp(i + 1)] : [l, i];
      const change = nl < l ? 'Likelihood down: mitigation is working.' : ni > i ? 'Impact up: the board asked for an action plan.' : 'No change.';
      review(r, last.meetingDate, nl, ni, `${atBoard(last)} ${change}`, last);
    }
  });
  for (const [riskId, m] of sameDay) {
    for (const v of await em.find(RiskReview, { riskId, reviewedOn: m.meetingDate })) v.boardMeetingId = m.id;
  }
  // Since the last board: the first risk re-scored up (not at a meeting), so this board sees it move.
  const since = addDays(last.meetingDate, 14) < today ? addDays(last.meetingDate, 14) : today;
  const first = risks[0];
  if (first && since > last.meetingDate && (!first.lastReviewedOn || first.lastReviewedOn <= since)) {
    const [l, i] = pair(first);
    review(first, since, clamp(l + 1), i, 'Re-scored after two incidents since the last board: likelihood up.', null);
  }
}

/**
 * Two board papers for the next meeting, queued for the worker (the progress report and the risk register, each with
 * its cover sheet), linked to their agenda items: once rendered, the meeting's board pack can be generated. Only when
 * the demo is loaded by the application (`npm start`), whose worker renders them; tests load the demo without them.
 */
async function seedNextMeetingPapers(
  em: EntityManager,
  networkId: string,
  meeting: BoardMeeting,
  lastMeetingDate: string | undefined,
  author: string,
): Promise<Map<string, string>> {
  const cover = (summary: string, purposes: Array<'assurance' | 'discussion'>) => ({
    meeting: meeting.title,
    meetingDate: meeting.meetingDate,
    author,
    purposes,
    executiveSummary: summary,
  });
  const requests = {
    progress: requestReportSchema.parse({
      kind: 'board_paper',
      title: 'Work plan progress report',
      cover: cover('Progress on every item of the work plan since the last board, exceptions and overdue items first.', ['assurance']),
      body: { kind: 'progress', options: {} },
    }),
    risks: requestReportSchema.parse({
      kind: 'board_paper',
      title: 'Risk register review',
      cover: cover('The risk register since the last board: movement, top risks and overdue reviews.', ['discussion']),
      body: { kind: 'risk_register', options: lastMeetingDate ? { changedSince: lastMeetingDate } : {} },
    }),
  };
  const ids = new Map<string, string>();
  for (const [key, request] of Object.entries(requests)) {
    const doc = Object.assign(new ReportDocument(), {
      networkId,
      kind: request.kind,
      title: request.title ?? 'Board paper',
      options: request as unknown as Record<string, unknown>,
    });
    em.persist(doc);
    ids.set(key, doc.id);
  }
  return ids;
}

/**
 * Past and upcoming quarterly board meetings for a demo network (four in the last year, the next two), each with
 * its usual agenda; the most recent past meeting links a board paper from the library when there is one. The open
 * risks are reviewed at the last two meetings (see seedBoardReviews). With `papers`, the next meeting's progress and
 * risk register papers are queued and linked, ready for its board pack. Run once, when the network is created (the
 * seed is idempotent per network).
 */
export async function seedBoard(
  db: TenantDb,
  network: { id: string; slug: string },
  demo: DemoNetwork,
  today = todayIso('Europe/London'),
  papers = false,
): Promise<void> {
  const rhythm = RHYTHMS[network.slug] ?? RHYTHMS['east-midlands-mtn'];
  const dates = demoMeetingDates(today, rhythm);
  await db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    const [paper] = await em.find(ReportDocument, { kind: 'board_paper', status: 'ready' }, { orderBy: { requestedAt: 'desc' }, limit: 1 });
    const lastPast = dates.filter((d) => d < today).at(-1);
    const nextDate = dates.find((d) => d >= today);
    const meetings: BoardMeeting[] = [];
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
      meetings.push(meeting);
      const nextPapers =
        papers && date === nextDate
          ? await seedNextMeetingPapers(
              em,
              network.id,
              meeting,
              lastPast,
              demo.leadershipRoles.find((r) => /network manager/i.test(r.title))?.personName ?? 'Network manager',
            )
          : null;
      agendaFor(demo).forEach((item, index) =>
        em.persist(
          Object.assign(new BoardAgendaItem(), {
            networkId: network.id,
            meetingId: meeting.id,
            position: index + 1,
            title: item.title,
            presenter: item.presenter,
            durationMinutes: item.minutes,
            documentId: nextPapers
              ? ((item.paper ? nextPapers.get('progress') : item.risks ? nextPapers.get('risks') : undefined) ?? null)
              : item.paper && paper && date === lastPast
                ? paper.id
                : null,
          }),
        ),
      );
    }
    await em.flush();
    await seedBoardReviews(em, meetings, today);
    await em.flush();
  });
}
