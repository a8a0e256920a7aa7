import {
  actionRag,
  cycleRange,
  daysBetween,
  FINDING_CLASSIFICATION_LABELS,
  FINDING_CLASSIFICATIONS,
  formatFinancialQuarter,
  formatIsoDateLong,
  isActionOpen,
  isSubmissionOverdue,
  ORGANISATION_TYPE_LABELS,
  parseFinancialYearLabel,
  REVIEW_ACTIVITY_KIND_LABELS,
  REVIEW_CYCLE_STATUS_LABELS,
  REVIEW_REPORT_STATE_LABELS,
  SUBMISSION_STATE_LABELS,
  type FindingClassification,
} from '@plexus/domain';
import {
  NetworkRepository,
  ReviewActionRepository,
  ReviewCycleRepository,
  ReviewReportRepository,
  SubmissionRepository,
  type MemberOrganisation,
  type ReviewAction,
  type ReviewActionProgress,
  type ReviewActivity,
  type ReviewCycle,
  type ReviewReport,
  type Submission,
} from '@plexus/server';
import { UnrecoverableError } from 'bullmq';
import { bragView, cycleYears } from '../peer-review-report/peer-review-report.view-model';
import { loadNetworkView } from '../shared/network-view';
import { assessmentResults, complianceCell, complianceKey, versionLabel, type ActivityResults } from '../shared/peer-review-view';
import { documentViewModel, type DocumentBody, type DocumentViewModel, type ReportRequestOf, type SectionView } from '../shared/view-model';

export interface PeerReviewSummaryOptions {
  cycleId: string;
}

type Section = Omit<SectionView, 'number' | 'id'>;

/** Everything a programme summary tells, as read from the database (see `loadSummary`). */
export interface LoadedSummary {
  cycle: Pick<ReviewCycle, 'name' | 'firstFy' | 'lastFy' | 'status'>;
  /** The organisations in the cycle's scope, in the network's order. */
  organisations: Array<Pick<MemberOrganisation, 'id' | 'name' | 'type'>>;
  activities: Array<Pick<ReviewActivity, 'id' | 'kind' | 'fy' | 'quarter' | 'title' | 'dueDate' | 'meetingDate' | 'organisationId'>>;
  assessments: ActivityResults[];
  reviews: Array<Pick<ReviewReport, 'id' | 'organisationId' | 'state'>>;
  /** Per review: how many findings of each class. */
  counts: Map<string, Record<FindingClassification, number>>;
  submissions: Array<Pick<Submission, 'organisationId' | 'activityId' | 'documentName' | 'state' | 'dueDate'>>;
  actions: Array<Pick<ReviewAction, 'id' | 'organisationId' | 'description' | 'ownerName' | 'dueDate' | 'status'>>;
  latest: Map<string, Pick<ReviewActionProgress, 'onDate' | 'narrative' | 'authorName'>>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function quarterText(activity: Pick<ReviewActivity, 'fy' | 'quarter'>): string {
  const start = parseFinancialYearLabel(activity.fy);
  return start === null ? `${activity.fy} Q${activity.quarter}` : formatFinancialQuarter(start, activity.quarter);
}

/** Where one activity of the plan stands on `today`, in words. */
export function activityStanding(activity: LoadedSummary['activities'][number], data: LoadedSummary, today: string): string {
  const past = activity.dueDate < today;
  switch (activity.kind) {
    case 'submission': {
      const own = data.submissions.filter((s) => s.activityId === activity.id);
      if (!own.length) return 'No documents required';
      const accepted = own.filter((s) => s.state === 'accepted').length;
      const submitted = own.filter((s) => s.state === 'submitted').length;
      const overdue = own.filter((s) => isSubmissionOverdue(s.state, s.dueDate, today)).length;
      const owed = own.length - accepted - submitted;
      return [
        `${accepted} of ${own.length} documents accepted`,
        submitted ? `${submitted} awaiting review` : '',
        owed ? `${owed} still owed${overdue ? ` (${overdue} overdue)` : ''}` : '',
      ]
        .filter(Boolean)
        .join(', ');
    }
    case 'self_assessment': {
      const results = data.assessments.find((a) => a.activity.id === activity.id);
      if (!results?.frame) return 'Standard set not chosen yet';
      const all = [...results.results.values()];
      const submitted = all.filter((r) => r.state === 'submitted').length;
      const draft = all.filter((r) => r.state === 'draft').length;
      return `${submitted} of ${data.organisations.length} submitted${draft ? `, ${draft} in progress` : ''}${past && submitted < data.organisations.length ? ' (past its date)' : ''}`;
    }
    case 'review_meeting': {
      const who = activity.organisationId ? (data.organisations.find((o) => o.id === activity.organisationId)?.name ?? 'one organisation') : '';
      if (!activity.meetingDate) return `${past ? 'Date passed' : 'To come'}; meeting date not set${who ? ` (${who})` : ''}`;
      const held = activity.meetingDate < today;
      return `${held ? 'Held' : 'Planned'} on ${formatIsoDateLong(activity.meetingDate)}${who ? ` with ${who}` : ''}`;
    }
    case 'report': {
      const issued = data.reviews.filter((r) => r.state === 'issued').length;
      return `${past ? 'Date passed' : 'To come'}; ${issued} of ${data.organisations.length} review reports issued so far`;
    }
    default:
      return past ? 'Date passed' : 'To come';
  }
}

/** The sections of a cycle's programme summary, from what was read (pure: the specs build it without a database). */
export function summaryBody(data: LoadedSummary, today: string): DocumentBody & { subtitle: string } {
  const todayText = formatIsoDateLong(today);
  const start = parseFinancialYearLabel(data.cycle.firstFy);
  const end = parseFinancialYearLabel(data.cycle.lastFy);
  const range = start !== null && end !== null ? cycleRange(start, end) : null;
  const nameOf = (id: string) => data.organisations.find((o) => o.id === id)?.name ?? 'An organisation no longer in scope';
  const reviewOf = (id: string) => data.reviews.find((r) => r.organisationId === id) ?? null;
  const activityTitle = (id: string) => data.activities.find((a) => a.id === id)?.title ?? '';
  const overdueSubmissions = data.submissions.filter((s) => isSubmissionOverdue(s.state, s.dueDate, today));
  const overdueActions = data.actions.filter((a) => actionRag(a.status, a.dueDate, today).slipped);

  const sections: Section[] = [];
  sections.push({
    title: 'The programme',
    partial: 'psProgramme',
    data: {
      intro: `${data.cycle.name} runs ${range ? `from ${formatIsoDateLong(range.start)} to ${formatIsoDateLong(range.end)}` : `over ${cycleYears(data.cycle)}`} and is ${REVIEW_CYCLE_STATUS_LABELS[
        data.cycle.status
      ].toLowerCase()}. ${plural(data.organisations.length, 'organisation is', 'organisations are')} in its scope. Figures as they stood on ${todayText}.`,
      rows: data.organisations.map((o) => {
        const own = data.submissions.filter((s) => s.organisationId === o.id);
        const accepted = own.filter((s) => s.state === 'accepted').length;
        const late = own.filter((s) => isSubmissionOverdue(s.state, s.dueDate, today)).length;
        const actions = data.actions.filter((a) => a.organisationId === o.id);
        const open = actions.filter((a) => isActionOpen(a.status)).length;
        const lateActions = actions.filter((a) => actionRag(a.status, a.dueDate, today).slipped).length;
        const review = reviewOf(o.id);
        return {
          name: o.name,
          type: ORGANISATION_TYPE_LABELS[o.type] ?? o.type,
          assessment:
            data.assessments
              .filter((a) => a.frame)
              .map((a) => {
                const r = a.results.get(o.id);
                const what =
                  !r || r.state === 'not_started'
                    ? 'Not started'
                    : r.state === 'draft'
                      ? `In progress (${r.answered} of ${r.total} answered)`
                      : `Submitted: ${r.overall.percent === null ? 'no applicable measures' : `${r.overall.percent}% met`}`;
                return data.assessments.filter((x) => x.frame).length > 1 ? `${a.activity.fy}: ${what}` : what;
              })
              .join('; ') || 'None planned',
          review: review ? REVIEW_REPORT_STATE_LABELS[review.state] : 'None yet',
          submissions: own.length ? `${accepted} of ${own.length} accepted${late ? `, ${late} overdue` : ''}` : 'None required',
          actions: actions.length ? `${open} open of ${actions.length}${lateActions ? `, ${lateActions} overdue` : ''}` : 'None',
        };
      }),
      empty: 'No organisation is in the cycle’s scope.',
    },
  });
  sections.push({
    title: 'Timeline',
    partial: 'psTimeline',
    flow: true,
    data: {
      rows: data.activities.map((a) => ({
        quarter: quarterText(a),
        title: a.title,
        kind: REVIEW_ACTIVITY_KIND_LABELS[a.kind],
        due: formatIsoDateLong(a.dueDate),
        standing: activityStanding(a, data, today),
      })),
      empty: 'The cycle has no activities planned yet.',
    },
  });
  sections.push({
    title: 'Compliance with the standards',
    partial: 'psCompliance',
    follow: true,
    data: {
      activities: data.assessments.map(({ activity, frame, results }) => {
        // Columns are headed by the section's number (its position where it has none); the key below names each.
        const columns = frame
          ? frame.sections.map((s, i) => ({ number: s.section.number || String(i + 1), title: s.section.title, id: s.section.id }))
          : [];
        return {
          title: activity.title,
          when: `${quarterText(activity)}, due ${formatIsoDateLong(activity.dueDate)}`,
          standard: frame ? versionLabel(frame) : '',
          chosen: !!frame,
          columns,
          span: columns.length + 1,
          rows: data.organisations.map((o) => {
            const r = results.get(o.id);
            const state = !r || r.state === 'not_started' ? 'Not started' : r.state === 'draft' ? 'In progress' : 'Submitted';
            if (!r || r.state !== 'submitted') {
              return {
                name: o.name,
                state,
                submitted: false,
                message: r && r.state === 'draft' ? `In progress: ${r.answered} of ${r.total} answered. Shown once submitted.` : 'Not started.',
              };
            }
            return {
              name: o.name,
              state,
              submitted: true,
              overall: complianceCell(r.overall),
              cells: columns.map((c) => {
                const s = r.sections.find((x) => x.section.id === c.id);
                return s && s.criteria.length
                  ? complianceCell(s.compliance)
                  : { main: '—', detail: 'Does not apply', band: 'Does not apply', colour: '#ffffff', textColour: '#212b32' };
              }),
            };
          }),
          sections: columns.map((c) => `${c.number} ${c.title}`),
        };
      }),
      key: complianceKey(),
      empty: 'The cycle has no self-assessment activity.',
    },
  });
  const totals = Object.fromEntries(FINDING_CLASSIFICATIONS.map((c) => [c, 0])) as Record<FindingClassification, number>;
  const findingRows = data.organisations.map((o) => {
    const review = reviewOf(o.id);
    const counts = review ? (data.counts.get(review.id) ?? null) : null;
    for (const c of FINDING_CLASSIFICATIONS) totals[c] += counts?.[c] ?? 0;
    return {
      name: o.name,
      review: review ? REVIEW_REPORT_STATE_LABELS[review.state] : 'None yet',
      counts: FINDING_CLASSIFICATIONS.map((c) => (review ? (counts?.[c] ?? 0) : '—')),
      total: review ? FINDING_CLASSIFICATIONS.reduce((n, c) => n + (counts?.[c] ?? 0), 0) : '—',
    };
  });
  const drafts = data.reviews.filter((r) => r.state !== 'issued').length;
  sections.push({
    title: 'Findings by organisation',
    partial: 'psFindings',
    flow: true,
    data: {
      intro: data.reviews.length
        ? `${plural(data.reviews.length, 'review')} recorded, ${data.reviews.length - drafts} issued.${
            drafts ? ' Findings of a review not yet issued may still change.' : ''
          }`
        : `No review has been recorded in ${data.cycle.name} yet.`,
      columns: FINDING_CLASSIFICATIONS.map((c) => FINDING_CLASSIFICATION_LABELS[c]),
      rows: findingRows,
      totals: FINDING_CLASSIFICATIONS.map((c) => totals[c]),
      total: FINDING_CLASSIFICATIONS.reduce((n, c) => n + totals[c], 0),
      empty: 'No organisation is in the cycle’s scope.',
    },
  });
  sections.push({
    title: 'Overdue submissions and actions',
    partial: 'psOverdue',
    follow: true,
    data: {
      intro: `What was overdue on ${todayText}: documents still owed after their due date, and actions not complete after theirs.`,
      submissions: overdueSubmissions.map((s) => ({
        organisation: nameOf(s.organisationId),
        document: s.documentName,
        activity: activityTitle(s.activityId),
        due: formatIsoDateLong(s.dueDate),
        late: plural(daysBetween(s.dueDate, today), 'day'),
        state: SUBMISSION_STATE_LABELS[s.state],
      })),
      submissionsEmpty: `No submission was overdue on ${todayText}.`,
      actions: overdueActions.map((a) => {
        const rag = actionRag(a.status, a.dueDate, today);
        const latest = data.latest.get(a.id);
        return {
          organisation: nameOf(a.organisationId),
          description: a.description,
          owner: a.ownerName || '—',
          due: a.dueDate ? formatIsoDateLong(a.dueDate) : '',
          late: plural(rag.daysLate, 'day'),
          ...bragView(a.status, rag),
          latest: latest ? `${formatIsoDateLong(latest.onDate)}, ${latest.authorName}: ${latest.narrative}` : 'No update yet',
        };
      }),
      actionsEmpty: `No action was overdue on ${todayText}.`,
    },
  });

  return {
    sections,
    subtitle: `Every organisation in ${data.cycle.name}, as it stood on ${todayText}`,
    facts: [
      { label: 'Programme', value: `${data.cycle.name} (${cycleYears(data.cycle)})` },
      { label: 'Status', value: REVIEW_CYCLE_STATUS_LABELS[data.cycle.status] },
      { label: 'Organisations', value: String(data.organisations.length) },
      { label: 'Overdue', value: `${plural(overdueSubmissions.length, 'submission')}, ${plural(overdueActions.length, 'action')}` },
    ],
  };
}

/** Reads a cycle with everything its programme summary tells (inside the network's context). */
export async function loadSummary(options: PeerReviewSummaryOptions): Promise<LoadedSummary> {
  const cycles = new ReviewCycleRepository();
  const cycle = await cycles.cycle(options.cycleId);
  if (!cycle) throw new UnrecoverableError('That peer review cycle is not in this network');
  const scope = new Set((await cycles.scope(cycle.id)).map((s) => s.organisationId));
  const organisations = (await new NetworkRepository().organisations()).filter((o) => scope.has(o.id));
  const reviews = new ReviewReportRepository();
  const actionRepo = new ReviewActionRepository();
  const actions = await actionRepo.actions(cycle.id);
  const latest = new Map<string, ReviewActionProgress>();
  for (const p of await actionRepo.progress(actions.map((a) => a.id))) if (!latest.has(p.actionId)) latest.set(p.actionId, p);
  return {
    cycle,
    organisations,
    activities: await cycles.activities(cycle.id),
    assessments: await assessmentResults(cycle.id, organisations),
    reviews: await reviews.reports(cycle.id),
    counts: await reviews.classCounts(cycle.id),
    submissions: await new SubmissionRepository().submissions({ cycleId: cycle.id }),
    actions,
    latest,
  };
}

/** The sections of a cycle's programme summary, read inside the network's context (also a board paper's body). */
export async function peerReviewSummarySections(options: PeerReviewSummaryOptions, today: string): Promise<DocumentBody & { subtitle: string }> {
  return summaryBody(await loadSummary(options), today);
}

/** The whole summary: the network's branding, a title page naming the programme, and the sections above. */
export async function buildPeerReviewSummaryDocument(request: ReportRequestOf<'peer_review_summary'>, title: string): Promise<DocumentViewModel> {
  const { network, brand, today, todayLong } = await loadNetworkView();
  const inner = await peerReviewSummarySections(request.options, today);
  return documentViewModel(
    'peer_review_summary',
    { network, brand, todayLong },
    { title, subtitle: inner.subtitle, facts: inner.facts, sections: inner.sections, coverSheet: null },
  );
}
