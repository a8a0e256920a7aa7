/** Test data for the peer review pages' specs (imported by specs only). */
import type {
  ReviewActivityDto,
  ReviewCycleDto,
  SessionMembership,
  SubmissionCountsDto,
  SubmissionDto,
  SubmissionSummaryDto,
} from '@plexus/contracts';

export const SLUG = 'east-mtn';
export const CYCLE_ID = '6f1c2b1e-1111-4111-8111-000000000001';
export const ORG_ONE = '6f1c2b1e-2222-4222-8222-000000000001';
export const ORG_TWO = '6f1c2b1e-2222-4222-8222-000000000002';
export const AT = '2026-01-01T10:00:00.000Z';

export const membership = (role: SessionMembership['role'], organisationId: string | null = null): SessionMembership => ({
  networkId: '6f1c2b1e-0000-4000-8000-000000000001',
  slug: SLUG,
  name: 'East Midlands Major Trauma Network',
  role,
  organisationId,
});

export const counts = (c: Partial<SubmissionCountsDto> = {}): SubmissionCountsDto => ({
  total: 0,
  awaited: 0,
  submitted: 0,
  accepted: 0,
  moreInformationRequested: 0,
  overdue: 0,
  ...c,
});

export const activity = (n: number, extra: Partial<ReviewActivityDto> = {}): ReviewActivityDto => ({
  id: `6f1c2b1e-3333-4333-8333-00000000000${n}`,
  cycleId: CYCLE_ID,
  fy: '2026/27',
  quarter: 1,
  kind: 'action_plan_update',
  title: `Activity ${n}`,
  description: '',
  dueDate: '2026-06-30',
  requiredDocuments: [],
  standardSetVersionId: null,
  meetingDate: null,
  organisation: null,
  panel: [],
  externalReviewers: [],
  submissions: null,
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});

const quarter = (fy: string, q: number) => {
  const y = Number(fy.slice(0, 4));
  const ranges = [
    [`${y}-04-01`, `${y}-06-30`],
    [`${y}-07-01`, `${y}-09-30`],
    [`${y}-10-01`, `${y}-12-31`],
    [`${y + 1}-01-01`, `${y + 1}-03-31`],
  ];
  return { fy, quarter: q, label: `Q${q} ${fy}`, start: ranges[q - 1][0], end: ranges[q - 1][1] };
};

export const cycle = (extra: Partial<ReviewCycleDto> = {}): ReviewCycleDto => ({
  id: CYCLE_ID,
  name: 'Peer Review Programme 2026/2028',
  firstFy: '2026/27',
  lastFy: '2027/28',
  status: 'active',
  reminderDays: [14, 3],
  organisationCount: 2,
  activityCount: 0,
  submissions: counts(),
  nextDue: null,
  createdAt: AT,
  updatedAt: AT,
  asOf: '2026-12-03',
  quarters: ['2026/27', '2027/28'].flatMap((fy) => [1, 2, 3, 4].map((q) => quarter(fy, q))),
  organisations: [
    { id: ORG_ONE, name: 'Riverside General Hospital', type: 'trauma_unit', submissions: counts() },
    { id: ORG_TWO, name: 'Kingsmead Hospital', type: 'trauma_unit', submissions: counts() },
  ],
  activities: [],
  can: { manage: true },
  ...extra,
});

export const summary = (n: number, extra: Partial<SubmissionSummaryDto> = {}): SubmissionSummaryDto => ({
  id: `6f1c2b1e-4444-4444-8444-00000000000${n}`,
  cycle: { id: CYCLE_ID, name: 'Peer Review Programme 2026/2028', status: 'active' },
  activity: { id: activity(1).id, title: 'Annual documents from each organisation', fy: '2026/27', quarter: 1 },
  organisation: { id: ORG_ONE, name: 'Riverside General Hospital' },
  documentName: `Document ${n}`,
  state: 'awaited',
  reason: '',
  dueDate: '2026-06-30',
  overdue: false,
  daysUntilDue: 10,
  submittedAt: null,
  submittedBy: null,
  reviewedAt: null,
  reviewedBy: null,
  latestFile: null,
  fileCount: 0,
  can: { upload: true, review: false },
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});

export const submission = (extra: Partial<SubmissionDto> = {}): SubmissionDto => ({
  ...summary(1),
  asOf: '2026-12-03',
  files: [],
  chasers: [],
  ...extra,
});

export function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
