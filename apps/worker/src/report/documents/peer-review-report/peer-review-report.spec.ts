import { labelLines } from '../shared/peer-review-view';
import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { SAMPLE_TODAY, peerReviewReportSample, sampleLoadedReview } from './peer-review-report.sample';
import { actionRag } from '@plexus/domain';
import { bragView, ratingWords, reportBody, reviewStateText, type LoadedReview } from './peer-review-report.view-model';

type Data = Record<string, any>;
const section = (body: ReturnType<typeof reportBody>, title: string) => body.sections.find((s) => s.title === title)?.data as Data;

describe('peer review report (sample rendered to HTML)', () => {
  const vm = peerReviewReportSample();
  const { html } = new TemplateEngine().render('peer_review_report', vm, 'marker-pr');
  const page = landmarks(html);

  it('opens with a title page giving the report’s state, and contents, then the review in order', () => {
    expect(page.h1).toEqual(['Peer review report: Riverside General Hospital']);
    expect(page.h2).toEqual([
      'Contents',
      '1. Scope and panel',
      '2. Self-assessment results',
      '3. Findings',
      '4. Good practice',
      '5. Recommendations',
      '6. Action plan',
    ]);
    expect(page.contents).toEqual(vm.doc.sections.map((s) => ({ href: `#${s.id}`, text: `${s.number}. ${s.title}` })));
    expect(html).toContain('<p class="subtitle">The review of Riverside &lt;General&gt; Hospital in Peer Review Programme 2026/2028 (issued)</p>');
    expect(html).toMatch(
      /<dt>Report state<\/dt><dd>Issued on 27 October 2026 \(agreed on 20 October 2026 with Mr Daniel Okafor, Trauma Unit Clinical Lead\)<\/dd>/,
    );
  });

  it('draws the compliance chart as SVG with the same figures in a table, and lists what is not fully met', () => {
    expect(html).toContain('aria-label="Compliance by section: measures met, partially met and not met"');
    expect(page.tables).toContainEqual(['Section', 'Met', 'Partially met', 'Not met', 'Not applicable', 'Per cent met']);
    expect(page.tables).toContainEqual(['Criterion', 'Measure', 'Answer', 'Gaps identified']);
    expect(html).toContain('<td>Amber (partially met)</td>');
    expect(html).toContain('Answered on the Red / Amber / Green scale: Green as met, Amber as partially met and Red as not met.');
  });

  it('lists the findings immediate risks first, with the risk they were raised as, then good practice, recommendations and actions', () => {
    expect(page.h3.slice(page.h3.indexOf('Immediate risks (1)'))).toEqual(
      expect.arrayContaining(['Immediate risks (1)', 'Serious concerns (1)', 'Concerns (1)']),
    );
    const order = [
      'Finding 1: Trauma team leadership out of hours',
      'Finding 2: Rehabilitation prescriptions',
      'Finding 3: Trauma audit',
      'Finding 4: Daily trauma huddle',
    ].map((f) => html.indexOf(f));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('Raised to the network’s risk register as EM/09');
    expect(html).toContain('Criterion 4.1: Named trauma audit lead (EMMTN-AT version 2)');
    expect(page.tables).toContainEqual(['No.', 'Recommendation', 'From finding', 'Action']);
    expect(page.tables).toContainEqual(['No.', 'Action', 'Owner', 'Due', 'Status', 'Latest progress']);
  });

  it('escapes what people wrote', () => {
    expect(html).not.toMatch(/<General>|<leadership>|<person>/);
    expect(html).toContain('Trauma team &lt;leadership&gt;');
  });
});

describe('peer review report view model', () => {
  const today = SAMPLE_TODAY;

  it('orders findings by class (immediate risk, serious concern, concern), numbers recommendations in that order and ties actions to them', () => {
    const body = reportBody(sampleLoadedReview(), today);
    const findings = section(body, 'Findings');
    expect(findings.groups.map((g: Data) => [g.title, g.findings.map((f: Data) => f.number)])).toEqual([
      ['Immediate risks', [1]],
      ['Serious concerns', [2]],
      ['Concerns', [3]],
    ]);
    expect(findings.groups[0].findings[0].recommendations.map((r: Data) => r.number)).toEqual(['R1', 'R2']);
    expect(section(body, 'Good practice').findings.map((f: Data) => f.number)).toEqual([4]);
    expect(section(body, 'Recommendations').rows.map((r: Data) => [r.number, r.finding, r.action])).toEqual([
      ['R1', '1. Immediate risk: Trauma team leadership out of hours', 'A1, Mr Daniel Okafor, due 26 November 2026'],
      ['R2', '1. Immediate risk: Trauma team leadership out of hours', 'A2, Network Manager, due 24 February 2027'],
      ['R3', '2. Serious concern: Rehabilitation prescriptions', 'A3, Therapy Services Lead, due 1 November 2026'],
      ['R4', '3. Concern: Trauma audit', 'A4, Medical Director, due 25 January 2027'],
    ]);
  });

  it('gives each action its owner, due date, BRAG in words (past due and not complete is at least Amber) and latest progress', () => {
    const actions = section(reportBody(sampleLoadedReview(), today), 'Action plan');
    expect(actions.intro).toBe(
      '5 actions on 24 November 2026: 1 complete, 4 open (2 overdue). The colour is the latest update’s status; past its due date and not complete is at least Amber.',
    );
    const byNumber = Object.fromEntries(actions.rows.map((r: Data) => [r.number, r]));
    expect(byNumber.A1).toMatchObject({
      tag: { label: 'Blue' },
      words: 'Complete',
      overdue: '',
      latest: { on: '10 November 2026', author: 'Owen Price' },
    });
    expect(byNumber.A3).toMatchObject({ tag: { label: 'Amber' }, words: 'At risk', overdue: 'Overdue by 23 days', source: 'From recommendation R3' });
    expect(byNumber.A4).toMatchObject({ tag: { label: 'Grey' }, words: 'Not started', latest: null });
    expect(byNumber.A5).toMatchObject({ tag: { label: 'Red' }, words: 'Off track', source: 'Carried forward from Peer Review Programme 2024/2026' });
  });

  it('says in words what is empty, and shows a self-assessment only once submitted', () => {
    const data: LoadedReview = { ...sampleLoadedReview(), review: null, findings: [], recommendations: [], actions: [], latest: new Map() };
    const [activity] = data.assessments;
    const result = activity.results.get('org-1');
    if (result) activity.results.set('org-1', { ...result, state: 'draft', answered: 7 });
    const body = reportBody(data, today);
    expect(body.facts).toContainEqual({ label: 'Report state', value: 'No review recorded yet' });
    expect(section(body, 'Findings')).toMatchObject({
      intro: 'No review of Riverside <General> Hospital has been recorded in Peer Review Programme 2026/2028 yet.',
      groups: [],
    });
    expect(section(body, 'Recommendations').empty).toBe(section(body, 'Findings').intro);
    expect(section(body, 'Action plan')).toMatchObject({ rows: [], empty: 'There are no actions in this cycle.' });
    expect(section(body, 'Self-assessment results').activities[0]).toMatchObject({
      submitted: false,
      message: "Riverside <General> Hospital's self-assessment is in progress (7 of 13 answered): its results are shown once it is submitted.",
    });

    const draftReview = reportBody(
      {
        ...sampleLoadedReview(),
        review: { ...sampleLoadedReview().review!, state: 'draft', agreedWith: '', agreedAt: null, issuedAt: null },
        actions: [],
      },
      today,
    );
    expect(section(draftReview, 'Findings').groups.map((g: Data) => g.findings.length)).toEqual([1, 1, 1]);
    expect(section(draftReview, 'Action plan').empty).toBe('No actions yet: each recommendation becomes an action when the report is issued.');
    expect(section(draftReview, 'Recommendations').rows[0].action).toBe('Becomes an action when the report is issued');
    const noConcerns = reportBody(
      { ...sampleLoadedReview(), findings: sampleLoadedReview().findings.filter((f) => f.classification === 'good_practice') },
      today,
    );
    expect(section(noConcerns, 'Findings').groups.map((g: Data) => [g.findings.length, g.empty])).toEqual([
      [0, 'The panel found no immediate risk.'],
      [0, 'The panel found no serious concern.'],
      [0, 'The panel found no concern.'],
    ]);
  });

  it('names an action’s colour and says what it means, and why a date raised it', () => {
    const rag = (status: 'on_track' | 'deferred', due: string) => bragView(status, actionRag(status, due, SAMPLE_TODAY));
    expect(rag('on_track', '2026-11-01')).toEqual({
      tag: { label: 'Amber', colour: '#ffb81c', textColour: '#000000' },
      words: 'Overdue (reported on track)',
    });
    expect(rag('deferred', '2026-11-01').words).toBe('Deferred');
  });

  it('tells the report’s state in words', () => {
    const at = (d: string) => new Date(`${d}T12:00:00Z`);
    expect(reviewStateText(null)).toBe('No review recorded yet');
    expect(reviewStateText({ state: 'draft', summary: '', agreedWith: '', agreedAt: null, issuedAt: null })).toBe(
      'Draft: not yet agreed with the organisation',
    );
    expect(reviewStateText({ state: 'agreed', summary: '', agreedWith: 'Dr Lee', agreedAt: at('2026-03-02'), issuedAt: null })).toBe(
      'Agreed on 2 March 2026 with Dr Lee; not yet issued',
    );
    expect(ratingWords('met', 'not_applicable')).toBe('Not applicable');
    expect(ratingWords('rag', 'red')).toBe('Red (not met)');
  });

  it('counts compliance per section from the ratings, unanswered against it', () => {
    const activity = section(reportBody(sampleLoadedReview(), today), 'Self-assessment results').activities[0];
    expect(activity.overallText).toBe('8 of 13 applicable measures met (61%) across every section.');
    expect(activity.rows[0]).toMatchObject({ section: '1 Trauma team <leadership>', met: 2, partiallyMet: 1, notMet: 0, percent: '66%' });
    expect(activity.chart.bars.map((b: Data) => b.percent)).toEqual(['66%', '50%', '66%', '66%', '50%', '61%']);
    expect(activity.chart.legend.map((l: Data) => l.label)).toEqual(['Met', 'Partially met', 'Not met', 'Not applicable']);
    // A long section title takes two lines beside its bar instead of being cut.
    expect(labelLines('5 Multidisciplinary team and clinical governance', 36)).toEqual(['5 Multidisciplinary team and', 'clinical governance']);
    expect(labelLines('1 Imaging', 36)).toEqual(['1 Imaging']);
    expect(labelLines(`1 ${'word '.repeat(20)}`, 20)[1]).toMatch(/…$/);
  });
});
