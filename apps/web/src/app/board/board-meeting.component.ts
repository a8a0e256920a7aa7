import { plural, todayIso } from '@plexus/domain';
import { NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import type { Subscription } from 'rxjs';
import {
  type BoardAgendaItemDto,
  boardAgendaItemInputSchema,
  type BoardMeetingDto,
  REPORT_KIND_LABELS,
  type ReportDocumentDto,
  type SessionMembership,
} from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { formatDateTime } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues, prefixFieldErrors } from '../core/form-errors';
import { composePageTitle } from '../core/page-title';
import { reportsUrl } from '../reports/reports.api';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { BoardApi, boardMeetingUrl } from './board.api';
import { durationFromText, formatMeetingDate, formatMeetingTime, locationLink, moveInOrder, paperStatus } from './board-format';

/** The agenda item form, as typed: `documentId` '' for no paper, `duration` the text in the box. */
export interface ItemForm {
  id: string | null;
  title: string;
  presenter: string;
  duration: string;
  documentId: string;
}

/** How often the page looks at a pack being made (as the document library does). */
export const PACK_POLL_MS = 2_000;

const EMPTY_ITEM: ItemForm = { id: null, title: '', presenter: '', duration: '', documentId: '' };

/**
 * A board meeting: when and where, its agenda in order and its papers (download links once a paper is ready).
 * Managers change the meeting, add, change and remove items, choose each item's paper from the network's ready
 * documents, and move items up or down (keyboard focus follows the item moved). A manager generates the meeting's board
 * pack (one PDF of every paper); the page shows its progress while it is made, then links to it.
 */
@Component({
  selector: 'plx-board-meeting',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgTemplateOutlet, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './board-meeting.component.html',
  styleUrl: './board-meeting.component.css',
})
export class BoardMeetingComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly meetingId = input.required<string>();

  readonly #api = inject(BoardApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);
  readonly #title = inject(Title);

  protected readonly meeting = httpResource<BoardMeetingDto>(() => boardMeetingUrl(this.network(), this.meetingId()));
  protected readonly loaded = computed(() => (this.meeting.hasValue() ? this.meeting.value() : null));
  protected readonly canManage = computed(() => this.loaded()?.can.manage ?? false);
  /** A meeting before today (UK time): leads can no longer be nudged before it. */
  protected readonly isPast = computed(() => (this.loaded()?.meetingDate ?? '9999-12-31') < todayIso('Europe/London'));
  /** The library, for choosing papers: managers only, once the meeting says they may change it. */
  protected readonly documents = httpResource<ReportDocumentDto[]>(() => (this.canManage() ? reportsUrl(this.network()) : undefined));
  protected readonly papers = computed(() => (this.loaded()?.agenda ?? []).filter((i) => i.paper));

  protected readonly flash = inject(FlashService).take();
  protected readonly banner = signal<string | null>(null);
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);
  protected readonly itemForm = signal<ItemForm | null>(null);
  protected readonly removing = signal<{ kind: 'meeting' } | { kind: 'item'; item: BoardAgendaItemDto } | null>(null);
  /** Said by screen readers after a move (the item keeps focus, so nothing else announces it). */
  protected readonly orderStatus = signal('');
  /** Said by screen readers when the pack being made is ready or could not be made. */
  protected readonly packStatus = signal('');
  /** A look at the pack that failed: said once, and the next look is tried all the same. */
  protected readonly packPollProblem = signal<string | null>(null);
  readonly #packPollAttempt = signal(0);
  protected readonly packInProgress = computed(() => {
    const status = this.loaded()?.pack?.status;
    return status === 'queued' || status === 'rendering';
  });

  /** Ready documents to choose a paper from, newest first; the item's current paper stays listed even if it is not ready. */
  protected readonly paperOptions = computed(() => {
    const docs = this.documents.hasValue() ? this.documents.value() : [];
    const current = this.itemForm()?.documentId;
    return docs
      .filter((d) => d.status === 'ready' || d.id === current)
      .map((d) => ({ id: d.id, label: `${d.title} (${REPORT_KIND_LABELS[d.kind]}, ${formatDateTime(d.finishedAt ?? d.requestedAt)})` }));
  });

  protected readonly value = controlValue;
  protected readonly formatDate = formatMeetingDate;
  protected readonly formatTime = formatMeetingTime;
  protected readonly locationLink = locationLink;
  protected readonly kindLabel = REPORT_KIND_LABELS;
  protected readonly paperStatus = paperStatus;

  constructor() {
    effect(() => {
      const m = this.loaded();
      if (m) this.#title.setTitle(composePageTitle(`${m.title}, ${formatMeetingDate(m.meetingDate)}`, this.membership().name));
    });
    // While the pack is being made, look again every PACK_POLL_MS (each answer starts the next wait); the timer and any
    // look in flight end with the page.
    effect((onCleanup) => {
      this.#packPollAttempt();
      const status = this.loaded()?.pack?.status;
      if (status !== 'queued' && status !== 'rendering') return;
      const slug = this.network();
      const meetingId = this.meetingId();
      let request: Subscription | undefined;
      const timer = setTimeout(() => {
        request = this.#api.getMeeting(slug, meetingId).subscribe({
          next: (latest) => untracked(() => this.adoptPack(latest)),
          error: (error: unknown) =>
            untracked(() => {
              this.packPollProblem.set(`We could not check on the board pack: ${toApiError(error).message} We will keep trying.`);
              this.#packPollAttempt.update((n) => n + 1);
            }),
        });
      }, PACK_POLL_MS);
      onCleanup(() => {
        clearTimeout(timer);
        request?.unsubscribe();
      });
    });
  }

  /** Takes the meeting as it is now, saying when its pack became ready or could not be made. */
  private adoptPack(latest: BoardMeetingDto): void {
    const before = this.loaded()?.pack;
    this.packPollProblem.set(null);
    this.meeting.set(latest);
    const now = latest.pack;
    if (before && now && before.id === now.id && before.status !== now.status) {
      if (now.status === 'ready')
        this.packStatus.set(`The board pack is ready to download (${now.pageCount === null ? 'several pages' : plural(now.pageCount, 'page')}).`);
      if (now.status === 'failed') this.packStatus.set(`The board pack could not be made: ${now.failureReason ?? 'no reason was given'}.`);
    }
  }

  protected generatePack(meeting: BoardMeetingDto): void {
    if (this.busy() || this.packInProgress()) return;
    this.closeAll();
    this.busy.set(true);
    this.#api.generatePack(this.network(), meeting.id).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.meeting.set(updated);
        this.packStatus.set('The board pack is being made. This page shows when it is ready.');
        this.focusById('pack-heading');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  private succeed(message: string, meeting?: BoardMeetingDto): void {
    this.busy.set(false);
    this.errors.set({});
    if (meeting) this.meeting.set(meeting);
    else this.meeting.reload();
    this.banner.set(null);
    afterNextRender(() => this.banner.set(message), { injector: this.#injector });
  }

  private closeAll(): void {
    this.itemForm.set(null);
    this.removing.set(null);
    this.errors.set({});
  }

  // ---- agenda items -------------------------------------------------------------------------------

  protected startItem(item?: BoardAgendaItemDto): void {
    this.closeAll();
    this.itemForm.set(
      item
        ? {
            id: item.id,
            title: item.title,
            presenter: item.presenter,
            duration: item.durationMinutes == null ? '' : String(item.durationMinutes),
            documentId: item.documentId ?? '',
          }
        : EMPTY_ITEM,
    );
    this.focusById('item-title');
  }

  protected setItem(patch: Partial<ItemForm>): void {
    this.itemForm.update((form) => form && { ...form, ...patch });
  }

  protected cancelItem(): void {
    const id = this.itemForm()?.id;
    this.closeAll();
    this.focusById(id ? `change-item-${id}` : 'add-item');
  }

  protected saveItem(event: Event, meeting: BoardMeetingDto): void {
    event.preventDefault();
    const form = this.itemForm();
    if (!form || this.busy()) return;
    const parsed = boardAgendaItemInputSchema.safeParse({
      title: form.title,
      presenter: form.presenter,
      durationMinutes: durationFromText(form.duration),
      documentId: form.documentId || null,
    });
    if (!parsed.success) {
      this.errors.fail(prefixFieldErrors(fieldErrorsFromIssues(parsed.error.issues), 'item'));
      return;
    }
    this.busy.set(true);
    const call = form.id ? this.#api.updateItem(this.network(), form.id, parsed.data) : this.#api.addItem(this.network(), meeting.id, parsed.data);
    call.subscribe({
      next: (updated) => {
        this.itemForm.set(null);
        this.succeed(form.id ? `“${parsed.data.title}” has been changed.` : `“${parsed.data.title}” has been added to the agenda.`, updated);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'item' });
      },
    });
  }

  protected move(meeting: BoardMeetingDto, item: BoardAgendaItemDto, direction: 'up' | 'down'): void {
    if (this.busy()) return;
    const ids = meeting.agenda.map((i) => i.id);
    const order = moveInOrder(ids, item.id, direction);
    if (order.join() === ids.join()) return;
    this.busy.set(true);
    this.#api.reorder(this.network(), meeting.id, order).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.errors.set({});
        this.meeting.set(updated);
        const position = updated.agenda.findIndex((i) => i.id === item.id);
        this.orderStatus.set(`“${item.title}” moved ${direction}: now item ${position + 1} of ${updated.agenda.length}.`);
        // Keep focus on the item moved: the same button, or the other one once it has reached the top or bottom.
        const atEdge = direction === 'up' ? position === 0 : position === updated.agenda.length - 1;
        this.focusById(`${atEdge ? (direction === 'up' ? 'down' : 'up') : direction}-${item.id}`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.meeting.reload();
        this.errors.failWith(toApiError(error).message);
      },
    });
  }

  // ---- deleting -----------------------------------------------------------------------------------

  protected startRemoveItem(item: BoardAgendaItemDto): void {
    this.closeAll();
    this.removing.set({ kind: 'item', item });
    this.focusById('remove-confirm-heading');
  }

  protected startRemoveMeeting(): void {
    this.closeAll();
    this.removing.set({ kind: 'meeting' });
    this.focusById('remove-confirm-heading');
  }

  protected cancelRemove(): void {
    const target = this.removing();
    this.removing.set(null);
    if (target) this.focusById(target.kind === 'item' ? `remove-item-${target.item.id}` : 'delete-meeting');
  }

  protected confirmRemove(meeting: BoardMeetingDto): void {
    const target = this.removing();
    if (!target || this.busy()) return;
    this.busy.set(true);
    if (target.kind === 'item') {
      this.#api.removeItem(this.network(), target.item.id).subscribe({
        next: () => {
          this.removing.set(null);
          this.succeed(`“${target.item.title}” has been taken off the agenda.`);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.errors.failWith(toApiError(error).message);
        },
      });
      return;
    }
    this.#api.deleteMeeting(this.network(), meeting.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.#flash.set(`${meeting.title}, ${formatMeetingDate(meeting.meetingDate)}, has been deleted.`);
        void this.#router.navigate(['/n', this.network(), 'board']);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }
}
