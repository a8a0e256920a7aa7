import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionMembership, SubmissionDto } from '@plexus/contracts';
import { AT, CYCLE_ID, membership, ORG_ONE, SLUG, submission, text } from '../peer-review.testing';
import { SubmissionComponent } from './submission.component';

const URL = `/api/networks/${SLUG}/peer-review/submissions/${submission().id}`;

describe('SubmissionComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(s: SubmissionDto, who: SessionMembership) {
    const fixture = TestBed.createComponent(SubmissionComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', who);
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.componentRef.setInput('submissionId', s.id);
    fixture.detectChanges();
    http.expectOne(URL).flush(s);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  function choose(element: HTMLElement, file: File) {
    const input = element.querySelector<HTMLInputElement>('#file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  it('shows the state, due date and what the network asked, and says nothing has been uploaded', async () => {
    const { element } = await render(
      submission({ state: 'more_information_requested', reason: 'Add the rehabilitation section.', dueDate: '2026-12-13', daysUntilDue: 10 }),
      membership('contributor', ORG_ONE),
    );
    expect(text(element.querySelector('h1'))).toBe('Riverside General Hospital – Document 1');
    expect(text(element.querySelector('#state'))).toBe('More information requested');
    expect(text(element.querySelector('#due'))).toBe('13 December 2026 Due in 10 days');
    expect(text(element.querySelector('#reason-given'))).toContain('Add the rehabilitation section.');
    expect(text(element.querySelector('#versions-empty'))).toBe('Nothing has been uploaded yet.');
    expect(element.querySelector('#accept')).toBeNull();
  });

  it('lists the emails sent to the organisation: the reminders and the request for more information', async () => {
    const { element } = await render(
      submission({
        state: 'more_information_requested',
        chasers: [
          { step: 'information-v2', dueDate: '2026-12-13', sentAt: '2026-12-01T10:00:00.000Z', recipients: 2 },
          { step: 'before-3d', dueDate: '2026-11-30', sentAt: '2026-11-27T07:00:00.000Z', recipients: 1 },
          { step: 'overdue', dueDate: '2026-11-30', sentAt: '2026-12-01T07:00:00.000Z', recipients: 1 },
        ],
      }),
      membership('contributor', ORG_ONE),
    );
    expect(text(element.querySelector('#chasers-heading'))).toBe('Emails sent to the organisation');
    expect([...element.querySelectorAll('#chasers li')].map((li) => text(li))).toEqual([
      'More information asked for (version 2) (due 13 December 2026): 1 December 2026 at 10:00, to 2 contributors',
      'Reminder 3 days before (due 30 November 2026): 27 November 2026 at 07:00, to 1 contributor',
      'Overdue reminder (due 30 November 2026): 1 December 2026 at 07:00, to 1 contributor',
    ]);
  });

  it('uploads the chosen file showing its progress, then the new version', async () => {
    const { fixture, element } = await render(submission(), membership('contributor', ORG_ONE));
    choose(element, new File(['%PDF-1.4'], 'Annual report.pdf', { type: 'application/pdf' }));
    element.querySelector<HTMLFormElement>('#upload-form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    const request = http.expectOne(`${URL}/files`);
    expect(request.request.body instanceof FormData).toBe(true);
    request.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text(element.querySelector('#upload-progress'))).toContain('Uploading Annual report.pdf');
    expect(element.querySelector<HTMLProgressElement>('#upload-bar')?.value).toBe(40);
    expect(text(element.querySelector('#upload-progress [role="status"]'))).toBe('40% sent');
    const uploaded = submission({
      state: 'submitted',
      fileCount: 1,
      files: [
        {
          id: '6f1c2b1e-5555-4555-8555-000000000001',
          version: 1,
          fileName: 'Annual report.pdf',
          kind: 'pdf',
          contentType: 'application/pdf',
          sizeBytes: 2048,
          sha256: 'a'.repeat(64),
          uploadedAt: AT,
          uploadedBy: { userId: null, name: 'Owen Price' },
          downloadUrl: `${URL}/files/6f1c2b1e-5555-4555-8555-000000000001/download`,
        },
      ],
    });
    request.flush(uploaded);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(element.querySelector('#upload-progress')).toBeNull();
    expect(text(element.querySelector('#state'))).toBe('Submitted');
    const row = element.querySelector('#versions tbody tr');
    expect(text(row)).toContain('Annual report.pdf (version 1) PDF, 2 KB');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe(uploaded.files[0].downloadUrl);
  });

  it('names the file when the API refuses it, and refuses an oversize file before sending it', async () => {
    const { fixture, element } = await render(submission(), membership('contributor', ORG_ONE));
    element.querySelector<HTMLFormElement>('#upload-form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text(element.querySelector('#file-error'))).toBe('Error: Choose a PDF, Word or Excel file to upload');

    const big = new File(['x'], 'big.pdf');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    choose(element, big);
    fixture.detectChanges();
    expect(text(element.querySelector('#file-error'))).toBe('Error: The file must be 20.0 MB or smaller');

    choose(element, new File(['hello'], 'policy.docx'));
    element.querySelector<HTMLFormElement>('#upload-form')?.dispatchEvent(new Event('submit'));
    http.expectOne(`${URL}/files`).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'x',
        fields: [{ field: 'file', message: 'The file is named .docx but its content is a PDF' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text(element.querySelector('#file-error'))).toBe('Error: The file is named .docx but its content is a PDF');
  });

  it('lets a manager accept a submitted document, or ask for more with a reason', async () => {
    const submitted = submission({ state: 'submitted', can: { upload: true, review: true } });
    const { fixture, element } = await render(submitted, membership('manager'));
    element.querySelector<HTMLButtonElement>('#ask-more')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    element.querySelector<HTMLFormElement>('#ask-form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text(element.querySelector('#reason-error'))).toBe('Error: Say what more information the organisation should send');
    http.expectNone(`${URL}/request-information`);

    element.querySelector<HTMLButtonElement>('#accept')?.click();
    const accept = http.expectOne(`${URL}/accept`);
    expect(accept.request.method).toBe('POST');
    accept.flush(submission({ state: 'accepted', can: { upload: false, review: false } }));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text(element.querySelector('#state'))).toBe('Accepted');
    expect(element.querySelector('#accept')).toBeNull();
    expect(element.querySelector('#upload-form')).toBeNull();
  });
});
