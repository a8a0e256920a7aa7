import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RunSummaryDto, ScheduleDto, SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { SchedulesListComponent } from './schedules-list.component';

const BASE = '/api/networks/north-spinal/schedules';

const MANAGER: SessionMembership = { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role: 'manager', organisationId: null };

function run(patch: Partial<RunSummaryDto> = {}): RunSummaryDto {
  return {
    id: '7c000000-0000-4000-8000-000000000001',
    scheduleId: '5c000000-0000-4000-8000-000000000001',
    scheduleName: 'Progress to commissioners',
    periodKey: '2026-10',
    dueAt: '2026-10-01T06:00:00.000Z',
    trigger: 'schedule',
    state: 'sent',
    reason: null,
    documentId: null,
    documentSha256: 'ab'.repeat(32),
    createdAt: '2026-10-01T06:00:00.000Z',
    finishedAt: '2026-10-01T06:01:00.000Z',
    deliveries: { total: 3, sent: 3, pending: 0, retrying: 0, givenUp: 0 },
    ...patch,
  };
}

function schedule(patch: Partial<ScheduleDto> = {}): ScheduleDto {
  return {
    id: '5c000000-0000-4000-8000-000000000001',
    name: 'Progress to commissioners',
    report: { kind: 'progress', options: {} },
    reportKind: 'progress',
    recurrence: { kind: 'first_working_day', months: [4, 10], time: '07:00' },
    recurrenceText: 'First working day of April and October at 07:00',
    status: 'active',
    onlyIfChanged: false,
    delivery: 'attach',
    linkDays: 30,
    subject: '',
    message: '',
    recipients: [{ id: '9b000000-0000-4000-8000-000000000001', name: 'Priya Shah', email: 'priya@icb.example.org' }],
    lists: [{ id: '9b000000-0000-4000-8000-000000000002', name: 'Commissioners', memberCount: 2 }],
    unsubscribed: [],
    audience: 3,
    nextRunAt: '2027-04-01T06:00:00.000Z',
    lastRun: run(),
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-09-01T10:00:00.000Z',
    ...patch,
  };
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('SchedulesListComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(schedules: ScheduleDto[]) {
    const fixture = TestBed.createComponent(SchedulesListComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    fixture.detectChanges();
    http.expectOne(BASE).flush(schedules);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement;
    const click = async (name: string) => {
      const found = button(name);
      if (!found) throw new Error(`No button "${name}"`);
      found.click();
      await fixture.whenStable();
    };
    return { fixture, element, button, click };
  }

  it('says when there are no schedules yet, and offers to schedule one', async () => {
    const { element } = await render([]);
    expect(text(element.querySelector('h1'))).toBe('North Spinal Network – Scheduled reports');
    expect(text(element.querySelector('#schedules-empty'))).toContain(
      'No scheduled reports yet — schedule the progress report to your commissioners.',
    );
    expect(element.querySelector('.plx-schedule-list')).toBeNull();
    expect(element.querySelector('[data-testid="failed-runs"]')).toBeNull();
    expect(element.querySelector('#new-schedule')!.getAttribute('href')).toBe('/n/north-spinal/schedules/new');
  });

  it('shows each schedule: report, plain-words timetable, next send in UK time, last run and who receives it', async () => {
    const { element } = await render([schedule()]);
    const card = element.querySelector('[data-schedule="Progress to commissioners"]')!;
    expect(text(card.querySelector('h2'))).toBe('Progress to commissioners Active');
    expect(text(card)).toContain('Progress report');
    expect(text(card)).toContain('First working day of April and October at 07:00');
    expect(text(card.querySelector('[data-testid="next-send"]'))).toBe('Thu 1 April 2027, 07:00');
    expect(text(card.querySelector('[data-testid="last-run"]'))).toBe('Sent October 2026, started 1 October 2026 at 07:00 3 of 3 sent');
    expect(text(card)).toContain('3 people Commissioners (2 people), Priya Shah');
    // Each action names its schedule for screen readers; the log is the schedule's own.
    expect(text(card.querySelector('#send-5c000000-0000-4000-8000-000000000001'))).toBe('Send now Progress to commissioners');
    const log = Array.from(card.querySelectorAll('a')).find((a) => text(a).startsWith('Delivery log'))!;
    expect(log.getAttribute('href')).toBe('/n/north-spinal/schedules/log?scheduleId=5c000000-0000-4000-8000-000000000001');
    expect(element.querySelector('[data-testid="failed-runs"]')).toBeNull();
  });

  it('flags a failed last run at the top, with its reason, so the manager sees it first', async () => {
    const failed = schedule({
      id: '5c000000-0000-4000-8000-000000000002',
      name: 'Risk register after the board',
      reportKind: 'risk_register',
      lastRun: run({
        scheduleId: '5c000000-0000-4000-8000-000000000002',
        state: 'failed',
        reason: 'The report could not be generated: the network has no risks',
        periodKey: '2026-11-14',
        documentSha256: null,
        deliveries: { total: 0, sent: 0, pending: 0, retrying: 0, givenUp: 0 },
      }),
    });
    const { element } = await render([schedule(), failed]);
    const callout = element.querySelector('[data-testid="failed-runs"]')!;
    expect(text(callout.querySelector('h2'))).toBe('Important: A scheduled report was not delivered');
    expect(text(callout.querySelector('li'))).toContain(
      'Risk register after the board (Board meeting of 14 November 2026): Failed – The report could not be generated: the network has no risks',
    );
    expect(callout.querySelector('a')!.getAttribute('href')).toBe('/n/north-spinal/schedules/log?scheduleId=5c000000-0000-4000-8000-000000000002');
    const card = element.querySelector('[data-schedule="Risk register after the board"]')!;
    const lastRun = card.querySelector('[data-testid="last-run"]')!;
    expect(lastRun.querySelector('.nhsuk-tag')!.classList).toContain('nhsuk-tag--red');
    expect(lastRun.querySelector('.plx-schedule__problem')).not.toBeNull();
  });

  it('also flags a run whose emails were given up', async () => {
    const { element } = await render([schedule({ lastRun: run({ deliveries: { total: 3, sent: 2, pending: 0, retrying: 0, givenUp: 1 } }) })]);
    expect(text(element.querySelector('[data-testid="failed-runs"] li'))).toContain('2 of 3 sent, 1 given up');
  });

  it('asks before sending now, then says the run has started and links to its log', async () => {
    const { element, click, fixture } = await render([schedule()]);
    await click('Send now Progress to commissioners');
    expect(text(element.querySelector('#confirm-heading'))).toBe('Send Progress to commissioners now?');
    expect(document.activeElement).toBe(element.querySelector('#confirm-heading'));
    await click('Yes, send Progress to commissioners now');
    const request = http.expectOne({ method: 'POST', url: `${BASE}/5c000000-0000-4000-8000-000000000001/send-now` });
    request.flush(run({ state: 'pending', trigger: 'manual' }), { status: 202, statusText: 'Accepted' });
    TestBed.tick();
    http.expectOne(BASE).flush([schedule()]);
    await fixture.whenStable();
    await fixture.whenStable();
    const banner = element.querySelector('#started-banner')!;
    expect(text(banner)).toContain('Progress to commissioners is being sent now.');
    expect(banner.querySelector('a')!.getAttribute('href')).toBe('/n/north-spinal/schedules/log?scheduleId=5c000000-0000-4000-8000-000000000001');
    expect(element.querySelector('#confirm-heading')).toBeNull();
  });

  it('shows why "send now" was refused', async () => {
    const { element, click, fixture } = await render([schedule()]);
    await click('Send now Progress to commissioners');
    await click('Yes, send Progress to commissioners now');
    http
      .expectOne(`${BASE}/5c000000-0000-4000-8000-000000000001/send-now`)
      .flush(
        { statusCode: 409, code: 'conflict', message: 'Nobody to send to: add recipients or lists with members to this schedule first' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Nobody to send to');
  });

  it('deletes after confirming that the delivery log is kept', async () => {
    const { element, click, fixture } = await render([schedule()]);
    await click('Delete Progress to commissioners');
    expect(text(element.querySelector('.plx-inline-panel'))).toContain('Its delivery log is kept.');
    await click('Yes, delete Progress to commissioners');
    http.expectOne({ method: 'DELETE', url: `${BASE}/5c000000-0000-4000-8000-000000000001` }).flush(null, { status: 204, statusText: 'No Content' });
    TestBed.tick();
    http.expectOne(BASE).flush([]);
    await fixture.whenStable();
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain(
      'Progress to commissioners has been deleted. Its delivery log is kept.',
    );
    expect(element.querySelector('#schedules-empty')).not.toBeNull();
  });

  it('pauses and resumes', async () => {
    const { element, click, fixture } = await render([schedule()]);
    await click('Pause Progress to commissioners');
    http.expectOne({ method: 'POST', url: `${BASE}/5c000000-0000-4000-8000-000000000001/pause` }).flush(schedule({ status: 'paused' }));
    TestBed.tick();
    http.expectOne(BASE).flush([schedule({ status: 'paused', nextRunAt: null })]);
    await fixture.whenStable();
    await fixture.whenStable();
    expect(text(element.querySelector('[data-testid="next-send"]'))).toBe('None while paused');
    expect(text(element.querySelector('.plx-schedule h2'))).toBe('Progress to commissioners Paused');
    await click('Resume Progress to commissioners');
    http.expectOne({ method: 'POST', url: `${BASE}/5c000000-0000-4000-8000-000000000001/resume` }).flush(schedule());
    TestBed.tick();
    http.expectOne(BASE).flush([schedule()]);
  });

  it('shows a confirmation carried from the form', async () => {
    TestBed.inject(FlashService).set('Progress to commissioners has been scheduled.');
    const { element } = await render([schedule()]);
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain('Progress to commissioners has been scheduled.');
  });
});
