import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SelfAssessmentListDto, SessionMembership } from '@plexus/contracts';
import { activity, cycle, CYCLE_ID, membership, ORG_ONE, ORG_TWO, SLUG, text } from '../peer-review.testing';
import { SelfAssessmentsComponent } from './self-assessments.component';
import { SA_ACTIVITY, SA_ID, saSummary, selfAssessment } from './self-assessment.testing';

const BASE = `/api/networks/${SLUG}/peer-review`;
const planned = activity(9, {
  id: SA_ACTIVITY,
  kind: 'self_assessment',
  title: 'Self-assessment against network standards',
  standardSetVersionId: saSummary().standardSetVersion?.id ?? null,
});

describe('SelfAssessmentsComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(who: SessionMembership, list: SelfAssessmentListDto, activities = [planned]) {
    const fixture = TestBed.createComponent(SelfAssessmentsComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', who);
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.detectChanges();
    http.expectOne(`${BASE}/cycles/${CYCLE_ID}`).flush(cycle({ activities }));
    http.expectOne(`${BASE}/cycles/${CYCLE_ID}/self-assessments`).flush(list);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows a manager every organisation’s state and progress, with the compliance summary linked', async () => {
    const { element } = await render(membership('manager'), {
      asOf: '2026-12-03',
      items: [
        saSummary(),
        saSummary({
          id: null,
          state: 'not_started',
          overdue: true,
          organisation: { id: ORG_TWO, name: 'Kingsmead Hospital', type: 'trauma_unit' },
          answered: 0,
          progressText: '0 of 3 answered',
        }),
      ],
      can: { manage: true, submit: true },
    });
    const rows = [...element.querySelectorAll(`[id="table-${SA_ACTIVITY}"] tbody tr`)].map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => text(c)),
    );
    expect(rows).toEqual([
      [
        'Riverside General Hospital',
        'In progress',
        '1 of 3 answered',
        '1 of 3 applicable measures met (33%)',
        'Continue the self-assessment of Riverside General Hospital',
      ],
      ['Kingsmead Hospital', 'Not started – overdue', '0 of 3 answered', '–', 'Start the self-assessment of Kingsmead Hospital'],
    ]);
    expect(element.querySelector(`[id="compliance-${SA_ACTIVITY}"]`)?.getAttribute('href')).toBe(
      `/n/${SLUG}/peer-review/cycles/${CYCLE_ID}/self-assessments/activities/${SA_ACTIVITY}/compliance`,
    );
  });

  it('lets a contributor start their organisation’s self-assessment, then opens it', async () => {
    const { fixture, element } = await render(membership('contributor', ORG_ONE), {
      asOf: '2026-12-03',
      items: [saSummary({ id: null, state: 'not_started', answered: 0 })],
      can: { manage: false, submit: true },
    });
    expect(element.querySelector(`[id="compliance-${SA_ACTIVITY}"]`)).toBeNull();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    element.querySelector<HTMLButtonElement>(`[id="start-${ORG_ONE}"]`)?.click();
    const request = http.expectOne(`${BASE}/activities/${SA_ACTIVITY}/self-assessments`);
    expect(request.request.body).toEqual({ organisationId: null });
    request.flush(selfAssessment());
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', SLUG, 'peer-review', 'cycles', CYCLE_ID, 'self-assessments', SA_ID]);
  });

  it('says when the network has not chosen the standard set yet', async () => {
    const { element } = await render(membership('manager'), { asOf: '2026-12-03', items: [], can: { manage: true, submit: true } }, [
      { ...planned, standardSetVersionId: null },
    ]);
    expect(text(element.querySelector(`[id="no-version-${SA_ACTIVITY}"]`))).toContain('has not chosen the standard set');
  });
});
