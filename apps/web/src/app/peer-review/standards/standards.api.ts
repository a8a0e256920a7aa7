import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  StandardCriterionInput,
  StandardImportPreviewDto,
  StandardImportResultDto,
  StandardSectionInput,
  StandardSetDto,
  StandardSetInput,
  StandardVersionDto,
} from '@plexus/contracts';
import type { Observable } from 'rxjs';

/**
 * Whose standard sets a page shows: a network's (its own, and the national ones read-only), or the national ones that
 * platform operators keep (under /admin). The API has the same routes for both under different bases.
 */
export type StandardsKeeper = { kind: 'network'; slug: string } | { kind: 'national' };

/** `/api/networks/{slug}/standards` or `/api/admin/standards`. */
export function standardsApiBase(keeper: StandardsKeeper): string {
  return keeper.kind === 'national' ? '/api/admin/standards' : `/api/networks/${encodeURIComponent(keeper.slug)}/standards`;
}

/** The router commands of the standard sets list: `/n/{slug}/peer-review/standards` or `/admin/standards`. */
export function standardsPage(keeper: StandardsKeeper): string[] {
  return keeper.kind === 'national' ? ['/admin', 'standards'] : ['/n', keeper.slug, 'peer-review', 'standards'];
}

export function standardSetsUrl(keeper: StandardsKeeper): string {
  return `${standardsApiBase(keeper)}/sets`;
}

export function standardSetUrl(keeper: StandardsKeeper, setId: string): string {
  return `${standardSetsUrl(keeper)}/${encodeURIComponent(setId)}`;
}

export function standardVersionUrl(keeper: StandardsKeeper, versionId: string): string {
  return `${standardsApiBase(keeper)}/versions/${encodeURIComponent(versionId)}`;
}

/** A version as a file; used as a plain link with `download`. */
export function standardExportUrl(keeper: StandardsKeeper, versionId: string, format: 'xlsx' | 'csv'): string {
  return `${standardVersionUrl(keeper, versionId)}/export?format=${format}`;
}

function sectionUrl(keeper: StandardsKeeper, sectionId: string): string {
  return `${standardsApiBase(keeper)}/sections/${encodeURIComponent(sectionId)}`;
}

function criterionUrl(keeper: StandardsKeeper, criterionId: string): string {
  return `${standardsApiBase(keeper)}/criteria/${encodeURIComponent(criterionId)}`;
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

@Injectable({ providedIn: 'root' })
export class StandardsApi {
  readonly #http = inject(HttpClient);

  createSet(keeper: StandardsKeeper, body: StandardSetInput): Observable<StandardSetDto> {
    return this.#http.post<StandardSetDto>(standardSetsUrl(keeper), body);
  }

  updateSet(keeper: StandardsKeeper, setId: string, body: StandardSetInput): Observable<StandardSetDto> {
    return this.#http.put<StandardSetDto>(standardSetUrl(keeper, setId), body);
  }

  deleteSet(keeper: StandardsKeeper, setId: string): Observable<unknown> {
    return this.#http.delete<unknown>(standardSetUrl(keeper, setId));
  }

  /** The set's next version, a draft copy of its newest. */
  newVersion(keeper: StandardsKeeper, setId: string): Observable<StandardVersionDto> {
    return this.#http.post<StandardVersionDto>(`${standardSetUrl(keeper, setId)}/versions`, {});
  }

  publish(keeper: StandardsKeeper, versionId: string): Observable<StandardVersionDto> {
    return this.#http.post<StandardVersionDto>(`${standardVersionUrl(keeper, versionId)}/publish`, {});
  }

  deleteVersion(keeper: StandardsKeeper, versionId: string): Observable<unknown> {
    return this.#http.delete<unknown>(standardVersionUrl(keeper, versionId));
  }

  addSection(keeper: StandardsKeeper, versionId: string, body: StandardSectionInput): Observable<StandardVersionDto> {
    return this.#http.post<StandardVersionDto>(`${standardVersionUrl(keeper, versionId)}/sections`, body);
  }

  updateSection(keeper: StandardsKeeper, sectionId: string, body: StandardSectionInput): Observable<StandardVersionDto> {
    return this.#http.put<StandardVersionDto>(sectionUrl(keeper, sectionId), body);
  }

  removeSection(keeper: StandardsKeeper, sectionId: string): Observable<unknown> {
    return this.#http.delete<unknown>(sectionUrl(keeper, sectionId));
  }

  /** Every section of the version in its new order (applied whole or not at all). */
  reorderSections(keeper: StandardsKeeper, versionId: string, sectionIds: string[]): Observable<StandardVersionDto> {
    return this.#http.put<StandardVersionDto>(`${standardVersionUrl(keeper, versionId)}/section-order`, { sectionIds });
  }

  addCriterion(keeper: StandardsKeeper, sectionId: string, body: StandardCriterionInput): Observable<StandardVersionDto> {
    return this.#http.post<StandardVersionDto>(`${sectionUrl(keeper, sectionId)}/criteria`, body);
  }

  updateCriterion(keeper: StandardsKeeper, criterionId: string, body: StandardCriterionInput): Observable<StandardVersionDto> {
    return this.#http.put<StandardVersionDto>(criterionUrl(keeper, criterionId), body);
  }

  removeCriterion(keeper: StandardsKeeper, criterionId: string): Observable<unknown> {
    return this.#http.delete<unknown>(criterionUrl(keeper, criterionId));
  }

  /** Every criterion of the section in its new order. */
  reorderCriteria(keeper: StandardsKeeper, sectionId: string, criterionIds: string[]): Observable<StandardVersionDto> {
    return this.#http.put<StandardVersionDto>(`${sectionUrl(keeper, sectionId)}/criterion-order`, { criterionIds });
  }

  /** Multipart, field `file`: what an import would do, row by row. Nothing is saved. */
  previewImport(keeper: StandardsKeeper, versionId: string, file: File): Observable<StandardImportPreviewDto> {
    return this.#http.post<StandardImportPreviewDto>(`${standardVersionUrl(keeper, versionId)}/import/preview`, fileForm(file));
  }

  /** Multipart, field `file`: replaces the version's content with every row, or none (400 naming the bad rows). */
  import(keeper: StandardsKeeper, versionId: string, file: File): Observable<StandardImportResultDto> {
    return this.#http.post<StandardImportResultDto>(`${standardVersionUrl(keeper, versionId)}/import`, fileForm(file));
  }
}
