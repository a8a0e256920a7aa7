import { requestFromDraft } from '../reports/report-draft';
import { emailPreviewDocument } from './email-preview';
import {
  checkSchedule,
  describeDraft,
  formErrors,
  newRecurrenceDraft,
  newScheduleDraft,
  recurrenceDraftFrom,
  recurrenceFromDraft,
  recurrenceProblems,
  reportDraftFrom,
} from './schedule-draft';
import { deliveryCounts, formatSendTime, periodLabel, shortChecksum } from './schedule-format';

const RECIPIENT = '9b000000-0000-4000-8000-000000000001';

describe('the recurrence builder’s draft', () => {
  it('sends only the chosen kind’s fields, months in calendar order, and describes them in plain words', () => {
    const draft = { ...newRecurrenceDraft(), kind: 'first_working_day' as const, months: [10, 4] };
    expect(recurrenceFromDraft(draft)).toEqual({ kind: 'first_working_day', months: [4, 10], time: '07:00' });
    expect(describeDraft(draft)).toBe('First working day of April and October at 07:00');
    // No month (or all twelve) is every month.
    expect(recurrenceFromDraft({ ...draft, months: [] })).toEqual({ kind: 'first_working_day', time: '07:00' });
    expect(describeDraft({ ...draft, months: [] })).toBe('First working day of every month at 07:00');
  });

  it('builds each kind', () => {
    const d = newRecurrenceDraft();
    expect(recurrenceFromDraft({ ...d, kind: 'monthly_on_day', day: '15', time: '09:30' })).toEqual({
      kind: 'monthly_on_day',
      day: 15,
      time: '09:30',
    });
    expect(recurrenceFromDraft({ ...d, kind: 'quarterly', on: 'last_working_day', monthOfQuarter: 3 })).toEqual({
      kind: 'quarterly',
      on: 'last_working_day',
      monthOfQuarter: 3,
      time: '07:00',
    });
    expect(recurrenceFromDraft({ ...d, kind: 'twice_yearly', months: [4, 10], on: 'day', onDay: '31' })).toEqual({
      kind: 'twice_yearly',
      months: [4, 10],
      on: 31,
      time: '07:00',
    });
    expect(recurrenceFromDraft({ ...d, kind: 'after_board_meeting', workingDaysAfter: '2' })).toEqual({
      kind: 'after_board_meeting',
      workingDaysAfter: 2,
      time: '07:00',
    });
    expect(recurrenceFromDraft({ ...d, kind: 'cron', expression: ' 0  7 * * 1 ' })).toEqual({ kind: 'cron', expression: '0 7 * * 1' });
    expect(describeDraft({ ...d, kind: 'quarterly', on: 'first_working_day' })).toBe(
      'Quarterly (NHS financial quarters), first working day, at 07:00',
    );
  });

  it('names what is wrong, by field, in plain words', () => {
    const d = newRecurrenceDraft();
    expect(recurrenceProblems({ ...d, time: '7am' })).toEqual({ time: 'Enter a time as HH:MM, 24-hour, like 07:00' });
    expect(recurrenceProblems({ ...d, kind: 'monthly_on_day', day: '32' })).toEqual({ day: 'Enter a day of the month from 1 to 31' });
    expect(recurrenceProblems({ ...d, kind: 'twice_yearly', months: [4] })).toEqual({ months: 'Choose two months' });
    expect(recurrenceProblems({ ...d, kind: 'quarterly', on: 'day', onDay: 'x' })).toEqual({ on: 'Enter a day of the month from 1 to 31' });
    expect(recurrenceProblems({ ...d, kind: 'after_board_meeting', workingDaysAfter: '61' })).toEqual({
      workingDaysAfter: 'Enter a number of working days from 0 to 60',
    });
    expect(recurrenceProblems({ ...d, kind: 'cron', expression: '60 7 * * 1' })['expression']).toMatch(/^Check the cron expression: .*60/);
    expect(describeDraft({ ...d, time: '25:00' })).toBeNull();
  });

  it('reads a saved recurrence back into the builder', () => {
    expect(recurrenceDraftFrom({ kind: 'twice_yearly', months: [4, 10], on: 3, time: '08:15' })).toMatchObject({
      kind: 'twice_yearly',
      months: [4, 10],
      on: 'day',
      onDay: '3',
      time: '08:15',
    });
    expect(recurrenceDraftFrom({ kind: 'after_board_meeting', workingDaysAfter: 0, time: '07:00' })).toMatchObject({ workingDaysAfter: '0' });
    expect(recurrenceDraftFrom({ kind: 'nonsense' })).toEqual(newRecurrenceDraft());
  });
});

describe('the schedule form’s check', () => {
  it('asks for a name and at least one recipient or list, in the order of the form', () => {
    const checked = checkSchedule({ ...newScheduleDraft(), recurrence: { ...newRecurrenceDraft(), time: 'noon' } });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.entries(checked.errors)).toEqual([
      ['name', 'Give the schedule a name'],
      ['recurrence.time', 'Enter a time as HH:MM, 24-hour, like 07:00'],
      ['recipientIds', 'Choose at least one recipient or distribution list'],
    ]);
  });

  it('checks the report’s options and the link’s lifetime (only when sending a link)', () => {
    const base = { ...newScheduleDraft(), name: 'Risks', recipientIds: [RECIPIENT] };
    const risky = checkSchedule({
      ...base,
      reportKind: 'risk_register',
      report: { ...base.report, kind: 'risk_register', risk: { changedSince: '', topRisks: 'ten' } },
    });
    expect(risky.ok ? {} : risky.errors).toEqual({ 'report.options.topRisks': 'Enter the number of top risks as a whole number, like 10' });
    const link = checkSchedule({ ...base, delivery: 'link', linkDays: '0' });
    expect(link.ok ? {} : link.errors).toEqual({ linkDays: 'Enter how many days the link works, from 1 to 90' });
    expect(checkSchedule({ ...base, delivery: 'attach', linkDays: '0' }).ok).toBe(true);
  });

  it('sends what the API expects, with its defaults', () => {
    const checked = checkSchedule({
      ...newScheduleDraft(),
      name: ' Progress to commissioners ',
      recipientIds: [RECIPIENT],
      recurrence: { ...newRecurrenceDraft(), months: [10, 4] },
    });
    expect(checked).toEqual({
      ok: true,
      input: {
        name: 'Progress to commissioners',
        report: { kind: 'progress', options: {} },
        recurrence: { kind: 'first_working_day', months: [4, 10], time: '07:00' },
        recipientIds: [RECIPIENT],
        listIds: [],
        onlyIfChanged: false,
        delivery: 'attach',
        linkDays: 30,
        subject: '',
        message: '',
      },
    });
  });

  it('sends a distribution record with only the options that are set, and reads it back', () => {
    const base = { ...newScheduleDraft(), name: 'Record for the Board', recipientIds: [RECIPIENT] };
    const checked = checkSchedule({
      ...base,
      reportKind: 'distribution_record',
      distribution: { scheduleId: RECIPIENT, from: '2026-04-01', to: '' },
    });
    expect(checked.ok && checked.input.report).toEqual({ kind: 'distribution_record', options: { scheduleId: RECIPIENT, from: '2026-04-01' } });
    const bad = checkSchedule({ ...base, reportKind: 'distribution_record', distribution: { scheduleId: '', from: '1 April', to: '' } });
    expect(bad.ok ? {} : Object.keys(bad.errors)).toEqual(['report.options.from']);
  });

  it('puts the API’s field paths on the form’s fields', () => {
    expect(
      formErrors({
        'recurrence.months.1': 'months[1] must be a month number from 1 to 12',
        'recipientIds.0': 'That recipient is not in this network',
        'listIds.3': 'That distribution list is not in this network',
        'report.options.planId': 'That work plan is not in this network',
        recurrence: 'Choose when to send',
      }),
    ).toEqual({
      'recurrence.months': 'months[1] must be a month number from 1 to 12',
      recipientIds: 'That recipient is not in this network',
      listIds: 'That distribution list is not in this network',
      'report.options.planId': 'That work plan is not in this network',
      'recurrence.kind': 'Choose when to send',
    });
  });

  it('reads a saved board paper back, keeping the cover fields the form does not show', () => {
    const saved = {
      kind: 'board_paper',
      title: 'Progress for the Board',
      cover: {
        meeting: 'Network Board',
        meetingDate: '2027-04-14',
        paperReference: 'Paper G',
        author: 'Priya Shah',
        purposes: ['noting'],
        previousConsideration: [{ meeting: 'Executive', date: 'March', outcome: 'Agreed' }],
        executiveSummary: 'For noting.',
        recommendation: '',
        questions: ['Is the board assured?'],
        priorities: [{ priority: 'Access', link: 'no' }],
        equalityImpact: '',
        publicInvolvement: '',
        riskReferences: ['SN/02'],
        nextPaperDate: 'October 2027',
      },
      body: { kind: 'risk_register', options: { topRisks: 5 } },
    };
    const draft = reportDraftFrom(saved);
    expect(draft.body).toBe('risk_register');
    expect(draft.risk.topRisks).toBe('5');
    expect(requestFromDraft(draft)).toEqual(saved);
    expect(reportDraftFrom({ kind: 'progress', title: 'Progress', options: { planId: RECIPIENT } })).toMatchObject({
      kind: 'progress',
      title: 'Progress',
      progress: { planId: RECIPIENT },
    });
    // A saved request's board meetings ("since the last board") are kept when the schedule is edited.
    const meetings = { kind: 'progress', options: { sinceMeetingId: RECIPIENT, toMeetingId: RECIPIENT } };
    expect(requestFromDraft(reportDraftFrom(meetings))).toEqual(meetings);
  });
});

describe('schedule wording', () => {
  it('shows send times in UK time, summer and winter', () => {
    expect(formatSendTime('2027-04-01T06:00:00.000Z')).toBe('Thu 1 April 2027, 07:00');
    expect(formatSendTime('2027-01-04T07:00:00.000Z')).toBe('Mon 4 January 2027, 07:00');
    expect(formatSendTime(null)).toBe('');
  });

  it('names a run’s period', () => {
    expect(periodLabel('2027-04')).toBe('April 2027');
    expect(periodLabel('2026/27-Q1')).toBe('2026/27 Q1');
    expect(periodLabel('2027-05-14')).toBe('Board meeting of 14 May 2027');
    expect(periodLabel('2027-03-29T07:00')).toBe('29 March 2027, 07:00');
    expect(periodLabel('now 2026-12-03T09:15')).toBe('Sent now, 3 December 2026, 09:15');
    expect(periodLabel('something else')).toBe('something else');
  });

  it('counts a run’s emails in words', () => {
    expect(deliveryCounts({ deliveries: { total: 3, sent: 3, pending: 0, retrying: 0, givenUp: 0 } })).toBe('3 of 3 sent');
    expect(deliveryCounts({ deliveries: { total: 4, sent: 1, pending: 1, retrying: 1, givenUp: 1 } })).toBe(
      '1 of 4 sent, 1 waiting, 1 retrying, 1 given up',
    );
    expect(deliveryCounts({ deliveries: { total: 0, sent: 0, pending: 0, retrying: 0, givenUp: 0 } })).toBe('No emails');
    expect(shortChecksum('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });
});

describe('the email preview’s document', () => {
  it('moves inline styles into one style element carrying the page’s nonce, and drops scripts and handlers', () => {
    const html =
      '<!doctype html><html><head><title>T</title></head><body style="margin:0"><h1 style="font-size:24px" onclick="x()">Hi</h1>' +
      '<script>alert(1)</script><p><a href="https://plexus.example/links/abc" style="color:#fff">Download</a></p></body></html>';
    const doc = new DOMParser().parseFromString(emailPreviewDocument(html, 'n0nce'), 'text/html');
    expect(doc.querySelectorAll('[style]')).toHaveLength(0);
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('h1')!.hasAttribute('onclick')).toBe(false);
    const style = doc.head.querySelector('style')!;
    expect(style.getAttribute('nonce')).toBe('n0nce');
    expect(style.textContent).toContain('[data-plx-style="1"]{font-size:24px}');
    expect(doc.querySelector('h1')!.getAttribute('data-plx-style')).toBe('1');
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('#');
  });
});
