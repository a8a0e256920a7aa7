import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AnnualReportDraftDto, CreateAnnualReportDraftRequest, ReportDocumentDto, UpdateAnnualReportDraftRequest } from '@plexus/contracts';
import type { Observable } from 'rxjs';
import { reportsUrl } from '../reports/reports.api';

export function annualReportsUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/annual-reports`;
}

export function annualReportUrl(slug: string, id: string): string {
  return `${annualReportsUrl(slug)}/${encodeURIComponent(id)}`;
}

@Injectable({ providedIn: 'root' })
export class AnnualReportApi {
  readonly #http = inject(HttpClient);

  create(slug: string, body: CreateAnnualReportDraftRequest): Observable<AnnualReportDraftDto> {
    return this.#http.post<AnnualReportDraftDto>(annualReportsUrl(slug), body);
  }

  save(slug: string, id: string, body: UpdateAnnualReportDraftRequest): Observable<AnnualReportDraftDto> {
    return this.#http.put<AnnualReportDraftDto>(annualReportUrl(slug, id), body);
  }

  /** 202: the annual report of a year, queued; it reads the year's saved draft when the worker builds it. */
  generate(slug: string, fy: string): Observable<ReportDocumentDto> {
    return this.#http.post<ReportDocumentDto>(reportsUrl(slug), { kind: 'annual_report', title: `Annual report ${fy}`, options: { fy } });
  }
}
