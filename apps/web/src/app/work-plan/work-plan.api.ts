import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApproveWorkPlanRequest,
  BulkProgressRequest,
  BulkProgressResultDto,
  CreateWorkItemRequest,
  CreateWorkPlanRequest,
  ImportOptions,
  ImportPreviewDto,
  ImportResultDto,
  ObjectiveRequest,
  ProgressUpdateRequest,
  RollOverResultDto,
  RollOverWorkPlanRequest,
  ThemeRequest,
  UpdateObjectiveRequest,
  UpdateThemeRequest,
  UpdateWorkItemRequest,
  UpdateWorkPlanRequest,
  WorkItemDto,
  WorkPlanDto,
} from '@plexus/contracts';
import type { Observable } from 'rxjs';

export function workPlanUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/work-plan`;
}

export function planUrl(slug: string, planId: string): string {
  return `${workPlanUrl(slug)}/plans/${encodeURIComponent(planId)}`;
}

export function itemUrl(slug: string, itemId: string): string {
  return `${workPlanUrl(slug)}/items/${encodeURIComponent(itemId)}`;
}

/** The download link of a plan's export. */
export function exportUrl(slug: string, planId: string, format: 'xlsx' | 'csv', layout: 'themes' | 'flat' = 'themes'): string {
  return `${planUrl(slug, planId)}/export?format=${format}&layout=${layout}`;
}

type Direction = 'up' | 'down';

@Injectable({ providedIn: 'root' })
export class WorkPlanApi {
  readonly #http = inject(HttpClient);

  createPlan(slug: string, body: CreateWorkPlanRequest): Observable<WorkPlanDto> {
    return this.#http.post<WorkPlanDto>(`${workPlanUrl(slug)}/plans`, body);
  }

  updatePlan(slug: string, planId: string, body: UpdateWorkPlanRequest): Observable<WorkPlanDto> {
    return this.#http.patch<WorkPlanDto>(planUrl(slug, planId), body);
  }

  deletePlan(slug: string, planId: string): Observable<unknown> {
    return this.#http.delete(planUrl(slug, planId));
  }

  rollOver(slug: string, planId: string, body: RollOverWorkPlanRequest): Observable<RollOverResultDto> {
    return this.#http.post<RollOverResultDto>(`${planUrl(slug, planId)}/roll-over`, body);
  }

  approvePlan(slug: string, planId: string, body: ApproveWorkPlanRequest): Observable<WorkPlanDto> {
    return this.#http.post<WorkPlanDto>(`${planUrl(slug, planId)}/approve`, body);
  }

  addTheme(slug: string, planId: string, body: ThemeRequest): Observable<WorkPlanDto> {
    return this.#http.post<WorkPlanDto>(`${planUrl(slug, planId)}/themes`, body);
  }

  updateTheme(slug: string, themeId: string, body: UpdateThemeRequest): Observable<WorkPlanDto> {
    return this.#http.patch<WorkPlanDto>(`${workPlanUrl(slug)}/themes/${encodeURIComponent(themeId)}`, body);
  }

  deleteTheme(slug: string, themeId: string, reason?: string): Observable<WorkPlanDto> {
    return this.#http.delete<WorkPlanDto>(`${workPlanUrl(slug)}/themes/${encodeURIComponent(themeId)}`, { body: reason ? { reason } : {} });
  }

  moveTheme(slug: string, themeId: string, direction: Direction): Observable<WorkPlanDto> {
    return this.#http.post<WorkPlanDto>(`${workPlanUrl(slug)}/themes/${encodeURIComponent(themeId)}/move`, { direction });
  }

  addObjective(slug: string, themeId: string, body: ObjectiveRequest): Observable<WorkPlanDto> {
    return this.#http.post<WorkPlanDto>(`${workPlanUrl(slug)}/themes/${encodeURIComponent(themeId)}/objectives`, body);
  }

  updateObjective(slug: string, objectiveId: string, body: UpdateObjectiveRequest): Observable<WorkPlanDto> {
    return this.#http.patch<WorkPlanDto>(`${workPlanUrl(slug)}/objectives/${encodeURIComponent(objectiveId)}`, body);
  }

  deleteObjective(slug: string, objectiveId: string, reason?: string): Observable<WorkPlanDto> {
    return this.#http.delete<WorkPlanDto>(`${workPlanUrl(slug)}/objectives/${encodeURIComponent(objectiveId)}`, { body: reason ? { reason } : {} });
  }

  moveObjective(slug: string, objectiveId: string, direction: Direction): Observable<WorkPlanDto> {
    return this.#http.post<WorkPlanDto>(`${workPlanUrl(slug)}/objectives/${encodeURIComponent(objectiveId)}/move`, { direction });
  }

  createItem(slug: string, planId: string, body: CreateWorkItemRequest): Observable<WorkItemDto> {
    return this.#http.post<WorkItemDto>(`${planUrl(slug, planId)}/items`, body);
  }

  updateItem(slug: string, itemId: string, body: UpdateWorkItemRequest): Observable<WorkItemDto> {
    return this.#http.patch<WorkItemDto>(itemUrl(slug, itemId), body);
  }

  deleteItem(slug: string, itemId: string, reason?: string): Observable<unknown> {
    return this.#http.delete(itemUrl(slug, itemId), { body: reason ? { reason } : {} });
  }

  moveItem(slug: string, itemId: string, direction: Direction): Observable<WorkPlanDto> {
    return this.#http.post<WorkPlanDto>(`${itemUrl(slug, itemId)}/move`, { direction });
  }

  /** One dated progress update per item, all at once (`POST …/plans/{planId}/progress`). */
  addProgressToMany(slug: string, planId: string, body: BulkProgressRequest): Observable<BulkProgressResultDto> {
    return this.#http.post<BulkProgressResultDto>(`${planUrl(slug, planId)}/progress`, body);
  }

  addProgress(slug: string, itemId: string, body: ProgressUpdateRequest): Observable<WorkItemDto> {
    return this.#http.post<WorkItemDto>(`${itemUrl(slug, itemId)}/progress`, body);
  }

  /** The file (or pasted text, sent as a file) and the column choices: a preview, nothing saved. */
  previewImport(slug: string, planId: string, file: Blob, fileName: string, options: ImportOptions): Observable<ImportPreviewDto> {
    return this.#http.post<ImportPreviewDto>(`${planUrl(slug, planId)}/import/preview`, importForm(file, fileName, options));
  }

  confirmImport(slug: string, planId: string, file: Blob, fileName: string, options: ImportOptions): Observable<ImportResultDto> {
    return this.#http.post<ImportResultDto>(`${planUrl(slug, planId)}/import`, importForm(file, fileName, options));
  }
}

function importForm(file: Blob, fileName: string, options: ImportOptions): FormData {
  const form = new FormData();
  form.append('options', JSON.stringify(options));
  form.append('file', file, fileName);
  return form;
}
