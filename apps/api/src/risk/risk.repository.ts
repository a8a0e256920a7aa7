import { Injectable } from '@nestjs/common';
import type { RiskDto } from '@plexus/contracts';
import { Membership, NetworkProfile, RequestScopes, Risk, RiskReview, RiskScoreChange, RiskWorkItem, WorkItem, WorkPlan } from '@plexus/server';

/** Queries for the current network's risk register (scoped by the tenant filter and RLS). */
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

  async workItemIds(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await this.em.find(WorkItem, { id: { $in: ids } }, { fields: ['id'] })).map((w) => w.id);
  }

  async linkedWorkItems(riskId: string): Promise<RiskDto['linkedWorkItems']> {
    const links = await this.em.find(RiskWorkItem, { riskId }, { orderBy: { createdAt: 'asc' } });
    if (!links.length) return [];
    const items = await this.em.find(WorkItem, { id: { $in: links.map((l) => l.workItemId) } });
    const plans = await this.em.find(WorkPlan, { id: { $in: [...new Set(items.map((i) => i.planId))] } });
    return items.map((i) => ({ id: i.id, planId: i.planId, planTitle: plans.find((p) => p.id === i.planId)?.title ?? '', work: i.work, status: i.status }));
  }

  async prefix(): Promise<string> {
    return (await this.em.findOneOrFail(NetworkProfile, { networkId: RequestScopes.networkId() })).riskPrefix;
  }

  membership(userId: string): Promise<Membership | null> {
    return this.em.findOne(Membership, { userId });
  }

  /**
   * The next risk number. One row per network and counter, bumped with INSERT … ON CONFLICT DO UPDATE …
   * RETURNING: concurrent creators queue on that row's lock, so two risks never share a number, and the
   * counter only grows, so numbers of deleted or closed risks are never reused.
   */
  async nextNumber(): Promise<number> {
    const [row] = await this.em.execute<Array<{ value: number }>>(
      `insert into network_counter (network_id, name, value) values (?, 'risk', 1)
       on conflict (network_id, name) do update set value = network_counter.value + 1
       returning value`,
      [RequestScopes.networkId()],
    );
    return Number(row.value);
  }

  /** After importing risks with their own numbers, new ones continue after the highest. */
  async counterAtLeast(n: number): Promise<void> {
    await this.em.execute(
      `insert into network_counter (network_id, name, value) values (?, 'risk', ?)
       on conflict (network_id, name) do update set value = greatest(network_counter.value, excluded.value)`,
      [RequestScopes.networkId(), n],
    );
  }
}
