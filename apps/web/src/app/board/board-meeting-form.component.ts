import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { BOARD_MEETING_DEFAULT_TITLE, type BoardMeetingDto, boardMeetingInputSchema, type SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { composePageTitle } from '../core/page-title';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { BoardApi, boardMeetingUrl } from './board.api';
import { formatMeetingDate } from './board-format';

/** The form as typed: every field text (`startsAt` '' for no time). */
export interface MeetingForm {
  title: string;
  meetingDate: string;
  startsAt: string;
  location: string;
  notes: string;
}

const EMPTY: MeetingForm = { title: BOARD_MEETING_DEFAULT_TITLE, meetingDate: '', startsAt: '', location: '', notes: '' };

function formFrom(m: BoardMeetingDto): MeetingForm {
  return { title: m.title, meetingDate: m.meetingDate, startsAt: m.startsAt ?? '', location: m.location, notes: m.notes };
}

/** Add a board meeting (`/board/new`) or change one (`/board/:meetingId/edit`). Managers only (`board.manage`). */
@Component({
  selector: 'plx-board-meeting-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './board-meeting-form.component.html',
})
export class BoardMeetingFormComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  /** Route parameter when changing a meeting; absent when adding one. */
  readonly meetingId = input<string | undefined>();

  readonly #api = inject(BoardApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #title = inject(Title);

  protected readonly editing = computed(() => !!this.meetingId());
  protected readonly meeting = httpResource<BoardMeetingDto>(() => {
    const id = this.meetingId();
    return id ? boardMeetingUrl(this.network(), id) : undefined;
  });
  /** The form; when changing a meeting, it starts from the meeting as loaded. */
  protected readonly form = linkedSignal<MeetingForm | null>(() => {
    if (!this.meetingId()) return EMPTY;
    return this.meeting.hasValue() ? formFrom(this.meeting.value()) : null;
  });
  protected readonly errors = inject(FormErrors);
  protected readonly saving = signal(false);
  protected readonly value = controlValue;

  constructor() {
    effect(() => {
      if (!this.meeting.hasValue()) return;
      const m = this.meeting.value();
      this.#title.setTitle(composePageTitle(`Change ${m.title}, ${formatMeetingDate(m.meetingDate)}`, this.membership().name));
    });
  }

  protected backLink(): string[] {
    const id = this.meetingId();
    return id ? ['/n', this.network(), 'board', id] : ['/n', this.network(), 'board'];
  }

  protected set(patch: Partial<MeetingForm>): void {
    this.form.update((form) => form && { ...form, ...patch });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const form = this.form();
    if (!form || this.saving()) return;
    const parsed = boardMeetingInputSchema.safeParse({
      title: form.title,
      meetingDate: form.meetingDate.trim(),
      startsAt: form.startsAt.trim() || null,
      location: form.location,
      notes: form.notes,
    });
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.saving.set(true);
    const id = this.meetingId() ?? null;
    this.#api.saveMeeting(this.network(), id, parsed.data).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.#flash.set(
          id
            ? `${saved.title}, ${formatMeetingDate(saved.meetingDate)}, has been changed.`
            : `${saved.title}, ${formatMeetingDate(saved.meetingDate)}, has been added. Add its agenda below.`,
        );
        void this.#router.navigate(['/n', this.network(), 'board', saved.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}
