import type { SweepIds } from './registry';

export const reportSweepIds: SweepIds = async (manager, fx) => {
  const res = await manager.post(`/api/networks/${fx.network.slug}/reports`, { kind: 'risk_register' });
  if (res.status !== 202) throw new Error(`sweep set-up: report ${res.status} ${JSON.stringify(res.body)}`);
  return { documentId: res.body.id };
};
