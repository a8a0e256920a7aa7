import {
  actionRag,
  answerInfo,
  FINDING_CLASSIFICATION_LABELS,
  FINDING_CLASSIFICATION_MEANINGS,
  formatFinancialQuarter,
  formatIsoDateLong,
  isActionOpen,
  isoDateInZone,
  ORGANISATION_TYPE_LABELS,
  orderFindings,
  parseFinancialYearLabel,
  RAG_INFO,
  overdueWords,
  plural,
  REVIEW_REPORT_STATE_LABELS,
  standingWords,
  type AssessmentAnswer,
  type AssessmentScaleId,
  type FindingClassification,
  type RagAssessment,
  type WorkItemStatus,
} from '@plexus/domain';
import {
  NetworkRepository,
  RequestScopes,
  ReviewActionRepository,
  ReviewCycleRepository,
  ReviewReportRepository,
  Risk,
  StandardSetRepository,
  UserRepository,
  type MemberOrganisation,
  type ReviewAction,
  type ReviewActionProgress,
  type ReviewActivity,
  type ReviewCycle,
  type ReviewFinding,
  type ReviewRecommendation,
  type ReviewReport,
  type StandardCriterion,
} from '@plexus/server';
import { UnrecoverableError } from 'bullmq';
import { paragraphs } from '../annual-report/annual-report.view-model';
import { loadNetworkView } from '../shared/network-view';
import {
  assessmentResults,
  complianceChart,
  scaleNote,
  sectionLabel,
  versionLabel,
  type ActivityResults,
  type AssessmentResult,
} from '../shared/peer-review-view';
import { documentViewModel, type DocumentBody, type DocumentViewModel, type ReportRequestOf, type SectionView } from '../shared/view-model';

export interface PeerReviewReportOptions {
  cycleId: string;
  organisationId: string;
}

type Section = Omit<SectionView, 'number' | 'id'>;

/** Up to this many measures not fully met are kept on one page. */
const GAPS_KEPT_TOGETHER = 10;

/** Everything one organisation's peer review report tells, as read from the database (see `loadReview`). */
export interface LoadedReview {
  cycle: Pick<ReviewCycle, 'name' | 'firstFy' | 'lastFy' | 'status'>;
  organisation: Pick<MemberOrganisation, 'id' | 'name' | 'type'>;
  review: Pick<ReviewReport, 'state' | 'summary' | 'agreedWith' | 'agreedAt' | 'issuedAt'> | null;
  /** The review meeting of the organisation (the review's own, else the cycle's meeting for it or for everyone). */
  meeting: Pick<ReviewActivity, 'title' | 'meetingDate' | 'dueDate' | 'externalReviewers'> | null;
  panel: string[];
  findings: Array<Pick<ReviewFinding, 'id' | 'position' | 'classification' | 'criterionId' | 'theme' | 'text' | 'riskId'>>;
  recommendations: Array<Pick<ReviewRecommendation, 'id' | 'findingId' | 'position' | 'text'>>;
  /** Criteria findings are about, by id, with the standard set version they belong to in words. */
  criteria: Map<string, { criterion: Pick<StandardCriterion, 'number' | 'text'>; version: string }>;
  /** Risks raised from immediate risk findings, by id. */
  risks: Map<string, Pick<Risk, 'reference' | 'description'>>;
  assessments: ActivityResults[];
  actions: Array<
    Pick<ReviewAction, 'id' | 'recommendationId' | 'originActionId' | 'criterionId' | 'description' | 'ownerName' | 'dueDate' | 'status'>
  >;
  /** Each action's latest progress update. */
  latest: Map<string, Pick<ReviewActionProgress, 'onDate' | 'narrative' | 'authorName' | 'status'>>;
  /** The cycle each carried-forward action came from, by the action's id. */
  carriedFrom: Map<string, string>;
}

/** `1 April 2024` from a timestamp, in UK days. */
const dayOf = (at: Date | null | undefined) => (at ? formatIsoDateLong(isoDateInZone(at)) : '');
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * An action's BRAG as the tables print it: the colour's name on the tag (`Amber`), and in words how it stands — the
 * status, or, when its date raised the colour, `Overdue (reported on track)` (the vocabulary the web app uses too).
 * Never the colour alone.
 */
export function bragView(status: WorkItemStatus, rag: RagAssessment): { tag: { label: string; colour: string; textColour: string }; words: string } {
  const info = RAG_INFO[rag.rag];
  const words = standingWords({ status, escalated: rag.escalated });
  return { tag: { label: info.label, colour: info.colour, textColour: info.textColour }, words };
}

/** `2022/23 to 2023/24` */
export function cycleYears(cycle: Pick<ReviewCycle, 'firstFy' | 'lastFy'>): string {
  return cycle.firstFy === cycle.lastFy ? cycle.firstFy : `${cycle.firstFy} to ${cycle.lastFy}`;
}

/** Where the review stands, in words, for the cover and the scope: draft, agreed (with whom, when) or issued. */
export function reviewStateText(review: LoadedReview['review']): string {
  if (!review) return 'No review recorded yet';
  const agreed = review.agreedWith ? `agreed${review.agreedAt ? ` on ${dayOf(review.agreedAt)}` : ''} with ${review.agreedWith}` : '';
  if (review.state === 'issued') return `Issued${review.issuedAt ? ` on ${dayOf(review.issuedAt)}` : ''}${agreed ? ` (${agreed})` : ''}`;
  if (review.state === 'agreed') return `${agreed ? `A${agreed.slice(1)}` : 'Agreed with the organisation'}; not yet issued`;
  return 'Draft: not yet agreed with the organisation';
}

/** `Amber (partially met)` on the RAG scale, `Partially met` on the Met… scale. */
export function ratingWords(scale: AssessmentScaleId, rating: AssessmentAnswer): string {
  const info = answerInfo(scale, rating);
  if (scale === 'met') return info.label;
  const outcome = info.outcome === 'met' ? 'met' : info.outcome === 'partially_met' ? 'partially met' : 'not met';
  return `${info.label} (${outcome})`;
}

/** `2023/24 Q2, due 30 September 2023` */
function whenText(activity: Pick<ReviewActivity, 'fy' | 'quarter' | 'dueDate'>): string {
  const start = parseFinancialYearLabel(activity.fy);
  const quarter = start === null ? `${activity.fy} Q${activity.quarter}` : formatFinancialQuarter(start, activity.quarter);
  return `${quarter}, due ${formatIsoDateLong(activity.dueDate)}`;
}

/** The self-assessment results: per activity, the organisation's state, and once submitted its compliance chart, table and gaps. */
function assessmentSection(data: LoadedReview): Section {
  const activities = data.assessments.map(({ activity, frame, results }) => {
    const result: AssessmentResult | undefined = results.get(data.organisation.id);
    const base = { title: activity.title, when: whenText(activity), standard: frame ? versionLabel(frame) : '' };
    if (!frame || !result) return { ...base, submitted: false, message: 'The standard set for this self-assessment has not been chosen.' };
    if (result.state !== 'submitted') {
      const message =
        result.state === 'draft'
          ? `${data.organisation.name}'s self-assessment is in progress (${result.answered} of ${result.total} answered): its results are shown once it is submitted.`
          : `${data.organisation.name} has not started this self-assessment.`;
      return { ...base, submitted: false, message };
    }
    const scale = frame.scale;
    const showUnanswered = result.overall.unanswered > 0;
    const rows = result.sections
      .filter((s) => s.criteria.length)
      .map((s) => ({
        section: sectionLabel(s.section),
        met: s.compliance.met,
        partiallyMet: s.compliance.partiallyMet,
        notMet: s.compliance.notMet,
        notApplicable: s.compliance.notApplicable,
        unanswered: s.compliance.unanswered,
        percent: s.compliance.percent === null ? 'N/A' : `${s.compliance.percent}%`,
        text: s.compliance.text,
      }));
    const gaps = result.sections.flatMap((s) =>
      s.criteria.flatMap((c) => {
        const answer = result.answers.get(c.id);
        const rating = answer?.rating ?? null;
        const outcome = rating ? answerInfo(scale, rating).outcome : 'not_met';
        if (outcome === 'met' || outcome === 'not_applicable') return [];
        return [{ number: c.number, criterion: c.text, answer: rating ? ratingWords(scale, rating) : 'Not answered', gaps: answer?.gaps || '—' }];
      }),
    );
    return {
      ...base,
      submitted: true,
      submittedText: result.submittedAt ? `Submitted on ${dayOf(result.submittedAt)}.` : 'Submitted.',
      overallText: `${result.overall.text} across every section.`,
      chart: complianceChart([
        ...result.sections.filter((s) => s.criteria.length).map((s) => ({ label: sectionLabel(s.section), compliance: s.compliance })),
        { label: 'Every section', compliance: result.overall },
      ]),
      rows,
      total: {
        met: result.overall.met,
        partiallyMet: result.overall.partiallyMet,
        notMet: result.overall.notMet,
        notApplicable: result.overall.notApplicable,
        unanswered: result.overall.unanswered,
        percent: result.overall.percent === null ? 'N/A' : `${result.overall.percent}%`,
      },
      showUnanswered,
      note: scaleNote(scale),
      gaps,
      // A short list moves to the next page whole rather than leaving a row or two behind.
      gapsTogether: gaps.length <= GAPS_KEPT_TOGETHER,
    };
  });
  return {
    title: 'Self-assessment results',
    partial: 'prAssessment',
    data: { activities, empty: 'The cycle has no self-assessment activity.' },
  };
}

const CONCERNS: FindingClassification[] = ['immediate_risk', 'serious_concern', 'concern'];
const GROUP_TITLES: Record<FindingClassification, { title: string; empty: string }> = {
  immediate_risk: { title: 'Immediate risks', empty: 'The panel found no immediate risk.' },
  serious_concern: { title: 'Serious concerns', empty: 'The panel found no serious concern.' },
  concern: { title: 'Concerns', empty: 'The panel found no concern.' },
  good_practice: { title: 'Good practice', empty: 'The panel recorded no good practice.' },
};
const CLASS_TAGS: Record<FindingClassification, { colour: string; textColour: string }> = {
  immediate_risk: { colour: RAG_INFO.red.colour, textColour: RAG_INFO.red.textColour },
  serious_concern: { colour: RAG_INFO.amber.colour, textColour: RAG_INFO.amber.textColour },
  concern: { colour: '#fff2b3', textColour: '#212b32' },
  good_practice: { colour: RAG_INFO.green.colour, textColour: RAG_INFO.green.textColour },
};

/** A finding as the report prints it: its number in report order, what it is about, the risk it was raised as, its recommendations. */
function findingView(data: LoadedReview, numbers: Map<string, number>, recommendationNumbers: Map<string, string>) {
  return (f: LoadedReview['findings'][number]) => {
    const about = f.criterionId ? data.criteria.get(f.criterionId) : undefined;
    const risk = f.riskId ? data.risks.get(f.riskId) : undefined;
    return {
      number: numbers.get(f.id),
      tag: { label: FINDING_CLASSIFICATION_LABELS[f.classification], ...CLASS_TAGS[f.classification] },
      heading: f.theme || (about ? `${about.criterion.number} ${about.criterion.text}`.trim() : 'Finding'),
      criterion: about
        ? `${about.criterion.number ? `${about.criterion.number}: ` : ''}${about.criterion.text.replace(/\.$/, '')} (${about.version})`
        : '',
      text: f.text,
      risk: risk ? `Raised to the network’s risk register as ${risk.reference}: ${risk.description}` : '',
      recommendations: data.recommendations
        .filter((r) => r.findingId === f.id)
        .sort((a, b) => a.position - b.position)
        .map((r) => ({ number: recommendationNumbers.get(r.id) ?? '', text: r.text })),
    };
  };
}

/** The sections of one organisation's peer review report, from what was read (pure: the specs build it without a database). */
export function reportBody(data: LoadedReview, today: string): DocumentBody & { subtitle: string; stateText: string } {
  const findings = orderFindings(data.findings);
  const numbers = new Map(findings.map((f, i) => [f.id, i + 1]));
  const recommendations = findings.flatMap((f) => data.recommendations.filter((r) => r.findingId === f.id).sort((a, b) => a.position - b.position));
  const recommendationNumbers = new Map(recommendations.map((r, i) => [r.id, `R${i + 1}`]));
  // Actions from the review's recommendations in their order, then the others (carried forward, added) as planned.
  const recommendationOrder = new Map(recommendations.map((r, i) => [r.id, i]));
  const actions = [...data.actions].sort((x, y) => {
    const rx = x.recommendationId ? (recommendationOrder.get(x.recommendationId) ?? Infinity) : Infinity;
    const ry = y.recommendationId ? (recommendationOrder.get(y.recommendationId) ?? Infinity) : Infinity;
    return rx - ry || data.actions.indexOf(x) - data.actions.indexOf(y);
  });
  const actionNumbers = new Map(actions.map((a, i) => [a.id, `A${i + 1}`]));
  const view = findingView(data, numbers, recommendationNumbers);
  /** What a finding is about, in a few words: its theme, else its criterion's number. */
  const findingSubject = (f: LoadedReview['findings'][number]) => {
    const about = f.criterionId ? data.criteria.get(f.criterionId) : undefined;
    return f.theme || (about ? `criterion ${about.criterion.number || about.criterion.text}` : 'a criterion no longer listed');
  };
  const noReview = data.review ? '' : `No review of ${data.organisation.name} has been recorded in ${data.cycle.name} yet.`;
  const stateText = reviewStateText(data.review);
  const organisationType = ORGANISATION_TYPE_LABELS[data.organisation.type] ?? data.organisation.type;
  const standards = [...new Set(data.assessments.flatMap((a) => (a.frame ? [versionLabel(a.frame)] : [])))];
  const meetingText = data.meeting
    ? `${data.meeting.meetingDate ? formatIsoDateLong(data.meeting.meetingDate) : `by ${formatIsoDateLong(data.meeting.dueDate)} (date not set)`} – ${data.meeting.title}`
    : 'No review meeting is recorded for this organisation';

  const sections: Section[] = [];
  sections.push({
    title: 'Scope and panel',
    partial: 'prScope',
    data: {
      rows: [
        { label: 'Organisation', value: `${data.organisation.name} (${organisationType.toLowerCase()})` },
        { label: 'Programme', value: `${data.cycle.name}, ${cycleYears(data.cycle)}` },
        { label: 'Review meeting', value: meetingText },
        { label: 'Standards', value: standards.length ? standards.join('; ') : 'No standard set chosen for the self-assessment' },
        { label: 'Report state', value: stateText },
      ],
      panel: data.panel,
      external: data.meeting?.externalReviewers ?? [],
      summary: paragraphs(data.review?.summary ?? ''),
      noReview,
    },
  });
  sections.push({ ...assessmentSection(data), follow: true });
  sections.push({
    title: 'Findings',
    partial: 'prFindings',
    follow: true,
    data: {
      intro: noReview || 'Findings by class, immediate risks first, each with the criterion or theme it is about and its recommendations.',
      groups: noReview
        ? []
        : CONCERNS.map((c) => ({
            title: GROUP_TITLES[c].title,
            meaning: lowerFirst(FINDING_CLASSIFICATION_MEANINGS[c]),
            tag: { label: FINDING_CLASSIFICATION_LABELS[c], ...CLASS_TAGS[c] },
            findings: findings.filter((f) => f.classification === c).map(view),
            empty: GROUP_TITLES[c].empty,
          })),
    },
  });
  sections.push({
    title: 'Good practice',
    partial: 'prGoodPractice',
    flow: true,
    data: {
      intro: noReview || FINDING_CLASSIFICATION_MEANINGS.good_practice + '.',
      tag: { label: FINDING_CLASSIFICATION_LABELS.good_practice, ...CLASS_TAGS.good_practice },
      findings: noReview ? [] : findings.filter((f) => f.classification === 'good_practice').map(view),
      empty: noReview ? '' : GROUP_TITLES.good_practice.empty,
    },
  });
  sections.push({
    title: 'Recommendations',
    partial: 'prRecommendations',
    follow: true,
    data: {
      rows: recommendations.map((r) => {
        const finding = findings.find((f) => f.id === r.findingId);
        const action = data.actions.find((a) => a.recommendationId === r.id);
        return {
          number: recommendationNumbers.get(r.id),
          text: r.text,
          finding: finding ? `${numbers.get(finding.id)}. ${FINDING_CLASSIFICATION_LABELS[finding.classification]}: ${findingSubject(finding)}` : '',
          action: action
            ? `${actionNumbers.get(action.id)}${action.ownerName ? `, ${action.ownerName}` : ''}${action.dueDate ? `, due ${formatIsoDateLong(action.dueDate)}` : ''}`
            : data.review?.state === 'issued'
              ? 'No action'
              : 'Becomes an action when the report is issued',
        };
      }),
      empty: noReview || 'The review made no recommendations.',
    },
  });

  const open = data.actions.filter((a) => isActionOpen(a.status));
  const overdue = data.actions.filter((a) => actionRag(a.status, a.dueDate, today).slipped);
  sections.push({
    title: 'Action plan',
    partial: 'prActions',
    follow: true,
    data: {
      intro: data.actions.length
        ? `${plural(data.actions.length, 'action')} on ${formatIsoDateLong(today)}: ${data.actions.length - open.length} complete, ${open.length} open${
            overdue.length ? ` (${overdue.length} overdue)` : ''
          }. The colour is the latest update’s status; past its due date and not complete is at least Amber.`
        : '',
      rows: actions.map((a) => {
        const rag = actionRag(a.status, a.dueDate, today);
        const latest = data.latest.get(a.id);
        const recommendation = a.recommendationId ? recommendationNumbers.get(a.recommendationId) : undefined;
        const from = data.carriedFrom.get(a.id);
        return {
          number: actionNumbers.get(a.id),
          description: a.description,
          source: recommendation
            ? `From recommendation ${recommendation}`
            : from
              ? `Carried forward from ${from}`
              : a.criterionId
                ? 'For a gap in the self-assessment'
                : 'Added by the network',
          owner: a.ownerName || '—',
          due: a.dueDate ? formatIsoDateLong(a.dueDate) : 'No due date',
          overdue: overdueWords(rag.daysLate),
          ...bragView(a.status, rag),
          latest: latest ? { on: formatIsoDateLong(latest.onDate), author: latest.authorName, narrative: latest.narrative } : null,
        };
      }),
      empty:
        data.review?.state === 'issued' || !data.review
          ? 'There are no actions in this cycle.'
          : 'No actions yet: each recommendation becomes an action when the report is issued.',
    },
  });

  return {
    sections,
    stateText,
    subtitle: `The review of ${data.organisation.name} in ${data.cycle.name} (${data.review ? REVIEW_REPORT_STATE_LABELS[data.review.state].toLowerCase() : 'no review recorded yet'})`,
    facts: [
      { label: 'Organisation', value: data.organisation.name },
      { label: 'Programme', value: `${data.cycle.name} (${cycleYears(data.cycle)})` },
      { label: 'Review meeting', value: data.meeting?.meetingDate ? formatIsoDateLong(data.meeting.meetingDate) : 'Not recorded' },
      { label: 'Report state', value: stateText },
    ],
  };
}

/** Reads one organisation's review in a cycle, with everything its report tells (inside the network's context). */
export async function loadReview(options: PeerReviewReportOptions): Promise<LoadedReview> {
  const cycles = new ReviewCycleRepository();
  const cycle = await cycles.cycle(options.cycleId);
  if (!cycle) throw new UnrecoverableError('That peer review cycle is not in this network');
  const scope = await cycles.scope(cycle.id);
  const organisation = scope.some((s) => s.organisationId === options.organisationId)
    ? await new NetworkRepository().organisation(options.organisationId)
    : null;
  if (!organisation) throw new UnrecoverableError('That organisation is not in the cycle’s scope');
  const activities = await cycles.activities(cycle.id);
  const reviews = new ReviewReportRepository();
  const review = await reviews.reportOf(cycle.id, organisation.id);
  const findings = review ? await reviews.findings([review.id]) : [];
  const recommendations = await reviews.recommendations(findings.map((f) => f.id));

  const meetings = activities.filter((a) => a.kind === 'review_meeting');
  const meeting =
    (review?.meetingActivityId ? meetings.find((a) => a.id === review.meetingActivityId) : undefined) ??
    meetings.find((a) => a.organisationId === organisation.id) ??
    meetings.find((a) => !a.organisationId && a.meetingDate) ??
    null;
  const panel = meeting?.panelUserIds.length ? await new UserRepository().byIds(meeting.panelUserIds) : [];

  const standards = new StandardSetRepository();
  const criteria = new Map<string, { criterion: StandardCriterion; version: string }>();
  for (const id of new Set(findings.map((f) => f.criterionId).filter((x): x is string => !!x))) {
    const criterion = await standards.criterion(id);
    const version = criterion ? await standards.version(criterion.versionId) : null;
    const set = version ? await standards.set(version.setId) : null;
    if (criterion) criteria.set(id, { criterion, version: set && version ? `${set.code} version ${version.version}` : 'a standard set' });
  }
  const riskIds = findings.map((f) => f.riskId).filter((x): x is string => !!x);
  const risks = riskIds.length ? await RequestScopes.em().find(Risk, { id: { $in: riskIds } }) : [];

  const actionRepo = new ReviewActionRepository();
  const actions = await actionRepo.actions(cycle.id, organisation.id);
  const latest = new Map<string, ReviewActionProgress>();
  for (const p of await actionRepo.progress(actions.map((a) => a.id))) if (!latest.has(p.actionId)) latest.set(p.actionId, p);
  const origins = await actionRepo.byIds(actions.map((a) => a.originActionId).filter((x): x is string => !!x));
  const carriedFrom = new Map<string, string>();
  for (const a of actions) {
    const origin = origins.find((o) => o.id === a.originActionId);
    const from = origin ? await cycles.cycle(origin.cycleId) : null;
    if (from) carriedFrom.set(a.id, from.name);
  }

  return {
    cycle,
    organisation,
    review,
    meeting,
    panel: meeting ? meeting.panelUserIds.map((id) => panel.find((u) => u.id === id)?.displayName ?? 'Former member') : [],
    findings,
    recommendations,
    criteria,
    risks: new Map(risks.map((r) => [r.id, r])),
    assessments: await assessmentResults(cycle.id, [organisation]),
    actions,
    latest,
    carriedFrom,
  };
}

/** The sections of one organisation's peer review report, read inside the network's context (also a board paper's body). */
export async function peerReviewReportSections(
  options: PeerReviewReportOptions,
  today: string,
): Promise<DocumentBody & { subtitle: string; stateText: string }> {
  return reportBody(await loadReview(options), today);
}

/** The whole report: the network's branding, a title page naming the organisation, programme and the report's state. */
export async function buildPeerReviewReportDocument(request: ReportRequestOf<'peer_review_report'>, title: string): Promise<DocumentViewModel> {
  const { network, brand, today, todayLong } = await loadNetworkView();
  const inner = await peerReviewReportSections(request.options, today);
  return documentViewModel(
    'peer_review_report',
    { network, brand, todayLong },
    { title, subtitle: inner.subtitle, facts: inner.facts, sections: inner.sections, coverSheet: null },
  );
}
