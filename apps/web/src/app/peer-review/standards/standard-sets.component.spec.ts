import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionMembership, StandardSetListDto } from '@plexus/contracts';
import { StandardSetsComponent } from './standard-sets.component';
import { BASE, NATIONAL_ID, SET_ID, SLUG, standardSet, summary, V1, V2 } from './standards-test-data';

const membership = (role: SessionMembership['role']): SessionMembership => ({
  networkId: 'n1',
  slug: SLUG,
  name: 'East Midlands MTN',
  role,
  organisationId: null,
});

const NATIONAL = standardSet({
  id: NATIONAL_ID,
  code: 'D15',
  name: 'Major trauma measures',
  kind: 'national_specification',
  answerScale: 'met',
  national: true,
  versions: [summary(V2, 2), summary(V1, 1, { status: 'published', frozen: true, criterionCount: 26 })],
  currentVersionId: V1,
  can: { manage: false, newVersion: false },
});

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('StandardSetsComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(list: StandardSetListDto, role: SessionMembership['role'] = 'manager', national = false) {
    const fixture = TestBed.createComponent(StandardSetsComponent);
    if (national) fixture.componentRef.setInput('national', true);
    else {
      fixture.componentRef.setInput('network', SLUG);
      fixture.componentRef.setInput('membership', membership(role));
    }
    fixture.detectChanges();
    http.expectOne(national ? '/api/admin/standards/sets' : `${BASE}/sets`).flush(list);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const rows = (id: string) => Array.from(element.querySelectorAll(`#${id} tbody tr`)).map((r) => Array.from(r.querySelectorAll('td')).map(text));
    const type = async (id: string, value: string) => {
      const control = element.querySelector(`#${id}`) as HTMLInputElement;
      control.value = value;
      control.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, element, rows, type, submit };
  }

  it('lists the national sets, marked and read-only, then the network’s own, with their versions and frozen state', async () => {
    const own = standardSet({ versions: [summary(V1, 1, { criterionCount: 21 })] });
    const { element, rows } = await render({ sets: [NATIONAL, own], can: { create: true } });
    expect(rows('national-sets')).toEqual([
      ['D15 Major trauma measures National', 'National service specification', 'v2 draft · v1 frozen . In use by a peer review cycle', '3 criteria'],
    ]);
    expect(rows('own-sets')).toEqual([["EMMTN-AT Network assessment tool Network's own", 'Assessment tool', 'v1 draft', '21 criteria']]);
    const link = element.querySelector('#own-sets a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/n/${SLUG}/peer-review/standards/${SET_ID}`);
    expect(text(element.querySelector('#create-set'))).toBe('Create a standard set');
  });

  it('says plainly when the network has no sets of its own, for managers and for everyone else', async () => {
    const manager = await render({ sets: [NATIONAL], can: { create: true } });
    expect(text(manager.element.querySelector('#sets-empty'))).toMatch(/^No standard sets of your own yet\. Create one/);
    manager.fixture.destroy();
    const viewer = await render({ sets: [], can: { create: false } }, 'viewer');
    expect(text(viewer.element.querySelector('#sets-empty'))).toBe(
      'This network has no standard sets of its own yet. When a network manager adds one, it will be here.',
    );
    expect(text(viewer.element.querySelector('#no-national'))).toBe('No national sets yet.');
    expect(viewer.element.querySelector('#create-set')).toBeNull();
  });

  it('creates a set: names each field in error, then opens the new set', async () => {
    const { element, fixture, type, submit } = await render({ sets: [], can: { create: true } });
    (element.querySelector('#create-set') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    await submit();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Enter a short code for the set, like D15');
    expect(text(element.querySelector('#code-error'))).toBe('Error: Enter a short code for the set, like D15');
    await type('set-code', 'EMMTN-AT');
    await type('set-name', 'Network assessment tool');
    (element.querySelector('#set-scale-rag') as HTMLInputElement).click();
    await submit();
    const req = http.expectOne(`${BASE}/sets`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      code: 'EMMTN-AT',
      name: 'Network assessment tool',
      kind: 'network_standards',
      answerScale: 'rag',
      description: '',
    });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    req.flush(standardSet());
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', SLUG, 'peer-review', 'standards', SET_ID]);
  });

  it('shows the 409 of a code already used on the code field', async () => {
    const { element, fixture, type, submit } = await render({ sets: [], can: { create: true } });
    (element.querySelector('#create-set') as HTMLButtonElement).click();
    await fixture.whenStable();
    await type('set-code', 'D15');
    await type('set-name', 'Again');
    await submit();
    const message = 'There is already a set in this network with the code D15: choose another';
    http
      .expectOne(`${BASE}/sets`)
      .flush({ statusCode: 409, code: 'conflict', message, fields: [{ field: 'code', message }] }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('#code-error'))).toBe(`Error: ${message}`);
  });

  it('keeps the national sets on the operators’ page, on the admin API', async () => {
    const { element, rows } = await render(
      { sets: [{ ...NATIONAL, can: { manage: true, newVersion: false } }], can: { create: true } },
      'manager',
      true,
    );
    expect(text(element.querySelector('h1'))).toBe('Admin – National standard sets');
    expect(rows('own-sets')[0][0]).toBe('D15 Major trauma measures National');
    expect((element.querySelector('#own-sets a') as HTMLAnchorElement).getAttribute('href')).toBe(`/admin/standards/${NATIONAL_ID}`);
    expect(text(element.querySelector('#create-set'))).toBe('Create a national standard set');
  });
});
