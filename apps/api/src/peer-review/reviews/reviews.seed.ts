import { addDays, formatFinancialYear, isActionOpen, planFromTemplate, type FindingClassification, type WorkItemStatus } from '@plexus/domain';
import {
  AppUser,
  MemberOrganisation,
  Membership,
  ReviewAction,
  ReviewActionProgress,
  ReviewActivity,
  ReviewCycle,
  ReviewCycleOrganisation,
  ReviewFinding,
  ReviewRecommendation,
  ReviewReport,
  StandardCriterion,
  StandardSetVersion,
  type Network,
  type TenantDb,
} from '@plexus/server';

/** The demo networks whose previous programme had an issued review, and of which organisation. */
const OUTCOMES: Record<string, { organisation: string; agreedWith: string; manager: string; contributor: string }> = {
  'east-midlands-mtn': {
    organisation: 'Riverside General Hospital',
    agreedWith: 'Mr Daniel Okafor, Trauma Unit Clinical Lead',
    manager: 'priya.shah@example.org',
    contributor: 'owen.price@example.org',
  },
};

type SeedAction = { owner: string; dueInDays: number; updates: Array<[number, WorkItemStatus, string]> };
type SeedFinding = {
  classification: FindingClassification;
  theme: string;
  /** The number of a criterion of the network's own published assessment tool, where the finding is about one. */
  criterion?: string;
  text: string;
  recommendations: Array<[string, SeedAction]>;
};

/**
 * The review of Riverside in the previous programme, in our own words: a finding of every class, immediate risk first;
 * recommendations with their actions, owners, due dates (days after the report was issued) and dated updates (days
 * after issue). Recommendations 3 and 4 (rehabilitation prescriptions, the trauma audit lead) are the ones the current
 * cycle's work plan was sent back for: still open, they carry forward.
 */
const FINDINGS: SeedFinding[] = [
  {
    classification: 'immediate_risk',
    theme: 'Trauma team leadership out of hours',
    text: 'On two nights a week no consultant was available to lead the trauma team within 30 minutes of a trauma call; a registrar led resuscitations alone, including two patients later transferred to the major trauma centre.',
    recommendations: [
      [
        'Put in place a consultant-led trauma team rota that covers every night, starting within one month.',
        {
          owner: 'Mr Daniel Okafor, Trauma Unit Clinical Lead',
          dueInDays: 30,
          updates: [
            [14, 'on_track', 'Interim rota agreed with the emergency department consultants; two nights covered by locum consultants.'],
            [35, 'complete', 'Substantive rota in place from the start of the month: every night has a named consultant trauma team leader.'],
          ],
        },
      ],
      [
        'Report gaps in the consultant rota to the network every week until the rota has run fully for three months.',
        {
          owner: 'Network Manager',
          dueInDays: 120,
          updates: [
            [21, 'on_track', 'Weekly returns received; no uncovered nights since the interim rota began.'],
            [125, 'complete', 'Three months without an uncovered night: weekly reporting stood down by the clinical group.'],
          ],
        },
      ],
    ],
  },
  {
    classification: 'serious_concern',
    theme: 'Rehabilitation prescriptions',
    text: 'Rehabilitation prescriptions were completed for 41% of patients with an injury severity score above 8, against the network’s standard of 95%; patients left hospital without a record of their rehabilitation needs.',
    recommendations: [
      [
        'Complete a rehabilitation prescription for every patient with an injury severity score above 8 before discharge, and audit it every quarter.',
        {
          owner: 'Therapy Services Lead, Riverside',
          dueInDays: 180,
          updates: [
            [60, 'on_track', 'Prescription added to the discharge checklist; first quarterly audit shows 63%.'],
            [150, 'at_risk', 'Second audit 71%: therapy vacancies on the orthopaedic wards are holding it back.'],
          ],
        },
      ],
    ],
  },
  {
    classification: 'concern',
    theme: 'Trauma audit',
    criterion: '4.1',
    text: 'There is no named trauma audit lead and submissions to the national trauma audit are four months behind, so the unit cannot see its own outcomes.',
    recommendations: [
      [
        'Name a trauma audit lead with time for the role in their job plan, and bring audit submissions up to date.',
        {
          owner: 'Medical Director, Riverside',
          dueInDays: 90,
          updates: [[80, 'off_track', 'A lead was named but has no time in their job plan yet; submissions are still three months behind.']],
        },
      ],
    ],
  },
  {
    classification: 'good_practice',
    theme: 'Daily trauma huddle',
    text: 'A daily trauma huddle brings the emergency department, theatres, wards and therapists together at 08:30 to review every trauma patient in the hospital; staff valued it and it is worth sharing across the network.',
    recommendations: [],
  },
];

/**
 * A demo network's previous peer review programme (closed) with one issued review — a finding of every class, the
 * recommendations' actions with owners, due dates and progress — and its open actions carried forward into the current
 * cycle (linked to their origin), as the network would have done. Runs once, when the network has an active cycle
 * from `seedPeerReview` and no review yet (so an existing demo database gains it too).
 */
export async function seedPeerReviewOutcomes(db: TenantDb, network: Pick<Network, 'id' | 'slug'>, today: string): Promise<boolean> {
  const outcome = OUTCOMES[network.slug];
  if (!outcome) return false;
  return db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    if (await em.count(ReviewReport, {})) return false;
    const current = await em.findOne(ReviewCycle, { status: 'active' }, { orderBy: { firstFy: 'desc' } });
    if (!current) return false;
    const currentScope = await em.find(ReviewCycleOrganisation, { cycleId: current.id });
    const organisations = await em.find(MemberOrganisation, { id: { $in: currentScope.map((s) => s.organisationId) } });
    const organisation = organisations.find((o) => o.name === outcome.organisation);
    if (!organisation) return false;
    const users = await em.find(AppUser, { email: { $in: [outcome.manager, outcome.contributor] } });
    const manager = users.find((u) => u.email === outcome.manager) ?? null;
    const contributor = users.find((u) => u.email === outcome.contributor) ?? null;
    const members = new Set((await em.find(Membership, {})).map((m) => m.userId));

    // The previous programme: the two years before the current one, closed; its review meetings, reports and updates.
    const start = Number(current.firstFy.slice(0, 4)) - 2;
    const previous = Object.assign(new ReviewCycle(), {
      networkId: network.id,
      name: `Peer Review Programme ${start}/${start + 2}`,
      firstFy: formatFinancialYear(start),
      lastFy: formatFinancialYear(start + 1),
      status: 'closed',
      reminderDays: [14, 3],
      createdAt: new Date(`${start}-04-10T09:00:00Z`),
    });
    em.persist(previous);
    for (const o of organisations)
      em.persist(Object.assign(new ReviewCycleOrganisation(), { networkId: network.id, cycleId: previous.id, organisationId: o.id }));
    let meeting: ReviewActivity | null = null;
    planFromTemplate(start)
      .filter((p) => p.kind !== 'submission' && p.kind !== 'self_assessment')
      .forEach((planned, index) => {
        const activity = Object.assign(new ReviewActivity(), {
          networkId: network.id,
          cycleId: previous.id,
          fy: planned.fy,
          quarter: planned.quarter,
          kind: planned.kind,
          title: planned.title,
          description: planned.description,
          dueDate: planned.dueDate,
          createdAt: new Date(previous.createdAt.getTime() + index),
        });
        if (!meeting && planned.kind === 'review_meeting') {
          Object.assign(activity, {
            meetingDate: addDays(planned.dueDate, -21),
            organisationId: organisation.id,
            panelUserIds: manager ? [manager.id] : [],
            externalReviewers: ['Dr Sam Ellis, North West Children’s Major Trauma Network'],
          });
          meeting = activity;
        }
        em.persist(activity);
      });
    const meetingDate = (meeting as ReviewActivity | null)?.meetingDate ?? `${start}-12-10`;
    const agreedOn = addDays(meetingDate, 21);
    const issuedOn = addDays(meetingDate, 28);
    const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

    const report = Object.assign(new ReviewReport(), {
      networkId: network.id,
      cycleId: previous.id,
      organisationId: organisation.id,
      meetingActivityId: (meeting as ReviewActivity | null)?.id ?? null,
      summary:
        'The panel met the trauma unit’s clinical, nursing, therapy and management leads and visited the emergency department and the trauma ward. The unit has strong daily team working; out-of-hours trauma leadership needed action at once.',
      state: 'issued',
      agreedWith: outcome.agreedWith,
      agreedAt: at(agreedOn),
      agreedBy: manager?.id ?? null,
      issuedAt: at(issuedOn, 15),
      issuedBy: manager?.id ?? null,
      createdAt: at(meetingDate, 17),
    });
    em.persist(report);

    // A criterion of the network's own published assessment tool, where a finding names one.
    const criterionOf = async (number: string | undefined): Promise<string | null> => {
      if (!number) return null;
      const criterion = await em.findOne(StandardCriterion, { number, networkId: network.id });
      const version = criterion ? await em.findOne(StandardSetVersion, { id: criterion.versionId }) : null;
      return version && version.status !== 'draft' ? (criterion as StandardCriterion).id : null;
    };

    const carried: ReviewAction[] = [];
    let order = 0;
    for (const [index, seed] of FINDINGS.entries()) {
      const finding = Object.assign(new ReviewFinding(), {
        networkId: network.id,
        reportId: report.id,
        organisationId: organisation.id,
        position: index + 1,
        classification: seed.classification,
        criterionId: await criterionOf(seed.criterion),
        theme: seed.theme,
        text: seed.text,
        createdAt: at(meetingDate, 18),
      });
      em.persist(finding);
      for (const [position, [text, plan]] of seed.recommendations.entries()) {
        const recommendation = Object.assign(new ReviewRecommendation(), {
          networkId: network.id,
          reportId: report.id,
          findingId: finding.id,
          organisationId: organisation.id,
          position: position + 1,
          text,
        });
        em.persist(recommendation);
        const last = plan.updates.filter(([days]) => addDays(issuedOn, days) <= today).at(-1);
        const action = Object.assign(new ReviewAction(), {
          networkId: network.id,
          cycleId: previous.id,
          organisationId: organisation.id,
          recommendationId: recommendation.id,
          criterionId: finding.criterionId,
          description: text,
          ownerName: plan.owner,
          ownerUserId: plan.owner === 'Network Manager' && manager && members.has(manager.id) ? manager.id : null,
          dueDate: addDays(issuedOn, plan.dueInDays),
          status: last?.[1] ?? 'not_started',
          statusOn: last ? addDays(issuedOn, last[0]) : null,
          createdAt: new Date(at(issuedOn, 15).getTime() + order++),
        });
        em.persist(action);
        for (const [days, status, narrative] of plan.updates) {
          const on = addDays(issuedOn, days);
          if (on > today) continue;
          const byNetwork = status === 'complete' && plan.owner === 'Network Manager';
          const author = byNetwork ? manager : (contributor ?? manager);
          em.persist(
            Object.assign(new ReviewActionProgress(), {
              networkId: network.id,
              actionId: action.id,
              organisationId: organisation.id,
              onDate: on,
              status,
              narrative,
              authorUserId: author?.id ?? null,
              authorName: author?.displayName ?? 'Former member',
              createdAt: at(on, 16),
            }),
          );
        }
        if (isActionOpen(action.status)) carried.push(action);
      }
    }
    // The open actions, carried into the current cycle (as "carry forward open actions" does), linked to their origin.
    carried.forEach((origin, index) =>
      em.persist(
        Object.assign(new ReviewAction(), {
          networkId: network.id,
          cycleId: current.id,
          organisationId: origin.organisationId,
          originActionId: origin.id,
          criterionId: origin.criterionId,
          description: origin.description,
          ownerUserId: origin.ownerUserId,
          ownerName: origin.ownerName,
          dueDate: origin.dueDate,
          status: origin.status,
          statusOn: origin.statusOn,
          createdAt: new Date(current.createdAt.getTime() + 1000 + index),
        }),
      ),
    );
    await em.flush();
    return true;
  });
}
