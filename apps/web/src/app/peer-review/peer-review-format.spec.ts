import { collapseListErrors, financialYearChoices, nextFinancialYear, parseReminderDays } from './cycles/cycle-form';
import { counts } from './peer-review.testing';
import { countsSummary, dueText, formatBytes, formatDay, submissionStateTag } from './peer-review-format';

describe('peer review wording', () => {
  it('says how long is left, or how late it is', () => {
    expect([10, 2, 1, 0, -1, -12].map(dueText)).toEqual([
      'Due in 10 days',
      'Due in 2 days',
      'Due tomorrow',
      'Due today',
      '1 day overdue',
      '12 days overdue',
    ]);
    expect(formatDay('2026-06-30')).toBe('30 June 2026');
  });

  it('sums up the states of a set of submissions', () => {
    expect(countsSummary(counts())).toBe('No submissions');
    expect(countsSummary(counts({ total: 12, accepted: 4, submitted: 3, moreInformationRequested: 2, awaited: 3, overdue: 2 }))).toBe(
      '4 of 12 accepted, 3 submitted, 2 more information requested, 3 awaited (2 overdue)',
    );
  });

  it('tags what is overdue in red, whatever its state', () => {
    expect(submissionStateTag('awaited', true)).toEqual({ text: 'Awaited – overdue', tagClass: 'nhsuk-tag--red' });
    expect(submissionStateTag('accepted').tagClass).toBe('nhsuk-tag--green');
    expect(submissionStateTag('more_information_requested').text).toBe('More information requested');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB');
  });

  it('reads the cycle form: reminder days, financial years, errors on list entries shown on the list', () => {
    expect(parseReminderDays('14, 3')).toEqual([14, 3]);
    expect(parseReminderDays(' ')).toEqual([]);
    expect(parseReminderDays('14, two')[1]).toBeNaN();
    expect(financialYearChoices('2026-12-03')).toEqual(['2024/25', '2025/26', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31']);
    expect(financialYearChoices('2026-03-31')[2]).toBe('2025/26');
    expect(nextFinancialYear('2099/00')).toBe('2100/01');
    expect(
      collapseListErrors({ 'organisationIds.1': 'Not one of ours', name: 'Enter a name', 'organisationIds.3': 'Also' }, ['organisationIds']),
    ).toEqual({
      organisationIds: 'Not one of ours',
      name: 'Enter a name',
    });
  });
});
