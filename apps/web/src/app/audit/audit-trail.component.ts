import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AuditEventDto, AuditPageDto, SessionMembership } from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { formatDateTime } from '../core/dates';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { actionLabel, changeLines, eventTitle, FILTER_RECORD_TYPES, recordTypeLabel, type AuditNames } from './audit-format';

function auditUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/audit`;
}

@Component({
  selector: 'plx-audit-trail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadErrorComponent, LoadingComponent],
  templateUrl: './audit-trail.component.html',
})
export class AuditTrailComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  /** Query parameters: the filter. */
  readonly entityType = input<string | undefined>();
  readonly entityId = input<string | undefined>();

  readonly #http = inject(HttpClient);
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);

  readonly #filter = computed(() => {
    const params: Record<string, string> = {};
    const entityType = this.entityType();
    const entityId = this.entityId();
    if (entityType) params['entityType'] = entityType;
    if (entityId) params['entityId'] = entityId;
    return params;
  });

  /** The newest page for the filter; older pages are added below it. */
  protected readonly firstPage = httpResource<AuditPageDto>(() => ({ url: auditUrl(this.network()), params: this.#filter() }));
  protected readonly older = linkedSignal<AuditPageDto | undefined, AuditEventDto[]>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value() : undefined),
    computation: () => [],
  });
  protected readonly nextCursor = linkedSignal<AuditPageDto | undefined, string | null>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value() : undefined),
    computation: (page) => page?.nextCursor ?? null,
  });
  protected readonly events = computed(() => [...(this.firstPage.hasValue() ? this.firstPage.value().items : []), ...this.older()]);
  /** Names of the records and people the changes name by id: the first page's, then each older page's. */
  protected readonly olderNames = linkedSignal<AuditPageDto | undefined, AuditNames>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value() : undefined),
    computation: () => ({}),
  });
  protected readonly names = computed<AuditNames>(() => ({
    ...(this.firstPage.hasValue() ? (this.firstPage.value().names ?? {}) : {}),
    ...this.olderNames(),
  }));

  protected readonly loadingOlder = signal(false);
  protected readonly olderError = signal<string | null>(null);
  protected readonly status = signal('');

  protected readonly recordTypes = computed(() => {
    const current = this.entityType();
    const types: string[] = [...FILTER_RECORD_TYPES];
    if (current && !types.includes(current)) types.push(current);
    return types.map((type) => ({ value: type, label: recordTypeLabel(type) }));
  });
  protected readonly filterDescription = computed(() => {
    const type = this.entityType();
    if (this.entityId()) return `Showing the history of one ${type ? recordTypeLabel(type).toLowerCase() : 'record'}.`;
    if (type) return `Showing changes to: ${recordTypeLabel(type)}.`;
    return null;
  });

  protected readonly actionLabel = actionLabel;
  protected readonly recordTypeLabel = recordTypeLabel;
  protected readonly changeLines = changeLines;
  protected readonly eventTitle = eventTitle;
  protected readonly formatDateTime = formatDateTime;

  protected applyFilter(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (form.elements.namedItem('entityType') as HTMLSelectElement | null)?.value ?? '';
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: { entityType: value || null, entityId: null },
    });
  }

  protected loadOlder(): void {
    const before = this.nextCursor();
    if (!before || this.loadingOlder()) return;
    this.loadingOlder.set(true);
    this.olderError.set(null);
    this.#http.get<AuditPageDto>(auditUrl(this.network()), { params: { ...this.#filter(), before } }).subscribe({
      next: (page) => {
        this.loadingOlder.set(false);
        this.older.update((events) => [...events, ...page.items]);
        this.olderNames.update((names) => ({ ...names, ...(page.names ?? {}) }));
        this.nextCursor.set(page.nextCursor);
        this.status.set(
          page.items.length
            ? `${page.items.length} older ${page.items.length === 1 ? 'event' : 'events'} added below.`
            : 'There are no older events.',
        );
      },
      error: (error: unknown) => {
        this.loadingOlder.set(false);
        this.olderError.set(toApiError(error).message);
      },
    });
  }
}
