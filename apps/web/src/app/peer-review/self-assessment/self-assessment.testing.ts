/** Test data for the self-assessment pages' specs (imported by specs only). */
import type { ComplianceDto, ComplianceSummaryDto, SelfAssessmentDto, SelfAssessmentSummaryDto } from '@plexus/contracts';
import { AT, CYCLE_ID, ORG_ONE, ORG_TWO } from '../peer-review.testing';

export const SA_ID = '6f1c2b1e-7777-4777-8777-000000000001';
export const SA_ACTIVITY = '6f1c2b1e-3333-4333-8333-000000000009';
export const SECTION_ONE = '6f1c2b1e-8888-4888-8888-000000000001';
export const SECTION_TWO = '6f1c2b1e-8888-4888-8888-000000000002';
export const C1 = '6f1c2b1e-9999-4999-8999-000000000001';
export const C2 = '6f1c2b1e-9999-4999-8999-000000000002';
export const C3 = '6f1c2b1e-9999-4999-8999-000000000003';

export const compliance = (c: Partial<ComplianceDto> = {}): ComplianceDto => ({
  met: 0,
  partiallyMet: 0,
  notMet: 0,
  notApplicable: 0,
  unanswered: 3,
  applicable: 3,
  percent: 0,
  text: '0 of 3 applicable measures met (0%)',
  ...c,
});

const VERSION = {
  id: '6f1c2b1e-6666-4666-8666-000000000001',
  setId: '6f1c2b1e-6666-4666-8666-000000000002',
  code: 'EMMTN-AT',
  name: 'Network assessment tool',
  version: 1,
  national: false,
};

export const saSummary = (extra: Partial<SelfAssessmentSummaryDto> = {}): SelfAssessmentSummaryDto => ({
  id: SA_ID,
  cycle: { id: CYCLE_ID, name: 'Peer Review Programme 2026/2028', status: 'active' },
  activity: { id: SA_ACTIVITY, title: 'Self-assessment against network standards', fy: '2026/27', quarter: 2, dueDate: '2026-09-30' },
  organisation: { id: ORG_ONE, name: 'Riverside General Hospital', type: 'trauma_unit' },
  state: 'draft',
  standardSetVersion: VERSION,
  answered: 1,
  applicable: 3,
  carriedForward: 0,
  progressText: '1 of 3 answered',
  compliance: compliance({ met: 1, unanswered: 2, percent: 33, text: '1 of 3 applicable measures met (33%)' }),
  overdue: false,
  submittedAt: null,
  submittedBy: null,
  updatedAt: AT,
  ...extra,
});

const answer = (rating: string | null, extra: Partial<NonNullable<SelfAssessmentDto['sections'][number]['criteria'][number]['answer']>> = {}) => ({
  rating: rating as 'green',
  evidence: '',
  gaps: '',
  comments: '',
  carriedForward: false,
  answeredBy: { userId: null, name: 'Owen Price' },
  answeredAt: AT,
  ...extra,
});

export const selfAssessment = (extra: Partial<SelfAssessmentDto> = {}): SelfAssessmentDto => ({
  ...saSummary(),
  id: SA_ID,
  scale: {
    id: 'rag',
    label: 'Red / Amber / Green',
    answers: [
      { value: 'green', label: 'Green', letter: 'G', meaning: 'Met' },
      { value: 'amber', label: 'Amber', letter: 'A', meaning: 'Partly met' },
      { value: 'red', label: 'Red', letter: 'R', meaning: 'Not met' },
    ],
  },
  carriedFrom: null,
  sections: [
    {
      id: SECTION_ONE,
      number: '1',
      title: 'Access',
      compliance: compliance({ met: 1, unanswered: 1, applicable: 2, percent: 50, text: '1 of 2 applicable measures met (50%)' }),
      criteria: [
        {
          id: C1,
          number: '1.1',
          text: 'Clinic waits are known',
          evidenceExpected: 'Waiting times by hospital',
          answer: answer('green', { evidence: 'Monthly report' }),
          files: [],
          actions: [],
        },
        { id: C2, number: '1.2', text: 'Theatre time every day', evidenceExpected: '', answer: null, files: [], actions: [] },
      ],
    },
    {
      id: SECTION_TWO,
      number: '2',
      title: 'Transfers',
      compliance: compliance({ unanswered: 1, applicable: 1, text: '0 of 1 applicable measure met (0%)' }),
      criteria: [{ id: C3, number: '2.1', text: 'Electronic referrals', evidenceExpected: '', answer: null, files: [], actions: [] }],
    },
  ],
  reopenedAt: null,
  can: { edit: true, submit: true, reopen: false, addAction: false },
  ...extra,
});

export { answer as saAnswer };

export const complianceSummary = (): ComplianceSummaryDto => ({
  asOf: '2026-12-03',
  cycle: { id: CYCLE_ID, name: 'Peer Review Programme 2026/2028', status: 'active' },
  activity: saSummary().activity,
  standardSetVersion: VERSION,
  scale: selfAssessment().scale,
  sections: [
    { id: SECTION_ONE, number: '1', title: 'Access' },
    { id: SECTION_TWO, number: '2', title: 'Transfers' },
  ],
  organisations: [
    {
      organisation: { id: ORG_ONE, name: 'Riverside General Hospital', type: 'trauma_unit' },
      selfAssessmentId: SA_ID,
      state: 'submitted',
      overall: compliance({ met: 3, unanswered: 0, applicable: 4, percent: 75, text: '3 of 4 applicable measures met (75%)' }),
      sections: [
        { sectionId: SECTION_ONE, compliance: compliance({ met: 2, unanswered: 0, applicable: 2, percent: 100, text: '2 of 2' }) },
        { sectionId: SECTION_TWO, compliance: compliance({ met: 1, unanswered: 0, applicable: 2, percent: 50, text: '1 of 2' }) },
      ],
    },
    {
      organisation: { id: ORG_TWO, name: 'Eastern Counties Ambulance Service', type: 'ambulance_service' },
      selfAssessmentId: null,
      state: 'not_started',
      overall: compliance({ applicable: 1, unanswered: 1, text: '0 of 1 applicable measure met (0%)' }),
      sections: [
        { sectionId: SECTION_ONE, compliance: compliance({ applicable: 0, unanswered: 0, percent: null, text: 'No applicable measures' }) },
        { sectionId: SECTION_TWO, compliance: compliance({ applicable: 1, unanswered: 1, text: '0 of 1' }) },
      ],
    },
  ],
  overall: compliance({ met: 3, unanswered: 1, applicable: 5, percent: 60, text: '3 of 5 applicable measures met (60%)' }),
});
