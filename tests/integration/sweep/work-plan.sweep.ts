import type { SweepIds } from './registry';

/**
 * A plan for the plan-level routes, and a second plan holding a theme, an objective and an item, so that the
 * sweep's control DELETEs (which really delete) never remove a record another route still needs.
 */
export const workPlanSweepIds: SweepIds = async (manager, fx) => {
  const base = `/api/networks/${fx.network.slug}/work-plan`;
  const ok = <T>(res: { status: number; body: T }, what: string): T => {
    if (res.status >= 300) throw new Error(`sweep set-up: ${what} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const plan = ok(
    await manager.post(`${base}/plans`, { title: `Sweep plan of ${fx.network.slug}`, periodStart: '2023-04-01', periodEnd: '2025-03-31' }),
    'plan',
  );
  const holder = ok(
    await manager.post(`${base}/plans`, { title: `Sweep holder of ${fx.network.slug}`, periodStart: '2023-04-01', periodEnd: '2025-03-31' }),
    'plan',
  );
  ok(await manager.post(`${base}/plans/${holder.id}/themes`, { title: 'Theme to sweep' }), 'theme');
  const withThemes = ok(await manager.post(`${base}/plans/${holder.id}/themes`, { title: 'Theme holding work' }), 'theme');
  const [theme, holding] = withThemes.themes;
  const withObjective = ok(await manager.post(`${base}/themes/${holding.id}/objectives`, { number: '1', title: 'Objective to sweep' }), 'objective');
  const objective = withObjective.themes[1].objectives[0];
  const item = ok(
    await manager.post(`${base}/plans/${holder.id}/items`, { themeId: holding.id, work: 'Item to sweep', timescale: 'Q4 2023/24' }),
    'item',
  );
  ok(await manager.post(`${base}/items/${item.id}/progress`, { on: '2024-01-15', status: 'on_track', narrative: 'Sweep update' }), 'progress');
  return { planId: plan.id, themeId: theme.id, objectiveId: objective.id, itemId: item.id };
};

/** Bodies that pass validation, so that another network's id is answered by the look-up (404), not by validation. */
export const workPlanValidBodies: Record<string, unknown> = {
  'POST /api/networks/{network}/work-plan/plans/{planId}/approve': { approvedOn: '2024-01-01' },
  'POST /api/networks/{network}/work-plan/plans/{planId}/items': { themeId: '00000000-0000-4000-8000-000000000000', work: 'x' },
  'POST /api/networks/{network}/work-plan/plans/{planId}/themes': { title: 'x' },
  'POST /api/networks/{network}/work-plan/themes/{themeId}/move': { direction: 'up' },
  'POST /api/networks/{network}/work-plan/themes/{themeId}/objectives': { title: 'x' },
  'POST /api/networks/{network}/work-plan/objectives/{objectiveId}/move': { direction: 'up' },
  'POST /api/networks/{network}/work-plan/items/{itemId}/move': { direction: 'up' },
  'POST /api/networks/{network}/work-plan/items/{itemId}/progress': { on: '2024-01-01', status: 'on_track', narrative: 'x' },
  // The plan is looked up first: another network's answers 404 whatever the items named.
  'POST /api/networks/{network}/work-plan/plans/{planId}/progress': {
    on: '2024-01-01',
    updates: [{ itemId: '00000000-0000-4000-8000-000000000001', status: 'on_track', narrative: 'x' }],
  },
  'PATCH /api/networks/{network}/work-plan/plans/{planId}': { title: 'x' },
  'PATCH /api/networks/{network}/work-plan/themes/{themeId}': { title: 'x' },
  'PATCH /api/networks/{network}/work-plan/objectives/{objectiveId}': { title: 'x' },
  'PATCH /api/networks/{network}/work-plan/items/{itemId}': { work: 'x' },
};
