import { SAMPLE_TODAY } from '../peer-review-report/peer-review-report.sample';
import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { peerReviewSummarySample, sampleLoadedSummary } from './peer-review-summary.sample';
import { activityStanding, summaryBody, type LoadedSummary } from './peer-review-summary.view-model';

type Data = Record<string, any>;
const section = (body: ReturnType<typeof summaryBody>, title: string) => body.sections.find((s) => s.title === title)?.data as Data;

describe('peer review programme summary (sample rendered to HTML)', () => {
  const vm = peerReviewSummarySample();
  const { html } = new TemplateEngine().render('peer_review_summary', vm, 'marker-ps');
  const page = landmarks(html);

  it('opens with a title page and contents, then the programme, timeline, compliance, findings and what is overdue', () => {
    expect(page.h1).toEqual(['Peer review programme summary']);
    expect(page.h2).toEqual([
      'Contents',
      '1. The programme',
      '2. Timeline',
      '3. Compliance with the standards',
      '4. Findings by organisation',
      '5. Overdue submissions and actions',
    ]);
    expect(page.contents).toEqual(vm.doc.sections.map((s) => ({ href: `#${s.id}`, text: `${s.number}. ${s.title}` })));
    expect(html).toContain('<dt>Overdue</dt><dd>4 submissions, 1 action</dd>');
  });

  it('draws the heat map of organisations × sections as a table whose cells say their figures, with a key in words', () => {
    expect(page.tables).toContainEqual(['Organisation', 'Overall', 'Section 1', 'Section 2', 'Section 3', 'Section 4', 'Section 5']);
    expect(html).toContain(
      '<p class="heat-sections"><strong>Sections:</strong> 1 Trauma team &lt;leadership&gt;; 2 Imaging; 3 Transfers; 4 Governance and audit; 5 Rehabilitation.</p>',
    );
    expect(html).toMatch(/<td class="cell" style="background: #[0-9a-f]{6}; color: #212b32;"><span class="main">66%<\/span>2 of 3 met<\/td>/);
    expect(html).toContain('In progress: 6 of 13 answered. Shown once submitted.');
    expect(html).toContain('<li><span class="swatch" style="background: #cce2d8;"></span>80% or more met</li>');
    expect(page.tables).toContainEqual(['Organisation', 'Review', 'Immediate risk', 'Serious concern', 'Concern', 'Good practice', 'Total']);
    expect(page.tables).toContainEqual(['Organisation', 'Document', 'Activity', 'Due', 'Overdue by', 'State']);
    expect(page.tables).toContainEqual(['Quarter', 'Activity', 'Due', 'Where it stands']);
  });

  it('escapes what people wrote', () => {
    expect(html).not.toMatch(/<General>|<leadership>|<policy>/);
    expect(html).toContain('Operational &lt;policy&gt;');
  });
});

describe('peer review programme summary view model', () => {
  const today = SAMPLE_TODAY;

  it('counts findings by class per organisation, with every organisation in scope and the totals', () => {
    const findings = section(summaryBody(sampleLoadedSummary(), today), 'Findings by organisation');
    expect(findings.intro).toBe('2 reviews recorded, 1 issued. Findings of a review not yet issued may still change.');
    expect(findings.columns).toEqual(['Immediate risk', 'Serious concern', 'Concern', 'Good practice']);
    expect(findings.rows.map((r: Data) => [r.name, r.review, ...r.counts, r.total])).toEqual([
      ['Northfield University Hospitals NHS Trust', 'Draft', 0, 0, 1, 2, 3],
      ['Kingsmead Hospital', 'None yet', '—', '—', '—', '—', '—'],
      ['Riverside <General> Hospital', 'Issued', 1, 1, 2, 1, 5],
      ['Eastern Counties Ambulance Service', 'None yet', '—', '—', '—', '—', '—'],
    ]);
    expect(findings.totals).toEqual([1, 1, 3, 3]);
    expect(findings.total).toBe(8);
  });

  it('lists what is overdue as of the report’s date: documents still owed after their date, actions not complete after theirs', () => {
    const overdue = section(summaryBody(sampleLoadedSummary(), today), 'Overdue submissions and actions');
    // Awaited or sent back and past their date; the submitted and accepted documents are not owed.
    expect(overdue.submissions.map((s: Data) => `${s.organisation}: ${s.document} (${s.state}, ${s.late})`)).toEqual([
      'Kingsmead Hospital: Work plan (Awaited, 147 days)',
      'Riverside <General> Hospital: Annual report (More information requested, 147 days)',
      'Riverside <General> Hospital: Operational <policy> (Awaited, 147 days)',
      'Eastern Counties Ambulance Service: Annual report (Awaited, 147 days)',
    ]);
    // The complete action is not overdue, however late.
    expect(overdue.actions.map((a: Data) => [a.organisation, a.late, a.tag.label, a.words, a.latest])).toEqual([
      [
        'Riverside <General> Hospital',
        '23 days',
        'Amber',
        'At risk',
        '15 November 2026, Owen Price: Second audit 71%: therapy vacancies are holding it back.',
      ],
    ]);
    const none = section(summaryBody({ ...sampleLoadedSummary(), submissions: [], actions: [] }, today), 'Overdue submissions and actions');
    expect([none.submissions, none.actions, none.submissionsEmpty, none.actionsEmpty]).toEqual([
      [],
      [],
      'No submission was overdue on 24 November 2026.',
      'No action was overdue on 24 November 2026.',
    ]);
  });

  it('shows only submitted self-assessments in the heat map, the others in words', () => {
    const compliance = section(summaryBody(sampleLoadedSummary(), today), 'Compliance with the standards');
    const rows = compliance.activities[0].rows;
    expect(rows.map((r: Data) => [r.name, r.state, r.submitted])).toEqual([
      ['Northfield University Hospitals NHS Trust', 'Submitted', true],
      ['Kingsmead Hospital', 'Submitted', true],
      ['Riverside <General> Hospital', 'In progress', false],
      ['Eastern Counties Ambulance Service', 'Not started', false],
    ]);
    expect(rows[0].overall).toMatchObject({ main: '69%', detail: '9 of 13 met', band: '50% to 79% met' });
    expect(rows[0].cells.map((c: Data) => c.main)).toEqual(['66%', '100%', '33%', '66%', '100%']);
    expect(rows[3].message).toBe('Not started.');
    const none = section(summaryBody({ ...sampleLoadedSummary(), assessments: [] }, today), 'Compliance with the standards');
    expect(none).toMatchObject({ activities: [], empty: 'The cycle has no self-assessment activity.' });
  });

  it('tells where each activity of the timeline stands, and each organisation at a glance', () => {
    const data: LoadedSummary = sampleLoadedSummary();
    const standing = (kind: string) =>
      activityStanding(data.activities.find((a) => a.kind === kind) as LoadedSummary['activities'][number], data, today);
    expect(standing('submission')).toBe('2 of 7 documents accepted, 1 awaiting review, 4 still owed (4 overdue)');
    expect(standing('self_assessment')).toBe('2 of 4 submitted, 1 in progress (past its date)');
    expect(standing('review_meeting')).toBe('Held on 6 October 2026');
    expect(standing('report')).toBe('Date passed; 1 of 4 review reports issued so far');
    const programme = section(summaryBody(data, today), 'The programme');
    expect(programme.intro).toBe(
      'Peer Review Programme 2026/2028 runs from 1 April 2026 to 31 March 2028 and is active. 4 organisations are in its scope. Figures as they stood on 24 November 2026.',
    );
    expect(programme.rows[2]).toMatchObject({
      name: 'Riverside <General> Hospital',
      assessment: 'In progress (6 of 13 answered)',
      review: 'Issued',
      submissions: '0 of 2 accepted, 2 overdue',
      actions: '1 open of 2, 1 overdue',
    });
  });
});
