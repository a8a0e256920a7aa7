import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BoardMeetingListDto, RiskDto, SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { RiskDetailComponent } from './risk-detail.component';

const RISK_ID = 'b6a3c1de-0000-4000-8000-000000000001';
const URL = `/api/networks/north-spinal/risks/${RISK_ID}`;
const LEAD: SessionMembership = { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role: 'lead', organisationId: null };

const MEETINGS = '/api/networks/north-spinal/board/meetings';
const LAST_BOARD = 'c0ffee00-0000-4000-8000-000000000001';
const meetingSummary = (id: string, meetingDate: string) => ({
  id,
  title: 'Network Board',
  meetingDate,
  startsAt: '14:00',
  location: '',
  itemCount: 5,
  paperCount: 0,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
});
const MEETING_LIST: BoardMeetingListDto = {
  asOf: '2026-12-03',
  upcoming: [
    meetingSummary('c0ffee00-0000-4000-8000-000000000003', '2026-12-03'),
    meetingSummary('c0ffee00-0000-4000-8000-000000000004', '2027-02-11'),
  ],
  past: [meetingSummary(LAST_BOARD, '2026-11-12'), meetingSummary('c0ffee00-0000-4000-8000-000000000002', '2026-08-13')],
  can: { manage: false },
};

const RISK: RiskDto = {
  id: RISK_ID,
  reference: 'SN/04',
  status: 'open',
  description: 'Delay in transfer of spinal cord injuries',
  category: 'Access',
  before: { likelihood: 4, impact: 4, score: 16, band: 'extreme', legacy: null },
  current: { likelihood: 3, impact: 4, score: 12, band: 'high', legacy: null },
  targetScore: 4,
  mitigationLead: { userId: 'u-alex', name: 'Alex Smith' },
  lastReviewedOn: '2025-03-01',
  nextReviewDue: '2025-06-01',
  overdue: true,
  dateRegistered: '2016-03-22',
  lastBoard: { meetingId: LAST_BOARD, meetingDate: '2026-11-12', reviewed: false },
  identifiedBy: 'Network',
  mitigation: 'Engagement with SCC',
  outcome: 'Likely to continue',
  reviewFrequencyMonths: 3,
  closedOn: null,
  closedReason: null,
  version: 3,
  reviews: [
    {
      id: 'r1',
      reviewedOn: '2025-03-01',
      reviewer: { userId: 'u-alex', name: 'Alex Smith' },
      likelihood: 3,
      impact: 4,
      score: 12,
      band: 'high',
      notes: 'Two hub centres in negotiations',
      boardMeeting: null,
    },
  ],
  linkedWorkItems: [{ id: 'w1', planId: 'p1', planTitle: 'Work plan 2025–27', work: 'Recruit midwives', status: 'on_track' }],
  origin: null,
  history: [
    {
      on: '2016-03-22',
      source: 'imported',
      before: { likelihood: null, impact: null, score: 9, band: 'high', legacy: { value: 9, reason: 'old' } },
      current: { likelihood: null, impact: null, score: 8, band: 'high', legacy: { value: 8, reason: 'old' } },
    },
    {
      on: '2025-03-01',
      source: 'reviewed',
      before: { likelihood: 4, impact: 4, score: 16, band: 'extreme', legacy: null },
      current: { likelihood: 3, impact: 4, score: 12, band: 'high', legacy: null },
    },
  ],
  can: { edit: false, review: true },
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('RiskDetailComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(risk: RiskDto = RISK) {
    const fixture = TestBed.createComponent(RiskDetailComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', LEAD);
    fixture.componentRef.setInput('riskId', RISK_ID);
    fixture.detectChanges();
    http.expectOne(URL).flush(risk);
    // The board's meetings are asked for once the risk says the caller may review it.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    for (const request of http.match(MEETINGS)) request.flush(MEETING_LIST);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement | undefined;
    const value = (key: string) =>
      text(
        Array.from(element.querySelectorAll('.nhsuk-summary-list__row'))
          .find((row) => text(row.querySelector('dt')) === key)
          ?.querySelector('dd') ?? null,
      );
    const set = async (id: string, v: string) => {
      const control = element.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement;
      control.value = v;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
      await fixture.whenStable();
    };
    return { fixture, element, button, value, set };
  }

  it('shows every field, the scores with names, bands and required action, and overdue in text', async () => {
    const { element, value } = await render();
    expect(text(element.querySelector('h1'))).toBe('North Spinal Network – Risk SN/04');
    const lines = (key: string) => {
      const row = Array.from(element.querySelectorAll('[data-testid="scores"] .nhsuk-summary-list__row')).find(
        (r) => text(r.querySelector('dt')) === key,
      )!;
      return [text(row.querySelector('plx-risk-score')), ...Array.from(row.querySelectorAll('.plx-score-line')).map(text)];
    };
    expect(lines('Before mitigation')).toEqual(['16 Extreme', 'Likelihood 4 – Likely, impact 4 – Major', 'Required action: Immediate action']);
    expect(lines('Current (after mitigation)')).toEqual(['12 High', 'Likelihood 3 – Possible, impact 4 – Major', 'Required action: Urgent action']);
    expect(value('Target score')).toBe('4 Medium');
    expect(value('Date registered')).toBe('22 March 2016');
    expect(value('Identified by')).toBe('Network');
    expect(value('Mitigation')).toBe('Engagement with SCC');
    expect(value('Mitigation lead')).toBe('Alex Smith');
    expect(value('Outcome')).toBe('Likely to continue');
    expect(value('Review frequency')).toBe('Every 3 months');
    expect(value('Next review due')).toBe('1 June 2025 Overdue');
  });

  it('says which peer review finding a risk was raised from, linking to the review', async () => {
    const { element, value } = await render({
      ...RISK,
      origin: {
        kind: 'peer-review-finding',
        findingId: '6f1c2b1e-8888-4888-8888-000000000001',
        reportId: '6f1c2b1e-7777-4777-8777-000000000001',
        cycleId: '6f1c2b1e-1111-4111-8111-000000000001',
        cycleName: 'Peer Review Programme 2024/2026',
        organisationId: '6f1c2b1e-2222-4222-8222-000000000001',
        organisationName: 'Riverside General Hospital',
        text: 'No consultant overnight',
      },
    });
    expect(value('Raised from')).toBe('An immediate risk found at the peer review of Riverside General Hospital (Peer Review Programme 2024/2026)');
    expect(element.querySelector('#risk-origin a')?.getAttribute('href')).toBe(
      '/n/north-spinal/peer-review/cycles/6f1c2b1e-1111-4111-8111-000000000001/reviews/6f1c2b1e-2222-4222-8222-000000000001',
    );
  });

  it('says nothing of an origin for a risk entered directly', async () => {
    const { value } = await render();
    expect(value('Raised from')).toBe('');
  });

  it('charts the history and gives the same points as a table', async () => {
    const { element } = await render();
    const svg = element.querySelector('[data-testid="history-chart"]')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
    expect(Array.from(svg.querySelectorAll('text.plx-history__band')).map(text)).toEqual(['Low', 'Medium', 'High', 'Extreme']);
    const rows = Array.from(element.querySelectorAll('[data-testid="history-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map(text),
    );
    expect(rows).toEqual([
      ['22 March 2016', 'Imported', '8 (legacy score)', 'High'],
      ['1 March 2025', 'Reviewed', '12', 'High'],
    ]);
  });

  it('lists reviews, and hides Edit and Close from someone who may only review', async () => {
    const { element, button } = await render();
    const review = Array.from(element.querySelectorAll('[data-testid="reviews"] tbody td')).map(text);
    expect(review).toEqual(['1 March 2025', 'Alex Smith', '12 High Likelihood 3 – Possible, impact 4 – Major', 'Two hub centres in negotiations']);
    expect(Array.from(element.querySelectorAll('a')).find((a) => text(a) === 'Edit risk')).toBeUndefined();
    expect(button('Close risk')).toBeUndefined();
    expect(button('Record review')).toBeDefined();
  });

  it('records a review with a live preview, then shows the updated risk', async () => {
    const { element, set, button, fixture } = await render();
    expect(text(element.querySelector('label[for="review-likelihood"]'))).toBe('Likelihood');
    expect(text(element.querySelector('label[for="review-impact"]'))).toBe('Impact');
    expect((element.querySelector('#review-likelihood') as HTMLSelectElement).value).toBe('3');
    expect((element.querySelector('#review-nextReviewDue') as HTMLInputElement).value).toBe('');
    await set('review-likelihood', '2');
    await set('review-impact', '2');
    expect(text(element.querySelector('[data-testid="review-preview"]'))).toBe('Score: 4 Medium – Act within a reasonable time');
    await set('review-reviewedOn', '2025-07-01');
    await set('review-notes', 'Hub agreed');

    element.querySelector('form#review-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    const request = http.expectOne({ method: 'POST', url: `${URL}/reviews` });
    expect(request.request.body).toEqual({
      reviewedOn: '2025-07-01',
      likelihood: 2,
      impact: 2,
      notes: 'Hub agreed',
      nextReviewDue: null,
      boardMeetingId: null,
    });
    request.flush(
      { ...RISK, current: { likelihood: 2, impact: 2, score: 4, band: 'medium', legacy: null }, overdue: false, nextReviewDue: '2025-10-01' },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain(
      'Your review of SN/04 has been recorded. The current score is 4 (Medium).',
    );
    expect(button('Record review')).toBeDefined();
  });

  it('names the board meeting a review was done at, dating the review that day, and flags a risk not reviewed at the last board', async () => {
    const { element, set, fixture, value } = await render();
    expect(value('At the last board meeting')).toBe('Not reviewed at the last board meeting (12 November 2026)');
    const options = Array.from(element.querySelectorAll('#review-boardMeetingId option')).map(text);
    // Meetings held (today's included), most recent first; none still to come.
    expect(options).toEqual([
      'Not at a board meeting',
      'Network Board, 3 December 2026',
      'Network Board, 12 November 2026',
      'Network Board, 13 August 2026',
    ]);
    await set('review-boardMeetingId', LAST_BOARD);
    fixture.detectChanges();
    expect((element.querySelector('#review-reviewedOn') as HTMLInputElement).value).toBe('2026-11-12');
    element.querySelector('form#review-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    const request = http.expectOne({ method: 'POST', url: `${URL}/reviews` });
    expect(request.request.body).toMatchObject({ reviewedOn: '2026-11-12', boardMeetingId: LAST_BOARD });
    request.flush(
      {
        ...RISK,
        lastBoard: { meetingId: LAST_BOARD, meetingDate: '2026-11-12', reviewed: true },
        reviews: [
          ...RISK.reviews,
          {
            ...RISK.reviews[0],
            id: 'r2',
            reviewedOn: '2026-11-12',
            boardMeeting: { id: LAST_BOARD, title: 'Network Board', meetingDate: '2026-11-12' },
          },
        ],
      },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(value('At the last board meeting')).toBe('Reviewed (12 November 2026)');
    expect(text(element.querySelector('[data-testid="reviews"] tbody td'))).toMatch(/^12 November 2026\s*At the Network Board, 12 November 2026$/);
  });

  it('checks a review with the shared schema', async () => {
    const { element, set, fixture } = await render();
    await set('review-likelihood', '');
    element.querySelector('form#review-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: `${URL}/reviews` });
    expect(text(element.querySelector('#review-likelihood-error'))).toBe('Error: Choose the likelihood (1 to 5)');
    expect(element.querySelector('.nhsuk-error-summary a')!.getAttribute('href')).toBe('#review-likelihood');
  });

  it('closes a risk after a confirmation step with a reason and a date', async () => {
    const { element, button, set, fixture } = await render({ ...RISK, can: { edit: true, review: true } });
    expect(
      Array.from(element.querySelectorAll('a'))
        .find((a) => text(a) === 'Edit risk')!
        .getAttribute('href'),
    ).toBe(`/n/north-spinal/risks/${RISK_ID}/edit`);
    button('Close risk')!.click();
    await fixture.whenStable();
    expect(button('Close risk')!.getAttribute('aria-expanded')).toBe('true');
    expect(text(element.querySelector('#close-heading'))).toBe('Close risk SN/04?');
    expect(document.activeElement).toBe(element.querySelector('#close-heading'));

    expect(button('Yes, close this risk')!.type).toBe('submit');
    element.querySelector('form#close-panel')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: `${URL}/close` });
    expect(text(element.querySelector('#close-reason-error'))).toBe('Error: Say why the risk is closed');

    await set('close-closedOn', '2025-08-01');
    await set('close-reason', 'Mitigated');
    element.querySelector('form#close-panel')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    const request = http.expectOne({ method: 'POST', url: `${URL}/close` });
    expect(request.request.body).toEqual({ closedOn: '2025-08-01', reason: 'Mitigated' });
    request.flush({
      ...RISK,
      status: 'closed',
      closedOn: '2025-08-01',
      closedReason: 'Mitigated',
      overdue: false,
      can: { edit: true, review: true },
    });
    await fixture.whenStable();
    expect(button('Re-open risk')).toBeDefined();
    expect(button('Record review')).toBeUndefined();
  });

  it('re-opens a closed risk', async () => {
    const closed: RiskDto = {
      ...RISK,
      status: 'closed',
      closedOn: '2025-08-01',
      closedReason: 'Mitigated',
      overdue: false,
      can: { edit: true, review: true },
    };
    const { button, fixture, value } = await render(closed);
    expect(value('Reason for closing')).toBe('Mitigated');
    button('Re-open risk')!.click();
    const request = http.expectOne({ method: 'POST', url: `${URL}/reopen` });
    request.flush({ ...RISK, can: { edit: true, review: true } });
    // Open again: the board's meetings are asked for, for the review form.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http.expectOne(MEETINGS).flush(MEETING_LIST);
    await fixture.whenStable();
    expect(button('Close risk')).toBeDefined();
  });

  it('shows the banner carried from the form', async () => {
    TestBed.inject(FlashService).set('Risk SN/04 has been added to the register.');
    const { element } = await render();
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain('Risk SN/04 has been added to the register.');
  });
});
