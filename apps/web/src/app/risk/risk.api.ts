import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CloseRiskRequest,
  CreateRiskRequest,
  RecordRiskReviewRequest,
  RiskDto,
  RiskImportPreviewDto,
  RiskImportResultDto,
  UpdateRiskRequest,
} from '@plexus/contracts';
import type { Observable } from 'rxjs';

export function risksUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/risks`;
}

export function riskUrl(slug: string, riskId: string): string {
  return `${risksUrl(slug)}/${encodeURIComponent(riskId)}`;
}

export function heatMapUrl(slug: string): string {
  return `${risksUrl(slug)}/heat-map`;
}

/** The whole register as a file; used as a plain link with `download`. */
export function exportUrl(slug: string, format: 'xlsx' | 'csv'): string {
  return `${risksUrl(slug)}/export?format=${format}`;
}

@Injectable({ providedIn: 'root' })
export class RiskApi {
  readonly #http = inject(HttpClient);

  create(slug: string, body: CreateRiskRequest): Observable<RiskDto> {
    return this.#http.post<RiskDto>(risksUrl(slug), body);
  }

  update(slug: string, riskId: string, body: UpdateRiskRequest): Observable<RiskDto> {
    return this.#http.put<RiskDto>(riskUrl(slug, riskId), body);
  }

  close(slug: string, riskId: string, body: CloseRiskRequest): Observable<RiskDto> {
    return this.#http.post<RiskDto>(`${riskUrl(slug, riskId)}/close`, body);
  }

  reopen(slug: string, riskId: string): Observable<RiskDto> {
    return this.#http.post<RiskDto>(`${riskUrl(slug, riskId)}/reopen`, {});
  }

  recordReview(slug: string, riskId: string, body: RecordRiskReviewRequest): Observable<RiskDto> {
    return this.#http.post<RiskDto>(`${riskUrl(slug, riskId)}/reviews`, body);
  }

  /** Multipart, field `file`: what an import would do, row by row. Nothing is saved. */
  previewImport(slug: string, file: File): Observable<RiskImportPreviewDto> {
    return this.#http.post<RiskImportPreviewDto>(`${risksUrl(slug)}/import/preview`, fileForm(file));
  }

  /** Multipart, field `file`: imports every row, or none (400 naming the bad rows). */
  import(slug: string, file: File): Observable<RiskImportResultDto> {
    return this.#http.post<RiskImportResultDto>(`${risksUrl(slug)}/import`, fileForm(file));
  }
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
