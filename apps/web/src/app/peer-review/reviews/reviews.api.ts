import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AgreeReviewReportRequest,
  CarryForwardDto,
  CreateReviewActionRequest,
  CreateReviewReportRequest,
  ProgressUpdateRequest,
  RaisedRiskDto,
  RaiseFindingRiskRequest,
  ReviewActionDto,
  ReviewActionRequest,
  ReviewFindingDto,
  ReviewFindingRequest,
  ReviewReportDto,
} from '@plexus/contracts';
import type { Observable } from 'rxjs';
import { reviewCycleUrl } from '../peer-review.api';

const base = (slug: string) => `/api/networks/${encodeURIComponent(slug)}/peer-review`;

export const cycleReviewsUrl = (slug: string, cycleId: string) => `${reviewCycleUrl(slug, cycleId)}/reviews`;
export const reviewUrl = (slug: string, reviewId: string) => `${base(slug)}/reviews/${encodeURIComponent(reviewId)}`;
export const findingUrl = (slug: string, findingId: string) => `${base(slug)}/findings/${encodeURIComponent(findingId)}`;
export const actionUrl = (slug: string, actionId: string) => `${base(slug)}/actions/${encodeURIComponent(actionId)}`;

/** A cycle's actions, optionally filtered (as the action plan page's filters send them). */
export function cycleActionsUrl(slug: string, cycleId: string, filters: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  const qs = query.toString();
  return `${reviewCycleUrl(slug, cycleId)}/actions${qs ? `?${qs}` : ''}`;
}

/** Peer review reports (findings, recommendations, states, raising risks) and action plans (actions, progress, carry forward). */
@Injectable({ providedIn: 'root' })
export class ReviewsApi {
  readonly #http = inject(HttpClient);

  createReview(slug: string, cycleId: string, body: CreateReviewReportRequest): Observable<ReviewReportDto> {
    return this.#http.post<ReviewReportDto>(cycleReviewsUrl(slug, cycleId), body);
  }

  agree(slug: string, reviewId: string, body: AgreeReviewReportRequest): Observable<ReviewReportDto> {
    return this.#http.post<ReviewReportDto>(`${reviewUrl(slug, reviewId)}/agree`, body);
  }

  reopen(slug: string, reviewId: string): Observable<ReviewReportDto> {
    return this.#http.post<ReviewReportDto>(`${reviewUrl(slug, reviewId)}/reopen`, {});
  }

  issue(slug: string, reviewId: string): Observable<ReviewReportDto> {
    return this.#http.post<ReviewReportDto>(`${reviewUrl(slug, reviewId)}/issue`, {});
  }

  saveFinding(slug: string, reviewId: string, findingId: string | null, body: ReviewFindingRequest): Observable<ReviewFindingDto> {
    return findingId
      ? this.#http.put<ReviewFindingDto>(findingUrl(slug, findingId), body)
      : this.#http.post<ReviewFindingDto>(`${reviewUrl(slug, reviewId)}/findings`, body);
  }

  deleteFinding(slug: string, findingId: string): Observable<unknown> {
    return this.#http.delete<unknown>(findingUrl(slug, findingId));
  }

  raiseRisk(slug: string, findingId: string, body: RaiseFindingRiskRequest = {}): Observable<RaisedRiskDto> {
    return this.#http.post<RaisedRiskDto>(`${findingUrl(slug, findingId)}/raise-risk`, body);
  }

  createAction(slug: string, cycleId: string, body: CreateReviewActionRequest): Observable<ReviewActionDto> {
    return this.#http.post<ReviewActionDto>(cycleActionsUrl(slug, cycleId), body);
  }

  updateAction(slug: string, actionId: string, body: ReviewActionRequest): Observable<ReviewActionDto> {
    return this.#http.put<ReviewActionDto>(actionUrl(slug, actionId), body);
  }

  addProgress(slug: string, actionId: string, body: ProgressUpdateRequest): Observable<ReviewActionDto> {
    return this.#http.post<ReviewActionDto>(`${actionUrl(slug, actionId)}/progress`, body);
  }

  carryForward(slug: string, cycleId: string): Observable<CarryForwardDto> {
    return this.#http.post<CarryForwardDto>(`${reviewCycleUrl(slug, cycleId)}/carry-forward`, {});
  }
}
