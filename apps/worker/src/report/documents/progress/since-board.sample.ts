import type { RiskScoreEvent, WorkItemHistory } from '@plexus/domain';
import type { SinceBoardInput } from './since-board.view-model';

const history = (id: string, over: Partial<WorkItemHistory>): WorkItemHistory => ({
  id,
  createdOn: '2025-04-01',
  timescaleText: 'Q4 2025/26',
  progress: [],
  timescaleChanges: [],
  ...over,
});

const ev = (riskId: string, effectiveOn: string, source: RiskScoreEvent['source'], l: number, i: number): RiskScoreEvent => ({
  riskId,
  effectiveOn,
  source,
  likelihoodAfter: l,
  impactAfter: i,
  legacyScoreAfter: null,
});

/**
 * A plan and register with history across two boards (12 June and 11 September 2025): one item of each kind of change
 * and a risk of each movement, for the spec and the PDF checks.
 */
export function sinceBoardSampleInput(): SinceBoardInput {
  const since = { id: 'm-jun', meetingDate: '2025-06-12', title: 'Network Board' };
  const to = { id: 'm-sep', meetingDate: '2025-09-11', title: 'Network Board' };
  return {
    choice: { kind: 'pair', since, to, toDate: to.meetingDate, toIsUpcoming: false },
    today: '2025-10-01',
    planPeriodStart: '2025-04-01',
    items: [
      {
        id: 'i1',
        ref: '1.1',
        work: 'Agree the rehabilitation prescription with every trust & unit <all>',
        history: history('i1', {
          progress: [
            { onDate: '2025-05-01', status: 'on_track' },
            { onDate: '2025-08-04', status: 'at_risk' },
          ],
        }),
      },
      {
        id: 'i2',
        ref: '1.2',
        work: 'Publish the network’s trauma audit dashboard',
        history: history('i2', {
          progress: [
            { onDate: '2025-05-01', status: 'on_track' },
            { onDate: '2025-07-21', status: 'complete' },
          ],
        }),
      },
      {
        id: 'i3',
        ref: '2.1',
        work: 'Recruit two rehabilitation coordinators',
        history: history('i3', {
          progress: [{ onDate: '2025-05-01', status: 'on_track' }],
          timescaleChanges: [{ on: '2025-08-20', from: 'Q2 2025/26', to: 'Q4 2025/26' }],
        }),
      },
      {
        id: 'i4',
        ref: '2.2',
        work: 'Run the major incident exercise with the ambulance service',
        history: history('i4', { timescaleText: 'Q1 2025/26', progress: [{ onDate: '2025-05-01', status: 'on_track' }] }),
      },
      {
        id: 'i5',
        ref: '3.1',
        work: 'Set up the network’s patient panel',
        history: history('i5', { createdOn: '2025-07-10', timescaleText: 'Q3 2025/26', progress: [{ onDate: '2025-07-10', status: 'not_started' }] }),
      },
    ],
    risks: [
      { id: 'r1', reference: 'MT/01', description: 'Too few rehabilitation beds for patients ready to leave the major trauma centre' },
      { id: 'r2', reference: 'MT/02', description: 'Loss of the trauma audit analyst post' },
      { id: 'r3', reference: 'MT/03', description: 'Helicopter landing pad closed for resurfacing' },
      { id: 'r4', reference: 'MT/04', description: 'Winter pressures delay repatriation' },
    ],
    riskEvents: [
      ev('r1', '2025-01-10', 'registered', 3, 4),
      ev('r1', '2025-08-01', 'reviewed', 4, 4),
      ev('r2', '2025-02-10', 'registered', 4, 3),
      ev('r2', '2025-07-15', 'reviewed', 2, 3),
      ev('r3', '2025-03-10', 'registered', 2, 5),
      ev('r3', '2025-09-01', 'closed', 1, 5),
      ev('r4', '2025-08-15', 'registered', 4, 4),
    ],
  };
}
