import {
  cycleRange,
  cycleYears,
  dueChaserStep,
  informationRequestStep,
  isSubmissionOpen,
  isSubmissionOverdue,
  isWithinCycle,
  noticeStepLabel,
  normaliseReminderDays,
  parseFinancialYearLabel,
  planFromTemplate,
  PROGRAMME_TEMPLATE,
  quarterDueDate,
  reminderDate,
} from './index';

describe('peer review cycles: financial years and due dates', () => {
  it('reads financial years written as NHS financial years, and nothing else', () => {
    expect(parseFinancialYearLabel('2024/25')).toBe(2024);
    expect(parseFinancialYearLabel('1999/00')).toBe(1999);
    expect(parseFinancialYearLabel('2099/00')).toBe(2099);
    for (const bad of ['2024/26', '2024-25', '24/25', '2024/2025', ' 2024/25', '1989/90', '2100/01', '']) {
      expect({ bad, start: parseFinancialYearLabel(bad) }).toEqual({ bad, start: null });
    }
  });

  it('puts each quarter’s due date on its last day (Q1 30 June … Q4 31 March of the next calendar year)', () => {
    expect([1, 2, 3, 4].map((q) => quarterDueDate(2024, q as 1 | 2 | 3 | 4))).toEqual(['2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31']);
    // A leap year's Q4 still ends on 31 March.
    expect(quarterDueDate(2027, 4)).toBe('2028-03-31');
  });

  it('knows a cycle’s years and the days it covers', () => {
    expect(cycleYears(2024, 2025)).toEqual([2024, 2025]);
    expect(cycleRange(2024, 2025)).toEqual({ start: '2024-04-01', end: '2026-03-31' });
    expect(isWithinCycle('2024-04-01', 2024, 2025)).toBe(true);
    expect(isWithinCycle('2026-03-31', 2024, 2025)).toBe(true);
    expect(isWithinCycle('2024-03-31', 2024, 2025)).toBe(false);
    expect(isWithinCycle('2026-04-01', 2024, 2025)).toBe(false);
  });

  it('flags an open submission overdue from the day after its due date, and never one that is in or accepted', () => {
    expect(isSubmissionOverdue('awaited', '2025-06-30', '2025-06-30')).toBe(false);
    expect(isSubmissionOverdue('awaited', '2025-06-30', '2025-07-01')).toBe(true);
    expect(isSubmissionOverdue('more_information_requested', '2025-06-30', '2025-07-01')).toBe(true);
    expect(isSubmissionOverdue('submitted', '2025-06-30', '2025-09-01')).toBe(false);
    expect(isSubmissionOverdue('accepted', '2025-06-30', '2025-09-01')).toBe(false);
    expect(['awaited', 'submitted', 'accepted', 'more_information_requested'].filter((s) => isSubmissionOpen(s as never))).toEqual([
      'awaited',
      'more_information_requested',
    ]);
  });
});

describe('chasers: which step is due on a day', () => {
  const due = '2025-06-30';

  it('sends nothing until 14 days before, then the 14-day reminder, the 3-day reminder, and overdue after the date', () => {
    expect(dueChaserStep(due, '2025-06-15')).toBeNull();
    expect(reminderDate(due, 14)).toBe('2025-06-16');
    expect(dueChaserStep(due, '2025-06-16')).toBe('before-14d');
    expect(dueChaserStep(due, '2025-06-26')).toBe('before-14d');
    expect(dueChaserStep(due, '2025-06-27')).toBe('before-3d');
    expect(dueChaserStep(due, '2025-06-30')).toBe('before-3d');
    expect(dueChaserStep(due, '2025-07-01')).toBe('overdue');
    expect(dueChaserStep(due, '2026-01-01')).toBe('overdue');
  });

  it('sends only the latest step reached: a submission added two days before its date is not also told "14 days"', () => {
    expect(dueChaserStep(due, '2025-06-28', [14, 3])).toBe('before-3d');
    expect(dueChaserStep(due, '2025-06-28', [3, 14])).toBe('before-3d');
  });

  it('follows a cycle’s own reminder days', () => {
    expect(dueChaserStep(due, '2025-06-01', [30, 7, 1])).toBe('before-30d');
    expect(dueChaserStep(due, '2025-06-29', [30, 7, 1])).toBe('before-1d');
    expect(dueChaserStep(due, '2025-06-29', [])).toBeNull();
    expect(dueChaserStep(due, '2025-07-01', [])).toBe('overdue');
    expect(normaliseReminderDays([3, 14, 3])).toEqual([14, 3]);
  });

  it('counts calendar days across the change to British Summer Time', () => {
    // BST starts on Sunday 29 March 2026: 14 days before 10 April is still 27 March.
    expect(reminderDate('2026-04-10', 14)).toBe('2026-03-27');
    expect(dueChaserStep('2026-04-10', '2026-03-27')).toBe('before-14d');
    expect(dueChaserStep('2026-04-10', '2026-03-26')).toBeNull();
  });
});

describe('the two-year programme template (seed 002)', () => {
  const plan = planFromTemplate(2024);

  it('reproduces seed 002’s quarters: year 1 documents, self-assessment and panel notice, review meetings, reports; year 2 documents, review, follow-ups', () => {
    const shape = plan.filter((a) => a.kind !== 'action_plan_update').map((a) => `${a.fy} Q${a.quarter} ${a.kind}: ${a.title} (due ${a.dueDate})`);
    expect(shape).toEqual([
      '2024/25 Q1 submission: Annual documents from each organisation (due 2024-06-30)',
      '2024/25 Q2 self_assessment: Self-assessment against national and network standards (due 2024-09-30)',
      '2024/25 Q2 report: Advance notice of the peer review panels (due 2024-09-30)',
      '2024/25 Q3 review_meeting: Formal peer review meetings (due 2024-12-31)',
      '2024/25 Q4 report: Formal peer review reports issued (due 2025-03-31)',
      '2025/26 Q1 submission: Annual documents from each organisation (due 2025-06-30)',
      '2025/26 Q2 review_meeting: Review of the documents received (due 2025-09-30)',
      '2025/26 Q3 review_meeting: Follow-up review meetings agreed (due 2025-12-31)',
      '2025/26 Q4 review_meeting: Informal review meetings with each organisation (due 2026-03-31)',
    ]);
  });

  it('has the clinical leads’ action plan update in every quarter of both years', () => {
    const updates = plan.filter((a) => a.kind === 'action_plan_update').map((a) => `${a.fy} Q${a.quarter} ${a.dueDate}`);
    expect(updates).toEqual([
      '2024/25 Q1 2024-06-30',
      '2024/25 Q2 2024-09-30',
      '2024/25 Q3 2024-12-31',
      '2024/25 Q4 2025-03-31',
      '2025/26 Q1 2025-06-30',
      '2025/26 Q2 2025-09-30',
      '2025/26 Q3 2025-12-31',
      '2025/26 Q4 2026-03-31',
    ]);
  });

  it('asks each organisation for the annual report, work plan and operational policy by 30 June, both years', () => {
    const submissions = plan.filter((a) => a.kind === 'submission');
    expect(submissions.map((a) => [a.dueDate, a.requiredDocuments])).toEqual([
      ['2024-06-30', ['Annual report', 'Work plan', 'Operational policy']],
      ['2025-06-30', ['Annual report', 'Work plan', 'Operational policy']],
    ]);
    expect(plan.filter((a) => a.kind !== 'submission').every((a) => a.requiredDocuments.length === 0)).toBe(true);
  });

  it('moves with the cycle’s first year, and never changes the template itself', () => {
    const later = planFromTemplate(2026);
    expect(later[0]).toMatchObject({ fy: '2026/27', dueDate: '2026-06-30' });
    expect(later.at(-1)).toMatchObject({ fy: '2027/28', quarter: 4, dueDate: '2028-03-31' });
    later[0].requiredDocuments.push('Extra');
    expect(PROGRAMME_TEMPLATE[0].requiredDocuments).toEqual(['Annual report', 'Work plan', 'Operational policy']);
    expect(plan).toHaveLength(17);
  });
});

describe('emails sent about a submission', () => {
  it('names a request for more information by the version asked about', () => {
    expect(informationRequestStep(1)).toBe('information-v1');
    expect(informationRequestStep(3)).toBe('information-v3');
    expect(informationRequestStep(0)).toBe('information-v1');
  });

  it('says what each step was in words', () => {
    expect(noticeStepLabel('before-14d')).toBe('Reminder 14 days before');
    expect(noticeStepLabel('before-1d')).toBe('Reminder 1 day before');
    expect(noticeStepLabel('overdue')).toBe('Overdue reminder');
    expect(noticeStepLabel('information-v2')).toBe('More information asked for (version 2)');
  });
});
