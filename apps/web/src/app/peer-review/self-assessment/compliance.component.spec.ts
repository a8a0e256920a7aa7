import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CYCLE_ID, membership, ORG_ONE, ORG_TWO, SLUG, text } from '../peer-review.testing';
import { ComplianceComponent } from './compliance.component';
import { complianceSummary, SA_ACTIVITY } from './self-assessment.testing';

describe('ComplianceComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('draws the heat map as a table whose every cell says its per cent and counts, colour only repeating them', async () => {
    const fixture = TestBed.createComponent(ComplianceComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', membership('manager'));
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.componentRef.setInput('activityId', SA_ACTIVITY);
    fixture.detectChanges();
    http.expectOne(`/api/networks/${SLUG}/peer-review/activities/${SA_ACTIVITY}/compliance`).flush(complianceSummary());
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(text(element.querySelector('#overall'))).toContain('Across every organisation: 3 of 5 applicable measures met (60%).');
    const table = element.querySelector('#heat-map') as HTMLTableElement;
    expect([...table.querySelectorAll('thead th')].map((th) => [text(th), th.getAttribute('scope')])).toEqual([
      ['Organisation', 'col'],
      ['Overall', 'col'],
      ['1 Access', 'col'],
      ['2 Transfers', 'col'],
    ]);
    const one = element.querySelector(`[id="row-${ORG_ONE}"]`) as HTMLTableRowElement;
    expect(text(one.querySelector('th'))).toBe('Riverside General Hospital Submitted');
    expect([...one.querySelectorAll('td')].map((td) => [text(td), td.className.split(' ').pop()])).toEqual([
      ['75%, 3 of 4 met', 'plx-heat__cell--mid'],
      ['100%, 2 of 2 met', 'plx-heat__cell--high'],
      ['50%, 1 of 2 met', 'plx-heat__cell--mid'],
    ]);
    const two = element.querySelector(`[id="row-${ORG_TWO}"]`) as HTMLTableRowElement;
    expect([...two.querySelectorAll('td')].map((td) => text(td))).toEqual([
      '0%, 0 of 1 met, 1 not answered',
      'N/A, No applicable measures',
      '0%, 0 of 1 met, 1 not answered',
    ]);
    expect([...element.querySelectorAll('#heat-key li')].map((li) => text(li))).toEqual([
      '80% or more met',
      '50% to 79% met',
      'Under 50% met',
      'No applicable measures',
    ]);
    expect(text(element.querySelector('#per-organisation'))).toContain(
      'Eastern Counties Ambulance Service0 of 1 applicable measure met (0%) (not started)',
    );
  });
});
