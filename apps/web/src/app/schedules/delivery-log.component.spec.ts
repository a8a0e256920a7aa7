import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, provideRouter, Router } from '@angular/router';
import type { DeliveryDto, DeliveryLogDto, RecipientDto, RunSummaryDto, ScheduleDto, SessionMembership } from '@plexus/contracts';
import { DeliveryLogComponent, logQueryFrom } from './delivery-log.component';

const NET = '/api/networks/north-spinal';
const LOG = `${NET}/delivery-log`;
const SCHEDULE_ID = '5c000000-0000-4000-8000-000000000001';
const RECIPIENT_ID = '9b000000-0000-4000-8000-000000000001';

const MANAGER: SessionMembership = { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role: 'manager', organisationId: null };

const RUN: RunSummaryDto = {
  id: '7c000000-0000-4000-8000-000000000001',
  scheduleId: SCHEDULE_ID,
  scheduleName: 'Progress to commissioners',
  periodKey: 'now 2026-12-03T09:15',
  dueAt: '2026-12-03T09:15:00.000Z',
  trigger: 'manual',
  state: 'sent',
  reason: null,
  documentId: '8d000000-0000-4000-8000-000000000001',
  documentSha256: '0123456789abcdef'.repeat(4),
  createdAt: '2026-12-03T09:15:00.000Z',
  finishedAt: '2026-12-03T09:16:00.000Z',
  deliveries: { total: 2, sent: 1, pending: 0, retrying: 1, givenUp: 0 },
};

const SENT_LINK: DeliveryDto = {
  id: 'de000000-0000-4000-8000-000000000001',
  runId: RUN.id,
  scheduleId: SCHEDULE_ID,
  scheduleName: 'Progress to commissioners',
  periodKey: RUN.periodKey,
  recipientId: RECIPIENT_ID,
  recipientName: 'Priya Shah',
  toAddress: 'priya@icb.example.org',
  mode: 'link',
  state: 'sent',
  attempts: 1,
  lastError: null,
  smtpResponse: '250 OK: queued as 12345',
  messageId: '<m1@plexus.test>',
  createdAt: '2026-12-03T09:16:00.000Z',
  sentAt: '2026-12-03T09:16:05.000Z',
  documentSha256: RUN.documentSha256,
  link: {
    id: '11000000-0000-4000-8000-000000000001',
    expiresAt: '2099-01-02T09:16:00.000Z',
    revokedAt: null,
    downloads: [{ at: '2026-12-04T10:00:00.000Z', ipAddress: '203.0.113.7' }],
  },
  unsubscribedAt: '2026-12-05T08:00:00.000Z',
};

const RETRYING: DeliveryDto = {
  ...SENT_LINK,
  id: 'de000000-0000-4000-8000-000000000002',
  recipientId: '9b000000-0000-4000-8000-000000000002',
  recipientName: 'Sam Lee',
  toAddress: 'sam@nhse.example.org',
  mode: 'attach',
  state: 'retrying',
  attempts: 2,
  lastError: '421 Try again later',
  smtpResponse: null,
  sentAt: null,
  link: null,
  unsubscribedAt: null,
};

const SCHEDULE = { id: SCHEDULE_ID, name: 'Progress to commissioners' } as ScheduleDto;
const RECIPIENT = { id: RECIPIENT_ID, name: 'Priya Shah' } as RecipientDto;

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('DeliveryLogComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(log: DeliveryLogDto, query: Record<string, string> = {}) {
    const fixture = TestBed.createComponent(DeliveryLogComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    for (const [key, value] of Object.entries(query)) fixture.componentRef.setInput(key, value);
    fixture.detectChanges();
    const request = http.expectOne((r) => r.url === LOG);
    request.flush(log);
    http.expectOne(`${NET}/schedules`).flush([SCHEDULE]);
    http.expectOne(`${NET}/recipients`).flush([RECIPIENT]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, element, request };
  }

  it('lists runs (period, state, checksum, counts) and emails (how sent, state, SMTP answer, downloads, unsubscribes)', async () => {
    const { element } = await render({ runs: [RUN], deliveries: [SENT_LINK, RETRYING] });
    expect(text(element.querySelector('h1'))).toBe('North Spinal Network – Delivery log');
    // Each cell's lines (the parts between its <br>s), comments left out.
    const cells = (row: Element) =>
      Array.from(row.querySelectorAll('td'), (td) =>
        Array.from(td.childNodes)
          .filter((n) => n.nodeType !== Node.COMMENT_NODE)
          .map((n) => text(n as Element))
          .filter(Boolean),
      );
    const run = element.querySelector('[data-testid="runs"] tbody tr')!;
    expect(cells(run)).toEqual([
      ['Progress to commissioners', 'Sent now, 3 December 2026, 09:15', 'Sent with "Send now"'],
      ['3 December 2026 at 09:15', 'Finished 3 December 2026 at 09:16'],
      ['Sent'],
      ['SHA-256 starting', '0123456789ab'],
      ['1 of 2 sent, 1 retrying'],
    ]);

    const rows = element.querySelectorAll('[data-testid="deliveries"] tbody tr');
    expect(cells(rows[0]).slice(0, 4)).toEqual([
      ['Priya Shah', 'priya@icb.example.org', 'Unsubscribed 5 December 2026 at 08:00'],
      ['Progress to commissioners', 'Sent now, 3 December 2026, 09:15'],
      ['Sent', 'Link, 1 attempt'],
      ['3 December 2026 at 09:16', 'Mail server: 250 OK: queued as 12345'],
    ]);
    expect(text(rows[0])).toContain('Downloaded 4 December 2026 at 10:00 from 203.0.113.7');
    expect(text(rows[0].querySelector('button'))).toBe('Withdraw the link sent to priya@icb.example.org');
    expect(cells(rows[1])[2]).toEqual(['Failed, retrying', 'Attachment, 2 attempts', '421 Try again later']);
    expect(rows[1].querySelector('.nhsuk-tag')!.classList).toContain('nhsuk-tag--orange');
    expect(rows[1].querySelector('button')).toBeNull();
    expect(element.querySelector('[data-testid="export-csv"]')!.getAttribute('href')).toBe(`${LOG}/export`);
  });

  it('asks the API with the filters in the address, names the schedule, and exports the same rows', async () => {
    const query = { scheduleId: SCHEDULE_ID, recipientId: RECIPIENT_ID, state: 'sent', from: '2026-12-01', to: '2026-12-31' };
    const { element, request } = await render({ runs: [RUN], deliveries: [SENT_LINK] }, query);
    expect(request.request.params.keys().sort()).toEqual(['from', 'recipientId', 'scheduleId', 'state', 'to']);
    expect(request.request.params.get('scheduleId')).toBe(SCHEDULE_ID);
    expect(text(element.querySelector('h1'))).toBe('North Spinal Network – Delivery log of Progress to commissioners');
    expect((element.querySelector('#filter-schedule') as HTMLSelectElement).value).toBe(SCHEDULE_ID);
    expect((element.querySelector('#filter-recipient') as HTMLSelectElement).value).toBe(RECIPIENT_ID);
    expect((element.querySelector('#filter-state') as HTMLSelectElement).value).toBe('sent');
    expect((element.querySelector('#filter-from') as HTMLInputElement).value).toBe('2026-12-01');
    expect(element.querySelector('[data-testid="export-csv"]')!.getAttribute('href')).toBe(
      `${LOG}/export?scheduleId=${SCHEDULE_ID}&recipientId=${RECIPIENT_ID}&state=sent&from=2026-12-01&to=2026-12-31`,
    );
  });

  it('applies the chosen filters through the address, leaving out the empty ones', async () => {
    const { element, fixture } = await render({ runs: [], deliveries: [] });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (element.querySelector('#filter-state') as HTMLSelectElement).value = 'given_up';
    (element.querySelector('#filter-from') as HTMLInputElement).value = '2026-11-01';
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith([], { relativeTo: TestBed.inject(ActivatedRoute), queryParams: { state: 'given_up', from: '2026-11-01' } });
  });

  it('ignores filters the API would refuse', () => {
    expect(logQueryFrom({ scheduleId: 'nope', state: 'lost', from: '1 May', to: '2026-05-01' })).toEqual({ to: '2026-05-01' });
  });

  it('says when nothing has been sent yet, and when nothing matches the filters', async () => {
    const { element } = await render({ runs: [], deliveries: [] });
    expect(text(element.querySelector('#log-empty'))).toContain('Nothing has been sent yet.');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
    const filtered = await render({ runs: [], deliveries: [] }, { state: 'given_up' });
    expect(text(filtered.element.querySelector('#log-empty'))).toContain('Nothing in the delivery log matches these filters.');
  });

  it('asks for the distribution record of the runs shown (schedule and dates), then points to the reports', async () => {
    const query = { scheduleId: SCHEDULE_ID, state: 'sent', from: '2026-12-01' };
    const { element, fixture } = await render({ runs: [RUN], deliveries: [SENT_LINK] }, query);
    (element.querySelector('#request-record') as HTMLButtonElement).click();
    const request = http.expectOne({ method: 'POST', url: `${NET}/reports` });
    expect(request.request.body).toEqual({ kind: 'distribution_record', options: { scheduleId: SCHEDULE_ID, from: '2026-12-01' } });
    request.flush({ id: 'd1', kind: 'distribution_record', title: 'Distribution record', status: 'queued' }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    await fixture.whenStable();
    const banner = element.querySelector('#record-banner')!;
    expect(text(banner)).toContain('Distribution record has been requested.');
    expect(banner.querySelector('a')!.getAttribute('href')).toBe('/n/north-spinal/reports');
  });

  it('withdraws a link after asking, then shows the log again', async () => {
    const { element, fixture } = await render({ runs: [RUN], deliveries: [SENT_LINK] });
    (element.querySelector(`#revoke-${SENT_LINK.id}`) as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(text(element.querySelector('#revoke-heading'))).toBe('Withdraw the link sent to priya@icb.example.org?');
    expect(document.activeElement).toBe(element.querySelector('#revoke-heading'));
    const yes = Array.from(element.querySelectorAll('button')).find((b) => text(b) === 'Yes, withdraw the link')!;
    yes.click();
    http.expectOne({ method: 'POST', url: `${LOG}/links/${SENT_LINK.link!.id}/revoke` }).flush(null, { status: 204, statusText: 'No Content' });
    TestBed.tick();
    http
      .expectOne((r) => r.url === LOG)
      .flush({ runs: [RUN], deliveries: [{ ...SENT_LINK, link: { ...SENT_LINK.link!, revokedAt: '2026-12-06T12:00:00.000Z' } }] });
    await fixture.whenStable();
    await fixture.whenStable();
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain(
      'The link sent to priya@icb.example.org has been withdrawn: it no longer works.',
    );
    const row = element.querySelector('[data-testid="deliveries"] tbody tr')!;
    expect(text(row)).toContain('Withdrawn 6 December 2026 at 12:00');
    expect(row.querySelector('button')).toBeNull();
  });
});
