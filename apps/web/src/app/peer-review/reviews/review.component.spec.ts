import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReviewReportDto, SessionMembership } from '@plexus/contracts';
import { cycle, CYCLE_ID, membership, ORG_ONE, SLUG, text } from '../peer-review.testing';
import { ReviewComponent } from './review.component';
import { criterion, standardSet, summary, V1, V2, version } from '../standards/standards-test-data';
import { finding, report, REVIEW_ID, reviewList, RISK_ID } from './reviews-test-data';

const BASE = `/api/networks/${SLUG}/peer-review`;
const LIST = `${BASE}/cycles/${CYCLE_ID}/reviews`;
const CYCLE = `${BASE}/cycles/${CYCLE_ID}`;
const REPORT = `${BASE}/reviews/${REVIEW_ID}`;

describe('ReviewComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(r: ReviewReportDto | null, who: SessionMembership = membership('manager'), manage = true) {
    const fixture = TestBed.createComponent(ReviewComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', who);
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.componentRef.setInput('organisationId', ORG_ONE);
    fixture.detectChanges();
    http.expectOne(LIST).flush(reviewList(r, manage));
    http.expectOne(CYCLE).flush(cycle());
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    if (r) http.expectOne(REPORT).flush(r);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  /** Lets a resource's answer reach the signals that depend on it (the report's address comes from the list). */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const click = (element: HTMLElement, selector: string) => element.querySelector<HTMLButtonElement>(selector)?.click();

  it('groups the findings by class, immediate risks first, with their recommendations and empty classes said in words', async () => {
    const { element } = await render(
      report({
        findings: [
          finding(1, {
            classification: 'immediate_risk',
            classificationLabel: 'Immediate risk',
            recommendations: [{ id: 'r1', position: 1, text: 'Put a rota in place', actionId: null }],
          }),
          finding(2, { classification: 'good_practice', classificationLabel: 'Good practice' }),
        ],
      }),
    );
    expect(text(element.querySelector('h1'))).toBe('Peer Review Programme 2026/2028 – Review of Riverside General Hospital');
    expect([...element.querySelectorAll('section h2')].map((h) => text(h))).toEqual([
      'Immediate risk (1)',
      'Serious concern (0)',
      'Concern (0)',
      'Good practice (1)',
    ]);
    expect(text(element.querySelector('#findings-immediate_risk'))).toContain('Put a rota in place');
    expect(text(element.querySelector('#findings-concern'))).toContain('No concern recorded.');
    expect(text(element.querySelector('#state'))).toBe('Draft');
  });

  it('lets a manager generate the peer review report as a PDF; a contributor reading the issued review is not offered it', async () => {
    const { element, fixture } = await render(report());
    const button = element.querySelector<HTMLButtonElement>('#review-pdf-generate');
    expect(text(button)).toBe('Generate the peer review report (PDF)');
    expect(text(element.querySelector('#review-pdf-hint'))).toContain('contributors do not see it there');
    button?.click();
    const asked = http.expectOne({ method: 'POST', url: `/api/networks/${SLUG}/reports` });
    expect(asked.request.body).toEqual({
      kind: 'peer_review_report',
      title: 'Peer review report: Riverside General Hospital (Peer Review Programme 2026/2028)',
      options: { cycleId: CYCLE_ID, organisationId: ORG_ONE },
    });
    asked.flush(
      {
        id: 'a1b2c3d4-0000-4000-8000-000000000007',
        kind: 'peer_review_report',
        title: 'Peer review report: Riverside General Hospital (Peer Review Programme 2026/2028)',
        status: 'ready',
        progress: 100,
        requestedAt: '2026-12-03T10:00:00Z',
        requestedBy: { userId: 'u1', name: 'Priya Shah' },
        startedAt: null,
        finishedAt: '2026-12-03T10:00:05Z',
        attempts: 1,
        failureReason: null,
        templateVersion: '2026.12.4',
        sizeBytes: 90_000,
        pageCount: 6,
        sha256: null,
        downloadUrl: `/api/networks/${SLUG}/reports/a1b2c3d4-0000-4000-8000-000000000007/download`,
        withdrawn: null,
        can: { retry: false, withdraw: false },
      },
      { status: 202, statusText: 'Accepted' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('#review-pdf-download')?.getAttribute('href')).toBe(
      `/api/networks/${SLUG}/reports/a1b2c3d4-0000-4000-8000-000000000007/download`,
    );

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
    const contributor = await render(report({ state: 'issued' }), membership('contributor', ORG_ONE), false);
    expect(contributor.element.querySelector('#review-pdf-generate')).toBeNull();
    expect(contributor.element.querySelector('#report-pdf')).toBeNull();
  });

  it('adds a finding about a criterion of a published standard, saying what is missing next to the field first', async () => {
    const { fixture, element } = await render(report());
    click(element, '#add-finding');
    await settle();
    // Only published versions with criteria are offered.
    http
      .expectOne(`/api/networks/${SLUG}/standards/sets`)
      .flush({ sets: [standardSet({ versions: [summary(V2, 2), summary(V1, 1, { status: 'published' })] })], can: { create: true } });
    await fixture.whenStable();
    fixture.detectChanges();
    expect([...element.querySelectorAll('#versionId option')].map((o) => text(o))).toEqual([
      'None – a theme only',
      'EMMTN-AT version 1 – Network assessment tool',
    ]);
    element.querySelector<HTMLFormElement>('#finding-form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(text(element.querySelector('plx-error-summary'))).toContain('Choose a class');
    http.expectNone(`${REPORT}/findings`);

    element.querySelector<HTMLInputElement>('#classification-serious_concern')?.dispatchEvent(new Event('change'));
    const type = (id: string, value: string) => {
      const field = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`) as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    const chosen = element.querySelector<HTMLSelectElement>('#versionId') as HTMLSelectElement;
    chosen.value = V1;
    chosen.dispatchEvent(new Event('change'));
    await settle();
    http.expectOne(`/api/networks/${SLUG}/standards/versions/${V1}`).flush(version({ status: 'published' }));
    await fixture.whenStable();
    fixture.detectChanges();
    const criterionSelect = element.querySelector<HTMLSelectElement>('#criterionId') as HTMLSelectElement;
    expect([...criterionSelect.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['1 Access', '2 Transfers']);
    criterionSelect.value = criterion('1.2', 'x', 2).id;
    criterionSelect.dispatchEvent(new Event('change'));
    type('theme', 'Imaging');
    type('text', 'CT reports delayed');
    type('recommendations', 'Agree a reporting standard\n\nAudit it quarterly');
    element.querySelector<HTMLFormElement>('#finding-form')?.dispatchEvent(new Event('submit'));
    const post = http.expectOne(`${REPORT}/findings`);
    expect(post.request.body).toEqual({
      classification: 'serious_concern',
      criterionId: criterion('1.2', 'x', 2).id,
      theme: 'Imaging',
      text: 'CT reports delayed',
      recommendations: ['Agree a reporting standard', 'Audit it quarterly'],
    });
    post.flush(finding(3, { classification: 'serious_concern', classificationLabel: 'Serious concern' }));
    await settle();
    http.expectOne(REPORT).flush(report({ findings: [finding(3, { classification: 'serious_concern', classificationLabel: 'Serious concern' })] }));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#findings-serious_concern'))).toContain('Finding 3');
  });

  it('raises an immediate risk to the register after confirming, then shows the linked risk', async () => {
    const immediate = finding(1, { classification: 'immediate_risk', classificationLabel: 'Immediate risk', can: { edit: false, raiseRisk: true } });
    const { fixture, element } = await render(
      report({
        state: 'issued',
        stateLabel: 'Issued',
        findings: [immediate],
        can: { edit: false, agree: false, reopen: false, issue: false, delete: false },
      }),
    );
    click(element, `#raise-${immediate.id}`);
    fixture.detectChanges();
    expect(text(element.querySelector('#confirm-heading'))).toBe('Add this immediate risk to the network’s risk register?');
    click(element, '#confirm');
    const raised = { ...immediate, risk: { id: RISK_ID, reference: 'EM-R7', status: 'open' }, can: { edit: false, raiseRisk: false } };
    http
      .expectOne(`${BASE}/findings/${immediate.id}/raise-risk`)
      .flush({ created: true, risk: { id: RISK_ID, reference: 'EM-R7', status: 'open', description: 'x' }, finding: raised });
    await settle();
    http
      .expectOne(REPORT)
      .flush(report({ state: 'issued', findings: [raised], can: { edit: false, agree: false, reopen: false, issue: false, delete: false } }));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector(`#risk-${immediate.id}`))).toBe('On the risk register as EM-R7 (open)');
    expect(element.querySelector(`#raise-${immediate.id}`)).toBeNull();
    expect(text(element.querySelector('plx-success-banner'))).toContain('Risk EM-R7 has been added to the risk register');
  });

  it('records the agreement with a named lead, then issues the report after confirming', async () => {
    const { fixture, element } = await render(report());
    click(element, '#agree');
    fixture.detectChanges();
    element.querySelector<HTMLFormElement>('#agree-form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(text(element.querySelector('plx-error-summary'))).toContain('Name the organisation’s lead');
    const lead = element.querySelector<HTMLInputElement>('#agreedWith') as HTMLInputElement;
    lead.value = 'Dr A. Jones, Clinical Lead';
    lead.dispatchEvent(new Event('input'));
    element.querySelector<HTMLFormElement>('#agree-form')?.dispatchEvent(new Event('submit'));
    const agree = http.expectOne(`${REPORT}/agree`);
    expect(agree.request.body).toEqual({ agreedWith: 'Dr A. Jones, Clinical Lead' });
    agree.flush(
      report({
        state: 'agreed',
        stateLabel: 'Agreed with the organisation',
        agreedWith: 'Dr A. Jones, Clinical Lead',
        agreedAt: '2026-12-01T10:00:00.000Z',
        agreedBy: { userId: null, name: 'Priya Shah' },
        can: { edit: false, agree: false, reopen: true, issue: true, delete: false },
      }),
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#agreed'))).toContain('With Dr A. Jones, Clinical Lead');
    click(element, '#issue');
    fixture.detectChanges();
    expect(text(element.querySelector('#confirm-heading'))).toBe('Issue the report to Riverside General Hospital?');
    click(element, '#confirm');
    http.expectOne(`${REPORT}/issue`).flush(
      report({
        state: 'issued',
        stateLabel: 'Issued',
        issuedAt: '2026-12-02T10:00:00.000Z',
        can: { edit: false, agree: false, reopen: false, issue: false, delete: false },
      }),
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#state'))).toBe('Issued');
    expect(element.querySelector('#add-finding')).toBeNull();
  });

  it('tells a contributor when their organisation’s review has not been issued, and offers them nothing to change', async () => {
    const { element } = await render(null, membership('contributor', ORG_ONE), false);
    expect(text(element.querySelector('#review-empty'))).toBe('No review of Riverside General Hospital has been issued in this cycle yet.');
    expect(element.querySelector('#start-review')).toBeNull();
  });

  it('starts a review for a manager', async () => {
    const { fixture, element } = await render(null);
    click(element, '#start-review');
    const post = http.expectOne(LIST);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ organisationId: ORG_ONE, meetingActivityId: null });
    post.flush(report());
    await settle();
    http.expectOne(LIST).flush(reviewList(report()));
    await settle();
    http.expectOne(REPORT).flush(report());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('#add-finding')).not.toBeNull();
  });
});
