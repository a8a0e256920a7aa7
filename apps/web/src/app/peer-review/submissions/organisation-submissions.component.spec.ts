import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { counts, CYCLE_ID, cycle, membership, ORG_ONE, SLUG, summary, text } from '../peer-review.testing';
import { OrganisationSubmissionsComponent } from './organisation-submissions.component';

const CYCLE = `/api/networks/${SLUG}/peer-review/cycles/${CYCLE_ID}`;
const LIST = `${CYCLE}/submissions?organisationId=${ORG_ONE}`;

describe('OrganisationSubmissionsComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('lists the organisation’s documents activity by activity, with how late they are and what to do', async () => {
    const fixture = TestBed.createComponent(OrganisationSubmissionsComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', membership('contributor', ORG_ONE));
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.componentRef.setInput('organisationId', ORG_ONE);
    fixture.detectChanges();
    const c = cycle();
    c.organisations[0].submissions = counts({ total: 3, accepted: 1, awaited: 2, overdue: 1 });
    http.expectOne(CYCLE).flush(c);
    const yearTwo = { id: '6f1c2b1e-3333-4333-8333-000000000009', title: 'Annual documents from each organisation', fy: '2027/28', quarter: 1 };
    http.expectOne(LIST).flush({
      asOf: '2026-12-03',
      items: [
        summary(1, { documentName: 'Operational policy', overdue: true, daysUntilDue: -156 }),
        summary(2, { documentName: 'Annual report', state: 'accepted', can: { upload: false, review: false } }),
        summary(3, { documentName: 'Work plan', activity: yearTwo, dueDate: '2027-06-30', daysUntilDue: 209 }),
      ],
    });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element.querySelector('h1'))).toBe('Peer Review Programme 2026/2028 – Riverside General Hospital');
    expect(text(element.querySelector('#organisation-counts'))).toBe('1 of 3 accepted, 2 awaited (1 overdue).');
    const headings = Array.from(element.querySelectorAll('section h2')).map(text);
    expect(headings).toEqual(['Annual documents from each organisation Q1 2026/27', 'Annual documents from each organisation Q1 2027/28']);
    const first = Array.from(element.querySelectorAll('section')[0].querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map(text),
    );
    expect(first).toEqual([
      ['Operational policy', 'Awaited – overdue', '30 June 2026 156 days overdue', 'Nothing uploaded', 'Upload Operational policy'],
      ['Annual report', 'Accepted', '30 June 2026', 'Nothing uploaded', ''],
    ]);
  });
});
