import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { cycle, CYCLE_ID, membership, SLUG, text } from '../peer-review.testing';
import { NATIONAL_ID, standardSet, summary, V1, V2 } from '../standards/standards-test-data';
import { ActivityFormComponent } from './activity-form.component';

const BASE = `/api/networks/${SLUG}`;
const V3 = '5a0e1d52-2222-4222-8222-000000000003';

describe('ActivityFormComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('offers a self-assessment the published versions of the network’s and the national sets, and saves the one chosen', async () => {
    const fixture = TestBed.createComponent(ActivityFormComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', membership('manager'));
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.detectChanges();
    http.expectOne(`${BASE}/peer-review/cycles/${CYCLE_ID}`).flush(cycle());
    http.expectOne(`${BASE}/members`).flush([]);
    http.expectOne(`${BASE}/standards/sets`).flush({
      sets: [
        standardSet({
          id: NATIONAL_ID,
          code: 'D15',
          name: 'Major trauma measures',
          national: true,
          versions: [summary(V3, 1, { status: 'published', frozen: true })],
        }),
        standardSet({ versions: [summary(V2, 2), summary(V1, 1, { status: 'published' })] }),
      ],
      can: { create: true },
    });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    element.querySelector<HTMLInputElement>('#kind-self_assessment')?.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    const select = element.querySelector<HTMLSelectElement>('#standardSetVersionId') as HTMLSelectElement;
    expect([...select.options].map((o) => text(o))).toEqual([
      'Not chosen yet',
      'D15 – Major trauma measures, version 1 (national)',
      'EMMTN-AT – Network assessment tool, version 1 (will be frozen)',
    ]);
    select.value = V1;
    select.dispatchEvent(new Event('change'));
    const title = element.querySelector<HTMLInputElement>('#title') as HTMLInputElement;
    title.value = 'Self-assessment';
    title.dispatchEvent(new Event('input'));
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    element.querySelector<HTMLFormElement>('#activity-form')?.dispatchEvent(new Event('submit'));
    const request = http.expectOne(`${BASE}/peer-review/cycles/${CYCLE_ID}/activities`);
    expect(request.request.body).toMatchObject({ kind: 'self_assessment', title: 'Self-assessment', standardSetVersionId: V1 });
    request.flush({});
  });
});
