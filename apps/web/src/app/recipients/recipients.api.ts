import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DistributionListDto, DistributionListInput, RecipientDto, RecipientInput } from '@plexus/contracts';
import type { Observable } from 'rxjs';

export function recipientsUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/recipients`;
}

export function distributionListsUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/distribution-lists`;
}

@Injectable({ providedIn: 'root' })
export class RecipientsApi {
  readonly #http = inject(HttpClient);

  saveRecipient(slug: string, id: string | null, body: RecipientInput): Observable<RecipientDto> {
    return id
      ? this.#http.put<RecipientDto>(`${recipientsUrl(slug)}/${encodeURIComponent(id)}`, body)
      : this.#http.post<RecipientDto>(recipientsUrl(slug), body);
  }

  removeRecipient(slug: string, id: string): Observable<unknown> {
    return this.#http.delete<unknown>(`${recipientsUrl(slug)}/${encodeURIComponent(id)}`);
  }

  saveList(slug: string, id: string | null, body: DistributionListInput): Observable<DistributionListDto> {
    return id
      ? this.#http.put<DistributionListDto>(`${distributionListsUrl(slug)}/${encodeURIComponent(id)}`, body)
      : this.#http.post<DistributionListDto>(distributionListsUrl(slug), body);
  }

  removeList(slug: string, id: string): Observable<unknown> {
    return this.#http.delete<unknown>(`${distributionListsUrl(slug)}/${encodeURIComponent(id)}`);
  }
}
