import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DeliveryLogQuery,
  EmailPreviewDto,
  RecurrenceInput,
  RecurrencePreviewDto,
  RunSummaryDto,
  ScheduleDto,
  ScheduleInput,
} from '@plexus/contracts';
import type { Observable } from 'rxjs';

/** The network's scheduled reports (GET list, POST create). */
export function schedulesUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/schedules`;
}

export function scheduleUrl(slug: string, id: string): string {
  return `${schedulesUrl(slug)}/${encodeURIComponent(id)}`;
}

/** The delivery log (GET, with the filters as query parameters). */
export function deliveryLogUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/delivery-log`;
}

/** Only the filters that are set, as query parameters (for the API and for the address bar). */
export function logParams(query: DeliveryLogQuery): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['scheduleId', 'recipientId', 'state', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params[key] = value;
  }
  return params;
}

/** The delivery log as CSV, with the same filters: a plain link, the browser downloads it. */
export function deliveryLogExportUrl(slug: string, query: DeliveryLogQuery): string {
  const search = new URLSearchParams(logParams(query)).toString();
  return `${deliveryLogUrl(slug)}/export${search ? `?${search}` : ''}`;
}

/** What an emailed link gives (public, no sign-in). */
export function documentLinkUrl(network: string, token: string): string {
  return `/api/links/${encodeURIComponent(network)}/${encodeURIComponent(token)}`;
}

/** The PDF of an emailed link (public, no sign-in): a plain link, the browser downloads it. */
export function documentLinkDownloadUrl(network: string, token: string): string {
  return `${documentLinkUrl(network, token)}/download`;
}

/** The one-click unsubscribe of a scheduled email (public, no sign-in): GET previews, POST unsubscribes. */
export function unsubscribeUrl(network: string, token: string): string {
  return `/api/unsubscribe/${encodeURIComponent(network)}/${encodeURIComponent(token)}`;
}

@Injectable({ providedIn: 'root' })
export class SchedulesApi {
  readonly #http = inject(HttpClient);

  save(slug: string, id: string | null, body: ScheduleInput): Observable<ScheduleDto> {
    return id ? this.#http.put<ScheduleDto>(scheduleUrl(slug, id), body) : this.#http.post<ScheduleDto>(schedulesUrl(slug), body);
  }

  /** Deleting keeps the schedule's delivery log. */
  remove(slug: string, id: string): Observable<unknown> {
    return this.#http.delete<unknown>(scheduleUrl(slug, id));
  }

  setPaused(slug: string, id: string, paused: boolean): Observable<ScheduleDto> {
    return this.#http.post<ScheduleDto>(`${scheduleUrl(slug, id)}/${paused ? 'pause' : 'resume'}`, {});
  }

  /** 202: the run, started; the worker generates and sends it. */
  sendNow(slug: string, id: string): Observable<RunSummaryDto> {
    return this.#http.post<RunSummaryDto>(`${scheduleUrl(slug, id)}/send-now`, {});
  }

  /** The recurrence in plain words and its next five send times (nothing saved). */
  previewTimes(slug: string, recurrence: RecurrenceInput): Observable<RecurrencePreviewDto> {
    return this.#http.post<RecurrencePreviewDto>(`${schedulesUrl(slug)}/preview-times`, { recurrence });
  }

  /** The email the schedule would send, as its first recipient would see it (nothing saved or sent). */
  previewEmail(slug: string, body: ScheduleInput): Observable<EmailPreviewDto> {
    return this.#http.post<EmailPreviewDto>(`${schedulesUrl(slug)}/preview-email`, body);
  }

  /** The link stops working at once (410); the log keeps it. */
  revokeLink(slug: string, linkId: string): Observable<unknown> {
    return this.#http.post<unknown>(`${deliveryLogUrl(slug)}/links/${encodeURIComponent(linkId)}/revoke`, {});
  }
}
