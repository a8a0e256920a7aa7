import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SelfAssessmentDto, SessionMembership } from '@plexus/contracts';
import { CYCLE_ID, membership, ORG_ONE, SLUG, text } from '../peer-review.testing';
import { action } from '../reviews/reviews-test-data';
import { SelfAssessmentComponent } from './self-assessment.component';
import { C1, C2, C3, SA_ID, saAnswer, selfAssessment } from './self-assessment.testing';

const URL = `/api/networks/${SLUG}/peer-review/self-assessments/${SA_ID}`;

describe('SelfAssessmentComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(s: SelfAssessmentDto, who: SessionMembership = membership('contributor', ORG_ONE)) {
    const fixture = TestBed.createComponent(SelfAssessmentComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', who);
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.componentRef.setInput('selfAssessmentId', SA_ID);
    fixture.detectChanges();
    http.expectOne(URL).flush(s);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }
  const el = <T extends HTMLElement>(root: HTMLElement, id: string) => root.querySelector<T>(`[id="${id}"]`) as T;
  const type = (input: HTMLTextAreaElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('shows the criteria by section, each rating a labelled radio with its meaning, and the progress', async () => {
    const { element } = await render(selfAssessment());
    expect(text(element.querySelector('h1'))).toBe('Riverside General Hospital – Self-assessment: Network assessment tool');
    expect(text(el(element, 'progress'))).toBe('1 of 3 answered');
    expect([...element.querySelectorAll('section h2')].map((h) => text(h))).toEqual([
      '1 Access 1 of 2 applicable measures met (50%)',
      '2 Transfers 0 of 1 applicable measure met (0%)',
    ]);
    const green = el<HTMLInputElement>(element, `answers-${C1}-rating`);
    expect(green.checked).toBe(true);
    expect(text(element.querySelector(`label[for="answers-${C1}-rating"]`))).toBe('Green');
    expect(text(el(element, `meaning-${C1}-amber`))).toBe('Partly met');
    expect(text(element.querySelector(`label[for="answers-${C2}-evidence"]`))).toBe('Evidence for 1.2');
    expect(el<HTMLTextAreaElement>(element, `answers-${C1}-evidence`).value).toBe('Monthly report');
    expect(text(el(element, 'unsaved'))).toBe('All changes saved');
  });

  it('saves only what was changed, then says how far it has got', async () => {
    const { fixture, element } = await render(selfAssessment());
    el<HTMLInputElement>(element, `answers-${C2}-rating-amber`).dispatchEvent(new Event('change'));
    type(el<HTMLTextAreaElement>(element, `answers-${C2}-gaps`), 'Weekend lists cancelled');
    fixture.detectChanges();
    expect(text(el(element, 'unsaved'))).toBe('1 answer changed and not saved yet');
    el<HTMLFormElement>(element, 'assessment-form').dispatchEvent(new Event('submit'));
    const request = http.expectOne(`${URL}/answers`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      answers: [{ criterionId: C2, rating: 'amber', evidence: '', gaps: 'Weekend lists cancelled', comments: '' }],
    });
    request.flush(selfAssessment({ answered: 2, progressText: '2 of 3 answered' }));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(el(element, 'progress'))).toBe('2 of 3 answered');
    expect(text(el(element, 'unsaved'))).toBe('All changes saved');
  });

  it('marks an answer carried forward until it is confirmed, and confirms it as it stands', async () => {
    const carried = selfAssessment({ carriedForward: 1, carriedFrom: { id: SA_ID, cycleName: 'Peer Review Programme 2024/2026' } });
    carried.sections[1].criteria[0].answer = saAnswer('red', { carriedForward: true, gaps: 'No policy' });
    const { fixture, element } = await render(carried);
    expect(text(el(element, 'carried-notice'))).toContain('1 answer was carried forward from Peer Review Programme 2024/2026');
    expect(text(el(element, `carried-${C3}`))).toBe('Carried forward');
    el<HTMLButtonElement>(element, `confirm-${C3}`).click();
    const request = http.expectOne(`${URL}/answers`);
    expect(request.request.body).toEqual({ answers: [{ criterionId: C3, rating: 'red', evidence: '', gaps: 'No policy', comments: '' }] });
    request.flush(selfAssessment());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el(element, `carried-${C3}`)).toBeNull();
  });

  it('submits after saving, and shows the API’s reason when it cannot be submitted yet', async () => {
    const { fixture, element } = await render(selfAssessment());
    el<HTMLButtonElement>(element, 'submit').click();
    http.expectOne(`${URL}/submit`).flush(
      {
        statusCode: 409,
        code: 'conflict',
        message: 'Rate every criterion before submitting: 2 not rated yet (1.2, 2.1)',
        fields: [{ field: 'answers', message: 'x' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('plx-error-summary'))).toContain('Rate every criterion before submitting');
  });

  it('places a refused answer’s message on its criterion’s field', async () => {
    const { fixture, element } = await render(selfAssessment());
    type(el<HTMLTextAreaElement>(element, `answers-${C1}-evidence`), 'Report');
    fixture.detectChanges();
    el<HTMLFormElement>(element, 'assessment-form').dispatchEvent(new Event('submit'));
    http.expectOne(`${URL}/answers`).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'x',
        fields: [{ field: 'answers.0.rating', message: 'Choose a rating on the set’s scale' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector(`[id="answers-${C1}-rating-error"]`))).toContain('Choose a rating on the set’s scale');
  });

  it('uploads an evidence file for a criterion, lists it, and places a refusal on that criterion’s file field', async () => {
    const { fixture, element } = await render(selfAssessment());
    const input = el<HTMLInputElement>(element, `answers-${C2}-file`);
    Object.defineProperty(input, 'files', {
      value: [new File(['%PDF-1.4'], 'Theatre timetable.pdf', { type: 'application/pdf' })],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    el<HTMLButtonElement>(element, `upload-${C2}`).click();
    const request = http.expectOne(`${URL}/criteria/${C2}/files`);
    expect(request.request.body instanceof FormData).toBe(true);
    const withFile = selfAssessment();
    withFile.sections[0].criteria[1].files = [
      {
        id: '6f1c2b1e-5555-4555-8555-000000000001',
        fileName: 'Theatre timetable.pdf',
        kind: 'pdf',
        sizeBytes: 2048,
        uploadedAt: '2026-09-01T10:00:00.000Z',
        uploadedBy: { userId: null, name: 'Owen Price' },
        carriedForward: false,
        downloadUrl: `${URL}/files/6f1c2b1e-5555-4555-8555-000000000001/download`,
      },
    ];
    request.flush(withFile);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(el(element, `files-${C2}`))).toContain('Theatre timetable.pdf (2 KB)');

    el<HTMLButtonElement>(element, `upload-${C3}`).click();
    fixture.detectChanges();
    expect(text(element.querySelector(`[id="answers-${C3}-file-error"]`))).toContain('Choose a PDF, Word or Excel file');
    const other = el<HTMLInputElement>(element, `answers-${C3}-file`);
    Object.defineProperty(other, 'files', { value: [new File(['PK'], 'notes.docx')], configurable: true });
    other.dispatchEvent(new Event('change'));
    el<HTMLButtonElement>(element, `upload-${C3}`).click();
    http
      .expectOne(`${URL}/criteria/${C3}/files`)
      .flush(
        { statusCode: 400, code: 'validation_failed', message: 'x', fields: [{ field: 'file', message: 'This is not a Word document' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector(`[id="answers-${C3}-file-error"]`))).toContain('This is not a Word document');
  });

  it('shows a submitted self-assessment read-only, and lets a manager reopen it', async () => {
    const { fixture, element } = await render(
      selfAssessment({
        state: 'submitted',
        submittedAt: '2026-09-20T10:00:00.000Z',
        can: { edit: false, submit: false, reopen: true, addAction: true },
      }),
      membership('manager'),
    );
    expect(element.querySelector('textarea')).toBeNull();
    expect(text(el(element, `answer-${C1}`))).toContain('Green');
    expect(text(el(element, `answer-${C2}`))).toContain('Not rated');
    el<HTMLButtonElement>(element, 'reopen').click();
    http.expectOne(`${URL}/reopen`).flush(selfAssessment());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelectorAll('textarea').length).toBe(9);
  });

  describe('gap → action', () => {
    const PEOPLE = `/api/networks/${SLUG}/work-plan/people`;
    const ACTIONS = `/api/networks/${SLUG}/peer-review/cycles/${CYCLE_ID}/actions`;
    const PRIYA = '6f1c2b1e-bbbb-4bbb-8bbb-000000000001';
    const withGap = (extra: Partial<SelfAssessmentDto> = {}) => {
      const s = selfAssessment({ state: 'submitted', can: { edit: false, submit: false, reopen: true, addAction: true }, ...extra });
      s.sections[0].criteria[0].answer = saAnswer('amber', { gaps: 'Weekend clinic waits are not recorded' });
      return s;
    };
    const settle = async (fixture: { detectChanges(): void; whenStable(): Promise<unknown> }) => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const typeInto = (element: HTMLElement, id: string, value: string) => {
      const input = el<HTMLInputElement>(element, id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };

    it('makes a criterion’s gap an action of the organisation’s plan: its words first, an owner and a UK date chosen; then links to it', async () => {
      const { fixture, element } = await render(withGap(), membership('manager'));
      // Only a criterion with a gap saved offers it.
      expect(el(element, `gap-action-${C2}`)).toBeNull();
      const open = el<HTMLButtonElement>(element, `gap-action-${C1}`);
      expect(text(open)).toBe('Make this gap an action for 1.1');
      expect(open.getAttribute('aria-expanded')).toBe('false');
      open.click();
      fixture.detectChanges();
      http.expectOne(PEOPLE).flush({
        members: [
          { userId: PRIYA, displayName: 'Priya Shah', role: 'manager' },
          { userId: '6f1c2b1e-bbbb-4bbb-8bbb-000000000002', displayName: 'Cara Commissioner', role: 'commissioner' },
        ],
        roles: [],
      });
      await settle(fixture);
      expect(open.getAttribute('aria-expanded')).toBe('true');
      expect(el<HTMLTextAreaElement>(element, 'gap-description').value).toBe('Weekend clinic waits are not recorded');
      // Its fields belong to the gap's own form, not to the answers' form around them.
      expect(el<HTMLTextAreaElement>(element, 'gap-description').form?.id).toBe('gap-action-form');
      expect([...element.querySelectorAll('#gap-ownerUserId option')].map((o) => text(o))).toEqual([
        'Nobody – a person at the organisation, named below',
        'Priya Shah',
      ]);
      typeInto(element, 'gap-description', 'Record weekend clinic waits');
      const owner = el<HTMLSelectElement>(element, 'gap-ownerUserId');
      owner.value = PRIYA;
      owner.dispatchEvent(new Event('change'));
      typeInto(element, 'gap-dueDate', '31');
      typeInto(element, 'gap-dueDate-month', '3');
      typeInto(element, 'gap-dueDate-year', '2027');
      el<HTMLFormElement>(element, 'gap-action-form').dispatchEvent(new Event('submit'));
      const post = http.expectOne(ACTIONS);
      expect(post.request.method).toBe('POST');
      expect(post.request.body).toEqual({
        organisationId: ORG_ONE,
        description: 'Record weekend clinic waits',
        ownerUserId: PRIYA,
        ownerName: '',
        dueDate: '2027-03-31',
        criterionId: C1,
      });
      const made = { ...action(1, { description: 'Record weekend clinic waits' }), asOf: '2026-12-03', progress: [] };
      post.flush(made);
      await settle(fixture);
      fixture.detectChanges();
      expect(text(el(element, `actions-${C1}`))).toBe('Action: Record weekend clinic waits (Not started)');
      expect(el(element, `actions-${C1}`).querySelector('a')?.getAttribute('href')).toBe(
        `/n/${SLUG}/peer-review/cycles/${CYCLE_ID}/actions?organisationId=${ORG_ONE}&actionId=${made.id}`,
      );
      // Made once: no second button to make another.
      expect(el(element, `gap-action-${C1}`)).toBeNull();
      expect(el(element, 'gap-action-form')).toBeNull();
      expect(text(element.querySelector('plx-success-banner'))).toContain(
        'The gap of 1.1 is an action of Riverside General Hospital’s action plan: Record weekend clinic waits',
      );
    });

    it('says what is wrong by field: a date that is not real here, an owner the API refuses there', async () => {
      const { fixture, element } = await render(withGap(), membership('manager'));
      el<HTMLButtonElement>(element, `gap-action-${C1}`).click();
      fixture.detectChanges();
      http.expectOne(PEOPLE).flush({ members: [{ userId: PRIYA, displayName: 'Priya Shah', role: 'manager' }], roles: [] });
      await settle(fixture);
      typeInto(element, 'gap-ownerName', 'Dr A. Jones');
      typeInto(element, 'gap-dueDate', '31');
      typeInto(element, 'gap-dueDate-month', '2');
      typeInto(element, 'gap-dueDate-year', '2027');
      el<HTMLFormElement>(element, 'gap-action-form').dispatchEvent(new Event('submit'));
      http.expectNone(ACTIONS);
      fixture.detectChanges();
      expect(text(el(element, 'gap-dueDate-error'))).toBe('Error: Due date must be a real date');
      expect(el(element, 'gap-dueDate').getAttribute('aria-invalid')).toBe('true');
      expect(text(element.querySelector('plx-error-summary'))).toContain('Due date must be a real date');

      typeInto(element, 'gap-dueDate', '28');
      el<HTMLFormElement>(element, 'gap-action-form').dispatchEvent(new Event('submit'));
      http.expectOne(ACTIONS).flush(
        {
          statusCode: 404,
          code: 'not_found',
          message: 'That criterion is not in the standard set version of this cycle’s self-assessments',
          fields: [{ field: 'criterionId', message: 'That criterion is not in the standard set version of this cycle’s self-assessments' }],
        },
        { status: 404, statusText: 'Not Found' },
      );
      await settle(fixture);
      expect(text(element.querySelector('plx-error-summary'))).toContain('not in the standard set version of this cycle’s self-assessments');
      expect(el(element, 'gap-dueDate-error')).toBeNull();
      // Still open, to try again.
      expect(el(element, 'gap-action-form')).not.toBeNull();
    });

    it('shows a contributor the action their gap became, and offers them no button to make one', async () => {
      const s = withGap({ can: { edit: true, submit: true, reopen: false, addAction: false } });
      s.sections[0].criteria[0].actions = [
        { id: action(2).id, description: 'Publish weekend waits', status: 'on_track', statusLabel: 'On track', dueDate: '2026-01-31', overdue: true },
      ];
      s.sections[1].criteria[0].answer = saAnswer('red', { gaps: 'No electronic referrals' });
      const { element } = await render(s);
      expect(text(el(element, `actions-${C1}`))).toBe('Action: Publish weekend waits (On track, overdue)');
      expect(el(element, `gap-action-${C3}`)).toBeNull();
    });
  });
});
