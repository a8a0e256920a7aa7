import { Injectable } from '@nestjs/common';
import type { createNudgeRoundSchema, NudgeRoundDto, NudgeRoundListDto } from '@plexus/contracts';
import { addDays, formatIsoDateLong, instantAtWallTime, SCHEDULE_TIME_ZONE, todayIso } from '@plexus/domain';
import { BoardMeetingRepository, JobQueue, NudgeRepository, NudgeRound, RequestScopes, UserRepository, type BoardMeeting } from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { toNudgeDto, toNudgeRoundSummary } from './nudges.mapper';

type CreateRound = z.output<typeof createNudgeRoundSchema>;

/** A round may be set this far ahead at most. */
const MAX_DAYS_AHEAD = 366;
/** "Now", give or take: a time this close behind the clock is sent straight away rather than refused. */
const LEEWAY_MS = 5 * 60_000;

/**
 * Nudge rounds, as managers keep them: made for a board meeting or on their own, sent now or at a chosen time (the
 * worker runs each once, at its time: a delayed job, and a sweep for one whose job was lost), and followed lead by lead.
 */
@Injectable()
export class NudgesService {
  constructor(
    private readonly repo: NudgeRepository,
    private readonly board: BoardMeetingRepository,
    private readonly users: UserRepository,
    private readonly jobs: JobQueue,
  ) {}

  async list(): Promise<NudgeRoundListDto> {
    const rounds = await this.repo.rounds();
    const counts = await this.repo.counts();
    const meetings = new Map((await this.board.meetings()).map((m) => [m.id, m]));
    const names = new Map((await this.users.byIds(rounds.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))).map((u) => [u.id, u.displayName]));
    return {
      rounds: rounds.map((r) =>
        toNudgeRoundSummary(
          r,
          r.boardMeetingId ? (meetings.get(r.boardMeetingId) ?? null) : null,
          counts.get(r.id),
          r.createdBy ? (names.get(r.createdBy) ?? null) : null,
        ),
      ),
    };
  }

  async get(id: string): Promise<NudgeRoundDto> {
    const round = await this.repo.round(id);
    if (!round) throw DomainException.notFound('nudge round');
    const meeting = round.boardMeetingId ? await this.board.meeting(round.boardMeetingId) : null;
    const creator = round.createdBy ? await this.users.find(round.createdBy) : null;
    const counts = (await this.repo.counts()).get(round.id);
    const nudges = await this.repo.nudgesOf(round.id);
    return { ...toNudgeRoundSummary(round, meeting, counts, creator?.displayName ?? null), nudges: nudges.map(toNudgeDto) };
  }

  /** When the round goes: now, or the day and time asked for (UK time), checked against the clock and the meeting. */
  private sendAt(input: CreateRound, meeting: BoardMeeting | null, now: Date): Date {
    const today = todayIso(SCHEDULE_TIME_ZONE, now);
    if (meeting && meeting.meetingDate < today) {
      throw DomainException.field('boardMeetingId', `The board met on ${formatIsoDateLong(meeting.meetingDate)}: choose a meeting still to come`);
    }
    if (input.sendOn === null) {
      if (input.sendTime !== null) throw DomainException.field('sendOn', 'Enter the day to send, or leave the time empty to send now');
      return now;
    }
    if (input.sendOn > addDays(today, MAX_DAYS_AHEAD)) throw DomainException.field('sendOn', 'Choose a day within the next year');
    if (meeting && input.sendOn > meeting.meetingDate) {
      throw DomainException.field('sendOn', `Send the nudges on or before the day of the meeting (${formatIsoDateLong(meeting.meetingDate)})`);
    }
    const [hour, minute] = (input.sendTime ?? '09:00').split(':').map(Number);
    const at = instantAtWallTime(input.sendOn, hour, minute, SCHEDULE_TIME_ZONE);
    if (at.getTime() < now.getTime() - LEEWAY_MS) throw DomainException.field('sendOn', 'That time has passed: choose a later one, or send now');
    return at.getTime() < now.getTime() ? now : at;
  }

  async create(input: CreateRound): Promise<NudgeRoundDto> {
    // The meeting first: another network's id is answered as not found, whatever else the request says.
    const meeting = input.boardMeetingId ? await this.board.meeting(input.boardMeetingId) : null;
    if (input.boardMeetingId && !meeting)
      throw DomainException.field('boardMeetingId', 'That board meeting is not one of this network’s', 'not_found');
    const now = new Date();
    const sendAt = this.sendAt(input, meeting, now);
    const round = Object.assign(new NudgeRound(), {
      networkId: RequestScopes.networkId(),
      boardMeetingId: meeting?.id ?? null,
      sendAt,
      createdBy: RequestScopes.current()?.userId ?? null,
    });
    RequestScopes.em().persist(round);
    await RequestScopes.em().flush();
    const payload = { networkId: round.networkId, roundId: round.id };
    const delay = sendAt.getTime() - now.getTime();
    // Lost (Redis down, a crash): the worker's sweep runs the round within minutes of its time all the same.
    RequestScopes.afterCommit(async () => void (await this.jobs.enqueue('nudge-round.run', payload, delay)));
    return this.get(round.id);
  }

  /** A round not yet sent can be withdrawn (deleted, and so audited); one already sent stays as the record of who was nudged. */
  async remove(id: string): Promise<void> {
    const round = await this.repo.roundForUpdate(id);
    if (!round) throw DomainException.notFound('nudge round');
    if (round.state !== 'scheduled') throw new DomainException('conflict', 'This round has been sent: it stays as the record of who was nudged');
    RequestScopes.em().remove(round);
    await RequestScopes.em().flush();
  }
}
