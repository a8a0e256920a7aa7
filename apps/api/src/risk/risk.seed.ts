import {
  AppUser,
  NetworkProfile,
  Risk,
  RiskReview,
  addMonths,
  formatReference,
  scoreChange,
  type RiskScoreSource,
  type TenantDb,
} from '@plexus/server';
import type { DemoNetwork } from '../seed/demo-data';

type Score = [number, number] | { legacy: number };
interface DemoRisk {
  registered: string;
  identifiedBy: string;
  description: string;
  category: string;
  before: Score;
  after?: Score;
  mitigation: string;
  lead?: string;
  target?: number;
  outcome?: string;
  reviews?: Array<{ on: string; l: number; i: number; by: string; notes: string }>;
  nextReviewDue?: string;
}

const PREFIX: Record<string, string> = { 'east-midlands-mtn': 'EMMTN', 'northern-spinal': 'SN', 'northern-maternity': 'NMCN' };

/** Registers: seed 001's five spinal risks (legacy scores, later re-scored at reviews); plausible ones elsewhere. */
const REGISTERS: Record<string, DemoRisk[]> = {
  'northern-spinal': [
    {
      registered: '2016-03-22',
      identifiedBy: 'Network',
      description: 'RTT 18 weeks',
      category: 'Access',
      before: { legacy: 9 },
      after: { legacy: 8 },
      mitigation: 'Hub and spoke centres to work together',
      outcome: 'Likely to be ongoing 18 week issue',
      reviews: [
        {
          on: '2026-05-12',
          l: 3,
          i: 3,
          by: 'alex.morgan@example.org',
          notes: 'Re-scored on the 5×5 matrix at the May board; waiting lists still above target at two hubs.',
        },
      ],
      nextReviewDue: '2026-08-12',
    },
    {
      registered: '2016-03-22',
      identifiedBy: 'Network',
      description: 'PROMS Data Collection – requirement for data collectors',
      category: 'Data',
      before: { legacy: 7 },
      after: { legacy: 5 },
      mitigation: 'Network to develop business case for hub centres',
      lead: 'Chair',
      outcome: 'Improvement in data collection with some centres not collecting any data',
      reviews: [
        { on: '2026-03-03', l: 3, i: 2, by: 'alex.morgan@example.org', notes: 'Business case approved for one hub.' },
        { on: '2026-09-15', l: 2, i: 2, by: 'alex.morgan@example.org', notes: 'Data collectors in post at both hubs.' },
      ],
    },
    {
      registered: '2016-03-22',
      identifiedBy: 'Network',
      description: 'Electronic emergency referral system to improve referral process',
      category: 'Digital',
      before: { legacy: 8 },
      after: { legacy: 5 },
      mitigation: 'Contact and business cases to be developed for refer-a-patient',
      lead: 'Chair',
      outcome: 'Two hub centres in negotiations',
      nextReviewDue: '2026-10-01',
    },
    {
      registered: '2016-03-22',
      identifiedBy: 'Network',
      description: 'Ongoing issue with respect to delay in transfer of spinal cord injuries to SCC',
      category: 'Patient flow',
      before: { legacy: 9 },
      after: { legacy: 8 },
      mitigation: 'Engagement with SCC & improvement in local services',
      lead: 'fatima.ali@example.org',
      outcome: 'Likely to continue, but to develop local network to improve local training',
      reviews: [
        {
          on: '2026-07-01',
          l: 4,
          i: 4,
          by: 'fatima.ali@example.org',
          notes: 'Two long waits for SCC beds this quarter; escalated to commissioners.',
        },
      ],
    },
    {
      registered: '2016-03-22',
      identifiedBy: 'Network',
      description: 'Access to 24/7 spinal surgeon for emergency spinal surgery',
      category: 'Workforce',
      before: { legacy: 9 },
      after: { legacy: 8 },
      mitigation: '',
      outcome: 'No definitive plan submitted by local trusts',
      nextReviewDue: '2026-09-30',
    },
  ],
  'east-midlands-mtn': [
    {
      // Registered in FY 2023/24 and re-scored up in FY 2024/25: the annual report for 2024/25 shows it escalated.
      registered: '2024-02-12',
      identifiedBy: 'Network Manager',
      description: 'Repatriation delays from the major trauma centre to trauma units reduce MTC bed capacity',
      category: 'Patient flow',
      before: [4, 4],
      after: [3, 4],
      mitigation: 'Repatriation policy and weekly escalation call; delays reported on the MT dashboard',
      lead: 'priya.shah@example.org',
      target: 8,
      reviews: [
        { on: '2024-12-10', l: 4, i: 4, by: 'priya.shah@example.org', notes: 'Winter pressures: delays longer and more frequent.' },
        { on: '2025-10-02', l: 4, i: 3, by: 'priya.shah@example.org', notes: 'Delays down since the weekly call started.' },
        { on: '2026-04-08', l: 3, i: 3, by: 'priya.shah@example.org', notes: 'Median delay now under 48 hours.' },
      ],
    },
    {
      // New in FY 2024/25.
      registered: '2025-02-10',
      identifiedBy: 'Rehab Director',
      description: 'Insufficient specialist rehabilitation beds for complex trauma patients',
      category: 'Capacity',
      before: [4, 5],
      after: [4, 4],
      mitigation: 'Regional rehabilitation review; work with the National Rehabilitation Centre pathways',
      lead: 'lucy.bennett@example.org',
      target: 9,
      nextReviewDue: '2026-09-01',
    },
    {
      registered: '2025-09-19',
      identifiedBy: 'Clinical Lead',
      description: 'Trauma unit self-assessment returns late or incomplete, weakening peer review assurance',
      category: 'Governance',
      before: [3, 3],
      after: [2, 3],
      mitigation: 'New SAQ with deadlines and reminders; network support visits',
      lead: 'ravi.kumar@example.org',
      target: 4,
      reviews: [{ on: '2026-06-20', l: 2, i: 3, by: 'ravi.kumar@example.org', notes: 'All trauma units returned the new SAQ on time.' }],
    },
    {
      registered: '2026-02-03',
      identifiedBy: 'EMAS',
      description: 'Regional trauma desk not staffed at night',
      category: 'Workforce',
      before: [3, 4],
      mitigation: 'Business case with EMAS for overnight cover',
      lead: 'Network Manager',
      target: 6,
    },
  ],
  'northern-maternity': [
    {
      registered: '2025-05-06',
      identifiedBy: 'Maternity Clinical Advisory Group',
      description: 'Variation between units in Saving Babies’ Lives care bundle implementation',
      category: 'Quality',
      before: [4, 4],
      after: [3, 4],
      mitigation: 'Unit action plans; quarterly compliance data shared at the advisory group',
      lead: 'nina.clarke@example.org',
      target: 6,
      reviews: [{ on: '2026-02-11', l: 3, i: 4, by: 'nina.clarke@example.org', notes: 'Two units still without a fetal monitoring lead.' }],
    },
    {
      registered: '2025-08-21',
      identifiedBy: 'Network Manager',
      description: 'Specialist perinatal mental health capacity below need',
      category: 'Capacity',
      before: [5, 4],
      after: [4, 4],
      mitigation: 'Regional PMH work programme with commissioners',
      lead: 'sam.patel@example.org',
      target: 8,
      nextReviewDue: '2026-10-15',
    },
    {
      registered: '2026-01-13',
      identifiedBy: 'Regional dashboard',
      description: 'Incomplete regional maternity dashboard returns limit benchmarking',
      category: 'Data',
      before: [3, 3],
      after: [2, 2],
      mitigation: 'Align returns with the national maternity dashboard; data leads in each unit',
      lead: 'grace.okafor@example.org',
      target: 4,
    },
  ],
};

/** Loads the demo risk register of one freshly created demo network. */
export async function seedRisk(db: TenantDb, network: { id: string; slug: string }, _demo: DemoNetwork, userIds: Map<string, string>): Promise<void> {
  const register = REGISTERS[network.slug] ?? [];
  await db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    const profile = await em.findOneOrFail(NetworkProfile, { networkId: network.id });
    profile.riskPrefix = PREFIX[network.slug] ?? 'RR';
    const users = await em.find(AppUser, { id: { $in: [...userIds.values()] } });
    const person = (email?: string) => users.find((u) => u.email === email);
    let number = 0;
    for (const d of register) {
      number += 1;
      const lead = person(d.lead);
      const side = (s: Score | undefined) => (s === undefined ? [null, null, null] : Array.isArray(s) ? [s[0], s[1], null] : [null, null, s.legacy]);
      const [lb, ib, gb] = side(d.before);
      const [la, ia, ga] = side(d.after);
      const r = Object.assign(new Risk(), {
        networkId: network.id,
        number,
        reference: formatReference(profile.riskPrefix, number),
        dateRegistered: d.registered,
        identifiedBy: d.identifiedBy,
        description: d.description,
        category: d.category,
        likelihoodBefore: lb,
        impactBefore: ib,
        legacyScoreBefore: gb,
        mitigation: d.mitigation,
        mitigationLeadUserId: lead?.id ?? null,
        mitigationLeadName: lead?.displayName ?? d.lead ?? '',
        likelihoodAfter: la,
        impactAfter: ia,
        legacyScoreAfter: ga,
        targetScore: d.target ?? null,
        outcome: d.outcome ?? '',
        reviewFrequencyMonths: 3,
      });
      const snapshot = (source: RiskScoreSource, on: string) => em.persist(scoreChange(r, source, on));
      snapshot(gb != null ? 'imported' : 'registered', d.registered);
      let last = d.registered;
      for (const v of d.reviews ?? []) {
        const by = person(v.by);
        em.persist(
          Object.assign(new RiskReview(), {
            networkId: network.id,
            riskId: r.id,
            reviewedOn: v.on,
            reviewerUserId: by?.id ?? null,
            reviewerName: by?.displayName ?? v.by,
            likelihood: v.l,
            impact: v.i,
            notes: v.notes,
          }),
        );
        Object.assign(r, { likelihoodAfter: v.l, impactAfter: v.i, legacyScoreAfter: null, lastReviewedOn: v.on });
        snapshot('reviewed', v.on);
        last = v.on;
      }
      r.nextReviewDue = d.nextReviewDue ?? addMonths(last, 3);
      em.persist(r);
    }
    await em.flush();
    if (number > 0) {
      await em.execute(
        `insert into network_counter (network_id, name, value) values (?, 'risk', ?) on conflict (network_id, name) do update set value = excluded.value`,
        [network.id, number],
      );
    }
  });
}
