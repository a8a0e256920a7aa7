import { progressSetsStatus } from '../rag';
import {
  actionRag,
  canRaiseToRiskRegister,
  contributorMaySeeReport,
  FINDING_CLASSIFICATION_LABELS,
  FINDING_CLASSIFICATIONS,
  findingRank,
  isActionOpen,
  isReportEditable,
  orderFindings,
  reportTransitionProblem,
} from './index';

describe('peer review findings', () => {
  it('classifies by the trauma peer review convention, immediate risks first', () => {
    expect(FINDING_CLASSIFICATIONS.map((c) => FINDING_CLASSIFICATION_LABELS[c])).toEqual([
      'Immediate risk',
      'Serious concern',
      'Concern',
      'Good practice',
    ]);
    expect(findingRank('immediate_risk')).toBe(0);
    expect(findingRank('good_practice')).toBe(3);
    expect(() => findingRank('worry' as never)).toThrow(RangeError);
  });

  it('orders a report’s findings by class, then as added', () => {
    const findings = [
      { id: 'a', classification: 'good_practice', position: 1 },
      { id: 'b', classification: 'concern', position: 2 },
      { id: 'c', classification: 'immediate_risk', position: 3 },
      { id: 'd', classification: 'concern', position: 4 },
      { id: 'e', classification: 'serious_concern', position: 5 },
    ] as const;
    expect(orderFindings(findings).map((f) => f.id)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });

  it('raises only an immediate risk to the risk register', () => {
    expect(FINDING_CLASSIFICATIONS.filter(canRaiseToRiskRegister)).toEqual(['immediate_risk']);
  });
});

describe('the review report’s states', () => {
  it('goes draft → agreed → issued, and agreed may go back to draft', () => {
    expect(reportTransitionProblem('draft', 'agree')).toBeNull();
    expect(reportTransitionProblem('agreed', 'issue')).toBeNull();
    expect(reportTransitionProblem('agreed', 'reopen')).toBeNull();
    expect(reportTransitionProblem('draft', 'issue')).toMatch(/Agree the report/);
    expect(reportTransitionProblem('agreed', 'agree')).toMatch(/already been agreed/);
    expect(reportTransitionProblem('draft', 'reopen')).toMatch(/Only an agreed report/);
  });

  it('is read-only once issued, and changed only as a draft', () => {
    for (const t of ['agree', 'reopen', 'issue'] as const) expect(reportTransitionProblem('issued', t)).toMatch(/issued/);
    expect([isReportEditable('draft'), isReportEditable('agreed'), isReportEditable('issued')]).toEqual([true, false, false]);
  });

  it('shows a contributor their organisation’s review only once issued', () => {
    expect([contributorMaySeeReport('draft'), contributorMaySeeReport('agreed'), contributorMaySeeReport('issued')]).toEqual([false, false, true]);
  });
});

describe('the action plan: the work plan’s progress rules', () => {
  it('keeps every action but a complete one open (deferred carries forward)', () => {
    expect(isActionOpen('complete')).toBe(false);
    for (const s of ['not_started', 'on_track', 'at_risk', 'off_track', 'deferred'] as const) expect(isActionOpen(s)).toBe(true);
  });

  it('colours an action as a work item: past its due date and not complete is at least Amber', () => {
    expect(actionRag('on_track', '2025-06-30', '2025-06-30').rag).toBe('green');
    expect(actionRag('on_track', '2025-06-30', '2025-07-01')).toMatchObject({ rag: 'amber', escalated: true, daysLate: 1 });
    expect(actionRag('complete', '2025-06-30', '2026-01-01').rag).toBe('blue');
    expect(actionRag('at_risk', null, '2026-01-01').rag).toBe('amber');
  });

  it('lets the latest update by date set the status (shared with work items)', () => {
    expect(progressSetsStatus(null, '2025-01-01')).toBe(true);
    expect(progressSetsStatus('2025-01-01', '2025-01-01')).toBe(true);
    expect(progressSetsStatus('2025-01-02', '2025-01-01')).toBe(false);
  });
});
