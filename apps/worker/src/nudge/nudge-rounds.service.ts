import { Inject, Injectable, Logger } from '@nestjs/common';
import { itemNeedsUpdate, nudgeCutoff, riskNeedsReview, SCHEDULE_TIME_ZONE, todayIso } from '@plexus/domain';
import {
  APP_CONFIG,
  BoardMeetingRepository,
  composeNudgeEmail,
  EmailOutbox,
  JobQueue,
  MembershipRepository,
  Network,
  Nudge,
  NudgeRepository,
  RequestScopes,
  RiskRepository,
  TenantDb,
  WorkPlanRepository,
  type AppConfig,
} from '@plexus/server';
import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '../schedule/clock';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const EARLY_MS = 60_000;

export type NudgeRoundResult = { status: 'sent'; nudges: number } | { status: 'already-sent' | 'cancelled' | 'not-yet' | 'missing' };

/**
 * Runs a nudge round: each lead (a member with the lead role) whose items of the current approved plan need a
 * progress update, or whose open risks are due for a review, gets one nudge — one email through the outbox listing
 * them, with a single-use link scoped to exactly those items and risks (its token exists only in the email; its
 * SHA-256 is kept). All in one transaction that first locks the round: its nudges (unique per round and lead,
 * inserted `on conflict do nothing`), their emails and the round marked sent commit together, so a retry, a crash or
 * a second worker never nudges anyone twice. The emails are enqueued after the commit (the outbox sweep enqueues
 * them again if that is lost); the delivery job never sends a delivered email twice.
 */
@Injectable()
export class NudgeRoundsService {
  private readonly logger = new Logger('NudgeRounds');

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
    private readonly nudges: NudgeRepository,
    private readonly plans: WorkPlanRepository,
    private readonly risks: RiskRepository,
    private readonly board: BoardMeetingRepository,
    private readonly members: MembershipRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(networkId: string, roundId: string): Promise<NudgeRoundResult> {
    const now = this.clock.now();
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    const hostname = new URL(this.config.PUBLIC_URL).hostname;
    return this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
      const round = await this.nudges.roundForUpdate(roundId);
      if (!round) return { status: 'missing' as const };
      if (round.state === 'sent') return { status: 'already-sent' as const };
      if (round.state === 'cancelled') return { status: 'cancelled' as const };
      // A delayed job may wake a moment early (clocks of the API and worker hosts differ): a minute early is on time.
      if (round.sendAt.getTime() > now.getTime() + EARLY_MS) return { status: 'not-yet' as const };
      const network = await em.findOneOrFail(Network, { id: networkId });
      const sendDay = todayIso(SCHEDULE_TIME_ZONE, now);
      const meeting = round.boardMeetingId ? await this.board.meeting(round.boardMeetingId) : null;
      const cutoff = nudgeCutoff(sendDay, await this.board.meetingDates());
      const horizon = meeting && meeting.meetingDate > sendDay ? meeting.meetingDate : sendDay;

      const plan = await this.plans.currentPlan(sendDay);
      const items = plan?.status === 'approved' ? (await this.plans.itemRows({ planId: plan.id })).filter((i) => itemNeedsUpdate(i, cutoff)) : [];
      const risks = (await this.risks.all('open')).filter((r) => r.mitigationLeadUserId && riskNeedsReview(r, horizon));
      const leads = (await this.members.withUsers()).filter((m) => m.membership.role === 'lead');
      const already = await this.nudges.nudgedUserIds(round.id);
      const expiresAt = new Date(now.getTime() + this.config.NUDGE_LINK_TTL_HOURS * 3_600_000);
      const emailIds: string[] = [];

      for (const { user } of leads.sort((a, b) => a.user.displayName.localeCompare(b.user.displayName))) {
        if (already.has(user.id)) continue;
        const theirItems = items.filter((i) => i.leads.some((l) => l.userId === user.id));
        const theirRisks = risks.filter((r) => r.mitigationLeadUserId === user.id);
        if (!theirItems.length && !theirRisks.length) continue;
        const token = randomBytes(32).toString('base64url');
        const composed = composeNudgeEmail({
          networkName: network.name,
          leadName: user.displayName,
          meeting: meeting ? { date: meeting.meetingDate, title: meeting.title } : null,
          items: theirItems.map((i) => ({ ref: i.reference || `${i.themeNo}.${i.itemNo}`, work: i.work, status: i.status, statusOn: i.statusOn })),
          risks: theirRisks.map((r) => ({ reference: r.reference, description: r.description, nextReviewDue: r.nextReviewDue })),
          url: `${base}/update/${network.slug}/${token}`,
          expiresAt,
        });
        const email = Object.assign(new EmailOutbox(), {
          networkId,
          kind: 'nudge',
          toAddress: user.email,
          subject: composed.subject,
          bodyText: composed.bodyText,
        });
        email.messageId = `<${email.id}@${hostname}>`;
        const nudge = Object.assign(new Nudge(), {
          networkId,
          roundId: round.id,
          userId: user.id,
          leadName: user.displayName.slice(0, 200),
          toAddress: user.email,
          itemIds: theirItems.map((i) => i.id),
          riskIds: theirRisks.map((r) => r.id),
          tokenHash: sha256(token),
          expiresAt,
          emailId: email.id,
        });
        // Another worker nudged this lead in this round just now: their nudge stands, this one is dropped.
        if (!(await this.nudges.recordNudge(nudge))) continue;
        em.persist(email);
        emailIds.push(email.id);
      }
      round.state = 'sent';
      round.sentAt = now;
      await em.flush();
      RequestScopes.afterCommit(async () => {
        for (const emailId of emailIds) await this.jobs.enqueue('email.deliver', { networkId, emailId });
      });
      this.logger.log({ networkId, roundId, nudges: emailIds.length }, 'nudge round sent');
      return { status: 'sent' as const, nudges: emailIds.length };
    });
  }

  /** Every network's rounds whose time has come and that are still to send (their delayed job lost). */
  async sweep(): Promise<{ rounds: number; failed: number }> {
    const now = this.clock.now();
    const networks = await this.db.run({ userId: null }, ({ em }) => em.find(Network, {}, { orderBy: { slug: 'asc' } }));
    const result = { rounds: 0, failed: 0 };
    for (const network of networks) {
      const due = await this.db.inNetwork({ userId: null, networkId: network.id }, () => this.nudges.dueRounds(now));
      for (const round of due) {
        try {
          if ((await this.run(network.id, round.id)).status === 'sent') result.rounds++;
        } catch (err) {
          result.failed++;
          this.logger.error({ networkId: network.id, roundId: round.id, err: (err as Error).message }, 'a nudge round failed');
        }
      }
    }
    return result;
  }
}
