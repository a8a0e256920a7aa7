import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { NudgeFormDto } from '@plexus/contracts';
import { NudgeUpdateComponent } from './nudge-update.component';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCD';
const URL = `/api/update-links/north-spinal/${TOKEN}`;
const ITEM = '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6';
const RISK = '7a1c2a3e-8b4d-4c5e-9f60-718293a4b5c7';

const FORM: NudgeFormDto = {
  networkName: 'North Spinal Network',
  leadName: 'Sam Patel',
  expiresAt: '2026-12-11T09:00:00.000Z',
  boardMeeting: { title: 'Network Board', meetingDate: '2026-12-10' },
  items: [
    { id: ITEM, ref: '1.2', work: 'Agree the rehabilitation prescription', planTitle: 'Plan 2026/27', status: 'on_track', statusOn: '2026-09-01' },
  ],
  risks: [{ id: RISK, reference: 'NSN-R03', description: 'Delays in transfer', likelihood: 3, impact: 4, nextReviewDue: '2026-11-30' }],
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('NudgeUpdateComponent (public: a lead’s one-page update from a nudge email)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void) {
    const fixture = TestBed.createComponent(NudgeUpdateComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
    answer(http.expectOne({ method: 'GET', url: URL }));
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const submit = () => Array.from(element.querySelectorAll('button')).find((b) => text(b) === 'Send my update') as HTMLButtonElement;
    return { fixture, element, submit };
  }

  function type(element: HTMLElement, id: string, value: string) {
    const field = element.querySelector<HTMLTextAreaElement>(`#${id}`)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  it('lists the items with their status and BRAG colour and the risks, and says when the link expires', async () => {
    const { element } = await render((r) => r.flush(FORM));
    expect(text(element.querySelector('h1'))).toBe('Update your items before the board meeting');
    expect(text(element)).toContain('Network Board meets on 10 December 2026.');
    expect(text(element.querySelector('#item-0-title'))).toBe('1.2 Agree the rehabilitation prescription');
    expect(text(element)).toContain('Now: On track – Green; last updated 1 September 2026.');
    const labels = Array.from(element.querySelectorAll('fieldset label')).map(text);
    expect(labels).toEqual(['Not started – Grey', 'On track – Green', 'At risk – Amber', 'Off track – Red', 'Complete – Blue', 'Deferred – Grey']);
    expect(element.querySelector<HTMLInputElement>('#item-0-status-on_track')!.checked).toBe(true);
    expect(text(element.querySelector('#risk-0-title'))).toBe('NSN-R03 Delays in transfer');
    expect(element.querySelector<HTMLSelectElement>('#risks-0-likelihood')!.value).toBe('3');
    expect(text(element)).toContain('until 11 December 2026');
  });

  it('asks for every comment next to its field, then sends the update once and thanks the lead', async () => {
    const { element, fixture, submit } = await render((r) => r.flush(FORM));
    submit().click();
    fixture.detectChanges();
    http.expectNone({ method: 'POST', url: URL });
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Say how the work is going');
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Say what the review found');

    element.querySelector<HTMLInputElement>('#item-0-status-at_risk')!.dispatchEvent(new Event('change'));
    type(element, 'items-0-comment', 'Two trusts still to agree');
    type(element, 'risks-0-comment', 'Working');
    fixture.detectChanges();
    submit().click();
    const request = http.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({
      items: [{ itemId: ITEM, status: 'at_risk', comment: 'Two trusts still to agree' }],
      risks: [{ riskId: RISK, likelihood: 3, impact: 4, comment: 'Working' }],
    });
    request.flush({ networkName: 'North Spinal Network', leadName: 'Sam Patel', items: 1, risks: 1 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('[data-testid="nudge-updated"] h1'))).toBe('Thank you, your update has been sent');
  });

  it('says why a used, expired or altered link cannot be used', async () => {
    const used = await render((r) =>
      r.flush(
        { statusCode: 410, code: 'gone', message: 'You sent your update with this link on 4 December 2026: thank you.' },
        { status: 410, statusText: 'Gone' },
      ),
    );
    expect(text(used.element.querySelector('h1'))).toBe('This link cannot be used');
    expect(text(used.element)).toContain('You sent your update with this link on 4 December 2026');
    used.fixture.destroy();
    const altered = await render((r) =>
      r.flush({ statusCode: 404, code: 'not_found', message: 'That link was not found' }, { status: 404, statusText: 'Not Found' }),
    );
    expect(text(altered.element.querySelector('h1'))).toBe('This link is not valid');
  });
});
