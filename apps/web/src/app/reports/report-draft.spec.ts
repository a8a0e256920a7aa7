import { requestReportSchema } from '@plexus/contracts';
import { fieldId } from '../core/form-errors';
import {
  checkDraft,
  newReportDraft,
  newRowKey,
  optionsPath,
  type ReportDraft,
  requestFromDraft,
  riskReferenceErrorsByReference,
  sortReferences,
} from './report-draft';

function boardPaper(overrides: Partial<ReportDraft> = {}): ReportDraft {
  const draft = newReportDraft({ author: 'Priya Shah' });
  return {
    ...draft,
    kind: 'board_paper',
    title: 'System expectations and actions',
    cover: {
      ...draft.cover,
      meetingDate: '2026-12-03',
      paperReference: 'Paper G',
      purposes: ['discussion', 'decision'],
      previousConsideration: [{ key: newRowKey(), meeting: 'Executive Board', date: 'ESB May', outcome: '' }],
      executiveSummary: 'In recent weeks partners have turned to recovery.',
      questions: [{ key: newRowKey(), text: 'Are there expectations missing from the draft?' }],
      priorities: [{ key: newRowKey(), priority: 'Streamlined emergency care', link: 'not_applicable' }],
      riskReferences: ['EM/10', 'EM/02'],
    },
    ...overrides,
  };
}

describe('newReportDraft', () => {
  it('starts as a progress report on the current approved plan that can be sent as it is', () => {
    const draft = newReportDraft({ author: 'Priya Shah' });
    expect(draft.kind).toBe('progress');
    expect(requestFromDraft(draft)).toEqual({ kind: 'progress', options: {} });
    const checked = checkDraft(draft);
    expect(checked).toEqual({ ok: true, request: { kind: 'progress', options: {} } });
  });

  it('gives the cover sheet its defaults: Network Board, the signed-in author, TBC, 10 top risks', () => {
    const draft = newReportDraft({ author: 'Priya Shah' });
    expect(draft.cover).toMatchObject({ meeting: 'Network Board', author: 'Priya Shah', nextPaperDate: 'TBC', purposes: [] });
    expect(draft.risk.topRisks).toBe('10');
    expect(newReportDraft().cover.author).toBe('');
  });
});

describe('requestFromDraft', () => {
  it('sends a risk register report with its options, leaving out what is empty', () => {
    const draft: ReportDraft = { ...newReportDraft(), kind: 'risk_register', risk: { changedSince: '2026-06-01', topRisks: '5' } };
    expect(requestFromDraft(draft)).toEqual({ kind: 'risk_register', options: { changedSince: '2026-06-01', topRisks: 5 } });
    const defaults: ReportDraft = { ...newReportDraft(), kind: 'risk_register', risk: { changedSince: '', topRisks: ' ' } };
    expect(requestFromDraft(defaults)).toEqual({ kind: 'risk_register', options: {} });
    expect(checkDraft(defaults)).toEqual({ ok: true, request: { kind: 'risk_register', options: { topRisks: 10 } } });
  });

  it('sends a chosen plan and an optional title', () => {
    const draft: ReportDraft = {
      ...newReportDraft(),
      title: '  Half-year progress ',
      progress: { planId: '6f1c2b1e-0000-4000-8000-000000000001', sinceMeetingId: '', toMeetingId: '' },
    };
    expect(requestFromDraft(draft)).toEqual({
      kind: 'progress',
      title: 'Half-year progress',
      options: { planId: '6f1c2b1e-0000-4000-8000-000000000001' },
    });
  });

  it('sends the board meetings chosen for "since the last board", and leaves out the defaults', () => {
    const since = '6f1c2b1e-0000-4000-8000-0000000000a1';
    const to = '6f1c2b1e-0000-4000-8000-0000000000a2';
    const draft: ReportDraft = { ...newReportDraft(), progress: { planId: '', sinceMeetingId: since, toMeetingId: to } };
    expect(requestFromDraft(draft)).toEqual({ kind: 'progress', options: { sinceMeetingId: since, toMeetingId: to } });
    expect(checkDraft(draft).ok).toBe(true);
    const onlyTo: ReportDraft = { ...newReportDraft(), progress: { planId: '', sinceMeetingId: '', toMeetingId: to } };
    expect(requestFromDraft(onlyTo)).toEqual({ kind: 'progress', options: { toMeetingId: to } });
    const paper = requestFromDraft(boardPaper({ body: 'progress', progress: { planId: '', sinceMeetingId: since, toMeetingId: '' } }));
    expect(paper).toMatchObject({ body: { kind: 'progress', options: { sinceMeetingId: since } } });
  });

  it('builds a board paper with a progress report as its body', () => {
    const request = requestFromDraft(boardPaper({ body: 'progress', progress: { planId: '', sinceMeetingId: '', toMeetingId: '' } }));
    expect(request).toEqual({
      kind: 'board_paper',
      title: 'System expectations and actions',
      cover: {
        meeting: 'Network Board',
        meetingDate: '2026-12-03',
        paperReference: 'Paper G',
        author: 'Priya Shah',
        // In the order of the template, whatever order they were ticked in.
        purposes: ['decision', 'discussion'],
        previousConsideration: [{ meeting: 'Executive Board', date: 'ESB May', outcome: '' }],
        executiveSummary: 'In recent weeks partners have turned to recovery.',
        recommendation: '',
        questions: ['Are there expectations missing from the draft?'],
        priorities: [{ priority: 'Streamlined emergency care', link: 'not_applicable' }],
        equalityImpact: '',
        publicInvolvement: '',
        riskReferences: ['EM/02', 'EM/10'],
        nextPaperDate: 'TBC',
      },
      body: { kind: 'progress', options: {} },
    });
    expect(requestReportSchema.safeParse(request).success).toBe(true);
  });

  it('builds a board paper with a risk register report as its body, using the same options as the report on its own', () => {
    const draft = boardPaper({ body: 'risk_register', risk: { changedSince: '2026-09-01', topRisks: '3' } });
    const request = requestFromDraft(draft);
    expect(request).toMatchObject({ kind: 'board_paper', body: { kind: 'risk_register', options: { changedSince: '2026-09-01', topRisks: 3 } } });
    expect(checkDraft(draft).ok).toBe(true);
  });

  it('builds a board paper with an annual report as its body, for the year chosen (the last complete one to start with)', () => {
    expect(boardPaper({ body: 'annual_report' }).annual.fy).toMatch(/^20\d\d\/\d\d$/);
    const draft = boardPaper({ body: 'annual_report', annual: { fy: '2024/25' } });
    expect(requestFromDraft(draft)).toMatchObject({ kind: 'board_paper', body: { kind: 'annual_report', options: { fy: '2024/25' } } });
    expect(checkDraft(draft).ok).toBe(true);
    const bad = checkDraft(boardPaper({ body: 'annual_report', annual: { fy: '2024-25' } }));
    expect(bad.ok ? {} : bad.errors).toHaveProperty(['body.options.fy']);
  });

  it('builds a peer review report (cycle and organisation) or programme summary (cycle), alone or as a board paper’s body, asking for what is not chosen', () => {
    const cycleId = '6f1c2b1e-1111-4111-8111-000000000001';
    const organisationId = '6f1c2b1e-2222-4222-8222-000000000001';
    const base = newReportDraft({ author: 'Priya Shah' });
    expect(base.peerReview).toEqual({ cycleId: '', organisationId: '' });
    const report: ReportDraft = { ...base, kind: 'peer_review_report', peerReview: { cycleId, organisationId } };
    expect(requestFromDraft(report)).toEqual({ kind: 'peer_review_report', options: { cycleId, organisationId } });
    expect(checkDraft(report).ok).toBe(true);
    const summary: ReportDraft = { ...base, kind: 'peer_review_summary', title: 'Programme summary', peerReview: { cycleId, organisationId } };
    expect(requestFromDraft(summary)).toEqual({ kind: 'peer_review_summary', title: 'Programme summary', options: { cycleId } });

    const missing = checkDraft({ ...base, kind: 'peer_review_report' });
    expect(missing.ok ? {} : missing.errors).toEqual({
      'options.cycleId': 'Choose a peer review cycle',
      'options.organisationId': 'Choose an organisation in the cycle',
    });
    const paper = boardPaper({ body: 'peer_review_summary', peerReview: { cycleId, organisationId: '' } });
    expect(requestFromDraft(paper)).toMatchObject({ kind: 'board_paper', body: { kind: 'peer_review_summary', options: { cycleId } } });
    expect(checkDraft(paper).ok).toBe(true);
    const noOrganisation = checkDraft(boardPaper({ body: 'peer_review_report', peerReview: { cycleId, organisationId: '' } }));
    expect(noOrganisation.ok ? {} : Object.keys(noOrganisation.errors)).toEqual(['body.options.organisationId']);
    expect(optionsPath('peer_review_summary')).toBe('options');
  });

  it('builds a board paper without a body: the cover sheet alone', () => {
    const draft = boardPaper({ body: 'none' });
    const request = requestFromDraft(draft);
    expect(request.kind).toBe('board_paper');
    expect('body' in request).toBe(false);
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(true);
    expect(checked.request).not.toHaveProperty('body');
  });

  it('leaves out an empty meeting date so that the schema asks for it, and puts TBC back for an empty next date', () => {
    const draft = boardPaper();
    draft.cover = { ...draft.cover, meetingDate: '', nextPaperDate: ' ' };
    const request = requestFromDraft(draft);
    expect(request.kind === 'board_paper' && request.cover.meetingDate).toBeUndefined();
    expect(request.kind === 'board_paper' && request.cover.nextPaperDate).toBe('TBC');
  });
});

describe('checkDraft', () => {
  it('names each problem by the path of its field', () => {
    const draft = boardPaper({ title: ' ' });
    draft.cover = { ...draft.cover, meeting: '', meetingDate: '', purposes: [], executiveSummary: '', questions: [{ key: newRowKey(), text: '' }] };
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      title: 'Give the paper a title',
      'cover.meeting': 'Enter the meeting the paper is for, like Network Board',
      'cover.meetingDate': 'Enter the meeting date',
      'cover.purposes': 'Choose what the paper is for',
      'cover.executiveSummary': 'Write the executive summary',
      'cover.questions.0': 'Write the question or remove it',
    });
  });

  it('puts the options of a board paper body under body.options, and explains a number that is not one', () => {
    const draft = boardPaper({ body: 'risk_register', risk: { changedSince: '3 Dec', topRisks: 'ten' } });
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      'body.options.changedSince': 'Enter the date of the last board as a date, like 31/03/2026 (2026-03-31 through the API)',
      'body.options.topRisks': 'Enter the number of top risks as a whole number, like 10',
    });
    const alone = checkDraft({ ...newReportDraft(), kind: 'risk_register', risk: { changedSince: '', topRisks: '99' } });
    expect(alone.ok ? {} : alone.errors).toEqual({ 'options.topRisks': 'Show 50 top risks at most' });
  });

  it('knows where the options sit in the request', () => {
    expect(optionsPath('progress')).toBe('options');
    expect(optionsPath('risk_register')).toBe('options');
    expect(optionsPath('board_paper')).toBe('body.options');
  });
});

describe('risk references', () => {
  it('sorts references as the register does and drops repeats', () => {
    expect(sortReferences(['SN/10', 'SN/2', 'SN/01', 'SN/2'])).toEqual(['SN/01', 'SN/2', 'SN/10']);
  });

  it('names an API message about the nth reference sent by its reference, so that it lands on its checkbox', () => {
    const request = requestFromDraft(boardPaper());
    const errors = riskReferenceErrorsByReference(request, {
      'cover.riskReferences.1': "EM/10 is not in this network's risk register",
      'cover.meeting': 'Too long',
    });
    expect(errors).toEqual({ 'cover.riskReferences.EM/10': "EM/10 is not in this network's risk register", 'cover.meeting': 'Too long' });
    expect(fieldId('cover.riskReferences.EM/10')).toBe('cover-riskReferences-EM-10');
  });
});
