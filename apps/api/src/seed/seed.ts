import {
  AppUser,
  DistributionList,
  DistributionListMember,
  LeadershipRole,
  MemberOrganisation,
  Membership,
  Network,
  NetworkProfile,
  Recipient,
  TenantDb,
  type DocumentStorage,
} from '@plexus/server';
import { PasswordService } from '../auth/password.service';
import { seedAnnualReports } from '../annual-report/annual-report.seed';
import { seedBoard } from '../board/board.seed';
import { seedNationalStandards, seedNetworkStandards } from '../peer-review/standards/standards.seed';
import { seedPeerReview } from '../peer-review/cycles/cycles.seed';
import { seedPreviousSelfAssessment, seedSelfAssessments } from '../peer-review/self-assessment/self-assessment.seed';
import { seedRisk } from '../risk/risk.seed';
import { seedSchedules } from '../schedules/schedules.seed';
import { seedWorkPlan } from '../work-plan/work-plan.seed';
import { DEMO_NETWORKS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data';

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data names an unknown ${what}`);
  return value;
}

export interface SeedResult {
  created: string[];
  skipped: string[];
}

/**
 * Loads the demo networks through the application role (RLS applies to the seed like to anyone). Idempotent. A
 * network that exists already is left as it is, but gains what a later release added to its demo when it has none of
 * it yet (the peer review programme). `storage` keeps the demo's uploaded documents (without it, none are stored).
 * `boardPapers` queues each network's papers for its next board meeting (for the worker of `npm start` to render, so
 * that the meeting's board pack can be generated); tests load the demo without them.
 */
export async function seedDemo(
  db: TenantDb,
  passwords = new PasswordService(),
  storage?: DocumentStorage,
  options: { boardPapers?: boolean } = {},
): Promise<SeedResult> {
  const result: SeedResult = { created: [], skipped: [] };
  const hash = await passwords.hash(DEMO_PASSWORD);
  const userIds = await db.run({ userId: null }, async ({ em }) => {
    const ids = new Map<string, string>();
    for (const p of DEMO_PEOPLE) {
      let user = await em.findOne(AppUser, { email: p.email });
      if (!user) {
        user = Object.assign(new AppUser(), { email: p.email, displayName: p.displayName, passwordHash: hash, isOperator: !!p.isOperator });
        em.persist(user);
      }
      ids.set(p.email, user.id);
    }
    await em.flush();
    return ids;
  });
  const operatorId = userIds.get('operator@example.org') ?? null;
  // What the platform operator keeps for every network (once, whichever networks exist).
  await seedNationalStandards(db, operatorId);

  for (const demo of DEMO_NETWORKS) {
    const exists = await db.run({ userId: null }, ({ em }) => em.findOne(Network, { slug: demo.slug }));
    if (exists) {
      await seedPeerReview(db, exists, demo, storage);
      await seedSelfAssessments(db, exists);
      await seedPreviousSelfAssessment(db, exists);
      await seedAnnualReports(db, exists);
      result.skipped.push(demo.slug);
      continue;
    }
    await db.run({ userId: operatorId }, async (scope) => {
      const { em } = scope;
      const network = Object.assign(new Network(), { slug: demo.slug, name: demo.name });
      await db.enterNetwork(scope, { networkId: network.id, networkSlug: network.slug, role: null, organisationId: null });
      em.persist(network);
      em.persist(
        Object.assign(new NetworkProfile(), {
          networkId: network.id,
          specialty: demo.specialty,
          region: demo.region,
          purpose: demo.purpose,
          vision: demo.vision,
          coreFunctions: demo.coreFunctions,
          primaryColour: demo.primaryColour,
          accentColour: demo.accentColour,
          classification: 'OFFICIAL',
        }),
      );
      const orgs = new Map<string, string>();
      demo.organisations.forEach((o, position) => {
        const org = Object.assign(new MemberOrganisation(), { networkId: network.id, name: o.name, type: o.type, position });
        orgs.set(o.name, org.id);
        em.persist(org);
      });
      demo.leadershipRoles.forEach((r, position) =>
        em.persist(Object.assign(new LeadershipRole(), { networkId: network.id, title: r.title, personName: r.personName, position })),
      );
      await em.flush();
      for (const m of demo.members) {
        em.persist(
          Object.assign(new Membership(), {
            networkId: network.id,
            userId: required(userIds.get(m.email), `person ${m.email}`),
            role: m.role,
            organisationId: m.organisation ? required(orgs.get(m.organisation), `organisation ${m.organisation}`) : null,
          }),
        );
      }
      // Commissioners who receive reports, and the "Commissioners" list they are all in.
      const list = Object.assign(new DistributionList(), {
        networkId: network.id,
        name: 'Commissioners',
        description: 'The ICB and NHS England specialised commissioning: they receive the progress and risk register reports.',
      });
      em.persist(list);
      for (const r of demo.recipients) {
        const recipient = Object.assign(new Recipient(), {
          networkId: network.id,
          name: r.name,
          email: r.email,
          role: r.role,
          organisationId: r.organisation ? required(orgs.get(r.organisation), `organisation ${r.organisation}`) : null,
          organisationName: r.organisation ? '' : (r.organisationName ?? ''),
        });
        em.persist(recipient);
        em.persist(Object.assign(new DistributionListMember(), { networkId: network.id, listId: list.id, recipientId: recipient.id }));
      }
      await em.flush();
    });
    const created = await db.run({ userId: null }, ({ em }) => em.findOneOrFail(Network, { slug: demo.slug }));
    await seedWorkPlan(db, created, demo, userIds);
    await seedRisk(db, created, demo, userIds);
    await seedBoard(db, created, demo, undefined, options.boardPapers ?? false);
    await seedNetworkStandards(db, created);
    await seedSchedules(db, created, demo);
    await seedPeerReview(db, created, demo, storage);
    await seedSelfAssessments(db, created);
    await seedPreviousSelfAssessment(db, created);
    await seedAnnualReports(db, created);
    result.created.push(demo.slug);
  }
  return result;
}
