import type { SweepIds } from './registry';

/** A year's annual report draft for the draft routes. */
export const annualReportSweepIds: SweepIds = async (manager, fx) => {
  const res = await manager.post(`/api/networks/${fx.network.slug}/annual-reports`, { fy: '2024/25', highlights: `Sweep of ${fx.network.slug}` });
  if (res.status !== 201) throw new Error(`sweep set-up: annual report ${res.status} ${JSON.stringify(res.body)}`);
  return { annualReportId: (res.body as { id: string }).id };
};

/** Bodies that pass validation, so that another network's id is answered by the look-up (404), not by validation. */
export const annualReportValidBodies: Record<string, unknown> = {
  'POST /api/networks/{network}/annual-reports': { fy: '2030/31' },
  'PUT /api/networks/{network}/annual-reports/{annualReportId}': { version: 1 },
};
