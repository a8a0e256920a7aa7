import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { MemberDto, RiskDto, SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { RiskFormComponent } from './risk-form.component';

const RISKS = '/api/networks/north-spinal/risks';
const MEMBERS = '/api/networks/north-spinal/members';
const RISK_ID = 'b6a3c1de-0000-4000-8000-000000000001';
const ALEX = '11111111-1111-4111-8111-111111111111';

const MANAGER: SessionMembership = { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role: 'manager', organisationId: null };

const MEMBER_LIST: MemberDto[] = [
  {
    id: 'm1',
    userId: ALEX,
    displayName: 'Alex Smith',
    email: 'alex@example.org',
    role: 'lead',
    organisationId: null,
    organisationName: null,
    joinedAt: '2025-01-01T00:00:00Z',
  },
];

const RISK: RiskDto = {
  id: RISK_ID,
  reference: 'SN/04',
  status: 'open',
  lastBoard: null,
  description: 'Delay in transfer of spinal cord injuries',
  category: 'Access',
  before: { likelihood: 4, impact: 4, score: 16, band: 'extreme', legacy: null },
  current: { likelihood: null, impact: null, score: 7, band: 'high', legacy: { value: 7, reason: '7 is not likelihood × impact on a 5×5 matrix' } },
  targetScore: 4,
  mitigationLead: { userId: ALEX, name: 'Alex Smith' },
  lastReviewedOn: null,
  nextReviewDue: '2026-06-01',
  overdue: false,
  dateRegistered: '2016-03-22',
  identifiedBy: 'Network',
  mitigation: 'Engagement with SCC',
  outcome: '',
  reviewFrequencyMonths: 3,
  closedOn: null,
  closedReason: null,
  version: 7,
  reviews: [],
  history: [],
  linkedWorkItems: [],
  origin: null,
  can: { edit: true, review: true },
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('RiskFormComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(riskId?: string) {
    const fixture = TestBed.createComponent(RiskFormComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    if (riskId) fixture.componentRef.setInput('riskId', riskId);
    fixture.detectChanges();
    http.expectOne(MEMBERS).flush(MEMBER_LIST);
    if (riskId) http.expectOne(`${RISKS}/${riskId}`).flush(RISK);
    // The work items to link come from the network's plans (none here).
    await new Promise((r) => setTimeout(r));
    http.expectOne('/api/networks/north-spinal/work-plan/plans').flush([]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const byLabel = (label: string) => {
      const forId = Array.from(element.querySelectorAll('label'))
        .find((l) => text(l) === label)
        ?.getAttribute('for');
      return element.querySelector(`#${forId}`) as HTMLInputElement & HTMLSelectElement;
    };
    const set = async (label: string, value: string) => {
      const control = byLabel(label);
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector('form#risk-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, element, byLabel, set, submit };
  }

  it('labels every field and names likelihood and impact in the selects', async () => {
    const { byLabel } = await render();
    for (const label of [
      'Date registered',
      'Identified by',
      'Description',
      'Category',
      'Likelihood before mitigation',
      'Impact before mitigation',
      'Mitigation',
      'Mitigation lead',
      'Name or role of the mitigation lead',
      'Likelihood after mitigation',
      'Impact after mitigation',
      'Target score',
      'Outcome',
      'Review frequency',
      'Next review date',
    ]) {
      expect(byLabel(label)).not.toBeNull();
    }
    expect(Array.from(byLabel('Likelihood before mitigation').options).map((o) => o.text.trim())).toEqual([
      'Choose a likelihood',
      '1 – Rare',
      '2 – Unlikely',
      '3 – Possible',
      '4 – Likely',
      '5 – Almost certain',
    ]);
    expect(Array.from(byLabel('Impact after mitigation').options).map((o) => o.text.trim())).toContain('5 – Catastrophic');
    expect(Array.from(byLabel('Mitigation lead').options).map((o) => o.text.trim())).toContain('Alex Smith (Lead)');
    expect(byLabel('Date registered').value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byLabel('Review frequency').value).toBe('3');
  });

  it('previews the score and band as likelihood and impact are chosen', async () => {
    const { element, set } = await render();
    const preview = element.querySelector('[data-testid="before-preview"]')!;
    expect(preview.getAttribute('aria-live')).toBe('polite');
    expect(text(preview)).toBe('Choose a likelihood and an impact to see the score.');
    await set('Likelihood before mitigation', '4');
    await set('Impact before mitigation', '3');
    expect(text(preview)).toBe('Score before mitigation: 12 High – Urgent action');
    await set('Likelihood after mitigation', '2');
    await set('Impact after mitigation', '2');
    expect(text(element.querySelector('[data-testid="after-preview"]'))).toBe('Current score: 4 Medium – Act within a reasonable time');
  });

  it('checks with the shared schema and lists each problem next to its field and in the summary', async () => {
    const { element, set, submit } = await render();
    await set('Date registered', '');
    await submit();
    http.expectNone({ method: 'POST', url: RISKS });
    const links = Array.from(element.querySelectorAll('.nhsuk-error-summary a')).map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).toEqual([
      ['#dateRegistered', 'Enter the date registered'],
      ['#description', 'Describe the risk'],
      ['#likelihoodBefore', 'Choose the likelihood before mitigation (1 to 5)'],
      ['#impactBefore', 'Choose the impact before mitigation (1 to 5)'],
      ['#likelihoodAfter', 'Choose the likelihood after mitigation (1 to 5)'],
      ['#impactAfter', 'Choose the impact after mitigation (1 to 5)'],
    ]);
    expect(text(element.querySelector('#likelihoodBefore-error'))).toBe('Error: Choose the likelihood before mitigation (1 to 5)');
    expect(element.querySelector('#likelihoodBefore')!.getAttribute('aria-describedby')).toBe('likelihoodBefore-error');
    expect(document.activeElement).toBe(element.querySelector('.nhsuk-error-summary'));
  });

  it('adds a risk, then goes to its page with a banner naming its reference', async () => {
    const { set, submit, fixture } = await render();
    await set('Date registered', '2026-03-01');
    await set('Description', 'RTT 18 weeks');
    await set('Likelihood before mitigation', '4');
    await set('Impact before mitigation', '4');
    await set('Mitigation lead', ALEX);
    await set('Likelihood after mitigation', '2');
    await set('Impact after mitigation', '4');
    await set('Target score', '4');
    await submit();
    const request = http.expectOne({ method: 'POST', url: RISKS });
    expect(request.request.body).toEqual({
      dateRegistered: '2026-03-01',
      identifiedBy: '',
      description: 'RTT 18 weeks',
      category: '',
      likelihoodBefore: 4,
      impactBefore: 4,
      mitigation: '',
      mitigationLeadUserId: ALEX,
      mitigationLeadName: '',
      likelihoodAfter: 2,
      impactAfter: 4,
      targetScore: 4,
      outcome: '',
      linkedWorkItemIds: [],
      reviewFrequencyMonths: 3,
      nextReviewDue: null,
    });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    request.flush({ ...RISK, id: 'new-id', reference: 'SN/12' }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal', 'risks', 'new-id']);
    expect(TestBed.inject(FlashService).take()).toBe('Risk SN/12 has been added to the register.');
  });

  it('shows the API’s field errors the same way', async () => {
    const { element, set, submit, fixture } = await render();
    await set('Description', 'x');
    for (const label of ['Likelihood before mitigation', 'Impact before mitigation', 'Likelihood after mitigation', 'Impact after mitigation']) {
      await set(label, '1');
    }
    await submit();
    http.expectOne({ method: 'POST', url: RISKS }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Check the risk',
        fields: [{ field: 'mitigationLeadUserId', message: 'Alex is no longer a member' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('#mitigationLeadUserId-error'))).toBe('Error: Alex is no longer a member');
    expect(text(element.querySelector('.nhsuk-error-summary a'))).toBe('Alex is no longer a member');
  });

  it('edits a risk from its saved values, explaining a legacy score, and sends the version', async () => {
    const { element, byLabel, set, submit } = await render(RISK_ID);
    expect(text(element.querySelector('h1'))).toContain('Edit risk SN/04');
    expect(byLabel('Description').value).toBe('Delay in transfer of spinal cord injuries');
    expect(byLabel('Likelihood before mitigation').value).toBe('4');
    expect(byLabel('Likelihood after mitigation').value).toBe('');
    expect(byLabel('Mitigation lead').value).toBe(ALEX);
    expect(text(element.querySelector('.nhsuk-inset-text'))).toContain('The score after mitigation is 7, from an old register.');

    await set('Likelihood after mitigation', '2');
    await set('Impact after mitigation', '3');
    await submit();
    const request = http.expectOne({ method: 'PUT', url: `${RISKS}/${RISK_ID}` });
    expect(request.request.body).toMatchObject({ version: 7, likelihoodAfter: 2, impactAfter: 3, dateRegistered: '2016-03-22', targetScore: 4 });
    request.flush({ ...RISK, version: 8 });
  });

  it('explains a conflict (409) and reloads the latest risk on request', async () => {
    const { element, submit, fixture, set } = await render(RISK_ID);
    await set('Likelihood after mitigation', '2');
    await set('Impact after mitigation', '3');
    await submit();
    http
      .expectOne({ method: 'PUT', url: `${RISKS}/${RISK_ID}` })
      .flush({ statusCode: 409, code: 'version_conflict', message: 'Stale' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    const conflict = element.querySelector('#conflict')!;
    expect(text(conflict)).toContain('Someone else changed this risk');
    expect(document.activeElement).toBe(conflict);
    (Array.from(conflict.querySelectorAll('button')).find((b) => text(b) === 'Reload the latest risk') as HTMLButtonElement).click();
    TestBed.tick();
    http.expectOne(`${RISKS}/${RISK_ID}`).flush({ ...RISK, version: 9, description: 'Changed by a colleague' });
    await fixture.whenStable();
    expect(element.querySelector('#conflict')).toBeNull();
    expect((element.querySelector('#description') as HTMLTextAreaElement).value).toBe('Changed by a colleague');

    await set('Likelihood after mitigation', '2');
    await set('Impact after mitigation', '3');
    await submit();
    const retry = http.expectOne({ method: 'PUT', url: `${RISKS}/${RISK_ID}` });
    expect(retry.request.body.version).toBe(9);
    retry.flush({ ...RISK, version: 10 });
  });
});
