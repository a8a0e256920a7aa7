import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BoardAgendaItemDto, BoardMeetingDto, ReportDocumentDto, SessionMembership } from '@plexus/contracts';
import { BoardMeetingComponent } from './board-meeting.component';

const SLUG = 'north-spinal';
const MEETING_ID = '9b0e1d52-2222-4222-8222-000000000001';
const URL = `/api/networks/${SLUG}/board/meetings/${MEETING_ID}`;
const REPORTS = `/api/networks/${SLUG}/reports`;
const READY_DOC = '7a0e1d52-1111-4111-8111-000000000001';
const QUEUED_DOC = '7a0e1d52-1111-4111-8111-000000000002';

const membership = (role: SessionMembership['role']): SessionMembership => ({
  networkId: '6f1c2b1e-0000-4000-8000-000000000001',
  slug: SLUG,
  name: 'North Spinal Network',
  role,
  organisationId: null,
});

const item = (n: number, title: string, extra: Partial<BoardAgendaItemDto> = {}): BoardAgendaItemDto => ({
  id: `9b0e1d52-3333-4333-8333-00000000000${n}`,
  position: n,
  title,
  presenter: '',
  durationMinutes: null,
  documentId: null,
  paper: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...extra,
});

const WELCOME = item(1, 'Welcome and apologies', { presenter: 'Mr James Reid', durationMinutes: 5 });
const PROGRESS = item(2, 'Work plan progress report', {
  presenter: 'Dr Fatima Ali',
  durationMinutes: 20,
  documentId: READY_DOC,
  paper: { id: READY_DOC, title: 'Progress report Q2', kind: 'progress', status: 'ready', downloadUrl: `${REPORTS}/${READY_DOC}/download` },
});
const RISKS = item(3, 'Risk register review', {
  documentId: QUEUED_DOC,
  paper: { id: QUEUED_DOC, title: 'Risk register Q2', kind: 'risk_register', status: 'queued', downloadUrl: null },
});

const meeting = (manage: boolean, agenda: BoardAgendaItemDto[] = [WELCOME, PROGRESS, RISKS]): BoardMeetingDto => ({
  id: MEETING_ID,
  title: 'Network Board',
  meetingDate: '2026-12-10',
  startsAt: '14:00',
  location: 'https://teams.example.org/meet/board',
  notes: 'Papers a week before.',
  isPast: false,
  agenda,
  pack: null,
  can: { manage },
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
});

const doc = (id: string, title: string, status: ReportDocumentDto['status']): ReportDocumentDto =>
  ({
    id,
    kind: 'progress',
    title,
    status,
    progress: 0,
    requestedAt: '2026-11-01T10:00:00.000Z',
    finishedAt: status === 'ready' ? '2026-11-01T10:01:00.000Z' : null,
  }) as unknown as ReportDocumentDto;

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('BoardMeetingComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(role: SessionMembership['role'], m: BoardMeetingDto, documents: ReportDocumentDto[] = []) {
    const fixture = TestBed.createComponent(BoardMeetingComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', membership(role));
    fixture.componentRef.setInput('meetingId', MEETING_ID);
    fixture.detectChanges();
    http.expectOne(URL).flush(m);
    // The library is asked for only once the meeting says the caller may change it (then whenStable would wait for it).
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    if (m.can.manage) http.expectOne(REPORTS).flush(documents);
    else http.expectNone(REPORTS);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement;
    const click = async (name: string) => {
      button(name).click();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const type = async (id: string, value: string) => {
      const control = element.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement;
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, element, button, click, type, submit };
  }

  it('shows a viewer when and where, the agenda in order and its papers, with no way to change them', async () => {
    const { element } = await render('viewer', meeting(false));
    expect(text(element.querySelector('h1'))).toContain('Network Board, Thursday 10 December 2026');
    const details = text(element.querySelector('#meeting-details'));
    expect(details).toContain('2pm');
    expect(details).toContain('Papers a week before.');
    expect(element.querySelector('#meeting-details a')?.getAttribute('href')).toBe('https://teams.example.org/meet/board');

    const items = Array.from(element.querySelectorAll('#agenda > li'));
    expect(items.map((li) => text(li.querySelector('.plx-agenda__number')))).toEqual(['1.', '2.', '3.']);
    expect(text(items[0])).toContain('Mr James Reid · 5 minutes');
    expect(items[1].querySelector('a[download]')?.getAttribute('href')).toBe(`${REPORTS}/${READY_DOC}/download`);
    expect(text(items[1])).toContain('Paper: Progress report Q2 (Progress report, PDF)');
    expect(text(items[2])).toContain('Risk register Q2 Being made');
    expect(text(element.querySelector('#papers li'))).toBe('Item 2, Work plan progress report: Download Progress report Q2 (PDF)');
    expect(element.querySelectorAll('#papers li')).toHaveLength(2);

    expect(element.querySelector('#add-item')).toBeNull();
    expect(element.querySelector('#change-meeting')).toBeNull();
    expect(element.querySelector('[id^="up-"], [id^="down-"]')).toBeNull();
  });

  it('says when the agenda is empty and no papers are linked', async () => {
    const { element } = await render('viewer', meeting(false, []));
    expect(text(element.querySelector('#agenda-empty'))).toBe('No agenda items yet.');
    expect(text(element.querySelector('#papers-empty'))).toBe('No papers linked to this agenda yet.');
  });

  it('lets a manager add an item: checked by the shared schema, the paper chosen from ready documents only', async () => {
    const ready = doc(READY_DOC, 'Progress report Q2', 'ready');
    const queued = doc('7a0e1d52-1111-4111-8111-000000000009', 'Still rendering', 'queued');
    const { element, click, type, submit, fixture } = await render('manager', meeting(true, []), [ready, queued]);
    await click('Add an agenda item');
    const options = Array.from(element.querySelectorAll('#item-documentId option')).map((o) => text(o));
    expect(options[0]).toBe('No paper');
    expect(options.slice(1).join()).toContain('Progress report Q2');
    expect(options.join()).not.toContain('Still rendering');

    await type('item-durationMinutes', 'twenty');
    await submit();
    expect(text(element.querySelector('#item-title-error'))).toBe('Error: Enter the item’s title');
    expect(text(element.querySelector('#item-durationMinutes-error'))).toContain('number of minutes');
    http.expectNone(`${URL}/agenda-items`);

    await type('item-title', 'Work plan progress report');
    await type('item-durationMinutes', '20');
    await type('item-documentId', READY_DOC);
    await submit();
    const request = http.expectOne({ method: 'POST', url: `${URL}/agenda-items` });
    expect(request.request.body).toEqual({ title: 'Work plan progress report', presenter: '', durationMinutes: 20, documentId: READY_DOC });
    request.flush(
      {
        statusCode: 404,
        code: 'not_found',
        message: 'Not found',
        fields: [{ field: 'documentId', message: 'That paper is not in this network’s document library' }],
      },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#item-documentId-error'))).toBe('Error: That paper is not in this network’s document library');
  });

  it('moves an item down with the keyboard-reachable button, sending the whole order, and keeps focus on it', async () => {
    const { element, fixture } = await render('manager', meeting(true));
    expect(element.querySelector(`#up-${WELCOME.id}`)).toBeNull();
    expect(element.querySelector(`#down-${RISKS.id}`)).toBeNull();
    (element.querySelector(`#down-${PROGRESS.id}`) as HTMLButtonElement).click();
    const request = http.expectOne({ method: 'PUT', url: `${URL}/agenda-order` });
    expect(request.request.body).toEqual({ agendaItemIds: [WELCOME.id, RISKS.id, PROGRESS.id] });
    request.flush(meeting(true, [WELCOME, { ...RISKS, position: 2 }, { ...PROGRESS, position: 3 }]));
    await fixture.whenStable();
    fixture.detectChanges();
    const titles = Array.from(element.querySelectorAll('#agenda h3')).map((h) => text(h));
    expect(titles).toEqual(['Welcome and apologies', 'Risk register review', 'Work plan progress report']);
    expect(text(element.querySelector('#order-status'))).toBe('“Work plan progress report” moved down: now item 3 of 3.');
    // At the bottom now: its "Move down" is gone, so focus is on its "Move up".
    expect(document.activeElement?.id).toBe(`up-${PROGRESS.id}`);
  });

  it('lets a manager generate the board pack, shows its progress while it is made, then links to it', async () => {
    const { element, fixture } = await render('manager', meeting(true, [WELCOME, PROGRESS]));
    expect(text(element.querySelector('#pack-empty'))).toBe('No board pack yet.');
    jest.useFakeTimers();
    try {
      const settle = async () => {
        await jest.advanceTimersByTimeAsync(0);
        fixture.detectChanges();
      };
      element.querySelector<HTMLButtonElement>('#generate-pack')?.click();
      const pack = (status: 'queued' | 'rendering' | 'ready', progress: number) => ({
        id: 'a1b2c3d4-0000-4000-8000-000000000009',
        title: 'Board pack: Network Board, 10 December 2026',
        status,
        progress,
        failureReason: null,
        pageCount: status === 'ready' ? 23 : null,
        requestedAt: '2026-12-01T10:00:00.000Z',
        downloadUrl: status === 'ready' ? `${REPORTS}/a1b2c3d4-0000-4000-8000-000000000009/download` : null,
      });
      const asked = http.expectOne({ method: 'POST', url: `${URL}/pack` });
      asked.flush({ ...meeting(true, [WELCOME, PROGRESS]), pack: pack('queued', 0) });
      await settle();
      expect(text(element.querySelector('#pack-latest'))).toContain('Being made');
      expect(element.querySelector('#generate-pack')?.getAttribute('aria-disabled')).toBe('true');
      expect(text(element.querySelector('#pack-status'))).toBe('The board pack is being made. This page shows when it is ready.');

      // The page looks again every 2 seconds while the pack is being made.
      await jest.advanceTimersByTimeAsync(2000);
      await settle();
      http.expectOne({ method: 'GET', url: URL }).flush({ ...meeting(true, [WELCOME, PROGRESS]), pack: pack('rendering', 55) });
      await settle();
      expect((element.querySelector('#pack-progress') as HTMLProgressElement).value).toBe(55);
      await jest.advanceTimersByTimeAsync(2000);
      await settle();
      http.expectOne({ method: 'GET', url: URL }).flush({ ...meeting(true, [WELCOME, PROGRESS]), pack: pack('ready', 100) });
      await settle();
      const link = element.querySelector('#pack-download');
      expect(link?.getAttribute('href')).toBe(`${REPORTS}/a1b2c3d4-0000-4000-8000-000000000009/download`);
      expect(text(link)).toBe('Download the board pack for Network Board, Thursday 10 December 2026 (PDF, 23 pages)');
      expect(text(element.querySelector('#pack-status'))).toBe('The board pack is ready to download (23 pages).');
      expect(text(element.querySelector('#generate-pack'))).toBe('Generate the pack again');
      // Ready: no more looks.
      await jest.advanceTimersByTimeAsync(6000);
      http.expectNone({ method: 'GET', url: URL });
    } finally {
      jest.useRealTimers();
    }
  });

  it('says why a pack cannot be made, and hides the button while no item has a paper', async () => {
    const { element, fixture } = await render('manager', meeting(true, [WELCOME, RISKS]));
    element.querySelector<HTMLButtonElement>('#generate-pack')?.click();
    http.expectOne({ method: 'POST', url: `${URL}/pack` }).flush(
      {
        code: 'conflict',
        message: 'The paper of item 3 (“Risk register review”) is queued, not ready yet: wait for it, or retry it',
        fields: [
          {
            field: 'agenda.1.documentId',
            message: 'The paper of item 3 (“Risk register review”) is queued, not ready yet: wait for it, or retry it',
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('is queued, not ready yet');

    const bare = await render('manager', meeting(true, [WELCOME]));
    expect(bare.element.querySelector('#generate-pack')).toBeNull();
    expect(text(bare.element.querySelector('#pack-needs-papers'))).toBe('Link a paper to an agenda item to generate the board pack.');
    const viewer = await render('viewer', meeting(false, [WELCOME, PROGRESS]));
    expect(viewer.element.querySelector('#generate-pack')).toBeNull();
  });

  it('asks before deleting the meeting', async () => {
    const { element, click } = await render('manager', meeting(true));
    await click('Delete meeting');
    expect(text(element.querySelector('#remove-confirm-heading'))).toBe('Are you sure you want to delete this meeting?');
    await click('Cancel');
    expect(element.querySelector('#remove-confirm-heading')).toBeNull();
    http.expectNone({ method: 'DELETE' });
  });
});
