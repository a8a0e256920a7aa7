import type { SweepIds } from './registry';

export const riskSweepIds: SweepIds = async (manager, fx) => {
  const res = await manager.post(`/api/networks/${fx.network.slug}/risks`, {
    dateRegistered: '2026-01-05',
    description: `Sweep risk of ${fx.network.slug}`,
    likelihoodBefore: 3,
    impactBefore: 4,
    likelihoodAfter: 2,
    impactAfter: 3,
  });
  if (res.status !== 201) throw new Error(`sweep set-up: risk ${res.status} ${JSON.stringify(res.body)}`);
  return { riskId: res.body.id };
};
