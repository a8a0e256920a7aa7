import { addDays, criterionApplies, parseFinancialYearLabel, planFromTemplate, type RagAnswer } from '@plexus/domain';
import {
  MemberOrganisation,
  Membership,
  ReviewActivity,
  ReviewCycle,
  ReviewReport,
  SelfAssessment,
  SelfAssessmentAnswer,
  StandardCriterion,
  StandardSection,
  StandardSet,
  StandardSetVersion,
  type Network,
  type TenantDb,
} from '@plexus/server';
import { EAST_MIDLANDS_TOOL } from '../standards/standards.seed';

/**
 * How each organisation answered, criterion by criterion in the set's order (the criteria that apply to it): a rating
 * pattern repeated over them, submitted or still a draft with only the first `answered` rated. The ambulance service
 * has not started.
 */
const PLANS: Record<string, { state: 'draft' | 'submitted'; pattern: RagAnswer[]; answered?: number; submittedDaysAfterStart: number }> = {
  'Northfield University Hospitals NHS Trust': {
    state: 'submitted',
    pattern: ['green', 'green', 'amber', 'green', 'green', 'red', 'green', 'amber'],
    submittedDaysAfterStart: 40,
  },
  'Kingsmead Hospital': {
    state: 'submitted',
    pattern: ['amber', 'green', 'red', 'amber', 'green', 'red'],
    submittedDaysAfterStart: 55,
  },
  'Riverside General Hospital': { state: 'draft', pattern: ['green', 'amber', 'amber', 'red', 'green'], answered: 7, submittedDaysAfterStart: 0 },
};

const GAPS: Record<RagAnswer, string> = {
  green: '',
  amber: 'In place for weekdays; weekend cover depends on one person. A deputy is being trained.',
  red: 'Not in place yet: no named owner, and no audit in the last year.',
};

const DAY = 24 * 60 * 60 * 1000;

/**
 * The demo programme's self-assessment: its activity (year 1, quarter 2) is against the network's assessment tool
 * (version 1, frozen by that use), Northfield's and Kingsmead's are submitted, Riverside's (the demo contributor's) is
 * a draft with some criteria rated, the ambulance service has not started — so that the compliance heat map shows
 * something. Runs when the network has a demo cycle and its tool and no self-assessment yet (an existing demo database
 * gains it too). True when written.
 */
export async function seedSelfAssessments(db: TenantDb, network: Pick<Network, 'id' | 'slug'>): Promise<boolean> {
  if (network.slug !== 'east-midlands-mtn') return false;
  return db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    if (await em.count(SelfAssessment, {})) return false;
    const cycle = await em.findOne(ReviewCycle, { name: { $like: 'Peer Review Programme %' }, status: 'active' }, { orderBy: { firstFy: 'desc' } });
    const set = await em.findOne(StandardSet, { code: EAST_MIDLANDS_TOOL.code, networkId: network.id });
    if (!cycle || !set) return false;
    const version = await em.findOne(StandardSetVersion, { setId: set.id, status: 'published' }, { orderBy: { version: 'asc' } });
    const activity = await em.findOne(
      ReviewActivity,
      { cycleId: cycle.id, kind: 'self_assessment', fy: cycle.firstFy },
      { orderBy: { dueDate: 'asc' } },
    );
    if (!version || !activity) return false;
    activity.standardSetVersionId = version.id;
    if (!version.frozenAt) version.frozenAt = new Date();

    const sections = new Map((await em.find(StandardSection, { versionId: version.id })).map((s) => [s.id, s.position]));
    const criteria = (await em.find(StandardCriterion, { versionId: version.id })).sort(
      (a, b) => (sections.get(a.sectionId) ?? 0) - (sections.get(b.sectionId) ?? 0) || a.position - b.position,
    );
    const organisations = await em.find(MemberOrganisation, { name: { $in: Object.keys(PLANS) } });
    const contributors = await em.find(Membership, { role: 'contributor' });
    const manager = (await em.findOne(Membership, { role: 'manager' }))?.userId ?? null;
    const opened = new Date(`${activity.dueDate}T09:00:00Z`).getTime() - 75 * DAY;
    for (const organisation of organisations) {
      const plan = PLANS[organisation.name];
      const by = contributors.find((m) => m.organisationId === organisation.id)?.userId ?? manager;
      const startedAt = new Date(opened + organisations.indexOf(organisation) * DAY);
      const submittedAt = plan.state === 'submitted' ? new Date(opened + plan.submittedDaysAfterStart * DAY) : null;
      const assessment = Object.assign(new SelfAssessment(), {
        networkId: network.id,
        cycleId: cycle.id,
        activityId: activity.id,
        organisationId: organisation.id,
        standardSetVersionId: version.id,
        state: plan.state,
        submittedAt,
        submittedBy: submittedAt ? by : null,
        createdAt: startedAt,
        updatedAt: submittedAt ?? new Date(opened + 30 * DAY),
      });
      em.persist(assessment);
      const applicable = criteria.filter((c) => criterionApplies(c.appliesTo, organisation.type));
      applicable.slice(0, plan.answered ?? applicable.length).forEach((criterion, index) => {
        const rating = plan.pattern[index % plan.pattern.length];
        em.persist(
          Object.assign(new SelfAssessmentAnswer(), {
            networkId: network.id,
            selfAssessmentId: assessment.id,
            organisationId: organisation.id,
            criterionId: criterion.id,
            rating,
            evidence: criterion.evidenceExpected
              ? `${criterion.evidenceExpected}: attached to the trust’s return and discussed at its governance meeting.`
              : '',
            gaps: GAPS[rating],
            comments: rating === 'green' ? '' : 'Action agreed with the trust’s trauma lead; progress at the next clinical governance meeting.',
            answeredBy: by,
            answeredAt: new Date(startedAt.getTime() + (index + 1) * 60 * 60 * 1000),
            createdAt: startedAt,
            updatedAt: startedAt,
          }),
        );
      });
    }
    await em.flush();
    return true;
  });
}

/**
 * Riverside's answers in the previous programme, by criterion number (the rest Green): what its review then found —
 * audit submissions behind (4.1, 4.2), therapy vacancies holding rehabilitation back (6.1), out-of-hours imaging (1.3).
 */
const PREVIOUS_RIVERSIDE: Record<string, { rating: RagAnswer; gaps: string }> = {
  '1.3': { rating: 'amber', gaps: 'Reported within the hour on weekdays; at night the on-call radiologist covers two sites.' },
  '4.1': { rating: 'red', gaps: 'No named trauma audit lead; submissions to the national trauma audit are four months behind.' },
  '4.2': { rating: 'amber', gaps: 'One data coordinator for the whole hospital: the backlog grows during leave.' },
  '6.1': { rating: 'red', gaps: 'Two therapist posts on the orthopaedic wards have been vacant since the spring.' },
  '6.5': { rating: 'amber', gaps: 'Leaflets exist for fractures only; other injuries get a verbal explanation.' },
};

/**
 * The previous (closed) programme's self-assessment: its activity (year 1, quarter 2, against the network's assessment
 * tool) and Riverside's submitted answers, which its issued review then drew on — so that the peer review report of
 * that review has self-assessment results to show. Runs when the network has that programme with a review and no
 * self-assessment in it (an existing demo database gains it too). True when written.
 */
export async function seedPreviousSelfAssessment(db: TenantDb, network: Pick<Network, 'id' | 'slug'>): Promise<boolean> {
  if (network.slug !== 'east-midlands-mtn') return false;
  return db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    const previous = await em.findOne(
      ReviewCycle,
      { name: { $like: 'Peer Review Programme %' }, status: 'closed' },
      { orderBy: { firstFy: 'desc' } },
    );
    if (!previous || (await em.count(SelfAssessment, { cycleId: previous.id }))) return false;
    const review = await em.findOne(ReviewReport, { cycleId: previous.id });
    const set = await em.findOne(StandardSet, { code: EAST_MIDLANDS_TOOL.code, networkId: network.id });
    const version = set ? await em.findOne(StandardSetVersion, { setId: set.id, status: 'published' }, { orderBy: { version: 'asc' } }) : null;
    const organisation = review ? await em.findOne(MemberOrganisation, { id: review.organisationId }) : null;
    const start = parseFinancialYearLabel(previous.firstFy);
    const planned = start === null ? undefined : planFromTemplate(start).find((p) => p.kind === 'self_assessment');
    if (!review || !version || !organisation || !planned) return false;
    if (!version.frozenAt) version.frozenAt = new Date();
    const activity = Object.assign(new ReviewActivity(), {
      networkId: network.id,
      cycleId: previous.id,
      fy: planned.fy,
      quarter: planned.quarter,
      kind: planned.kind,
      title: planned.title,
      description: planned.description,
      dueDate: planned.dueDate,
      standardSetVersionId: version.id,
      createdAt: new Date(previous.createdAt.getTime() + 500),
    });
    em.persist(activity);
    const sections = new Map((await em.find(StandardSection, { versionId: version.id })).map((s) => [s.id, s.position]));
    const criteria = (await em.find(StandardCriterion, { versionId: version.id }))
      .filter((c) => criterionApplies(c.appliesTo, organisation.type))
      .sort((a, b) => (sections.get(a.sectionId) ?? 0) - (sections.get(b.sectionId) ?? 0) || a.position - b.position);
    const by = (await em.findOne(Membership, { role: 'contributor', organisationId: organisation.id }))?.userId ?? null;
    const submittedAt = new Date(`${addDays(planned.dueDate, -6)}T15:00:00Z`);
    const startedAt = new Date(submittedAt.getTime() - 40 * DAY);
    const assessment = Object.assign(new SelfAssessment(), {
      networkId: network.id,
      cycleId: previous.id,
      activityId: activity.id,
      organisationId: organisation.id,
      standardSetVersionId: version.id,
      state: 'submitted',
      submittedAt,
      submittedBy: by,
      createdAt: startedAt,
      updatedAt: submittedAt,
    });
    em.persist(assessment);
    criteria.forEach((criterion, index) => {
      const answer = PREVIOUS_RIVERSIDE[criterion.number] ?? { rating: 'green' as const, gaps: '' };
      em.persist(
        Object.assign(new SelfAssessmentAnswer(), {
          networkId: network.id,
          selfAssessmentId: assessment.id,
          organisationId: organisation.id,
          criterionId: criterion.id,
          rating: answer.rating,
          evidence: criterion.evidenceExpected ? `${criterion.evidenceExpected}: in the trust’s return for the programme.` : '',
          gaps: answer.gaps,
          comments: answer.rating === 'green' ? '' : 'To be discussed with the review panel.',
          answeredBy: by,
          answeredAt: new Date(startedAt.getTime() + (index + 1) * 60 * 60 * 1000),
          createdAt: startedAt,
          updatedAt: submittedAt,
        }),
      );
    });
    await em.flush();
    return true;
  });
}
