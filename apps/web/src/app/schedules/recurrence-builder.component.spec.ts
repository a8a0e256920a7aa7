import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RecurrencePreviewDto } from '@plexus/contracts';
import { FormErrors } from '../ui/form-errors';
import { PREVIEW_DEBOUNCE_MS, RecurrenceBuilderComponent } from './recurrence-builder.component';
import { newRecurrenceDraft, type RecurrenceDraft } from './schedule-draft';

const PREVIEW_URL = '/api/networks/north-spinal/schedules/preview-times';

const FIVE: RecurrencePreviewDto = {
  description: 'First working day of April and October at 07:00',
  nextRuns: [
    '2027-04-01T06:00:00.000Z',
    '2027-10-01T06:00:00.000Z',
    '2028-04-03T06:00:00.000Z',
    '2028-10-02T06:00:00.000Z',
    '2029-04-02T06:00:00.000Z',
  ],
  note: null,
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('RecurrenceBuilderComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), FormErrors, { provide: PREVIEW_DEBOUNCE_MS, useValue: 20 }],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(draft: RecurrenceDraft = newRecurrenceDraft()) {
    const fixture = TestBed.createComponent(RecurrenceBuilderComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('draft', draft);
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => element.querySelector(`#${id}`) as T;
    /** Lets the debounce pass, then renders. */
    const settle = async () => {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve, 40));
      await fixture.whenStable();
    };
    const type = async (id: string, value: string) => {
      const control = byId<HTMLInputElement | HTMLSelectElement>(id);
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      byId(id).click();
      await fixture.whenStable();
    };
    const description = () => text(byId('recurrence-description'));
    return { fixture, element, byId, settle, type, click, description };
  }

  it('describes the timetable in plain words as it is chosen, and previews the next five send times from the API', async () => {
    const { click, settle, description, element, fixture } = await render();
    // The default: first working day of every month at 07:00.
    expect((element.querySelector('#recurrence-kind-first_working_day') as HTMLInputElement).checked).toBe(true);
    expect(description()).toBe('First working day of every month at 07:00');
    await settle();
    http.expectOne({ method: 'POST', url: PREVIEW_URL }).flush({ ...FIVE, nextRuns: FIVE.nextRuns.slice(0, 1) });

    await click('recurrence-month-4');
    expect(description()).toBe('First working day of April at 07:00');
    await click('recurrence-month-10');
    expect(description()).toBe('First working day of April and October at 07:00');
    expect(fixture.componentInstance.draft().months).toEqual([4, 10]);
    await settle();
    // Only the last change is asked about (debounced).
    const request = http.expectOne({ method: 'POST', url: PREVIEW_URL });
    expect(request.request.body).toEqual({ recurrence: { kind: 'first_working_day', months: [4, 10], time: '07:00' } });
    request.flush(FIVE);
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('[data-testid="next-times"] li')).map(text)).toEqual([
      'Thu 1 April 2027, 07:00',
      'Fri 1 October 2027, 07:00',
      'Mon 3 April 2028, 07:00',
      'Mon 2 October 2028, 07:00',
      'Mon 2 April 2029, 07:00',
    ]);
  });

  it('shows only the fields of the chosen kind, and the API’s note for a board-meeting timetable', async () => {
    const { click, settle, byId, description, element, fixture } = await render();
    await settle();
    http.expectOne(PREVIEW_URL).flush(FIVE);

    await click('recurrence-kind-after_board_meeting');
    expect(byId('recurrence-months')).toBeNull();
    expect(byId('recurrence-workingDaysAfter').value).toBe('1');
    expect(description()).toBe('After each board meeting, the next working day, at 07:00');
    await settle();
    const request = http.expectOne(PREVIEW_URL);
    expect(request.request.body).toEqual({ recurrence: { kind: 'after_board_meeting', workingDaysAfter: 1, time: '07:00' } });
    request.flush({
      description: 'After each board meeting, the next working day, at 07:00',
      nextRuns: [],
      note: 'No board meeting is planned ahead: add the board’s next meetings, or this schedule will not send.',
    });
    await fixture.whenStable();
    expect(text(element.querySelector('[data-testid="next-times-note"]'))).toContain('No board meeting is planned ahead');

    await click('recurrence-kind-cron');
    expect(byId('recurrence-time')).toBeNull();
    expect(byId('recurrence-expression').value).toBe('0 7 * * 1');
    expect(description()).toBe('Cron 0 7 * * 1 (Europe/London)');
    await settle();
    http.expectOne(PREVIEW_URL).flush({ description: 'Cron 0 7 * * 1 (Europe/London)', nextRuns: FIVE.nextRuns, note: null });
  });

  it('says what is wrong while typing, and asks the API nothing until it is right', async () => {
    const { type, settle, description, element, fixture } = await render();
    await settle();
    http.expectOne(PREVIEW_URL).flush(FIVE);

    await type('recurrence-time', '7');
    expect(description()).toBe('Enter a time as HH:MM, 24-hour, like 07:00');
    await settle();
    http.expectNone(PREVIEW_URL);
    expect(element.querySelector('[data-testid="next-times"]')).toBeNull();
    expect(text(element.querySelector('.plx-recurrence-summary'))).toContain('Shown once the timetable is complete.');

    await type('recurrence-time', '07:30');
    expect(description()).toBe('First working day of every month at 07:30');
    await settle();
    http.expectOne(PREVIEW_URL).flush({ ...FIVE, description: 'First working day of every month at 07:30' });
    await fixture.whenStable();
  });

  it('puts the API’s messages about the recurrence beside their fields', async () => {
    const { click, type, settle, element, fixture } = await render();
    await settle();
    http.expectOne(PREVIEW_URL).flush(FIVE);
    await click('recurrence-kind'); // the first kind: monthly on a day
    await type('recurrence-day', '15');
    await settle();
    http.expectOne(PREVIEW_URL).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Check recurrence.time',
        fields: [{ field: 'recurrence.time', message: 'time must be HH:MM, 24-hour, from 00:00 to 23:59 (got "07:00")' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('#recurrence-time-error'))).toBe('Error: time must be HH:MM, 24-hour, from 00:00 to 23:59 (got "07:00")');
    expect(element.querySelector('#recurrence-time')!.getAttribute('aria-describedby')).toBe('recurrence-time-hint recurrence-time-error');
    expect(element.querySelector('#recurrence-time')!.getAttribute('aria-invalid')).toBe('true');
    expect(text(element.querySelector('[data-testid="next-times-error"]'))).toContain('time must be HH:MM');

    // A change clears the old message: the description says what is wrong now.
    await type('recurrence-day', '16');
    expect(element.querySelector('#recurrence-time-error')).toBeNull();
    await settle();
    http.expectOne(PREVIEW_URL).flush(FIVE);
  });

  it('asks for exactly two months twice a year', async () => {
    const { click, settle, description, element } = await render();
    await settle();
    http.expectOne(PREVIEW_URL).flush(FIVE);
    await click('recurrence-kind-twice_yearly');
    expect(description()).toBe('Choose two months');
    await click('recurrence-month-4');
    await click('recurrence-month-10');
    expect(description()).toBe('First working day of April and October at 07:00');
    await click('recurrence-on-day');
    expect(text(element.querySelector('label[for="recurrence-on"]'))).toBe('Day of the month');
    expect(description()).toBe('On the 1st of April and October at 07:00');
    await settle();
    expect(http.expectOne(PREVIEW_URL).request.body).toEqual({ recurrence: { kind: 'twice_yearly', months: [4, 10], on: 1, time: '07:00' } });
  });
});
