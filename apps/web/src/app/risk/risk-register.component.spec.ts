import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { RiskHeatMapDto, RiskScoreDto, RiskSummaryDto, SessionMembership } from '@plexus/contracts';
import { heatMapCells, type MembershipRole, riskBandOf } from '@plexus/domain';
import { FlashService } from '../core/flash.service';
import { RiskRegisterComponent } from './risk-register.component';

const LIST = '/api/networks/north-spinal/risks?status=all';
const MAP = '/api/networks/north-spinal/risks/heat-map';

function score(likelihood: number, impact: number): RiskScoreDto {
  return { likelihood, impact, score: likelihood * impact, band: riskBandOf(likelihood, impact).id, legacy: null };
}

function risk(reference: string, overrides: Partial<RiskSummaryDto> = {}): RiskSummaryDto {
  return {
    id: `id-${reference.replace('/', '-')}`,
    reference,
    status: 'open',
    description: `Description of ${reference}`,
    category: '',
    before: score(4, 4),
    current: score(2, 2),
    targetScore: null,
    mitigationLead: { userId: null, name: '' },
    lastReviewedOn: null,
    nextReviewDue: '2026-06-01',
    overdue: false,
    dateRegistered: '2025-01-01',
    lastBoard: null,
    ...overrides,
  };
}

function heatMap(risks: RiskSummaryDto[]): RiskHeatMapDto {
  const open = risks.filter((r) => r.status === 'open');
  const build = (pick: (r: RiskSummaryDto) => RiskScoreDto) =>
    heatMapCells().map((row) =>
      row.map((cell) => {
        const ids = open.filter((r) => pick(r).likelihood === cell.likelihood && pick(r).impact === cell.impact).map((r) => r.id);
        return { likelihood: cell.likelihood, impact: cell.impact, score: cell.score, band: cell.band, count: ids.length, riskIds: ids };
      }),
    );
  return { current: build((r) => r.current), before: build((r) => r.before), unplaced: { current: 0, before: 0 } };
}

const RISKS: RiskSummaryDto[] = [
  risk('SN/01', {
    current: score(4, 4),
    nextReviewDue: '2025-01-01',
    overdue: true,
    description: 'RTT 18 weeks',
    mitigationLead: { userId: null, name: 'Chair' },
  }),
  risk('SN/02', {
    current: { likelihood: null, impact: null, score: 7, band: 'high', legacy: { value: 7, reason: '7 is not likelihood × impact on a 5×5 matrix' } },
    description: 'PROMS data collection',
  }),
  risk('SN/10', { current: score(1, 2), description: 'Referral system' }),
  risk('SN/03', { status: 'closed', nextReviewDue: null, description: 'Closed one' }),
];

function membership(role: MembershipRole): SessionMembership {
  return { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role, organisationId: null };
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('RiskRegisterComponent', () => {
  let http: HttpTestingController;
  let role: MembershipRole;

  beforeEach(() => {
    role = 'manager';
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            {
              path: 'n/:network/risks',
              component: RiskRegisterComponent,
              resolve: { membership: () => membership(role) },
            },
            { path: '**', children: [] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(url = '/n/north-spinal/risks', risks: RiskSummaryDto[] = RISKS) {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    http.expectOne(LIST).flush(risks);
    http.expectOne(MAP).flush(heatMap(risks));
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement as HTMLElement;
    const rows = () => Array.from(element.querySelectorAll('[data-testid="risk-row"]')).map((row) => text(row.querySelector('td')));
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement;
    const settle = async () => {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    };
    return { harness, element, rows, button, settle, router: TestBed.inject(Router) };
  }

  it('lists open risks in reference order with scores, bands, legacy flags and overdue reviews in text', async () => {
    const { element, rows } = await open();
    expect(rows()).toEqual(['SN/01', 'SN/02', 'SN/10']);
    const first = element.querySelector('[data-testid="risk-row"]')!;
    expect(first.querySelector('a')!.getAttribute('href')).toBe('/n/north-spinal/risks/id-SN-01');
    const cells = Array.from(first.querySelectorAll('td')).map(text);
    expect(cells[1]).toBe('RTT 18 weeks');
    expect(cells[2]).toBe('16 Extreme');
    expect(cells[3]).toBe('16 Extreme');
    expect(cells[4]).toBe('Chair');
    expect(cells[5]).toBe('1 January 2025 Overdue');
    expect(cells[6]).toBe('Open');

    const legacy = Array.from(element.querySelectorAll('[data-testid="risk-row"]'))[1];
    expect(text(legacy.querySelectorAll('td')[2])).toBe('7 High Legacy score 7 is not likelihood × impact on a 5×5 matrix');
    expect(text(element.querySelector('[data-testid="result-count"]'))).toBe('Showing all 3 open risks, sorted by reference, first to last.');
  });

  it('says how many risks are overdue for review, at the top', async () => {
    const { element } = await open();
    const callout = element.querySelector('[data-testid="overdue-callout"]')!;
    expect(text(callout.querySelector('h2'))).toBe('Important: 1 risk is overdue for review');
    expect(text(callout.querySelector('li'))).toContain('SN/01 – RTT 18 weeks (review was due 1 January 2025)');
  });

  it('says which open risks were not reviewed at the last board meeting, flags them in words, and filters to them', async () => {
    const board = (reviewed: boolean) => ({ meetingId: 'm1', meetingDate: '2026-11-12', reviewed });
    const risks = RISKS.map((r) => (r.status === 'open' ? { ...r, lastBoard: board(r.reference !== 'SN/02') } : r));
    const { element, rows, button, settle, router } = await open('/n/north-spinal/risks', risks);
    const callout = element.querySelector('[data-testid="last-board-callout"]')!;
    expect(text(callout.querySelector('p'))).toBe('1 open risk was not reviewed at the last board meeting (12 November 2026).');
    const flagged = Array.from(element.querySelectorAll('[data-testid="risk-row"]')).filter((row) =>
      text(row).includes('Not reviewed at the last board'),
    );
    expect(flagged.map((row) => text(row.querySelector('td')))).toEqual(['SN/02']);
    button('Show only risks not reviewed at the last board').click();
    await settle();
    expect(router.url).toBe('/n/north-spinal/risks?notReviewedAtLastBoard=true');
    expect(rows()).toEqual(['SN/02']);
    expect((element.querySelector('#filter-not-at-last-board') as HTMLInputElement).checked).toBe(true);
  });

  it('offers managers Add a risk and Import, and everyone the downloads', async () => {
    const { element } = await open();
    const actions = Array.from(element.querySelectorAll('.plx-actions a')).map((a) => [text(a), a.getAttribute('href'), a.getAttribute('role')]);
    expect(actions).toEqual([
      ['Add a risk', '/n/north-spinal/risks/new', 'button'],
      ['Import', '/n/north-spinal/risks/import', 'button'],
      ['Download (Excel)', '/api/networks/north-spinal/risks/export?format=xlsx', 'button'],
      ['Download (CSV)', '/api/networks/north-spinal/risks/export?format=csv', 'button'],
    ]);
    expect(element.querySelector('a[href$="format=csv"]')!.hasAttribute('download')).toBe(true);
  });

  it('offers a viewer only the downloads', async () => {
    role = 'viewer';
    const { element } = await open();
    expect(Array.from(element.querySelectorAll('.plx-actions a')).map(text)).toEqual(['Download (Excel)', 'Download (CSV)']);
  });

  it('sorts by a column header button and reflects it in aria-sort', async () => {
    const { element, rows, settle, router } = await open();
    const header = () => Array.from(element.querySelectorAll('th')).find((th) => text(th).startsWith('Current score'))!;
    expect(header().getAttribute('aria-sort')).toBe('none');
    expect(
      Array.from(element.querySelectorAll('th'))
        .find((th) => text(th).startsWith('Reference'))!
        .getAttribute('aria-sort'),
    ).toBe('ascending');
    header().querySelector('button')!.click();
    await settle();
    expect(router.url).toBe('/n/north-spinal/risks?sort=score&direction=desc');
    expect(header().getAttribute('aria-sort')).toBe('descending');
    expect(rows()).toEqual(['SN/01', 'SN/02', 'SN/10']);
    header().querySelector('button')!.click();
    await settle();
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    expect(rows()).toEqual(['SN/10', 'SN/02', 'SN/01']);
  });

  it('filters from the form, and says so when nothing matches, with a way to clear', async () => {
    const { element, rows, settle, router, button } = await open();
    (element.querySelector('#filter-band') as HTMLSelectElement).value = 'low';
    element.querySelector('form.plx-risk-filter')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(router.url).toBe('/n/north-spinal/risks?band=low');
    expect(rows()).toEqual(['SN/10']);

    (element.querySelector('#filter-q') as HTMLInputElement).value = 'nothing like this';
    element.querySelector('form.plx-risk-filter')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    const empty = element.querySelector('[data-testid="risks-empty"]')!;
    expect(text(empty.querySelector('p'))).toBe('No risks match these filters.');
    button('Clear filters').click();
    await settle();
    expect(router.url).toBe('/n/north-spinal/risks');
    expect(rows()).toEqual(['SN/01', 'SN/02', 'SN/10']);
  });

  it('filters to a heat-map cell when it is clicked, with a visible control to clear it', async () => {
    const { element, rows, settle, router } = await open();
    const cell = element.querySelector('td[data-cell="4,4"] button') as HTMLButtonElement;
    expect(text(cell)).toBe('Likely × Major: 1 risk, Extreme (score 16)');
    cell.click();
    await settle();
    expect(router.url).toBe('/n/north-spinal/risks?cell=4,4');
    expect(rows()).toEqual(['SN/01']);
    const notice = element.querySelector('[data-testid="cell-filter"]')!;
    expect(text(notice)).toBe('Showing risks in Likely × Major (Extreme) — clear the heat map cell');
    expect(document.activeElement).toBe(notice);

    (notice.querySelector('button') as HTMLButtonElement).click();
    await settle();
    expect(router.url).toBe('/n/north-spinal/risks');
    expect(element.querySelector('[data-testid="cell-filter"]')).toBeNull();
    expect(rows()).toHaveLength(3);
  });

  it('switches the heat map to the scores before mitigation', async () => {
    const { element, settle, router } = await open();
    expect(text(element.querySelector('caption.plx-heat-map__caption'))).toBe('Open risks by likelihood and impact now (after mitigation)');
    const before = element.querySelector('#matrix-before') as HTMLInputElement;
    expect(text(element.querySelector('label[for="matrix-before"]'))).toBe('Before mitigation');
    expect(text(element.querySelector('label[for="matrix-current"]'))).toBe('Current (after mitigation)');
    before.checked = true;
    before.dispatchEvent(new Event('change'));
    await settle();
    expect(router.url).toBe('/n/north-spinal/risks?matrix=before');
    expect(text(element.querySelector('caption.plx-heat-map__caption'))).toBe('Open risks by likelihood and impact before mitigation');
    expect(text(element.querySelector('td[data-cell="4,4"]'))).toContain('3 risks, Extreme');
  });

  it('says there are no open risks yet, and offers a manager one Add a risk button', async () => {
    const { element } = await open('/n/north-spinal/risks', []);
    expect(text(element.querySelector('[data-testid="risks-empty"]'))).toContain('No open risks yet.');
    const adds = Array.from(element.querySelectorAll('a')).filter((a) => text(a) === 'Add a risk');
    expect(adds).toHaveLength(1);
    expect(adds[0].getAttribute('href')).toBe('/n/north-spinal/risks/new');
    expect(element.querySelector('table.plx-risk-table')).toBeNull();
    expect(element.querySelector('[data-testid="overdue-callout"]')).toBeNull();
  });

  it('shows the banner carried from an import', async () => {
    TestBed.inject(FlashService).set('2 risks have been imported: SN/04 and SN/05.');
    const { element } = await open();
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain('2 risks have been imported: SN/04 and SN/05.');
  });
});
