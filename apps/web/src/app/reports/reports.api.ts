import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ReportDocumentDto, RequestReportRequest, WithdrawReportRequest } from '@plexus/contracts';
import type { Observable } from 'rxjs';

/** The network's document library (GET) and where reports are asked for (POST). */
export function reportsUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/reports`;
}

/** The library as listed: withdrawn documents only when asked for. */
export function libraryUrl(slug: string, includeWithdrawn: boolean): string {
  return includeWithdrawn ? `${reportsUrl(slug)}?withdrawn=include` : reportsUrl(slug);
}

export function reportUrl(slug: string, documentId: string): string {
  return `${reportsUrl(slug)}/${encodeURIComponent(documentId)}`;
}

/** The network's work plans, newest period first, to choose the one a progress report is about. */
export function plansUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/work-plan/plans`;
}

/** The open risks of the register, by reference, for a board paper's risk references. */
export function openRisksUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/risks`;
}

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  readonly #http = inject(HttpClient);

  list(slug: string, includeWithdrawn = false): Observable<ReportDocumentDto[]> {
    return this.#http.get<ReportDocumentDto[]>(libraryUrl(slug, includeWithdrawn));
  }

  /** One document of the library, as it is now (while it is being made: its status and progress). */
  get(slug: string, documentId: string): Observable<ReportDocumentDto> {
    return this.#http.get<ReportDocumentDto>(reportUrl(slug, documentId));
  }

  /** 202: the document, queued; the worker renders it. */
  request(slug: string, body: RequestReportRequest): Observable<ReportDocumentDto> {
    return this.#http.post<ReportDocumentDto>(reportsUrl(slug), body);
  }

  /** 202: a failed document, queued again; 409 when it is not failed (any more). */
  retry(slug: string, documentId: string): Observable<ReportDocumentDto> {
    return this.#http.post<ReportDocumentDto>(`${reportUrl(slug, documentId)}/retry`, {});
  }

  /** 200: the document, withdrawn (kept unchanged); 400 naming `reason`; 409 when not ready or already withdrawn. */
  withdraw(slug: string, documentId: string, body: WithdrawReportRequest): Observable<ReportDocumentDto> {
    return this.#http.post<ReportDocumentDto>(`${reportUrl(slug, documentId)}/withdraw`, body);
  }
}
