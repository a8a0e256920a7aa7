import { PAPER_PURPOSE_LABELS, PAPER_PURPOSES, REPORT_KIND_LABELS, type boardPaperCoverSchema } from '@plexus/contracts';
import { formatIsoDateLong } from '@plexus/domain';
import { RequestScopes, Risk, currentOf } from '@plexus/server';
import type { z } from 'zod';
import { annualReportSections } from '../annual-report/annual-report.view-model';
import { peerReviewReportSections } from '../peer-review-report/peer-review-report.view-model';
import { peerReviewSummarySections } from '../peer-review-summary/peer-review-summary.view-model';
import { progressSections } from '../progress/progress.view-model';
import { riskRegisterSections } from '../risk-register/risk-register.view-model';
import { loadNetworkView } from '../shared/network-view';
import { documentViewModel, type DocumentBody, type DocumentViewModel, type ReportRequestOf } from '../shared/view-model';

type Cover = z.output<typeof boardPaperCoverSchema>;
type Body = NonNullable<ReportRequestOf<'board_paper'>['body']>;

/**
 * The report a board paper carries after its cover sheet: the sections of a progress, risk register, annual report,
 * peer review report or peer review programme summary.
 */
async function body(request: Body, today: string): Promise<DocumentBody> {
  switch (request.kind) {
    case 'progress':
      return progressSections(request.options, today);
    case 'annual_report':
      return annualReportSections(request.options);
    case 'peer_review_report':
      return peerReviewReportSections(request.options, today);
    case 'peer_review_summary':
      return peerReviewSummarySections(request.options, today);
    case 'risk_register':
      return riskRegisterSections(request.options, today);
  }
}

const ASKED: Record<(typeof PAPER_PURPOSES)[number], string> = {
  decision: 'approve the recommendations of this paper',
  discussion: 'discuss this paper and its implications',
  assurance: 'take assurance from this paper',
  noting: 'note this paper',
};

/** The recommendation as written, or else what the paper's purposes ask of the board, in one sentence. */
export function recommendationText(recommendation: string, purposes: ReadonlyArray<(typeof PAPER_PURPOSES)[number]>): string {
  if (recommendation.trim()) return recommendation.trim();
  const asks = PAPER_PURPOSES.filter((p) => purposes.includes(p)).map((p) => ASKED[p]);
  if (!asks.length) return 'The board is asked to note this paper.';
  const list = asks.length === 1 ? asks[0] : `${asks.slice(0, -1).join(', ')} and ${asks[asks.length - 1]}`;
  return `The board is asked to ${list}.`;
}

/** The report a paper carries, named on its cover sheet with its facts (for a progress report: the plan, its period and approval). */
export function carriedReport(kind: Body['kind'] | null, facts: Array<{ label: string; value: string }>) {
  return kind ? { title: REPORT_KIND_LABELS[kind], facts } : null;
}

/** The cover sheet of seed 004: meeting, purposes, previous consideration, summary, recommendation, questions, priorities, risks. */
async function coverSheet(cover: Cover): Promise<{ meta: Array<{ label: string; value: string }>; data: Record<string, unknown> }> {
  const risks = cover.riskReferences.length ? await RequestScopes.em().find(Risk, { reference: { $in: cover.riskReferences } }) : [];
  return {
    meta: [
      { label: 'Meeting', value: `${cover.meeting}, ${formatIsoDateLong(cover.meetingDate)}` },
      ...(cover.paperReference ? [{ label: 'Paper', value: cover.paperReference }] : []),
      { label: 'Author', value: cover.author },
    ],
    data: {
      purposes: PAPER_PURPOSES.map((p) => {
        const [label, description] = PAPER_PURPOSE_LABELS[p].split(' — ');
        return { label, description, selected: cover.purposes.includes(p) };
      }),
      previous: cover.previousConsideration,
      executiveSummary: cover.executiveSummary,
      recommendation: recommendationText(cover.recommendation, cover.purposes),
      questions: cover.questions,
      priorities: cover.priorities.map((p) => ({
        priority: p.priority,
        link: p.link === 'not_applicable' ? 'Not applicable' : p.link === 'yes' ? 'Yes' : 'No',
      })),
      equalityImpact: cover.equalityImpact || 'Not stated',
      publicInvolvement: cover.publicInvolvement || 'Not stated',
      risks: cover.riskReferences.map((ref) => {
        const r = risks.find((x) => x.reference === ref);
        return { reference: ref, description: r?.description ?? 'not found', score: r ? `score ${currentOf(r).score ?? '–'}` : '' };
      }),
      nextPaperDate: cover.nextPaperDate || 'TBC',
    },
  };
}

/** A board paper: its cover sheet, then (optionally) one of the reports above, read inside the network's context. */
export async function buildBoardPaperDocument(request: ReportRequestOf<'board_paper'>, title: string): Promise<DocumentViewModel> {
  const { network, brand, today, todayLong } = await loadNetworkView();
  const inner = request.body ? await body(request.body, today) : { sections: [], facts: [] };
  const sheet = await coverSheet(request.cover);
  sheet.data['report'] = carriedReport(request.body?.kind ?? null, inner.facts);
  const subtitle = `${request.cover.meeting}, ${formatIsoDateLong(request.cover.meetingDate)}${request.cover.paperReference ? ` · ${request.cover.paperReference}` : ''}`;
  return documentViewModel(
    'board_paper',
    { network, brand, todayLong },
    { title, subtitle, facts: [{ label: 'Author', value: request.cover.author }, ...inner.facts], sections: inner.sections, coverSheet: sheet },
  );
}
