import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, InjectionToken, input, model, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { RecurrenceInput, RecurrencePreviewDto } from '@plexus/contracts';
import type { RecurrenceKind } from '@plexus/domain';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { toApiError } from '../core/api-error';
import { controlChecked, controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import {
  type DayChoice,
  describeDraft,
  isRecurrenceKind,
  MONTHS,
  RECURRENCE_KIND_HINTS,
  RECURRENCE_KIND_LABELS,
  RECURRENCE_KIND_LIST,
  type RecurrenceDraft,
  recurrenceFromDraft,
  recurrenceProblems,
} from './schedule-draft';
import { formatSendTime } from './schedule-format';
import { SchedulesApi } from './schedules.api';

/** How long the builder waits after the last change before asking the API for the next send times. */
export const PREVIEW_DEBOUNCE_MS = new InjectionToken<number>('PREVIEW_DEBOUNCE_MS', { factory: () => 400 });

export type TimesPreview =
  { state: 'idle' } | { state: 'loading' } | { state: 'ready'; preview: RecurrencePreviewDto } | { state: 'error'; message: string };

const DAY_CHOICES: ReadonlyArray<{ value: DayChoice; label: string }> = [
  { value: 'first_working_day', label: 'The first working day' },
  { value: 'last_working_day', label: 'The last working day' },
  { value: 'day', label: 'A day of the month' },
];

/**
 * "When to send", in plain words: the kind of timetable, then only the fields it needs (months, a day, the
 * quarter's month, working days after a board meeting, or a cron expression) and the time (UK time). The
 * description ("First working day of April and October at 07:00") follows every keystroke, worked out here
 * with @plexus/domain; the next five send times come from the API (which knows the board's meetings), a
 * moment after typing stops. Messages sit on the page's `FormErrors` under `recurrence.*`.
 */
@Component({
  selector: 'plx-recurrence-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, FORM_ERROR_UI],
  styleUrl: './schedules.css',
  templateUrl: './recurrence-builder.component.html',
})
export class RecurrenceBuilderComponent {
  readonly network = input.required<string>();
  readonly draft = model.required<RecurrenceDraft>();

  readonly #api = inject(SchedulesApi);
  protected readonly errors = inject(FormErrors);

  protected readonly kinds = RECURRENCE_KIND_LIST;
  protected readonly kindLabels = RECURRENCE_KIND_LABELS;
  protected readonly kindHints = RECURRENCE_KIND_HINTS;
  protected readonly months = MONTHS;
  protected readonly dayChoices = DAY_CHOICES;
  protected readonly formatSendTime = formatSendTime;
  protected readonly value = controlValue;
  protected readonly checked = controlChecked;

  /** What is wrong with the recurrence as it stands, by field (shown under the description while typing). */
  protected readonly problems = computed(() => recurrenceProblems(this.draft()));
  protected readonly problem = computed<string | null>(() => Object.values(this.problems()).at(0) ?? null);
  protected readonly description = computed(() => describeDraft(this.draft()));
  protected readonly times = signal<TimesPreview>({ state: 'idle' });
  protected readonly ready = computed(() => {
    const times = this.times();
    return times.state === 'ready' ? times.preview : null;
  });
  protected readonly failure = computed(() => {
    const times = this.times();
    return times.state === 'error' ? times.message : null;
  });

  /** The recurrence to preview, once it is valid; its JSON (and the network) tell one request from another. */
  readonly #request = computed<{ key: string; recurrence: RecurrenceInput } | null>(() => {
    if (Object.keys(this.problems()).length) return null;
    const recurrence = recurrenceFromDraft(this.draft());
    return { key: `${this.network()} ${JSON.stringify(recurrence)}`, recurrence };
  });

  constructor() {
    const wait = inject(PREVIEW_DEBOUNCE_MS);
    toObservable(this.#request)
      .pipe(
        distinctUntilChanged((a, b) => a?.key === b?.key),
        tap((request) => this.times.set(request ? { state: 'loading' } : { state: 'idle' })),
        debounceTime(wait),
        switchMap((request) =>
          request
            ? this.#api.previewTimes(this.network(), request.recurrence).pipe(
                map((preview): TimesPreview => ({ state: 'ready', preview })),
                catchError((error: unknown) => of(this.previewFailed(error))),
              )
            : of<TimesPreview>({ state: 'idle' }),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((times) => this.times.set(times));
  }

  /** The API refused the recurrence: its messages go beside their fields (without moving focus). */
  private previewFailed(error: unknown): TimesPreview {
    const apiError = toApiError(error);
    for (const { field, message } of apiError.fields ?? []) {
      if (field.startsWith('recurrence.')) this.errors.setField(field.replace(/\.\d+$/, ''), message);
    }
    return { state: 'error', message: apiError.fields?.[0]?.message ?? apiError.message };
  }

  // ---- editing ----------------------------------------------------------------------------------

  private update(patch: Partial<RecurrenceDraft>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
    // Messages from the last submit are about the recurrence as it was; the live description now says what is wrong.
    this.errors.update((errors) => Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith('recurrence.'))));
  }

  protected setKind(event: Event): void {
    const kind = this.value(event);
    if (isRecurrenceKind(kind)) this.update({ kind: kind as RecurrenceKind });
  }

  protected setText(key: 'day' | 'onDay' | 'workingDaysAfter' | 'time' | 'expression', event: Event): void {
    this.update({ [key]: this.value(event) });
  }

  protected setOn(event: Event): void {
    const on = this.value(event) as DayChoice;
    if (DAY_CHOICES.some((c) => c.value === on)) this.update({ on });
  }

  protected setMonthOfQuarter(event: Event): void {
    const month = Number(this.value(event));
    if (month === 1 || month === 2 || month === 3) this.update({ monthOfQuarter: month });
  }

  protected toggleMonth(month: number, event: Event): void {
    const on = this.checked(event);
    const months = this.draft().months.filter((m) => m !== month);
    this.update({ months: on ? [...months, month].sort((a, b) => a - b) : months });
  }
}
