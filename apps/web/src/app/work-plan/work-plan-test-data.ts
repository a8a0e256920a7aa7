import type { SessionMembership, WorkItemDto, WorkItemSummaryDto, WorkPlanCountsDto, WorkPlanDto } from '@plexus/contracts';
import type { MembershipRole } from '@plexus/domain';

/** Test data for the work-plan components' specs. */
export const NETWORK = 'east-midlands-mtn';

export function membership(role: MembershipRole): SessionMembership {
  return { networkId: '6f1c2b1e-0000-4000-8000-000000000001', slug: NETWORK, name: 'East Midlands Major Trauma Network', role, organisationId: null };
}

export function counts(overrides: Partial<WorkPlanCountsDto> = {}): WorkPlanCountsDto {
  return { items: 1, rag: { blue: 0, green: 0, amber: 1, red: 0, grey: 0 }, worst: 'amber', slipped: 1, flagged: 0, complete: 0, ...overrides };
}

export function summary(overrides: Partial<WorkItemSummaryDto> = {}): WorkItemSummaryDto {
  return {
    id: 'item-1',
    planId: 'plan-1',
    themeId: 'theme-1',
    objectiveId: null,
    ref: '1.1',
    work: 'Develop and monitor any Network information systems (e.g. dashboard)',
    measures: ['Development of Dashboards'],
    steps: [],
    leads: [{ id: 'lead-1', userId: 'u-ravi', name: 'Ravi Kumar', title: 'Network Medical Lead', label: 'Network Medical Lead (Ravi Kumar)' }],
    timescale: {
      text: 'Q2 2024/25',
      label: 'Q2 2024/25',
      kind: 'range',
      start: '2024-07-01',
      end: '2024-09-30',
      due: '2024-09-30',
      flag: null,
      milestones: [],
      original: { text: 'Q4 2023/24', due: '2024-03-31' },
    },
    dueQuarter: { key: '2024-Q2', label: 'Q2 2024/25' },
    status: 'on_track',
    statusOn: '2024-09-01',
    rag: 'amber',
    ragReason: 'Overdue: its target of 30 September 2024 passed 10 days ago and it is not complete, so it shows as Amber, not Green',
    late: { slipped: true, daysLate: 10 },
    targetMoved: { moved: true, days: 183 },
    slipped: true,
    latestUpdate: { on: '2024-09-01', status: 'on_track', narrative: 'Dashboard in test', author: 'Ravi Kumar' },
    canProgress: true,
    carriedFrom: null,
    version: 2,
    ...overrides,
  };
}

export function item(overrides: Partial<WorkItemDto> = {}): WorkItemDto {
  return {
    ...summary(),
    theme: { id: 'theme-1', title: 'Function 1 – Service Delivery' },
    objective: null,
    plan: { id: 'plan-1', title: 'Objectives and Work Plan 2023–25' },
    planStatus: 'approved',
    history: [
      {
        kind: 'progress',
        id: 'p-1',
        on: '2024-09-01',
        at: '2024-09-01T10:00:00Z',
        status: 'on_track',
        narrative: 'Dashboard in test',
        author: 'Ravi Kumar',
      },
      {
        kind: 'change',
        id: 'c-1',
        at: '2024-04-18T10:00:00Z',
        action: 'update',
        changes: { timescale: { from: 'Q4 2023/24', to: 'Q2 2024/25' } },
        reason: 'Data-sharing agreement signed late',
        author: 'Priya Shah',
      },
    ],
    can: { edit: false, progress: true },
    asOf: '2024-10-10',
    ...overrides,
  };
}

export function plan(overrides: Partial<WorkPlanDto> = {}): WorkPlanDto {
  return {
    id: 'plan-1',
    title: 'Objectives and Work Plan 2023–25',
    periodStart: '2023-04-01',
    periodEnd: '2025-03-31',
    status: 'draft',
    approvedOn: null,
    approvedBy: null,
    approvalNote: '',
    rolledFrom: null,
    rolledInto: null,
    version: 1,
    asOf: '2024-10-10',
    counts: counts(),
    themes: [
      {
        id: 'theme-1',
        title: 'Function 1 – Service Delivery',
        description: 'Plan and Manage Capacity & Demand',
        counts: counts(),
        items: [summary()],
        objectives: [],
      },
    ],
    can: { edit: true, progress: true },
    ...overrides,
  };
}
