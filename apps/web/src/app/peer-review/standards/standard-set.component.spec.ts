import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionMembership, StandardSetDto, StandardVersionDto } from '@plexus/contracts';
import { StandardSetComponent } from './standard-set.component';
import { BASE, S1, SECTIONS, SET_ID, SLUG, standardSet, summary, V1, V2, version } from './standards-test-data';

const membership = (role: SessionMembership['role']): SessionMembership => ({
  networkId: 'n1',
  slug: SLUG,
  name: 'East Midlands MTN',
  role,
  organisationId: null,
});

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('StandardSetComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(set: StandardSetDto, v: StandardVersionDto, role: SessionMembership['role'] = 'manager') {
    const fixture = TestBed.createComponent(StandardSetComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', membership(role));
    fixture.componentRef.setInput('standardSetId', SET_ID);
    fixture.detectChanges();
    http.expectOne(`${BASE}/sets/${SET_ID}`).flush(set);
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http.expectOne(`${BASE}/versions/${v.id}`).flush(v);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement | undefined;
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    /** After a change that reloads a resource: its request goes once effects have run (whenStable would wait for the answer). */
    const tick = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    };
    const click = async (el: Element | null | undefined) => {
      (el as HTMLElement).click();
      await settle();
    };
    const type = async (id: string, value: string) => {
      const control = element.querySelector(`#${id}`) as HTMLInputElement | HTMLTextAreaElement;
      control.value = value;
      control.dispatchEvent(new Event('input'));
      await settle();
    };
    const submit = async () => {
      element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle();
    };
    return { fixture, element, button, click, type, submit, settle, tick };
  }

  it('shows the version’s sections and criteria in order, with the evidence expected and whom each is for', async () => {
    const { element } = await render(standardSet(), version());
    expect(text(element.querySelector('h1'))).toBe('East Midlands MTN – EMMTN-AT Network assessment tool');
    expect(Array.from(element.querySelectorAll('[data-testid="standard-section"] h3')).map(text)).toEqual(['1 Access', '2 Transfers']);
    const first = element.querySelector('[data-testid="criterion"]');
    expect(text(first)).toContain('1.1');
    const terms = (c: Element | null | undefined) => Array.from(c?.querySelectorAll('dt, dd') ?? []).map(text);
    expect(terms(first)).toEqual(['Evidence expected', 'Waiting times by hospital', 'Applies to', 'Major trauma centre, Trauma unit']);
    expect(terms(element.querySelectorAll('[data-testid="criterion"]')[1])).toEqual([
      'Evidence expected',
      'Not given',
      'Applies to',
      'All organisations',
    ]);
    expect(text(element.querySelector('#version-summary'))).toBe('2 sections, 3 criteria. A draft: not yet available to peer review cycles.');
    expect(text(element.querySelector('#publish'))).toBe('Publish version 1');
    expect(element.querySelector('#export-xlsx')?.getAttribute('href')).toBe(`${BASE}/versions/${V1}/export?format=xlsx`);
  });

  it('adds a criterion to a section in place, sending the ticked organisation types', async () => {
    const { element, click, type, submit, tick } = await render(standardSet(), version());
    await click(element.querySelector(`#add-criterion-${S1}`));
    expect(document.activeElement?.id === 'criterion-text' || element.querySelector('#criterion-text')).toBeTruthy();
    await submit();
    expect(text(element.querySelector('#criterion-text-error'))).toBe('Error: Enter the criterion');
    await type('criterion-number', '1.3');
    await type('criterion-text', 'Imaging reported within the hour');
    await click(element.querySelector('#criterion-applies-trauma_unit'));
    await submit();
    const req = http.expectOne(`${BASE}/sections/${S1}/criteria`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ number: '1.3', text: 'Imaging reported within the hour', evidenceExpected: '', appliesTo: ['trauma_unit'] });
    req.flush(version());
    await tick();
    http.expectOne(`${BASE}/sets/${SET_ID}`).flush(standardSet());
    await tick();
    await tick();
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain('Criterion 1.3 has been added.');
  });

  it('moves a criterion down with the whole section’s new order, and says where it went', async () => {
    const { element, click, settle } = await render(standardSet(), version());
    const [c1, c2] = SECTIONS[0].criteria;
    await click(element.querySelector(`#criterion-down-${c1.id}`));
    const req = http.expectOne(`${BASE}/sections/${S1}/criterion-order`);
    expect(req.request.body).toEqual({ criterionIds: [c2.id, c1.id] });
    req.flush(
      version({
        sections: [
          {
            ...SECTIONS[0],
            criteria: [
              { ...c2, position: 1 },
              { ...c1, position: 2 },
            ],
          },
          SECTIONS[1],
        ],
      }),
    );
    await settle();
    expect(text(element.querySelector('#order-status'))).toBe('Criterion 1.1 moved down: now criterion 2 of 2.');
  });

  it('says a frozen version cannot change, offers no edits and creates the next version as a draft copy', async () => {
    const set = standardSet({
      versions: [summary(V1, 1, { status: 'published', frozen: true })],
      currentVersionId: V1,
      can: { manage: true, newVersion: true },
    });
    const frozen = version({
      status: 'published',
      frozen: true,
      frozenAt: '2026-11-02T10:00:00.000Z',
      publishedAt: '2026-11-01T10:00:00.000Z',
      can: { edit: false, publish: false, delete: false, newVersion: true },
    });
    const { element, button, tick } = await render(set, frozen);
    expect(text(element.querySelector('#frozen-note'))).toContain('This version is frozen: a peer review cycle uses it');
    expect(element.querySelector('#add-section')).toBeNull();
    expect(element.querySelector('#import')).toBeNull();
    expect(element.querySelectorAll('[id^="change-criterion-"]')).toHaveLength(0);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    button('Create version 2')!.click();
    await tick();
    const req = http.expectOne(`${BASE}/sets/${SET_ID}/versions`);
    expect(req.request.method).toBe('POST');
    req.flush(version({ id: V2, version: 2 }));
    expect(navigate).toHaveBeenCalledWith(['/n', SLUG, 'peer-review', 'standards', SET_ID], { queryParams: { version: V2 } });
    await tick();
    http.expectOne(`${BASE}/sets/${SET_ID}`).flush(set);
  });

  it('shows a national set read-only to a network’s manager, saying who keeps it', async () => {
    const set = standardSet({ national: true, code: 'D15', name: 'Major trauma measures', can: { manage: false, newVersion: false } });
    const v = version({ can: { edit: false, publish: false, delete: false, newVersion: false } });
    const { element } = await render(set, v);
    expect(text(element.querySelector('#national-note'))).toContain('kept by the platform operator for every network');
    for (const id of ['#change-set', '#delete-set', '#publish', '#new-version', '#add-section', '#import', '#delete-version']) {
      expect({ id, found: !!element.querySelector(id) }).toEqual({ id, found: false });
    }
    expect(element.querySelector('#export-csv')).not.toBeNull();
  });

  it('asks before removing a section, and removes it', async () => {
    const { element, button, click, tick } = await render(standardSet(), version());
    await click(element.querySelector(`#remove-section-${S1}`));
    expect(text(element.querySelector('#remove-confirm-heading'))).toBe('Are you sure you want to remove section “Access”?');
    button('Yes, remove it')!.click();
    await tick();
    const req = http.expectOne(`${BASE}/sections/${S1}`);
    expect(req.request.method).toBe('DELETE');
    req.flush(null);
    await tick();
    http.expectOne(`${BASE}/versions/${V1}`).flush(version({ sections: [SECTIONS[1]], criterionCount: 1 }));
    http.expectOne(`${BASE}/sets/${SET_ID}`).flush(standardSet());
  });
});
