import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  DELIVERY_STATE_LABELS,
  DELIVERY_STATES,
  type DeliveryDto,
  type DeliveryLogDto,
  type DeliveryLogQuery,
  type DeliveryStateValue,
  type RecipientDto,
  type ScheduleDto,
  type SessionMembership,
} from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { moveFocusTo } from '../core/focus';
import { recipientsUrl } from '../recipients/recipients.api';
import { ReportsApi } from '../reports/reports.api';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import {
  deliveryCounts,
  deliveryStateLabel,
  deliveryTagClass,
  formatWhen,
  periodLabel,
  runStateLabel,
  runTagClass,
  sentAsLabel,
  shortChecksum,
} from './schedule-format';
import { deliveryLogExportUrl, deliveryLogUrl, logParams, SchedulesApi, schedulesUrl } from './schedules.api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the address, keeping only what the API would accept (anything else is ignored, not an error). */
export function logQueryFrom(params: { scheduleId?: string; recipientId?: string; state?: string; from?: string; to?: string }): DeliveryLogQuery {
  const query: DeliveryLogQuery = {};
  if (params.scheduleId && UUID.test(params.scheduleId)) query.scheduleId = params.scheduleId;
  if (params.recipientId && UUID.test(params.recipientId)) query.recipientId = params.recipientId;
  if (params.state && (DELIVERY_STATES as readonly string[]).includes(params.state)) query.state = params.state as DeliveryStateValue;
  if (params.from && DATE.test(params.from)) query.from = params.from;
  if (params.to && DATE.test(params.to)) query.to = params.to;
  return query;
}

/**
 * The delivery log: every run of the network's schedules (period, when, state, the document's checksum,
 * how its emails went) and every email (to whom, attached or linked, state, attempts, the SMTP server's
 * answer, link downloads, unsubscribes). Filters live in the address (`?scheduleId=&recipientId=&state=&from=&to=`),
 * so a schedule's own log is a link; "Export CSV" downloads the same rows. A link can be withdrawn here.
 */
@Component({
  selector: 'plx-delivery-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './delivery-log.component.html',
  styleUrl: './schedules.css',
})
export class DeliveryLogComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  /** Query parameters: the filters. */
  readonly scheduleId = input<string | undefined>();
  readonly recipientId = input<string | undefined>();
  readonly state = input<string | undefined>();
  readonly from = input<string | undefined>();
  readonly to = input<string | undefined>();

  readonly #api = inject(SchedulesApi);
  readonly #reports = inject(ReportsApi);
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly query = computed(() =>
    logQueryFrom({ scheduleId: this.scheduleId(), recipientId: this.recipientId(), state: this.state(), from: this.from(), to: this.to() }),
  );
  protected readonly filtered = computed(() => Object.keys(logParams(this.query())).length > 0);
  protected readonly log = httpResource<DeliveryLogDto>(() => ({ url: deliveryLogUrl(this.network()), params: logParams(this.query()) }));
  protected readonly schedules = httpResource<ScheduleDto[]>(() => schedulesUrl(this.network()));
  protected readonly recipients = httpResource<RecipientDto[]>(() => recipientsUrl(this.network()));

  protected readonly scheduleOptions = computed(() => (this.schedules.hasValue() ? this.schedules.value() : []));
  protected readonly recipientOptions = computed(() => (this.recipients.hasValue() ? this.recipients.value() : []));
  /** The schedule whose log this is, when filtered to one: the heading names it. */
  protected readonly scheduleName = computed(() => {
    const id = this.query().scheduleId;
    if (!id) return null;
    const fromList = this.scheduleOptions().find((s) => s.id === id)?.name;
    const fromLog = this.log.hasValue() ? this.log.value().runs.find((r) => r.scheduleId === id)?.scheduleName : undefined;
    return fromList ?? fromLog ?? null;
  });
  protected readonly exportHref = computed(() => deliveryLogExportUrl(this.network(), this.query()));

  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(null);
  protected readonly revoking = signal<DeliveryDto | null>(null);
  /** A distribution record was asked for: the banner links to the report library, where it appears. */
  protected readonly recordRequested = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly states = DELIVERY_STATES;
  protected readonly stateLabels = DELIVERY_STATE_LABELS;
  protected readonly formatWhen = formatWhen;
  protected readonly periodLabel = periodLabel;
  protected readonly runStateLabel = runStateLabel;
  protected readonly runTagClass = runTagClass;
  protected readonly deliveryStateLabel = deliveryStateLabel;
  protected readonly deliveryTagClass = deliveryTagClass;
  protected readonly deliveryCounts = deliveryCounts;
  protected readonly shortChecksum = shortChecksum;
  protected readonly sentAsLabel = sentAsLabel;

  protected attempts(n: number): string {
    return n === 1 ? '1 attempt' : `${n} attempts`;
  }

  protected linkExpired(delivery: DeliveryDto): boolean {
    return !!delivery.link && new Date(delivery.link.expiresAt).getTime() <= Date.now();
  }

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  // ---- filters ----------------------------------------------------------------------------------

  protected applyFilters(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
    const query = logQueryFrom({
      scheduleId: field('scheduleId'),
      recipientId: field('recipientId'),
      state: field('state'),
      from: field('from'),
      to: field('to'),
    });
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: logParams(query) });
  }

  protected clearFilters(): void {
    void this.#router
      .navigate([], { relativeTo: this.#route, queryParams: {} })
      .then(() => afterNextRender(() => moveFocusTo(this.#document.getElementById('log-heading')), { injector: this.#injector }));
  }

  // ---- the distribution record (the log as a PDF) ----------------------------------------------

  /** The PDF of the runs shown, by schedule and dates (the recipient and state filters do not apply to it). */
  protected requestRecord(): void {
    if (this.busy()) return;
    const { scheduleId, from, to } = this.query();
    const options = { ...(scheduleId ? { scheduleId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
    this.busy.set(true);
    this.errors.clear();
    this.#reports.request(this.network(), { kind: 'distribution_record', options }).subscribe({
      next: (doc) => {
        this.busy.set(false);
        this.banner.set(null);
        this.recordRequested.set(null);
        afterNextRender(
          () => {
            this.recordRequested.set(doc.title);
            this.focusById('record-banner');
          },
          { injector: this.#injector },
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }

  // ---- withdrawing a link -----------------------------------------------------------------------

  protected startRevoke(delivery: DeliveryDto): void {
    this.errors.clear();
    this.revoking.set(delivery);
    this.focusById('revoke-heading');
  }

  protected cancelRevoke(): void {
    const delivery = this.revoking();
    this.revoking.set(null);
    if (delivery) this.focusById(`revoke-${delivery.id}`);
  }

  protected confirmRevoke(): void {
    const delivery = this.revoking();
    if (!delivery?.link || this.busy()) return;
    this.busy.set(true);
    this.#api.revokeLink(this.network(), delivery.link.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.revoking.set(null);
        this.errors.clear();
        this.log.reload();
        this.banner.set(null);
        this.recordRequested.set(null);
        afterNextRender(() => this.banner.set(`The link sent to ${delivery.toAddress} has been withdrawn: it no longer works.`), {
          injector: this.#injector,
        });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }
}
