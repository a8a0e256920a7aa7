import { Injectable } from '@nestjs/common';
import { sql } from '../db/sql';
import { NetworkProfile } from '../network/network-profile.entity';
import { RequestScopes } from '../tenancy/request-scope';
import { Risk } from './risk.entity';
import { RiskReview } from './risk-review.entity';
import { RiskScoreChange } from './risk-score-change.entity';
import { RiskWorkItem } from './risk-work-item.entity';

/**
 * Queries for the current network's risk register, for the API and the worker alike (scoped by the tenant
 * filter and RLS; raw statements also name the network explicitly).
 */
@Injectable()
export class RiskRepository {
  private get em() {
    return RequestScopes.em();
  }

  all(status: 'open' | 'closed' | 'all'): Promise<Risk[]> {
    return this.em.find(Risk, status === 'all' ? {} : { status }, { orderBy: { number: 'asc' } });
  }

  find(id: string): Promise<Risk | null> {
    return this.em.findOne(Risk, { id });
  }

  referencesIn(references: string[]): Promise<Risk[]> {
    return this.em.find(Risk, { reference: { $in: references } });
  }

  reviews(riskId: string): Promise<RiskReview[]> {
    return this.em.find(RiskReview, { riskId }, { orderBy: { reviewedOn: 'desc', createdAt: 'desc' } });
  }

  history(riskId: string): Promise<RiskScoreChange[]> {
    return this.em.find(RiskScoreChange, { riskId }, { orderBy: { effectiveOn: 'asc', createdAt: 'asc' } });
  }

  /** Score changes of every risk on or after a date, oldest first. */
  scoreChangesSince(date: string): Promise<RiskScoreChange[]> {
    return this.em.find(RiskScoreChange, { effectiveOn: { $gte: date } }, { orderBy: { effectiveOn: 'asc', createdAt: 'asc' } });
  }

  /** The whole score history of some risks, oldest first. */
  historyOf(riskIds: string[]): Promise<RiskScoreChange[]> {
    return riskIds.length
      ? this.em.find(RiskScoreChange, { riskId: { $in: riskIds } }, { orderBy: { effectiveOn: 'asc', createdAt: 'asc' } })
      : Promise.resolve([]);
  }

  /** The work items linked to a risk as mitigations, in the order they were linked. */
  links(riskId: string): Promise<RiskWorkItem[]> {
    return this.em.find(RiskWorkItem, { riskId }, { orderBy: { createdAt: 'asc' } });
  }

  /** The prefix of the network's risk references, kept on its profile (`SN` → SN/01). */
  async prefix(): Promise<string> {
    return (await this.em.findOneOrFail(NetworkProfile, { networkId: RequestScopes.networkId() })).riskPrefix;
  }

  /**
   * The next risk number. One row per network and counter, bumped with INSERT … ON CONFLICT DO UPDATE …
   * RETURNING: concurrent creators queue on that row's lock, so two risks never share a number, and the
   * counter only grows, so numbers of deleted or closed risks are never reused.
   */
  async nextNumber(): Promise<number> {
    const q = sql`insert into network_counter (network_id, name, value) values (${RequestScopes.networkId()}, 'risk', 1)
       on conflict (network_id, name) do update set value = network_counter.value + 1
       returning value`;
    const [row] = await this.em.execute<Array<{ value: number }>>(q.text, q.params);
    return Number(row.value);
  }

  /** After importing risks with their own numbers, new ones continue after the highest. */
  async counterAtLeast(n: number): Promise<void> {
    const q = sql`insert into network_counter (network_id, name, value) values (${RequestScopes.networkId()}, 'risk', ${n})
       on conflict (network_id, name) do update set value = greatest(network_counter.value, excluded.value)`;
    await this.em.execute(q.text, q.params);
  }
}
