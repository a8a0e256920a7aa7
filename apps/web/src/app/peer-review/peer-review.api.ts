import { HttpClient, HttpEventType, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateReviewCycleRequest,
  RequestMoreInformationRequest,
  ReviewActivityDto,
  ReviewActivityInput,
  ReviewCycleDto,
  SubmissionDto,
  UpdateReviewCycleRequest,
} from '@plexus/contracts';
import { filter, map, type Observable } from 'rxjs';

const base = (slug: string) => `/api/networks/${encodeURIComponent(slug)}/peer-review`;

export const reviewCyclesUrl = (slug: string) => `${base(slug)}/cycles`;
export const reviewCycleUrl = (slug: string, cycleId: string) => `${reviewCyclesUrl(slug)}/${encodeURIComponent(cycleId)}`;
export const mySubmissionsUrl = (slug: string) => `${base(slug)}/my-submissions`;
/** What is owed in active cycles, and by when (a contributor: their organisation's). */
export const owedUrl = (slug: string) => `${base(slug)}/owed`;
export const submissionUrl = (slug: string, submissionId: string) => `${base(slug)}/submissions/${encodeURIComponent(submissionId)}`;
export const activityUrl = (slug: string, activityId: string) => `${base(slug)}/activities/${encodeURIComponent(activityId)}`;

/** A cycle's submissions, optionally one organisation's or one activity's. */
export function cycleSubmissionsUrl(slug: string, cycleId: string, filters: { organisationId?: string; activityId?: string } = {}): string {
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  const qs = query.toString();
  return `${reviewCycleUrl(slug, cycleId)}/submissions${qs ? `?${qs}` : ''}`;
}

/** An upload on its way: how much has gone (0–100), then the submission as saved. */
export type UploadProgress = { kind: 'progress'; percent: number } | { kind: 'done'; submission: SubmissionDto };

/** Peer review: cycles and their plans (managers), and submissions (uploads by the organisation, decisions by managers). */
@Injectable({ providedIn: 'root' })
export class PeerReviewApi {
  readonly #http = inject(HttpClient);

  createCycle(slug: string, body: CreateReviewCycleRequest): Observable<ReviewCycleDto> {
    return this.#http.post<ReviewCycleDto>(reviewCyclesUrl(slug), body);
  }

  updateCycle(slug: string, cycleId: string, body: UpdateReviewCycleRequest): Observable<ReviewCycleDto> {
    return this.#http.put<ReviewCycleDto>(reviewCycleUrl(slug, cycleId), body);
  }

  setOrganisations(slug: string, cycleId: string, organisationIds: string[]): Observable<ReviewCycleDto> {
    return this.#http.put<ReviewCycleDto>(`${reviewCycleUrl(slug, cycleId)}/organisations`, { organisationIds });
  }

  deleteCycle(slug: string, cycleId: string): Observable<unknown> {
    return this.#http.delete<unknown>(reviewCycleUrl(slug, cycleId));
  }

  saveActivity(slug: string, cycleId: string, activityId: string | null, body: ReviewActivityInput): Observable<ReviewActivityDto> {
    return activityId
      ? this.#http.put<ReviewActivityDto>(activityUrl(slug, activityId), body)
      : this.#http.post<ReviewActivityDto>(`${reviewCycleUrl(slug, cycleId)}/activities`, body);
  }

  deleteActivity(slug: string, activityId: string): Observable<unknown> {
    return this.#http.delete<unknown>(activityUrl(slug, activityId));
  }

  /** Multipart upload, field `file`, reporting how much has been sent. */
  upload(slug: string, submissionId: string, file: File): Observable<UploadProgress> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.#http.post<SubmissionDto>(`${submissionUrl(slug, submissionId)}/files`, form, { reportProgress: true, observe: 'events' }).pipe(
      filter((event: HttpEvent<SubmissionDto>) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response),
      map((event): UploadProgress => {
        if (event.type === HttpEventType.Response) return { kind: 'done', submission: event.body as SubmissionDto };
        const progress = event as { loaded: number; total?: number };
        return { kind: 'progress', percent: progress.total ? Math.min(100, Math.round((100 * progress.loaded) / progress.total)) : 0 };
      }),
    );
  }

  accept(slug: string, submissionId: string): Observable<SubmissionDto> {
    return this.#http.post<SubmissionDto>(`${submissionUrl(slug, submissionId)}/accept`, {});
  }

  requestInformation(slug: string, submissionId: string, body: RequestMoreInformationRequest): Observable<SubmissionDto> {
    return this.#http.post<SubmissionDto>(`${submissionUrl(slug, submissionId)}/request-information`, body);
  }
}
