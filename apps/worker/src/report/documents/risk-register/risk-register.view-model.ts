import type { RiskScoreDto } from '@plexus/contracts';
import { formatIsoDateLong, IMPACT, LIKELIHOOD, RISK_BAND_IDS, RISK_BANDS, riskBand, type RiskBandId, type RiskRating } from '@plexus/domain';
import { BoardMeeting, RequestScopes, Risk, RiskScoreChange, beforeOf, currentOf, heatMap, isOverdue } from '@plexus/server';
import { boardComparison } from './board-comparison';
import { groupRiskChanges, type RiskChangeEvent } from './risk-changes';
import { loadNetworkView } from '../shared/network-view';
import { documentViewModel, type DocumentViewModel, type ReportRequestOf, type SectionView, type TagView } from '../shared/view-model';

export interface RiskReportOptions {
  changedSince?: string;
  topRisks?: number;
}

function tag(band: RiskBandId | null): TagView | null {
  if (!band) return null;
  const b = RISK_BANDS[band];
  return { label: b.label, colour: b.colour, textColour: b.textColour };
}

function scoreCell(s: RiskScoreDto) {
  return { score: s.score ?? '–', tag: tag(s.band) };
}

/** The score a risk's owners aim to bring it down to, with its band; a dash when none is set. */
function targetCell(score: number | null) {
  return score == null ? { score: '—', tag: null } : { score, tag: tag(riskBand(score).id) };
}

/**
 * The open risks now against the same risks at the last board meeting before today (the latest meeting dated before
 * it), their scores then read from the score history.
 */
async function lastBoardComparison(risks: Risk[], today: string) {
  const em = RequestScopes.em();
  const last = await em.findOne(
    BoardMeeting,
    { meetingDate: { $lt: today } },
    { orderBy: { meetingDate: 'desc', startsAt: 'desc nulls last', createdAt: 'desc' } },
  );
  const history =
    last && risks.length ? await em.find(RiskScoreChange, { riskId: { $in: risks.map((r) => r.id) }, effectiveOn: { $lte: last.meetingDate } }) : [];
  return boardComparison(
    risks.map((r) => ({ id: r.id, reference: r.reference, description: r.description, current: currentOf(r) })),
    history.map((h) => ({ riskId: h.riskId, effectiveOn: h.effectiveOn, createdAt: h.createdAt, source: h.source, current: currentOf(h) })),
    last ? { title: last.title, date: last.meetingDate } : null,
  );
}

/** The risk register report's sections: summary, heat maps, top risks, changes since a date, overdue reviews, the register. */
export async function riskRegisterSections(
  options: RiskReportOptions,
  today: string,
): Promise<{ sections: Array<Omit<SectionView, 'number' | 'id'>>; facts: Array<{ label: string; value: string }> }> {
  const em = RequestScopes.em();
  const risks = await em.find(Risk, { status: 'open' }, { orderBy: { number: 'asc' } });
  const map = heatMap(risks);
  const row = (r: Risk) => ({
    reference: r.reference,
    description: r.description,
    mitigation: r.mitigation,
    before: scoreCell(beforeOf(r)),
    current: scoreCell(currentOf(r)),
    target: targetCell(r.targetScore),
    legacyNote: currentOf(r).legacy ? `Legacy score: ${currentOf(r).legacy?.reason}` : '',
    lead: r.mitigationLeadName || '—',
    nextReviewDue: r.nextReviewDue ? formatIsoDateLong(r.nextReviewDue) : '—',
    overdue: isOverdue(r, today),
  });
  const byBand = RISK_BAND_IDS.slice()
    .reverse()
    .map((id) => ({
      ...(tag(id) as TagView),
      range: RISK_BANDS[id].range,
      action: RISK_BANDS[id].action,
      count: risks.filter((r) => currentOf(r).band === id).length,
      beforeCount: risks.filter((r) => beforeOf(r).band === id).length,
    }));
  // Each cell lists the references of the risks in it, so the board can find them in the register.
  const referenceOf = new Map(risks.map((r) => [r.id, r.reference]));
  const grid = (cells: typeof map.current, title: string) => ({
    title,
    rows: cells.map((cellsRow) => ({
      label: `${cellsRow[0].likelihood} ${LIKELIHOOD[cellsRow[0].likelihood as RiskRating]}`,
      cells: cellsRow.map((c) => ({
        count: c.count,
        refs: c.riskIds.map((id) => referenceOf.get(id) ?? '').filter(Boolean),
        band: RISK_BANDS[c.band].label,
        colour: RISK_BANDS[c.band].colour,
        textColour: RISK_BANDS[c.band].textColour,
      })),
    })),
  });
  const top = [...risks]
    .sort((a, b) => (currentOf(b).score ?? 0) - (currentOf(a).score ?? 0) || a.number - b.number)
    .slice(0, options.topRisks ?? 10);
  const overdue = risks.filter((r) => isOverdue(r, today)).sort((a, b) => String(a.nextReviewDue).localeCompare(String(b.nextReviewDue)));

  const sections: Array<Omit<SectionView, 'number' | 'id'>> = [
    {
      title: 'Summary',
      partial: 'riskSummary',
      data: { openCount: risks.length, overdueCount: overdue.length, byBand, unplaced: map.unplaced.current },
    },
    {
      title: 'Heat maps',
      partial: 'heatMaps',
      data: {
        impactLabels: ([1, 2, 3, 4, 5] as RiskRating[]).map((i) => `${i} ${IMPACT[i]}`),
        maps: [grid(map.current, 'Now (after mitigation)'), grid(map.before, 'Before mitigation')],
        withRefs: true,
      },
    },
    {
      title: 'Last board vs this board',
      partial: 'boardComparison',
      data: await lastBoardComparison(risks, today),
    },
    {
      title: 'Top risks',
      partial: 'riskTable',
      data: { intro: `The ${top.length} highest-scoring open risks, by their current score.`, rows: top.map(row), empty: 'There are no open risks.' },
    },
  ];
  if (options.changedSince) {
    const since = options.changedSince;
    const changes = await em.find(RiskScoreChange, { effectiveOn: { $gte: since } }, { orderBy: { effectiveOn: 'asc', createdAt: 'asc' } });
    const all = await em.find(Risk, {}, {});
    const byId = new Map(all.map((r) => [r.id, r]));
    const history = await em.find(
      RiskScoreChange,
      { riskId: { $in: [...new Set(changes.map((c) => c.riskId))] } },
      { orderBy: { effectiveOn: 'asc', createdAt: 'asc' } },
    );
    const events = changes.flatMap((c): RiskChangeEvent[] => {
      const r = byId.get(c.riskId);
      if (!r) return [];
      const earlier = history.filter(
        (h) => h.riskId === c.riskId && (h.effectiveOn < c.effectiveOn || (h.effectiveOn === c.effectiveOn && h.createdAt < c.createdAt)),
      );
      const prev = earlier[earlier.length - 1];
      const to = currentOf(c).score;
      const from = prev ? currentOf(prev).score : null;
      const change =
        c.source === 'registered' || c.source === 'imported'
          ? 'New risk'
          : c.source === 'closed'
            ? 'Closed'
            : c.source === 'reopened'
              ? 'Re-opened'
              : to === from
                ? 'Reviewed, no change'
                : (to ?? 0) < (from ?? 0)
                  ? 'Score down'
                  : 'Score up';
      return [{ riskId: r.id, reference: r.reference, description: r.description, on: c.effectiveOn, change, from, to }];
    });
    // One row per risk: its changes in words (a kind of change once, however often it happened), its score then and now.
    const rows = groupRiskChanges(events);
    sections.push({
      title: `Changes since ${formatIsoDateLong(since)}`,
      partial: 'riskChanges',
      data: {
        intro: `Every risk that changed since ${formatIsoDateLong(since)}, once each: new risks, reviews, score changes, closures and re-openings.`,
        rows,
        empty: 'Nothing has changed since then.',
      },
    });
  }
  sections.push(
    {
      title: 'Reviews overdue',
      partial: 'riskTable',
      data: {
        intro: overdue.length ? 'Open risks past their review date, oldest first.' : '',
        rows: overdue.map(row),
        empty: 'Every open risk has been reviewed on time.',
      },
    },
    { title: 'The register', partial: 'riskTable', data: { intro: 'All open risks.', rows: risks.map(row), empty: 'There are no open risks.' } },
  );
  return {
    sections,
    facts: [
      { label: 'Open risks', value: String(risks.length) },
      ...(options.changedSince ? [{ label: 'Changes since', value: formatIsoDateLong(options.changedSince) }] : []),
    ],
  };
}

/** The whole risk register report: the network's branding, a title page, and the sections above. */
export async function buildRiskRegisterDocument(request: ReportRequestOf<'risk_register'>, title: string): Promise<DocumentViewModel> {
  const { network, brand, today, todayLong } = await loadNetworkView();
  const inner = await riskRegisterSections(request.options, today);
  return documentViewModel(
    'risk_register',
    { network, brand, todayLong },
    { title, subtitle: `The risk register as at ${todayLong}`, facts: inner.facts, sections: inner.sections, coverSheet: null },
  );
}
