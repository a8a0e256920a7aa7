import { LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sql } from '../db/sql';
import type { EmailStatus } from '../email/email-outbox.entity';
import { RequestScopes } from '../tenancy/request-scope';
import { Nudge } from './nudge.entity';
import { NudgeRound } from './nudge-round.entity';

/** One lead's nudge as the manager's page shows it: with the state of its email. */
export interface NudgeWithEmail {
  nudge: Nudge;
  emailStatus: EmailStatus;
  emailError: string | null;
  sentAt: Date | null;
}

/** How a round is going: nudges made, emails sent and failed, leads who have updated. */
export interface NudgeRoundCounts {
  nudged: number;
  sent: number;
  failed: number;
  updated: number;
}

/**
 * The only place that queries nudge rounds and nudges, for the API and the worker alike: the current network's rows
 * (tenant filter and RLS; raw statements also name the network).
 */
@Injectable()
export class NudgeRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** The network's rounds, the latest to send first. */
  rounds(): Promise<NudgeRound[]> {
    return this.em.find(NudgeRound, {}, { orderBy: { sendAt: 'desc', createdAt: 'desc' } });
  }

  round(id: string): Promise<NudgeRound | null> {
    return this.em.findOne(NudgeRound, { id });
  }

  /** The round, its row locked until the transaction ends: whoever runs or cancels it takes this first. */
  roundForUpdate(id: string): Promise<NudgeRound | null> {
    return this.em.findOne(NudgeRound, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Rounds still to send whose time has come (`sendAt <= now`), the oldest first. */
  dueRounds(now: Date): Promise<NudgeRound[]> {
    return this.em.find(NudgeRound, { state: 'scheduled', sendAt: { $lte: now } }, { orderBy: { sendAt: 'asc' } });
  }

  /** The leads already nudged in a round (a retried run skips them). */
  async nudgedUserIds(roundId: string): Promise<Set<string>> {
    const rows = await this.em.find(Nudge, { roundId }, { fields: ['userId'] });
    return new Set(rows.map((n) => n.userId));
  }

  /**
   * Records one lead's nudge unless the round already has one for them (another worker, a retry): true when this call
   * inserted it. The insert goes straight to the database (`on conflict do nothing` on the round and lead).
   */
  async recordNudge(n: Nudge): Promise<boolean> {
    const q = sql`insert into nudge (id, network_id, round_id, user_id, lead_name, to_address, item_ids, risk_ids, token_hash, expires_at, email_id)
      values (${n.id}, ${n.networkId}, ${n.roundId}, ${n.userId}, ${n.leadName}, ${n.toAddress}, ${JSON.stringify(n.itemIds)}::jsonb,
        ${JSON.stringify(n.riskIds)}::jsonb, ${n.tokenHash}, ${n.expiresAt}, ${n.emailId})
      on conflict (network_id, round_id, user_id) do nothing returning id`;
    const rows = await this.em.execute<Array<{ id: string }>>(q.text, q.params);
    return rows.length === 1;
  }

  /** A round's nudges by lead name, each with the state of its email. */
  async nudgesOf(roundId: string): Promise<NudgeWithEmail[]> {
    const q = sql`select n.id, e.status, e.last_error as "lastError", e.sent_at as "sentAt"
      from nudge n join email_outbox e on e.network_id = n.network_id and e.id = n.email_id
      where n.network_id = ${RequestScopes.networkId()} and n.round_id = ${roundId}`;
    const states = new Map(
      (await this.em.execute<Array<{ id: string; status: EmailStatus; lastError: string | null; sentAt: Date | null }>>(q.text, q.params)).map(
        (r) => [r.id, r],
      ),
    );
    const nudges = await this.em.find(Nudge, { roundId }, { orderBy: { leadName: 'asc', createdAt: 'asc' } });
    return nudges.map((nudge) => {
      const s = states.get(nudge.id);
      return { nudge, emailStatus: s?.status ?? 'pending', emailError: s?.lastError ?? null, sentAt: s?.sentAt ? new Date(s.sentAt) : null };
    });
  }

  /** Per round: nudges made, emails sent, emails given up on, leads who have updated. */
  async counts(): Promise<Map<string, NudgeRoundCounts>> {
    const q = sql`select n.round_id as "roundId", count(*)::int as nudged,
        count(*) filter (where e.status = 'sent')::int as sent,
        count(*) filter (where e.status = 'failed')::int as failed,
        count(*) filter (where n.used_at is not null)::int as updated
      from nudge n join email_outbox e on e.network_id = n.network_id and e.id = n.email_id
      where n.network_id = ${RequestScopes.networkId()} group by n.round_id`;
    const rows = await this.em.execute<Array<NudgeRoundCounts & { roundId: string }>>(q.text, q.params);
    return new Map(rows.map(({ roundId, ...c }) => [roundId, c]));
  }

  /** The nudge whose link has this token hash, its row locked (one submission at a time). */
  byTokenHash(tokenHash: string, lock = false): Promise<Nudge | null> {
    return this.em.findOne(Nudge, { tokenHash }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  }
}
