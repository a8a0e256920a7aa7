import {
  addDays,
  financialYearRange,
  formatIsoDateLong,
  ORGANISATION_TYPE_LABELS,
  parseFinancialYearLabel,
  RAGS,
  RISK_BANDS,
  RISK_MOVEMENT_WORDS,
  riskBand,
  riskMovements,
  riskStatesAt,
  SUBMISSION_STATE_LABELS,
  SUBMISSION_STATES,
  YEAR_END_STANDING_LABELS,
  yearEndOf,
  type Rag,
  type RiskStateAt,
  type YearEndStanding,
} from '@plexus/domain';
import {
  AnnualReportRepository,
  NetworkRepository,
  RequestScopes,
  ReviewCycle,
  ReviewCycleOrganisation,
  Risk,
  RiskScoreChange,
  Submission,
  WorkPlanRepository,
  type WorkPlanWithItems,
} from '@plexus/server';
import { UnrecoverableError } from 'bullmq';
import { statusChart } from '../progress/progress.view-model';
import { HEAT_MAP_IMPACT_LABELS, heatGrid } from '../shared/heat-map-view';
import { loadNetworkView } from '../shared/network-view';
import {
  documentViewModel,
  type DocumentBody,
  type DocumentViewModel,
  type ReportRequestOf,
  type SectionView,
  type TagView,
} from '../shared/view-model';

export interface AnnualReportOptions {
  fy: string;
}

type Section = Omit<SectionView, 'number' | 'id'>;

const STANDINGS: YearEndStanding[] = ['completed_in_year', 'on_track', 'at_risk', 'slipped', 'not_started', 'deferred', 'completed_before'];
const TOP_RISKS = 5;
const NOTABLE_UPDATES = 8;

/** Paragraphs of what a manager wrote (blank lines between them). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function bandTag(score: number | null): TagView | null {
  if (score == null) return null;
  const band = riskBand(score);
  return { label: `${score} ${RISK_BANDS[band.id].label}`, colour: RISK_BANDS[band.id].colour, textColour: RISK_BANDS[band.id].textColour };
}

/** Delivery against the plan in the year: per theme, where each item stood at year end, with a chart and notable updates. */
function deliverySection(
  loaded: WorkPlanWithItems,
  updates: Awaited<ReturnType<WorkPlanRepository['progressOfPlan']>>,
  year: { start: string; end: string },
) {
  const byItem = new Map<string, typeof updates>();
  for (const u of updates) byItem.set(u.itemId, [...(byItem.get(u.itemId) ?? []), u]);
  const refOf = (row: WorkPlanWithItems['items'][number]['item']) => row.reference || `${row.themeNo}.${row.itemNo}`;
  const items = loaded.items.map(({ item }) => {
    const end = yearEndOf({ dueOn: item.dueOn, originalDueOn: item.originalDueOn, updates: byItem.get(item.id) ?? [] }, year);
    return { item, end, ref: refOf(item) };
  });
  const themes = loaded.themes.map((t) => {
    const own = items.filter((i) => i.item.themeId === t.id);
    const counts = Object.fromEntries(RAGS.map((r) => [r, own.filter((i) => i.end.rag === r).length])) as Record<Rag, number>;
    return {
      title: t.title,
      counts,
      standings: STANDINGS.map((s) => own.filter((i) => i.end.standing === s).length),
      total: own.length,
      slipped: own
        .filter((i) => i.end.standing === 'slipped')
        .map((i) => ({
          ref: i.ref,
          work: i.item.work,
          original: i.item.originalTimescaleText || (i.item.originalDueOn ? formatIsoDateLong(i.item.originalDueOn) : '—'),
          current: i.item.timescaleText || (i.item.dueOn ? formatIsoDateLong(i.item.dueOn) : '—'),
        })),
    };
  });
  const completed = items.filter((i) => i.end.standing === 'completed_in_year');
  const notable = updates
    .filter((u) => u.onDate >= year.start && u.onDate <= year.end && completed.some((c) => c.item.id === u.itemId))
    .sort((a, b) => (a.onDate < b.onDate ? 1 : a.onDate > b.onDate ? -1 : 0))
    .filter((u, i, all) => all.findIndex((x) => x.itemId === u.itemId) === i)
    .slice(0, NOTABLE_UPDATES)
    .map((u) => {
      const it = items.find((i) => i.item.id === u.itemId);
      return { ref: it?.ref ?? '', work: it?.item.work ?? '', on: formatIsoDateLong(u.onDate), author: u.authorName, narrative: u.narrative };
    });
  const total = items.length;
  const done = completed.length;
  return {
    section: {
      title: 'Delivery against the plan',
      partial: 'annualDelivery',
      data: {
        intro: `${loaded.plan.title}: where each of its ${total} work item${total === 1 ? '' : 's'} stood on ${formatIsoDateLong(year.end)}, from the dated progress updates (targets as they stand today).`,
        completedText: `${done} of ${total} item${total === 1 ? '' : 's'} completed in the year.`,
        columns: STANDINGS.map((s) => YEAR_END_STANDING_LABELS[s]),
        themes: themes.map((t) => ({ title: t.title, standings: t.standings, total: t.total })),
        chart: statusChart(themes),
        slipped: themes.flatMap((t) => t.slipped),
        notable,
      },
    } satisfies Section,
    open: items.filter((i) => i.end.status !== 'complete'),
  };
}

/** The register over the year: heat maps at its start and end from the score history, what moved, the top risks at its end. */
function risksSection(risks: Risk[], events: RiskScoreChange[], year: { start: string; end: string }): Section {
  const before = addDays(year.start, -1);
  const start = riskStatesAt(events, before);
  const end = riskStatesAt(events, year.end);
  const byId = new Map(risks.map((r) => [r.id, r]));
  const placed = (states: Map<string, RiskStateAt>) =>
    [...states.values()].filter((s) => s.open && s.likelihood != null && s.impact != null) as Array<
      RiskStateAt & { likelihood: number; impact: number }
    >;
  const moves = riskMovements(events, before, year.end);
  const row = (m: (typeof moves)[number]) => {
    const r = byId.get(m.riskId);
    const words = RISK_MOVEMENT_WORDS[m.kind];
    return {
      reference: r?.reference ?? '',
      description: r?.description ?? '',
      movement: `${words.arrow} ${words.words}`,
      from: m.from?.open ? (m.from.score ?? '—') : '—',
      to: m.to?.open ? (m.to.score ?? '—') : '—',
    };
  };
  // New and closed in the year are told whatever happened after (a risk registered and closed in the year is both).
  const inYear = (e: RiskScoreChange) => e.effectiveOn >= year.start && e.effectiveOn <= year.end;
  const firstEvent = new Map<string, RiskScoreChange>();
  for (const e of events) {
    const seen = firstEvent.get(e.riskId);
    if (!seen || e.effectiveOn < seen.effectiveOn) firstEvent.set(e.riskId, e);
  }
  const registered = [...firstEvent.values()].filter(inYear).map((e) => e.riskId);
  const closed = [...new Set(events.filter((e) => e.source === 'closed' && inYear(e)).map((e) => e.riskId))].filter(
    (id) => end.get(id)?.open === false,
  );
  const yearRow = (kind: 'new' | 'closed') => (riskId: string) => row({ riskId, kind, from: start.get(riskId) ?? null, to: end.get(riskId) ?? null });
  const byRef = (a: { reference: string }, b: { reference: string }) => a.reference.localeCompare(b.reference, 'en', { numeric: true });
  const openAtEnd = [...end.values()].filter((s) => s.open);
  const top = openAtEnd
    .filter((s) => s.score != null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (byId.get(a.riskId)?.number ?? 0) - (byId.get(b.riskId)?.number ?? 0))
    .slice(0, TOP_RISKS)
    .map((s) => {
      const r = byId.get(s.riskId);
      return { reference: r?.reference ?? '', description: r?.description ?? '', score: bandTag(s.score), lead: r?.mitigationLeadName || '—' };
    });
  return {
    title: 'Risks over the year',
    partial: 'annualRisks',
    data: {
      intro: `Open risks on ${formatIsoDateLong(before)} and on ${formatIsoDateLong(year.end)}, from the history of every score: ${
        [...start.values()].filter((s) => s.open).length
      } then, ${openAtEnd.length} at the end of the year.`,
      impactLabels: HEAT_MAP_IMPACT_LABELS,
      maps: [
        heatGrid(`Start of the year (${formatIsoDateLong(before)})`, placed(start)),
        heatGrid(`End of the year (${formatIsoDateLong(year.end)})`, placed(end)),
      ],
      groups: [
        {
          title: 'New risks',
          rows: registered.map(yearRow('new')).sort(byRef),
          empty: 'No new risks were registered in the year.',
        },
        {
          title: 'Closed risks',
          rows: closed.map(yearRow('closed')).sort(byRef),
          empty: 'No risks were closed in the year.',
        },
        {
          title: 'Escalated risks (score up)',
          rows: moves
            .filter((m) => m.kind === 'up')
            .map(row)
            .sort(byRef),
          empty: 'No risk’s score went up over the year.',
        },
        {
          title: 'Reduced risks (score down)',
          rows: moves
            .filter((m) => m.kind === 'down')
            .map(row)
            .sort(byRef),
          empty: 'No risk’s score came down over the year.',
        },
      ],
      top,
      topIntro:
        top.length === 1
          ? 'The highest-scoring open risk at the end of the year.'
          : `The ${top.length} highest-scoring open risks at the end of the year.`,
    },
  };
}

/** The peer review programme in the year, where the network runs one: each cycle, its organisations and the year's submissions. */
async function peerReviewSection(fy: string, year: { start: string; end: string }): Promise<Section> {
  const em = RequestScopes.em();
  const cycles = (await em.find(ReviewCycle, {}, { orderBy: { firstFy: 'asc', name: 'asc' } })).filter((c) => c.firstFy <= fy && fy <= c.lastFy);
  const rows = [];
  for (const cycle of cycles) {
    const organisations = await em.count(ReviewCycleOrganisation, { cycleId: cycle.id });
    const submissions = await em.find(Submission, { cycleId: cycle.id, dueDate: { $gte: year.start, $lte: year.end } });
    rows.push({
      name: cycle.name,
      years: cycle.firstFy === cycle.lastFy ? cycle.firstFy : `${cycle.firstFy} to ${cycle.lastFy}`,
      organisations,
      due: submissions.length,
      states: SUBMISSION_STATES.map((s) => submissions.filter((x) => x.state === s).length),
    });
  }
  return {
    title: 'Peer review',
    partial: 'annualPeerReview',
    data: {
      cycles: rows,
      columns: SUBMISSION_STATES.map((s) => SUBMISSION_STATE_LABELS[s]),
      empty: `The network ran no peer review programme in ${fy}.`,
    },
  };
}

/** The annual report's sections for a financial year. */
export async function annualReportSections(options: AnnualReportOptions): Promise<DocumentBody & { yearText: string }> {
  const startYear = parseFinancialYearLabel(options.fy);
  if (startYear === null) throw new UnrecoverableError(`${options.fy} is not a financial year`);
  const year = financialYearRange(startYear);
  const annual = new AnnualReportRepository();
  const plans = new WorkPlanRepository();
  const networks = new NetworkRepository();
  const draft = await annual.draftFor(options.fy);
  const plan = draft?.planId ? await plans.plan(draft.planId) : await annual.planForYear(year);
  const [profile, roles, organisations] = [await networks.profile(), await networks.leadershipRoles(), await networks.organisations()];

  const sections: Section[] = [];
  const narrative = (title: string, text: string | undefined, flow = true) => {
    const list = paragraphs(text ?? '');
    if (list.length) sections.push({ title, partial: 'annualNarrative', data: { paragraphs: list }, flow });
  };
  narrative('Foreword from the chair', draft?.chairForeword, false);
  sections.push({
    title: 'The network',
    partial: 'annualNetwork',
    data: {
      purpose: paragraphs(profile.purpose),
      vision: paragraphs(profile.vision),
      coreFunctions: profile.coreFunctions,
      roles: roles.map((r) => ({ title: r.title, person: r.personName || 'Vacant' })),
      organisations: organisations.map((o) => ({ name: o.name, type: ORGANISATION_TYPE_LABELS[o.type] ?? o.type })),
    },
  });
  narrative('Highlights of the year', draft?.highlights);

  let open: Array<{ ref: string; item: { work: string; id: string } }> = [];
  let rolledInto: { title: string } | null = null;
  if (plan) {
    const loaded = await plans.planWithItems(plan.id);
    if (loaded) {
      const delivery = deliverySection(loaded, await plans.progressOfPlan(plan.id), year);
      sections.push(delivery.section);
      open = delivery.open;
      rolledInto = await plans.rolledFrom(plan.id);
    }
  } else {
    sections.push({
      title: 'Delivery against the plan',
      partial: 'annualNarrative',
      data: { paragraphs: [`The network had no work plan covering ${options.fy}.`] },
    });
  }

  const em = RequestScopes.em();
  const risks = await em.find(Risk, {}, { orderBy: { number: 'asc' } });
  const events = await em.find(RiskScoreChange, { effectiveOn: { $lte: year.end } }, { orderBy: { effectiveOn: 'asc', createdAt: 'asc' } });
  sections.push(risksSection(risks, events, year));
  sections.push({ ...(await peerReviewSection(options.fy, year)), flow: true });
  narrative('Priorities for next year', draft?.priorities);

  const carried = rolledInto ? new Set((await plans.carriedForwardFrom(open.map((o) => o.item.id))).map((c) => c.originId)) : null;
  sections.push({
    title: 'Carried forward into next year',
    partial: 'annualCarried',
    flow: true,
    data: {
      intro: rolledInto
        ? `${carried?.size ?? 0} of the ${open.length} item${open.length === 1 ? '' : 's'} not complete at the end of the year ${
            (carried?.size ?? 0) === 1 ? 'was' : 'were'
          } carried forward into ${rolledInto.title}.`
        : open.length
          ? `${open.length} item${open.length === 1 ? ' was' : 's were'} not complete at the end of the year; the plan has not yet been rolled over.`
          : '',
      rows: open.map((o) => ({ ref: o.ref, work: o.item.work, carried: carried ? (carried.has(o.item.id) ? 'Yes' : 'No') : '' })),
      showCarried: carried !== null,
      empty: plan ? 'Every item of the plan was complete at the end of the year: nothing carries forward.' : 'No plan: nothing carries forward.',
    },
  });

  const yearText = `${formatIsoDateLong(year.start)} to ${formatIsoDateLong(year.end)}`;
  return {
    sections,
    yearText,
    facts: [
      { label: 'Financial year', value: `${options.fy} (${yearText})` },
      { label: 'Plan', value: plan ? plan.title : 'None covering the year' },
    ],
  };
}

/** The whole annual report: the network's branding, a title page naming the year, and the sections above. */
export async function buildAnnualReportDocument(request: ReportRequestOf<'annual_report'>, title: string): Promise<DocumentViewModel> {
  const { network, brand, todayLong } = await loadNetworkView();
  const inner = await annualReportSections(request.options);
  return documentViewModel(
    'annual_report',
    { network, brand, todayLong },
    { title, subtitle: `The network's year from ${inner.yearText}`, facts: inner.facts, sections: inner.sections, coverSheet: null },
  );
}
