import { AnnualReportDraft, type TenantDb } from '@plexus/server';

/** What the demo's managers have written for FY 2024/25 (the year East Midlands' 2023–25 plan ends). */
const DRAFTS: Record<string, { fy: string; chairForeword: string; highlights: string; priorities: string; by: string }> = {
  'east-midlands-mtn': {
    fy: '2024/25',
    by: 'Priya Shah',
    chairForeword:
      'This was the second and final year of our 2023–25 plan. Across the region, teams in the major trauma centre, the trauma units and the ambulance service have worked as one network for injured patients.\n\nThank you to every clinician, manager and patient representative who gave time to the network this year.',
    highlights:
      'Rehabilitation prescriptions are now completed for every major trauma patient before discharge.\n\nThe network dashboard went live for all member trusts, so each board sees the same figures.',
    priorities:
      'Carry forward the work on repatriation delays and rehabilitation capacity.\n\nPrepare for the next peer review cycle with every trust’s self-assessment returned on time.',
  },
};

/** The demo's annual report drafts (once per network and year; left alone when one exists). */
export async function seedAnnualReports(db: TenantDb, network: { id: string; slug: string }): Promise<void> {
  const demo = DRAFTS[network.slug];
  if (!demo) return;
  await db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    if (await em.findOne(AnnualReportDraft, { fy: demo.fy })) return;
    em.persist(
      Object.assign(new AnnualReportDraft(), {
        networkId: network.id,
        fy: demo.fy,
        chairForeword: demo.chairForeword,
        highlights: demo.highlights,
        priorities: demo.priorities,
        updatedByName: demo.by,
      }),
    );
    await em.flush();
  });
}
