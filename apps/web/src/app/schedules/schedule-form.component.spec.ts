import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { CSP_NONCE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type {
  DistributionListDto,
  EmailPreviewDto,
  RecipientDto,
  ScheduleDto,
  SessionMembership,
  SessionResponse,
  WorkPlanSummaryDto,
} from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { SessionService } from '../core/session.service';
import { PREVIEW_DEBOUNCE_MS } from './recurrence-builder.component';
import { ScheduleFormComponent } from './schedule-form.component';

const NET = '/api/networks/north-spinal';
const SCHEDULES = `${NET}/schedules`;
const PREVIEW_TIMES = `${SCHEDULES}/preview-times`;
const SCHEDULE_ID = '5c000000-0000-4000-8000-000000000001';

const MANAGER: SessionMembership = { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role: 'manager', organisationId: null };

const PRIYA: RecipientDto = {
  id: '9b000000-0000-4000-8000-000000000001',
  name: 'Priya Shah',
  email: 'priya@icb.example.org',
  organisationId: null,
  organisationName: 'North ICB',
  role: 'Commissioner',
  listIds: ['9b000000-0000-4000-8000-000000000003'],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};
const SAM: RecipientDto = {
  ...PRIYA,
  id: '9b000000-0000-4000-8000-000000000002',
  name: 'Sam Lee',
  email: 'sam@nhse.example.org',
  organisationName: '',
};
const COMMISSIONERS: DistributionListDto = {
  id: '9b000000-0000-4000-8000-000000000003',
  name: 'Commissioners',
  description: '',
  recipients: [
    { id: PRIYA.id, name: PRIYA.name, email: PRIYA.email },
    { id: SAM.id, name: SAM.name, email: SAM.email },
  ],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};
const PLAN: WorkPlanSummaryDto = {
  id: '6f1c2b1e-0000-4000-8000-000000000001',
  title: 'Work plan 2026–28',
  periodStart: '2026-04-01',
  periodEnd: '2028-03-31',
  status: 'approved',
  approvedOn: '2026-05-10',
  counts: { items: 0, rag: { blue: 0, green: 0, amber: 0, red: 0, grey: 0 }, worst: null, slipped: 0, flagged: 0, complete: 0 },
};

function saved(patch: Partial<ScheduleDto> = {}): ScheduleDto {
  return {
    id: SCHEDULE_ID,
    name: 'Progress to commissioners',
    report: { kind: 'progress', title: 'Network progress', options: { planId: PLAN.id } },
    reportKind: 'progress',
    recurrence: { kind: 'twice_yearly', months: [4, 10], on: 'first_working_day', time: '07:30' },
    recurrenceText: 'First working day of April and October at 07:30',
    status: 'active',
    onlyIfChanged: true,
    delivery: 'link',
    linkDays: 14,
    subject: 'Progress',
    message: 'Dear colleagues',
    recipients: [{ id: SAM.id, name: SAM.name, email: SAM.email }],
    lists: [{ id: COMMISSIONERS.id, name: COMMISSIONERS.name, memberCount: 2 }],
    unsubscribed: [{ recipientId: PRIYA.id, name: PRIYA.name, email: PRIYA.email, at: '2026-11-02T09:00:00.000Z' }],
    audience: 1,
    nextRunAt: '2027-04-01T06:30:00.000Z',
    lastRun: null,
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-09-01T10:00:00.000Z',
    ...patch,
  };
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('ScheduleFormComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', children: [] }]),
        { provide: PREVIEW_DEBOUNCE_MS, useValue: 0 },
        { provide: CSP_NONCE, useValue: 'page-nonce' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionService).set({
      user: { id: 'u1', email: 'alex@example.org', displayName: 'Alex Morgan', isOperator: false },
      memberships: [MANAGER],
      csrfToken: 'token',
    } satisfies SessionResponse);
  });
  afterEach(() => {
    // The next-five preview follows the form: answer whatever it asked last.
    http
      .match(PREVIEW_TIMES)
      .filter((r) => !r.cancelled)
      .forEach((r) => r.flush({ description: '', nextRuns: [], note: null }));
    http.verify();
  });

  async function render(options: { scheduleId?: string; recipients?: RecipientDto[]; lists?: DistributionListDto[] } = {}) {
    const fixture = TestBed.createComponent(ScheduleFormComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    if (options.scheduleId) fixture.componentRef.setInput('scheduleId', options.scheduleId);
    fixture.detectChanges();
    if (options.scheduleId) http.expectOne(`${SCHEDULES}/${options.scheduleId}`).flush(saved());
    http.expectOne(`${NET}/recipients`).flush(options.recipients ?? [PRIYA, SAM]);
    http.expectOne(`${NET}/distribution-lists`).flush(options.lists ?? [COMMISSIONERS]);
    http.expectOne(`${NET}/work-plan/plans`).flush([PLAN]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => element.querySelector(`#${id}`) as T;
    const type = async (id: string, value: string) => {
      const control = byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id);
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      byId(id).click();
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector('form#schedule-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    const summaryLinks = () =>
      Array.from(element.querySelectorAll('.nhsuk-error-summary a')).map((a) => [a.getAttribute('href'), text(a)] as [string | null, string]);
    return { fixture, element, navigate, byId, type, click, submit, summaryLinks };
  }

  it('schedules a progress report on the first working day of chosen months at 07:00 to a list and a person', async () => {
    const { element, byId, type, click, submit, navigate, fixture } = await render();
    expect(text(element.querySelector('h1'))).toBe('North Spinal Network – Schedule a report');
    expect(byId('report-kind').checked).toBe(true);
    expect(byId('recurrence-time').value).toBe('07:00');
    expect(byId('delivery').checked).toBe(true);
    // Lists show how many people they hold.
    expect(text(element.querySelector(`label[for="list-${COMMISSIONERS.id}"]`))).toBe('Commissioners (2 people)');
    expect(text(element.querySelector(`label[for="recipient-${PRIYA.id}"]`))).toBe('Priya Shah (priya@icb.example.org, North ICB)');

    await type('name', 'Progress to commissioners');
    await click('recurrence-month-4');
    await click('recurrence-month-10');
    expect(text(byId('recurrence-description'))).toBe('First working day of April and October at 07:00');
    await click(`list-${COMMISSIONERS.id}`);
    await click(`recipient-${SAM.id}`);
    await click('delivery-link');
    expect(byId('linkDays').value).toBe('30');
    await click('onlyIfChanged');
    await submit();

    const request = http.expectOne({ method: 'POST', url: SCHEDULES });
    expect(request.request.body).toEqual({
      name: 'Progress to commissioners',
      report: { kind: 'progress', options: {} },
      recurrence: { kind: 'first_working_day', months: [4, 10], time: '07:00' },
      recipientIds: [SAM.id],
      listIds: [COMMISSIONERS.id],
      onlyIfChanged: true,
      delivery: 'link',
      linkDays: 30,
      subject: '',
      message: '',
    });
    request.flush(saved({ name: 'Progress to commissioners', recurrenceText: 'First working day of April and October at 07:00' }), {
      status: 201,
      statusText: 'Created',
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal', 'schedules']);
    expect(TestBed.inject(FlashService).take()).toBe(
      'Progress to commissioners has been scheduled: First working day of April and October at 07:00.',
    );
  });

  it('checks the form before sending, and lists the problems from the top down', async () => {
    const { element, type, submit, summaryLinks, byId } = await render();
    await type('recurrence-time', '7 am');
    await submit();
    http.expectNone({ method: 'POST', url: SCHEDULES });
    expect(summaryLinks()).toEqual([
      ['#name', 'Give the schedule a name'],
      ['#recurrence-time', 'Enter a time as HH:MM, 24-hour, like 07:00'],
      ['#recipientIds', 'Choose at least one recipient or distribution list'],
    ]);
    expect(text(element.querySelector('#recipientIds-error'))).toBe('Error: Choose at least one recipient or distribution list');
    expect(byId('recurrence-time').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(element.querySelector('.nhsuk-error-summary'));
  });

  it('shows the API’s messages beside the fields it names', async () => {
    const { element, type, click, submit, summaryLinks, fixture } = await render();
    await type('name', 'Progress');
    await type('report-options-planId', PLAN.id);
    await click(`recipient-${PRIYA.id}`);
    await submit();
    http.expectOne({ method: 'POST', url: SCHEDULES }).flush(
      {
        statusCode: 404,
        code: 'not_found',
        message: 'Check the schedule',
        fields: [
          { field: 'report.options.planId', message: 'That work plan is not in this network' },
          { field: 'recurrence.time', message: 'time must be HH:MM, 24-hour, from 00:00 to 23:59' },
          { field: 'recipientIds.0', message: 'That recipient is not in this network' },
        ],
      },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('#report-options-planId-error'))).toBe('Error: That work plan is not in this network');
    expect(text(element.querySelector('#recurrence-time-error'))).toBe('Error: time must be HH:MM, 24-hour, from 00:00 to 23:59');
    expect(text(element.querySelector('#recipientIds-error'))).toBe('Error: That recipient is not in this network');
    expect(summaryLinks().map(([href]) => href)).toEqual(['#report-options-planId', '#recurrence-time', '#recipientIds']);
  });

  it('previews the email in a sandboxed frame, with its plain text and who receives it', async () => {
    const { element, type, click, byId, fixture } = await render();
    await type('name', 'Progress');
    await type('subject', 'Network progress');
    await click(`list-${COMMISSIONERS.id}`);
    await click('preview-email');
    const request: TestRequest = http.expectOne({ method: 'POST', url: `${SCHEDULES}/preview-email` });
    expect(request.request.body).toMatchObject({ name: 'Progress', subject: 'Network progress', listIds: [COMMISSIONERS.id] });
    const preview: EmailPreviewDto = {
      to: ['Priya Shah <priya@icb.example.org>', 'Sam Lee <sam@nhse.example.org>'],
      subject: 'Network progress',
      html: '<!doctype html><html><head><title>Network progress</title></head><body style="margin:0"><h1 style="font-size:24px">Progress report</h1><script>alert(1)</script></body></html>',
      text: 'North Spinal Network\n\nProgress report',
      figuresFrom: 'An example: no document of this kind has been generated yet',
    };
    request.flush(preview);
    await fixture.whenStable();
    expect(document.activeElement).toBe(byId('email-preview-heading'));
    expect(Array.from(element.querySelectorAll('[data-testid="preview-to"] li')).map(text)).toEqual(preview.to);
    expect(text(element.querySelector('[data-testid="preview-subject"]'))).toBe('Network progress');
    const frame = element.querySelector('iframe.plx-email-frame') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('title')).toBe('Preview of the email as HTML');
    const srcdoc = frame.getAttribute('srcdoc') ?? '';
    expect(srcdoc).toContain('<style nonce="page-nonce">');
    expect(srcdoc).toContain('[data-plx-style="1"]{font-size:24px}');
    expect(srcdoc).not.toContain('<script');
    expect(srcdoc).not.toMatch(/\sstyle="/);
    expect(element.querySelector('[data-testid="preview-text"]')!.textContent).toBe('North Spinal Network\n\nProgress report');
  });

  it('changes a saved schedule: every field filled in as saved, and PUT on save', async () => {
    const { element, byId, type, submit, fixture, navigate } = await render({ scheduleId: SCHEDULE_ID });
    expect(text(element.querySelector('h1'))).toBe('North Spinal Network – Change a schedule');
    expect(byId('name').value).toBe('Progress to commissioners');
    expect(byId('report-title').value).toBe('Network progress');
    expect(byId<HTMLSelectElement>('report-options-planId').value).toBe(PLAN.id);
    expect(byId('recurrence-kind-twice_yearly').checked).toBe(true);
    expect(byId('recurrence-month-4').checked).toBe(true);
    expect(byId('recurrence-on-first_working_day').checked).toBe(true);
    expect(byId('recurrence-time').value).toBe('07:30');
    expect(byId(`list-${COMMISSIONERS.id}`).checked).toBe(true);
    expect(byId(`recipient-${SAM.id}`).checked).toBe(true);
    expect(byId(`recipient-${PRIYA.id}`).checked).toBe(false);
    expect(byId('delivery-link').checked).toBe(true);
    expect(byId('linkDays').value).toBe('14');
    expect(byId('onlyIfChanged').checked).toBe(true);
    expect(text(element.querySelector('.nhsuk-inset-text'))).toContain('Priya Shah (priya@icb.example.org)');

    await type('linkDays', '7');
    await submit();
    const request = http.expectOne({ method: 'PUT', url: `${SCHEDULES}/${SCHEDULE_ID}` });
    expect(request.request.body).toMatchObject({
      report: { kind: 'progress', title: 'Network progress', options: { planId: PLAN.id } },
      recurrence: { kind: 'twice_yearly', months: [4, 10], on: 'first_working_day', time: '07:30' },
      linkDays: 7,
    });
    request.flush(saved({ linkDays: 7 }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal', 'schedules']);
    expect(TestBed.inject(FlashService).take()).toBe('Progress to commissioners has been changed.');
  });

  it('schedules a distribution record of one schedule (the delivery log as a PDF)', async () => {
    const { byId, type, click, submit, fixture } = await render();
    await type('name', 'Distribution record for the Board');
    byId('report-kind-distribution_record').click();
    TestBed.tick();
    http.expectOne(SCHEDULES).flush([saved()]);
    await fixture.whenStable();
    expect(Array.from(byId<HTMLSelectElement>('report-options-scheduleId').options).map((o) => o.text)).toEqual([
      'Every schedule',
      'Progress to commissioners',
    ]);
    expect(byId('report-options-planId')).toBeNull();
    await type('report-options-scheduleId', SCHEDULE_ID);
    await click(`recipient-${PRIYA.id}`);
    await submit();
    const request = http.expectOne({ method: 'POST', url: SCHEDULES });
    expect(request.request.body.report).toEqual({ kind: 'distribution_record', options: { scheduleId: SCHEDULE_ID } });
    request.flush(saved());
  });

  it('sends people to the recipients page when the network has none', async () => {
    const { element, submit, summaryLinks } = await render({ recipients: [], lists: [] });
    const inset = element.querySelector('.nhsuk-inset-text')!;
    expect(text(inset)).toContain('The network has no recipients yet.');
    expect(inset.querySelector('a')!.getAttribute('href')).toBe('/n/north-spinal/recipients');
    await submit();
    expect(summaryLinks()).toContainEqual(['#recipientIds', 'Choose at least one recipient or distribution list']);
  });
});
