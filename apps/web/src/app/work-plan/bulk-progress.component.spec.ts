import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BulkProgressResultDto, WorkItemListDto, WorkItemRowDto } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { BulkProgressComponent } from './bulk-progress.component';
import { item, membership, NETWORK } from './work-plan-test-data';

const ID1 = '6f1c2b1e-2222-4222-8222-000000000001';
const ID2 = '6f1c2b1e-2222-4222-8222-000000000002';
const ID3 = '6f1c2b1e-2222-4222-8222-000000000003';
const ID4 = '6f1c2b1e-2222-4222-8222-000000000004';
const PLAN = `/api/networks/${NETWORK}/work-plan/plans/plan-1`;
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const row = (overrides: Partial<WorkItemRowDto>): WorkItemRowDto => ({ ...item(), ...overrides }) as WorkItemRowDto;
const list = (items: WorkItemRowDto[]): WorkItemListDto => ({
  asOf: '2026-12-05',
  items,
  total: items.length,
  filters: { leads: [], themes: [], quarters: [] },
});

describe('BulkProgressComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(items: WorkItemRowDto[]) {
    const fixture = TestBed.createComponent(BulkProgressComponent);
    fixture.componentRef.setInput('network', NETWORK);
    fixture.componentRef.setInput('membership', membership('lead'));
    fixture.componentRef.setInput('planId', 'plan-1');
    fixture.detectChanges();
    http.expectOne(PLAN).flush({ title: 'Objectives and Work Plan 2023–25' });
    http.expectOne(`${PLAN}/items`).flush(list(items));
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string, event = 'input') => {
      const control = element.querySelector<HTMLInputElement>(selector)!;
      control.value = value;
      control.dispatchEvent(new Event(event));
      fixture.detectChanges();
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('#save-updates')!.click();
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, element, type, submit };
  }

  const items = [
    row({ id: ID1, ref: '1.1', work: 'Dashboard', status: 'on_track' }),
    row({ id: ID2, ref: '1.2', work: 'Transfer audit', status: 'not_started', latestUpdate: null }),
    row({ id: ID3, ref: '1.3', work: 'Not mine', canProgress: false }),
    row({ id: ID4, ref: '1.4', work: 'Finished', status: 'complete' }),
  ];

  it('lists the open items the person may update, each with a box, a status and a note, and asks for one at least', async () => {
    const { element, submit } = await render(items);
    expect([...element.querySelectorAll('legend')].map(text).filter((t) => /^1\./.test(t))).toEqual(['1.1 Dashboard', '1.2 Transfer audit']);
    expect(element.querySelector<HTMLSelectElement>(`#items-${ID1}-status`)!.value).toBe('on_track');
    expect(text(element.querySelector(`label[for="items-${ID2}-narrative"]`))).toBe('Note on 1.2');
    expect(text(element.querySelector('#bulk-chosen'))).toBe('no work items chosen.');
    await submit();
    expect(text(element.querySelector('plx-error-summary'))).toContain('Choose at least one work item to update');
  });

  it('chooses an item when its status or note changes, saves one update per item and says what changed', async () => {
    const { fixture, element, type, submit } = await render(items);
    type(`#items-${ID1}-status`, 'at_risk', 'change');
    type(`#items-${ID1}-narrative`, 'Supplier late.');
    type(`#items-${ID2}-narrative`, 'Started.');
    expect(element.querySelector<HTMLInputElement>(`#items-${ID1}-chosen`)!.checked).toBe(true);
    expect(text(element.querySelector('#bulk-chosen'))).toBe('2 work items chosen.');
    await submit();
    const request = http.expectOne({ method: 'POST', url: `${PLAN}/progress` });
    expect(request.request.body).toEqual({
      on: todayIso(),
      updates: [
        { itemId: ID1, status: 'at_risk', narrative: 'Supplier late.' },
        { itemId: ID2, status: 'not_started', narrative: 'Started.' },
      ],
    });
    const result: BulkProgressResultDto = {
      planId: 'plan-1',
      on: '2026-12-05',
      summary: '2 work items updated',
      updated: [
        { itemId: ID1, progressId: 'p-1', ref: '1.1', work: 'Dashboard', from: 'on_track', to: 'at_risk', statusSet: true },
        { itemId: ID2, progressId: 'p-2', ref: '1.2', work: 'Transfer audit', from: 'not_started', to: 'not_started', statusSet: true },
      ],
    };
    request.flush(result);
    TestBed.tick();
    http.expectOne(`${PLAN}/items`).flush(list(items));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#bulk-result h2'))).toBe('2 work items updated');
    expect(text(element.querySelector('#bulk-result'))).toContain('dated 5 December 2026');
    expect([...element.querySelectorAll('#bulk-result-list li')].map(text)).toEqual([
      '1.1 Dashboard: On track → At risk',
      '1.2 Transfer audit: still Not started',
    ]);
  });

  it('puts the API’s complaint about a line next to that item’s field', async () => {
    const { fixture, element, type, submit } = await render(items);
    type(`#items-${ID2}-narrative`, 'Fine.');
    await submit();
    http
      .expectOne(`${PLAN}/progress`)
      .flush(
        { statusCode: 403, code: 'forbidden', message: 'No', fields: [{ field: 'updates.0.itemId', message: 'You do not lead 1.2' }] },
        { status: 403, statusText: 'Forbidden' },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('plx-error-summary'))).toContain('You do not lead 1.2');
    expect(element.querySelector('plx-error-summary a')?.getAttribute('href')).toBe(`#items-${ID2}-chosen`);
  });
});
