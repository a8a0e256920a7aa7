import { Injectable } from '@nestjs/common';
import type { NudgeFormDto, nudgeUpdateSchema, NudgeUpdatedDto } from '@plexus/contracts';
import { formatIsoDateLong, takesPartInWork, todayIso } from '@plexus/domain';
import {
  AppUser,
  BoardMeetingRepository,
  Membership,
  Network,
  NudgeRepository,
  NudgeRound,
  RequestScopes,
  RiskRepository,
  TenantDb,
  WorkPlanRepository,
  type Nudge,
  type RequestScope,
} from '@plexus/server';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { AttemptLimiter, type AttemptBucket } from '../core/rate-limit/attempt-limiter.service';
import { RiskService } from '../risk/risk.service';
import { WorkItemService } from '../work-plan/work-item.service';

type UpdateInput = z.output<typeof nudgeUpdateSchema>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{40,60}$/;
const longDate = (d: Date) => formatIsoDateLong(todayIso('Europe/London', d));

/**
 * What a nudge's emailed link opens without a sign-in: the lead's one-page update form, and sending it. Like the other
 * emailed links: every use goes through the atomic attempt limiter (per token and per client address) before the
 * token is looked up; a wrong, altered or unknown token answers 404, a used or expired link 410 saying so. The network
 * comes from the URL and the token is looked up only inside it (RLS), stored only as its hash. The link is scoped to
 * the items and risks its nudge lists: any other id (another lead's, another network's) is refused. What is sent is
 * recorded as the lead — the transaction takes their identity once the link is proved — through the same paths as in
 * the app (a dated progress update per item, a review per risk), so it is in each item's history and the audit trail.
 */
@Injectable()
export class NudgeLinksService {
  constructor(
    private readonly db: TenantDb,
    private readonly attempts: AttemptLimiter,
    private readonly nudges: NudgeRepository,
    private readonly plans: WorkPlanRepository,
    private readonly risks: RiskRepository,
    private readonly board: BoardMeetingRepository,
    private readonly workItems: WorkItemService,
    private readonly riskService: RiskService,
  ) {}

  private buckets(token: string, ip: string): AttemptBucket[] {
    return [
      { policy: 'nudge-link.token', key: sha256(token) },
      { policy: 'nudge-link.address', key: ip },
    ];
  }

  /** The network named in the URL and the nudge of the token in it (locked when about to be used), or 404 / 410. */
  private async open(scope: RequestScope, networkSlug: string, token: string, lock: boolean): Promise<{ network: Network; nudge: Nudge }> {
    if (!TOKEN.test(token)) throw DomainException.notFound('link');
    const network = await scope.em.findOne(Network, { slug: networkSlug });
    if (!network) throw DomainException.notFound('link');
    await this.db.enterNetwork(scope, { networkId: network.id, networkSlug: network.slug, role: null, organisationId: null });
    const nudge = await this.nudges.byTokenHash(sha256(token), lock);
    if (!nudge) throw DomainException.notFound('link');
    if (nudge.usedAt) {
      throw new DomainException(
        'gone',
        `You sent your update with this link on ${longDate(nudge.usedAt)}: thank you. A link works once; ask ${network.name} for a new one to change it.`,
      );
    }
    if (nudge.expiresAt <= new Date()) {
      throw new DomainException(
        'gone',
        `This link expired on ${longDate(nudge.expiresAt)}. Ask ${network.name} for a new one, or sign in to Plexus.`,
      );
    }
    return { network, nudge };
  }

  preview(networkSlug: string, token: string, ip: string): Promise<NudgeFormDto> {
    return this.attempts.attempt(this.buckets(token, ip), () =>
      this.db.run({ userId: null }, async (scope) => {
        const { network, nudge } = await this.open(scope, networkSlug, token, false);
        const round = await scope.em.findOneOrFail(NudgeRound, { id: nudge.roundId });
        const meeting = round.boardMeetingId ? await this.board.meeting(round.boardMeetingId) : null;
        const wanted = new Set(nudge.itemIds);
        const rows = (await this.plans.itemRows({ leadUserId: nudge.userId })).filter((r) => wanted.has(r.id));
        const order = new Map(nudge.itemIds.map((itemId, i) => [itemId, i]));
        rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
        const risks = [];
        for (const riskId of nudge.riskIds) {
          const r = await this.risks.find(riskId);
          if (r && r.status === 'open') risks.push(r);
        }
        return {
          networkName: network.name,
          leadName: nudge.leadName,
          expiresAt: nudge.expiresAt.toISOString(),
          boardMeeting: meeting ? { title: meeting.title, meetingDate: meeting.meetingDate } : null,
          items: rows.map((r) => ({
            id: r.id,
            ref: r.reference || `${r.themeNo}.${r.itemNo}`,
            work: r.work,
            planTitle: r.planTitle,
            status: r.status,
            statusOn: r.statusOn,
          })),
          risks: risks.map((r) => ({
            id: r.id,
            reference: r.reference,
            description: r.description,
            likelihood: r.likelihoodAfter ?? r.likelihoodBefore,
            impact: r.impactAfter ?? r.impactBefore,
            nextReviewDue: r.nextReviewDue,
          })),
        };
      }),
    );
  }

  /** Every id must be one the nudge lists, once: another lead's or another network's item is not found (404, naming the field). */
  private checkScope(nudge: Nudge, input: UpdateInput): void {
    const check = (ids: string[], allowed: string[], field: (i: number) => string, what: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (!allowed.includes(id)) throw DomainException.field(field(i), `That ${what} is not one of those this link is for`, 'not_found');
        if (seen.has(id)) throw DomainException.field(field(i), `That ${what} is listed twice: send one update for it`);
        seen.add(id);
      });
    };
    check(
      input.items.map((i) => i.itemId),
      nudge.itemIds,
      (i) => `items.${i}.itemId`,
      'item',
    );
    check(
      input.risks.map((r) => r.riskId),
      nudge.riskIds,
      (i) => `risks.${i}.riskId`,
      'risk',
    );
  }

  submit(networkSlug: string, token: string, input: UpdateInput, ip: string): Promise<NudgeUpdatedDto> {
    // Once the link is proved, a refusal (an id out of its scope, a risk closed meanwhile) is not a guess: no point lost.
    let proved = false;
    return this.attempts.attempt(
      this.buckets(token, ip),
      () =>
        this.db.run({ userId: null }, async (scope) => {
          const { network, nudge } = await this.open(scope, networkSlug, token, true);
          proved = true;
          this.checkScope(nudge, input);
          const membership = await scope.em.findOne(Membership, { userId: nudge.userId });
          const lead = await scope.em.findOne(AppUser, { id: nudge.userId });
          if (!membership || !lead || !takesPartInWork(membership.role)) {
            throw new DomainException('gone', `This link no longer works: you are no longer a member of ${network.name} who can update its work.`);
          }
          // The link is proved: from here the transaction is the lead's (RLS's app.user_id, the audit trail's actor).
          await scope.em.execute(`select set_config('app.user_id', ?, true)`, [lead.id]);
          scope.userId = lead.id;
          scope.tenant = { networkId: network.id, networkSlug: network.slug, role: membership.role, organisationId: membership.organisationId };
          const today = todayIso('Europe/London');
          const actor = { userId: lead.id, name: lead.displayName };
          for (const item of input.items) {
            await this.workItems.addProgress(item.itemId, { on: today, status: item.status, narrative: item.comment }, actor);
          }
          for (const risk of input.risks) {
            await this.riskService.review(risk.riskId, {
              reviewedOn: today,
              likelihood: risk.likelihood,
              impact: risk.impact,
              notes: risk.comment,
              nextReviewDue: null,
              boardMeetingId: null,
            });
          }
          nudge.usedAt = new Date();
          await RequestScopes.em().flush();
          return { networkName: network.name, leadName: lead.displayName, items: input.items.length, risks: input.risks.length };
        }),
      () => !proved,
    );
  }
}
