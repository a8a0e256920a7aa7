/** Test data for the review and action plan pages' specs (imported by specs only). */
import type { ReviewActionSummaryDto, ReviewFindingDto, ReviewReportDto, ReviewReportListDto } from '@plexus/contracts';
import { AT, CYCLE_ID, ORG_ONE, ORG_TWO } from '../peer-review.testing';

export const REVIEW_ID = '6f1c2b1e-7777-4777-8777-000000000001';
export const RISK_ID = '6f1c2b1e-9999-4999-8999-000000000001';

export const finding = (n: number, extra: Partial<ReviewFindingDto> = {}): ReviewFindingDto => ({
  id: `6f1c2b1e-8888-4888-8888-00000000000${n}`,
  position: n,
  classification: 'concern',
  classificationLabel: 'Concern',
  criterion: null,
  theme: `Theme ${n}`,
  text: `Finding ${n}`,
  recommendations: [],
  risk: null,
  can: { edit: true, raiseRisk: false },
  ...extra,
});

export const report = (extra: Partial<ReviewReportDto> = {}): ReviewReportDto => ({
  id: REVIEW_ID,
  cycle: { id: CYCLE_ID, name: 'Peer Review Programme 2026/2028' },
  organisation: { id: ORG_ONE, name: 'Riverside General Hospital' },
  meeting: null,
  state: 'draft',
  stateLabel: 'Draft',
  agreedWith: '',
  agreedAt: null,
  agreedBy: null,
  issuedAt: null,
  issuedBy: null,
  counts: { immediate_risk: 0, serious_concern: 0, concern: 0, good_practice: 0 },
  createdAt: AT,
  updatedAt: AT,
  summary: '',
  findings: [],
  can: { edit: true, agree: true, reopen: false, issue: false, delete: true },
  ...extra,
});

export const reviewList = (withReport: ReviewReportDto | null, manage = true): ReviewReportListDto => {
  // The list carries each report without its summary, findings and permissions.
  const rest = withReport
    ? (Object.fromEntries(
        Object.entries(withReport).filter(([k]) => !['summary', 'findings', 'can'].includes(k)),
      ) as ReviewReportListDto['organisations'][number]['report'])
    : null;
  return {
    organisations: [
      { id: ORG_ONE, name: 'Riverside General Hospital', report: rest },
      { id: ORG_TWO, name: 'Kingsmead Hospital', report: null },
    ],
    can: { manage },
  };
};

export const action = (n: number, extra: Partial<ReviewActionSummaryDto> = {}): ReviewActionSummaryDto => ({
  id: `6f1c2b1e-aaaa-4aaa-8aaa-00000000000${n}`,
  cycle: { id: CYCLE_ID, name: 'Peer Review Programme 2026/2028' },
  organisation: { id: ORG_ONE, name: 'Riverside General Hospital' },
  description: `Action ${n}`,
  owner: { userId: null, name: 'Mr B. Smith' },
  dueDate: '2027-03-31',
  status: 'not_started',
  statusLabel: 'Not started',
  statusOn: null,
  rag: 'grey',
  ragText: 'Grey – Not started',
  ragReason: null,
  open: true,
  overdue: false,
  latestUpdate: null,
  source: { recommendation: null, criterion: null, origin: null },
  carriedForwardTo: [],
  can: { edit: true, progress: true },
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});
