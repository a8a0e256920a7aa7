import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SaveSelfAssessmentAnswersRequest, SelfAssessmentDto } from '@plexus/contracts';
import type { Observable } from 'rxjs';

const base = (slug: string) => `/api/networks/${encodeURIComponent(slug)}/peer-review`;

/** A cycle's self-assessments the caller may see (a contributor: their organisation's). */
export const cycleSelfAssessmentsUrl = (slug: string, cycleId: string) => `${base(slug)}/cycles/${encodeURIComponent(cycleId)}/self-assessments`;
export const selfAssessmentUrl = (slug: string, id: string) => `${base(slug)}/self-assessments/${encodeURIComponent(id)}`;
/** A self-assessment activity's compliance summary (managers). */
export const complianceUrl = (slug: string, activityId: string) => `${base(slug)}/activities/${encodeURIComponent(activityId)}/compliance`;

/** Self-assessments: started and answered by the organisation (its contributors, managers), reopened by managers. */
@Injectable({ providedIn: 'root' })
export class SelfAssessmentApi {
  readonly #http = inject(HttpClient);

  /** Starts the organisation's self-assessment for the activity, or opens it when started (a contributor names no organisation). */
  start(slug: string, activityId: string, organisationId: string | null): Observable<SelfAssessmentDto> {
    return this.#http.post<SelfAssessmentDto>(`${base(slug)}/activities/${encodeURIComponent(activityId)}/self-assessments`, { organisationId });
  }

  save(slug: string, id: string, body: SaveSelfAssessmentAnswersRequest): Observable<SelfAssessmentDto> {
    return this.#http.put<SelfAssessmentDto>(`${selfAssessmentUrl(slug, id)}/answers`, body);
  }

  /** An evidence file for one criterion (multipart, field `file`). */
  upload(slug: string, id: string, criterionId: string, file: File): Observable<SelfAssessmentDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.#http.post<SelfAssessmentDto>(`${selfAssessmentUrl(slug, id)}/criteria/${encodeURIComponent(criterionId)}/files`, form);
  }

  removeFile(slug: string, id: string, fileId: string): Observable<SelfAssessmentDto> {
    return this.#http.delete<SelfAssessmentDto>(`${selfAssessmentUrl(slug, id)}/files/${encodeURIComponent(fileId)}`);
  }

  submit(slug: string, id: string): Observable<SelfAssessmentDto> {
    return this.#http.post<SelfAssessmentDto>(`${selfAssessmentUrl(slug, id)}/submit`, {});
  }

  reopen(slug: string, id: string): Observable<SelfAssessmentDto> {
    return this.#http.post<SelfAssessmentDto>(`${selfAssessmentUrl(slug, id)}/reopen`, {});
  }
}
