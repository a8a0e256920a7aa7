import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ScheduleDto, SessionMembership } from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import {
  deliveryCounts,
  formatSendTime,
  formatWhen,
  periodLabel,
  reportKindLabel,
  runNeedsAttention,
  runStateLabel,
  runTagClass,
} from './schedule-format';
import { SchedulesApi, schedulesUrl } from './schedules.api';

/** What waits for "Yes": sending a schedule now, or deleting it. */
interface Confirming {
  action: 'send' | 'delete';
  schedule: ScheduleDto;
}

/**
 * The network's scheduled reports, for managers: when each is sent next (UK time), how its last run went
 * (a failed run is flagged at the top with its reason), and the actions: change, pause or resume, send now,
 * delete (the delivery log is kept), and its delivery log.
 */
@Component({
  selector: 'plx-schedules-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './schedules-list.component.html',
  styleUrl: './schedules.css',
})
export class SchedulesListComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(SchedulesApi);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly schedules = httpResource<ScheduleDto[]>(() => schedulesUrl(this.network()));
  protected readonly all = computed(() => (this.schedules.hasValue() ? this.schedules.value() : []));
  /** Schedules whose last run failed or gave up on someone: the manager is told here, first thing. */
  protected readonly needAttention = computed(() => this.all().filter((s) => runNeedsAttention(s.lastRun)));

  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(inject(FlashService).take());
  /** A run "send now" has just started: the banner links to the schedule's log. */
  protected readonly started = signal<{ scheduleId: string; name: string } | null>(null);
  protected readonly confirming = signal<Confirming | null>(null);
  protected readonly busy = signal(false);

  protected readonly formatSendTime = formatSendTime;
  protected readonly formatWhen = formatWhen;
  protected readonly periodLabel = periodLabel;
  protected readonly kindLabel = reportKindLabel;
  protected readonly runStateLabel = runStateLabel;
  protected readonly runTagClass = runTagClass;
  protected readonly deliveryCounts = deliveryCounts;
  protected readonly needsAttention = runNeedsAttention;

  protected audienceText(schedule: ScheduleDto): string {
    return schedule.audience === 1 ? '1 person' : `${schedule.audience} people`;
  }

  protected reportTitle(schedule: ScheduleDto): string {
    const title = schedule.report['title'];
    return typeof title === 'string' ? title : '';
  }

  protected unsubscribedText(schedule: ScheduleDto): string {
    const n = schedule.unsubscribed.length;
    return n === 1 ? '1 person unsubscribed and is left out' : `${n} people unsubscribed and are left out`;
  }

  protected targetsText(schedule: ScheduleDto): string {
    const parts = [
      ...schedule.lists.map((l) => `${l.name} (${l.memberCount === 1 ? '1 person' : `${l.memberCount} people`})`),
      ...schedule.recipients.map((r) => r.name),
    ];
    return parts.join(', ');
  }

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  private succeed(message: string): void {
    this.errors.clear();
    this.started.set(null);
    this.banner.set(null);
    afterNextRender(() => this.banner.set(message), { injector: this.#injector });
  }

  protected startConfirm(action: Confirming['action'], schedule: ScheduleDto): void {
    this.errors.clear();
    this.confirming.set({ action, schedule });
    this.focusById('confirm-heading');
  }

  protected cancelConfirm(): void {
    const target = this.confirming();
    this.confirming.set(null);
    if (target) this.focusById(`${target.action}-${target.schedule.id}`);
  }

  protected confirm(): void {
    const target = this.confirming();
    if (!target || this.busy()) return;
    const { schedule } = target;
    this.busy.set(true);
    if (target.action === 'delete') {
      this.#api.remove(this.network(), schedule.id).subscribe({
        next: () => {
          this.busy.set(false);
          this.confirming.set(null);
          this.schedules.reload();
          this.succeed(`${schedule.name} has been deleted. Its delivery log is kept.`);
        },
        error: (error: unknown) => this.fail(error),
      });
      return;
    }
    this.#api.sendNow(this.network(), schedule.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.confirming.set(null);
        this.errors.clear();
        this.banner.set(null);
        this.started.set(null);
        this.schedules.reload();
        afterNextRender(
          () => {
            this.started.set({ scheduleId: schedule.id, name: schedule.name });
            this.focusById('started-banner');
          },
          { injector: this.#injector },
        );
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected setPaused(schedule: ScheduleDto, paused: boolean): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.confirming.set(null);
    this.#api.setPaused(this.network(), schedule.id, paused).subscribe({
      next: () => {
        this.busy.set(false);
        this.schedules.reload();
        this.succeed(paused ? `${schedule.name} is paused: nothing is sent until you resume it.` : `${schedule.name} is active again.`);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.errors.failWith(toApiError(error).message);
  }
}
