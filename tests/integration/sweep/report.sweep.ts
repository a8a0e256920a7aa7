import type { SweepIds } from './registry';

export const reportSweepIds: SweepIds = async (manager, fx) => {
  const res = await manager.post(`/api/networks/${fx.network.slug}/reports`, { kind: 'risk_register' });
  if (res.status !== 202) throw new Error(`sweep set-up: report ${res.status} ${JSON.stringify(res.body)}`);
  return { documentId: res.body.id };
};

/** Bodies that pass validation, so that another network's document id is looked up (and answers 404). */
export const reportValidBodies: Record<string, unknown> = {
  'POST /api/networks/{network}/reports/{documentId}/withdraw': { reason: 'Sent in error' },
};
