import type { ReportKindValue } from '@plexus/contracts';
import { annualReportSample } from './annual-report/annual-report.sample';
import { buildAnnualReportDocument } from './annual-report/annual-report.view-model';
import { buildBoardPackDocument } from './board-pack/board-pack.view-model';
import { boardPackSample } from './board-pack/board-pack.sample';
import { buildBoardPaperDocument } from './board-paper/board-paper.view-model';
import { boardPaperSample } from './board-paper/board-paper.sample';
import { distributionRecordSample } from './distribution-record/distribution-record.sample';
import { buildDistributionRecordDocument } from './distribution-record/distribution-record.view-model';
import { peerReviewReportSample } from './peer-review-report/peer-review-report.sample';
import { buildPeerReviewReportDocument } from './peer-review-report/peer-review-report.view-model';
import { peerReviewSummarySample } from './peer-review-summary/peer-review-summary.sample';
import { buildPeerReviewSummaryDocument } from './peer-review-summary/peer-review-summary.view-model';
import { buildProgressDocument } from './progress/progress.view-model';
import { progressSample } from './progress/progress.sample';
import { buildRiskRegisterDocument } from './risk-register/risk-register.view-model';
import { riskRegisterSample } from './risk-register/risk-register.sample';
import type { DocumentViewModel, ReportRequest, ReportRequestOf } from './shared/view-model';

/** Bumped whenever a template changes what a document looks like; stored with every document. */
export const TEMPLATE_VERSION = '2026.12.5';

export interface DocumentKind<K extends ReportKindValue> {
  /** Builds the whole view model, reading the database inside the network's context. */
  buildViewModel: (request: ReportRequestOf<K>, title: string) => Promise<DocumentViewModel>;
  /** The kind's template, relative to the documents folder; it fills the shared layout. */
  template: string;
  /** A view model without a database: rendered once at start-up (a broken template stops the boot) and by the kind's spec. */
  sample: () => DocumentViewModel;
  /**
   * How many of the first pages the PDF finish reads for contents links (4 when not set). A board pack's papers keep
   * their own contents pages, anywhere in the pack: all of its pages are read.
   */
  contentsPages?: number;
}

/**
 * The catalogue of documents: every report kind the API accepts (`REPORT_KINDS`), with its view-model builder,
 * template and sample. A new kind is a folder under documents/ and one line here (the type makes a missing one an error).
 */
export const DOCUMENT_KINDS: { [K in ReportKindValue]: DocumentKind<K> } = {
  progress: { buildViewModel: buildProgressDocument, template: 'progress/progress.hbs', sample: () => progressSample() },
  risk_register: { buildViewModel: buildRiskRegisterDocument, template: 'risk-register/risk-register.hbs', sample: () => riskRegisterSample() },
  board_paper: {
    buildViewModel: buildBoardPaperDocument,
    template: 'board-paper/board-paper.hbs',
    sample: () => boardPaperSample(false, 'progress'),
  },
  annual_report: { buildViewModel: buildAnnualReportDocument, template: 'annual-report/annual-report.hbs', sample: () => annualReportSample() },
  distribution_record: {
    buildViewModel: buildDistributionRecordDocument,
    template: 'distribution-record/distribution-record.hbs',
    sample: () => distributionRecordSample(),
  },
  peer_review_report: {
    buildViewModel: buildPeerReviewReportDocument,
    template: 'peer-review-report/peer-review-report.hbs',
    sample: () => peerReviewReportSample(),
  },
  peer_review_summary: {
    buildViewModel: buildPeerReviewSummaryDocument,
    template: 'peer-review-summary/peer-review-summary.hbs',
    sample: () => peerReviewSummarySample(),
  },
  board_pack: {
    buildViewModel: buildBoardPackDocument,
    template: 'board-pack/board-pack.hbs',
    sample: () => boardPackSample(),
    contentsPages: Number.POSITIVE_INFINITY,
  },
};

/** Builds the view model of a requested document with its kind's builder (inside the network's context). */
export function buildDocument(request: ReportRequest, title: string): Promise<DocumentViewModel> {
  const build = DOCUMENT_KINDS[request.kind].buildViewModel as (request: ReportRequest, title: string) => Promise<DocumentViewModel>;
  return build(request, title);
}
