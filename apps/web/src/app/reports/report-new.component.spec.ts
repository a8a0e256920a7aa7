import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type {
  BoardMeetingListDto,
  BoardMeetingSummaryDto,
  ReportDocumentDto,
  RiskSummaryDto,
  SessionMembership,
  SessionResponse,
  WorkPlanSummaryDto,
} from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { SessionService } from '../core/session.service';
import { ReportNewComponent } from './report-new.component';

const URL = '/api/networks/north-spinal/reports';
const PLANS = '/api/networks/north-spinal/work-plan/plans';
const RISKS = '/api/networks/north-spinal/risks';
const MEETINGS = '/api/networks/north-spinal/board/meetings';
const CYCLES = '/api/networks/north-spinal/peer-review/cycles';
const ORG = '6f1c2b1e-2222-4222-8222-000000000001';
const CYCLE = {
  id: '6f1c2b1e-1111-4111-8111-000000000001',
  name: 'Peer Review Programme 2026/2028',
  firstFy: '2026/27',
  lastFy: '2027/28',
  status: 'active',
  organisations: [
    { id: ORG, name: 'Riverside General Hospital', type: 'trauma_unit' },
    { id: '6f1c2b1e-2222-4222-8222-000000000002', name: 'Kingsmead Hospital', type: 'trauma_unit' },
  ],
};

function meeting(id: string, meetingDate: string): BoardMeetingSummaryDto {
  return {
    id,
    title: 'Network Board',
    meetingDate,
    startsAt: null,
    location: '',
    itemCount: 0,
    paperCount: 0,
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
  };
}
const MAR = meeting('6f1c2b1e-0000-4000-8000-0000000000a3', '2026-03-12');
const JUN = meeting('6f1c2b1e-0000-4000-8000-0000000000a6', '2026-06-11');
const SEP = meeting('6f1c2b1e-0000-4000-8000-0000000000a9', '2026-09-10');
const DEC = meeting('6f1c2b1e-0000-4000-8000-0000000000ac', '2026-12-10');
const BOARD: BoardMeetingListDto = { asOf: '2026-12-03', upcoming: [DEC], past: [SEP, JUN, MAR], can: { manage: true } };

const MANAGER: SessionMembership = { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role: 'manager', organisationId: null };

const PLAN: WorkPlanSummaryDto = {
  id: '6f1c2b1e-0000-4000-8000-000000000001',
  title: 'Objectives and work plan 2023–25',
  periodStart: '2023-04-01',
  periodEnd: '2025-03-31',
  status: 'approved',
  approvedOn: '2023-05-10',
  counts: { items: 0, rag: { blue: 0, green: 0, amber: 0, red: 0, grey: 0 }, worst: null, slipped: 0, flagged: 0, complete: 0 },
};

function risk(reference: string, description: string): RiskSummaryDto {
  const score = { likelihood: 3, impact: 3, score: 9, band: 'high', legacy: null } as RiskSummaryDto['current'];
  return {
    id: `id-${reference}`,
    reference,
    status: 'open',
    description,
    lastBoard: null,
    category: '',
    before: score,
    current: score,
    targetScore: null,
    mitigationLead: { userId: null, name: '' },
    lastReviewedOn: null,
    nextReviewDue: null,
    overdue: false,
    dateRegistered: '2025-01-01',
  };
}

function queued(kind: ReportDocumentDto['kind'], title: string): ReportDocumentDto {
  return {
    id: 'd1',
    kind,
    title,
    status: 'queued',
    progress: 0,
    requestedAt: '2026-11-24T10:05:00Z',
    requestedBy: { userId: 'u1', name: 'Priya Shah' },
    startedAt: null,
    finishedAt: null,
    attempts: 0,
    failureReason: null,
    templateVersion: null,
    sizeBytes: null,
    pageCount: null,
    sha256: null,
    downloadUrl: null,
    withdrawn: null,
    can: { retry: false, withdraw: false },
  };
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('ReportNewComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionService).set({
      user: { id: 'u1', email: 'priya.shah@example.org', displayName: 'Priya Shah', isOperator: false },
      memberships: [MANAGER],
      csrfToken: 'token',
    } satisfies SessionResponse);
  });
  afterEach(() => http.verify());

  async function render(board: BoardMeetingListDto = BOARD) {
    const fixture = TestBed.createComponent(ReportNewComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    fixture.detectChanges();
    http.expectOne(PLANS).flush([PLAN]);
    http.expectOne(MEETINGS).flush(board);
    http.expectOne(RISKS).flush([risk('SN/01', 'RTT 18 weeks'), risk('SN/02', 'PROMS data collection'), risk('SN/10', 'Referral system')]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => element.querySelector(`#${id}`) as T;
    const labelOf = (id: string) => text(element.querySelector(`label[for="${id}"]`));
    const type = async (id: string, value: string) => {
      const control = byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id);
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      byId(id).click();
      await fixture.whenStable();
    };
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement;
    const submit = async () => {
      element.querySelector('form#report-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, element, navigate, byId, labelOf, type, click, button, submit };
  }

  it('creates a progress report on the current approved plan in one click, then goes to the library', async () => {
    const { byId, labelOf, submit, navigate, button, fixture } = await render();
    expect(byId('kind').checked).toBe(true);
    expect(labelOf('kind')).toBe('Progress report');
    expect(labelOf('options-planId')).toBe('Plan');
    const plan = byId<HTMLSelectElement>('options-planId');
    expect(Array.from(plan.options).map((o) => o.text)).toEqual([
      'The current approved plan',
      'Objectives and work plan 2023–25 (1 April 2023 to 31 March 2025, approved)',
    ]);
    expect(button('Create report')).toBeTruthy();

    await submit();
    const request = http.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({ kind: 'progress', options: {} });
    request.flush(queued('progress', 'Progress report'), { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal', 'reports']);
    expect(TestBed.inject(FlashService).take()).toContain('Progress report has been requested.');
  });

  it('offers the peer review report with the cycle, then the organisations of the cycle chosen, and sends them', async () => {
    const { fixture, byId, labelOf, type, submit, element } = await render();
    // Choosing it asks for the cycles (answered before the page settles again).
    byId('kind-peer_review_report').click();
    TestBed.tick();
    http.expectOne(CYCLES).flush({ asOf: '2026-12-03', cycles: [CYCLE], can: { manage: true } });
    await fixture.whenStable();
    expect(labelOf('kind-peer_review_report')).toBe('Peer review report');
    await submit();
    http.expectNone({ method: 'POST', url: URL });
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Choose a peer review cycle');
    expect(labelOf('options-cycleId')).toBe('Peer review cycle');
    const cycles = byId<HTMLSelectElement>('options-cycleId');
    expect(Array.from(cycles.options).map((o) => o.text)).toEqual(['Choose a cycle', 'Peer Review Programme 2026/2028 (2026/27 to 2027/28, active)']);
    expect(text(element.querySelector('#options-organisationId-hint'))).toBe('Choose the cycle first: its organisations are listed here.');
    cycles.value = CYCLE.id;
    cycles.dispatchEvent(new Event('change'));
    TestBed.tick();
    http.expectOne(`${CYCLES}/${CYCLE.id}`).flush(CYCLE);
    await fixture.whenStable();
    const organisations = byId<HTMLSelectElement>('options-organisationId');
    expect(Array.from(organisations.options).map((o) => o.text)).toEqual([
      'Choose an organisation',
      'Riverside General Hospital',
      'Kingsmead Hospital',
    ]);
    await type('options-organisationId', ORG);
    await submit();
    expect(http.expectOne({ method: 'POST', url: URL }).request.body).toEqual({
      kind: 'peer_review_report',
      options: { cycleId: CYCLE.id, organisationId: ORG },
    });
  });

  it('offers the programme summary with its cycle, and either as a board paper’s body', async () => {
    const { fixture, click, byId, type, submit } = await render();
    byId('kind-peer_review_summary').click();
    TestBed.tick();
    http.expectOne(CYCLES).flush({ asOf: '2026-12-03', cycles: [CYCLE], can: { manage: true } });
    await fixture.whenStable();
    expect(byId('options-organisationId')).toBeNull();
    await type('options-cycleId', CYCLE.id);
    await submit();
    expect(http.expectOne({ method: 'POST', url: URL }).request.body).toEqual({ kind: 'peer_review_summary', options: { cycleId: CYCLE.id } });

    await click('kind-board_paper');
    byId('body-peer_review_summary').click();
    TestBed.tick();
    http.expectOne(CYCLES).flush({ asOf: '2026-12-03', cycles: [CYCLE], can: { manage: true } });
    await fixture.whenStable();
    // The cycle chosen for the summary is kept for the paper's body.
    expect(byId<HTMLSelectElement>('body-options-cycleId').value).toBe(CYCLE.id);
  });

  it('sends a chosen plan', async () => {
    const { type, submit } = await render();
    await type('options-planId', PLAN.id);
    await submit();
    expect(http.expectOne({ method: 'POST', url: URL }).request.body).toEqual({ kind: 'progress', options: { planId: PLAN.id } });
  });

  it('offers the risk register report’s options and sends them', async () => {
    const { click, byId, labelOf, type, submit } = await render();
    await click('kind-risk_register');
    expect(labelOf('options-changedSince')).toBe('Changes since');
    // Typed in UK order whatever the browser's language (UkDateDirective), with a hint saying so.
    expect(byId('options-changedSince').type).toBe('text');
    expect(text(byId('options-changedSince').previousElementSibling)).toBe('Day/month/year, for example 31/03/2026');
    expect(labelOf('options-topRisks')).toBe('Number of top risks');
    expect(byId('options-topRisks').value).toBe('10');
    expect(byId('options-planId')).toBeNull();
    await type('options-changedSince', '2026-09-01');
    await submit();
    expect(http.expectOne({ method: 'POST', url: URL }).request.body).toEqual({
      kind: 'risk_register',
      options: { changedSince: '2026-09-01', topRisks: 10 },
    });
  });

  it('fills a board paper’s cover with defaults and checks it with the shared schema before sending', async () => {
    const { click, byId, element, submit } = await render();
    await click('kind-board_paper');
    expect(byId('cover-meeting').value).toBe('Network Board');
    expect(byId('cover-author').value).toBe('Priya Shah');
    expect(byId('cover-nextPaperDate').value).toBe('TBC');
    expect((byId('body-progress') as HTMLInputElement).checked).toBe(true);
    expect(byId('body-options-planId')).not.toBeNull();

    await submit();
    http.expectNone({ method: 'POST', url: URL });
    const summary = element.querySelector('.nhsuk-error-summary')!;
    expect(Array.from(summary.querySelectorAll('a')).map((a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['#title', 'Give the paper a title'],
      ['#cover-meetingDate', 'Enter the meeting date'],
      ['#cover-purposes', 'Choose what the paper is for'],
      ['#cover-executiveSummary', 'Write the executive summary'],
    ]);
    expect(text(element.querySelector('#cover-meetingDate-error'))).toBe('Error: Enter the meeting date');
    expect(byId('cover-meetingDate').getAttribute('aria-describedby')).toMatch(
      /^cover-meetingDate-hint plx-date-format-\d+ cover-meetingDate-error$/,
    );
    expect(document.activeElement).toBe(summary);
  });

  it('sends a whole board paper, with rows and risk references, as the cover sheet alone', async () => {
    const { click, type, button, byId, labelOf, submit, fixture } = await render();
    await click('kind-board_paper');
    await type('title', 'Terms of reference review');
    await type('cover-meetingDate', '2026-12-03');
    await click('cover-purposes');
    expect(labelOf('cover-purposes')).toBe('Decision');
    expect(labelOf('cover-purposes-discussion')).toBe('Discussion');
    await type('cover-executiveSummary', 'The board is asked to approve the revised terms of reference.');
    await type('cover-recommendation', 'Approve the revised terms of reference.');

    button('Add a previous meeting').click();
    await fixture.whenStable();
    expect(document.activeElement?.id).toBe('cover-previousConsideration-0-meeting');
    await type('cover-previousConsideration-0-meeting', 'Executive Board');
    await type('cover-previousConsideration-0-date', 'May 2026');

    button('Add a question').click();
    button('Add a question').click();
    await fixture.whenStable();
    await type('cover-questions-0', 'Does the board approve?');
    await type('cover-questions-1', 'Anything missing?');
    button('Remove question 1').click();
    await fixture.whenStable();
    expect(byId<HTMLTextAreaElement>('cover-questions-0').value).toBe('Anything missing?');

    button('Add a priority').click();
    await fixture.whenStable();
    await type('cover-priorities-0-priority', 'Streamlined emergency care');
    await click('cover-priorities-0-link-no');

    expect(labelOf('cover-riskReferences-SN-10')).toBe('SN/10 Referral system');
    await click('cover-riskReferences-SN-10');
    await click('cover-riskReferences-SN-02');
    await click('body-none');
    expect(byId('body-options-planId')).toBeNull();

    await submit();
    const request = http.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({
      kind: 'board_paper',
      title: 'Terms of reference review',
      cover: {
        meeting: 'Network Board',
        meetingDate: '2026-12-03',
        paperReference: '',
        author: 'Priya Shah',
        purposes: ['decision'],
        previousConsideration: [{ meeting: 'Executive Board', date: 'May 2026', outcome: '' }],
        executiveSummary: 'The board is asked to approve the revised terms of reference.',
        recommendation: 'Approve the revised terms of reference.',
        questions: ['Anything missing?'],
        priorities: [{ priority: 'Streamlined emergency care', link: 'no' }],
        equalityImpact: '',
        publicInvolvement: '',
        riskReferences: ['SN/02', 'SN/10'],
        nextPaperDate: 'TBC',
      },
    });
    request.flush(queued('board_paper', 'Terms of reference review'), { status: 202, statusText: 'Accepted' });
  });

  it('shows the API’s 400 by field, a risk reference next to its checkbox', async () => {
    const { click, type, submit, element, fixture } = await render();
    await click('kind-board_paper');
    await type('title', 'Paper');
    await type('cover-meetingDate', '2026-12-03');
    await click('cover-purposes');
    await type('cover-executiveSummary', 'Summary');
    await click('cover-riskReferences-SN-01');
    await click('cover-riskReferences-SN-10');
    await click('body-risk_register');
    await submit();
    http.expectOne({ method: 'POST', url: URL }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Check the request',
        fields: [
          { field: 'cover.riskReferences.1', message: "SN/10 is not in this network's risk register" },
          { field: 'body.options.topRisks', message: 'Show 50 top risks at most' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('#cover-riskReferences-SN-10-error'))).toBe("Error: SN/10 is not in this network's risk register");
    expect(element.querySelector('#cover-riskReferences-SN-10')!.getAttribute('aria-describedby')).toBe('cover-riskReferences-SN-10-error');
    expect(text(element.querySelector('#body-options-topRisks-error'))).toBe('Error: Show 50 top risks at most');
    expect(Array.from(element.querySelectorAll('.nhsuk-error-summary a')).map((a) => a.getAttribute('href'))).toEqual([
      '#cover-riskReferences-SN-10',
      '#body-options-topRisks',
    ]);
  });

  it('goes on without the plan choice when the plans cannot be loaded', async () => {
    const fixture = TestBed.createComponent(ReportNewComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    fixture.detectChanges();
    http.expectOne(PLANS).flush({ statusCode: 404, code: 'not_found', message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    http.expectOne(MEETINGS).flush({ statusCode: 500, code: 'internal', message: 'Down' }, { status: 500, statusText: 'Server Error' });
    http.expectOne(RISKS).flush([]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element.querySelector('#options-planId-hint'))).toContain("the report will be on the network's current approved plan");
    expect(Array.from((element.querySelector('#options-planId') as HTMLSelectElement).options).map((o) => o.text)).toEqual([
      'The current approved plan',
    ]);
    expect(text(element.querySelector('#since-board-summary'))).toBe(
      'The board meetings could not be loaded, so the report will compare the last two meetings held.',
    );
  });

  it('offers the board meetings for "since the last board", saying which two are compared by default', async () => {
    const { byId, labelOf, element, submit, fixture } = await render();
    const summary = () => text(element.querySelector('#since-board-summary'));
    const optionsOf = (id: string) => Array.from(byId<HTMLSelectElement>(id).options).map((o) => o.text.trim());
    expect(text(element.querySelector('.plx-since-board legend'))).toBe('Since the last board');
    expect(labelOf('options-sinceMeetingId')).toBe('Compare from');
    expect(labelOf('options-toMeetingId')).toBe('Compare with');
    expect(summary()).toBe('The report will compare the Network Board on 11 June 2026 with the Network Board on 10 September 2026.');
    expect(optionsOf('options-sinceMeetingId')).toEqual([
      'The meeting before (11 June 2026)',
      '10 December 2026 – Network Board (still to come)',
      '10 September 2026 – Network Board',
      '11 June 2026 – Network Board',
      '12 March 2026 – Network Board',
    ]);
    expect(optionsOf('options-toMeetingId')[0]).toBe('The last meeting held (10 September 2026)');
    // The select describes itself by the section's explanation.
    expect(byId('options-sinceMeetingId').getAttribute('aria-describedby')).toContain('options-meetings-hint');

    // Nothing chosen: the defaults are left to the API, which takes the same two.
    await submit();
    http.expectOne({ method: 'POST', url: URL }).flush(queued('progress', 'Progress report'), { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
  });

  it('sends the meetings chosen and says what they compare, or why they cannot be compared', async () => {
    const { type, element, submit } = await render();
    const summary = () => text(element.querySelector('#since-board-summary'));
    await type('options-sinceMeetingId', SEP.id);
    expect(summary()).toBe(
      'The report will compare the Network Board on 10 September 2026 with today (the Network Board on 10 December 2026 is still to come).',
    );
    await type('options-toMeetingId', JUN.id);
    expect(summary()).toBe('These meetings cannot be compared: Choose a meeting before the one on 11 June 2026 to compare from.');
    await type('options-sinceMeetingId', MAR.id);
    expect(summary()).toBe('The report will compare the Network Board on 12 March 2026 with the Network Board on 11 June 2026.');
    await submit();
    expect(http.expectOne({ method: 'POST', url: URL }).request.body).toEqual({
      kind: 'progress',
      options: { sinceMeetingId: MAR.id, toMeetingId: JUN.id },
    });
  });

  it('shows the API’s refusal of a meeting beside its picker', async () => {
    const { type, element, submit, fixture } = await render();
    expect(element.querySelector('#options-toMeetingId-error')).toBeNull();
    await type('options-toMeetingId', SEP.id);
    await submit();
    http.expectOne({ method: 'POST', url: URL }).flush(
      {
        statusCode: 404,
        code: 'not_found',
        message: 'That board meeting is not in this network',
        fields: [{ field: 'options.toMeetingId', message: 'That board meeting is not in this network' }],
      },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('#options-toMeetingId-error'))).toBe('Error: That board meeting is not in this network');
  });

  it('says plainly when the board has not met twice yet', async () => {
    const { element, byId } = await render({ ...BOARD, upcoming: [DEC], past: [SEP] });
    expect(text(element.querySelector('#since-board-summary'))).toBe(
      'The board has not met twice yet up to today, so the section will say there is nothing to compare. To see what changed since a meeting up to today, choose it as the meeting to compare from.',
    );
    expect(byId<HTMLSelectElement>('options-sinceMeetingId').options[0].text.trim()).toBe('The meeting before');
  });
});
