import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionMembership } from '@plexus/contracts';
import { cycle, CYCLE_ID, membership, ORG_ONE, SLUG, text } from '../peer-review.testing';
import { CycleComponent } from './cycle.component';

const CYCLE = `/api/networks/${SLUG}/peer-review/cycles/${CYCLE_ID}`;

describe('CycleComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(who: SessionMembership, manage: boolean) {
    const fixture = TestBed.createComponent(CycleComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', who);
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.detectChanges();
    http.expectOne(CYCLE).flush(cycle({ can: { manage } }));
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('lets a manager generate the programme summary as a PDF of the cycle', async () => {
    const { element } = await render(membership('manager'), true);
    expect(text(element.querySelector('#summary-pdf-heading'))).toBe('Programme summary');
    const button = element.querySelector<HTMLButtonElement>('#summary-pdf-generate');
    expect(text(button)).toBe('Programme summary (PDF)');
    expect(text(element.querySelector('#summary-pdf-hint'))).toContain('overdue submissions and actions as of today');
    button?.click();
    const asked = http.expectOne({ method: 'POST', url: `/api/networks/${SLUG}/reports` });
    expect(asked.request.body).toEqual({
      kind: 'peer_review_summary',
      title: 'Peer review programme summary: Peer Review Programme 2026/2028',
      options: { cycleId: CYCLE_ID },
    });
    asked.flush({ code: 'not_found', message: 'That peer review cycle is not in this network' }, { status: 404, statusText: 'Not Found' });
  });

  it('offers no programme summary to those who cannot generate reports', async () => {
    for (const who of [membership('viewer'), membership('contributor', ORG_ONE), membership('lead')]) {
      const { element } = await render(who, false);
      expect(element.querySelector('#summary-pdf')).toBeNull();
    }
  });
});
