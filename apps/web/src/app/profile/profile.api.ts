import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NetworkProfileDto, UpdateNetworkProfileRequest } from '@plexus/contracts';
import type { Observable } from 'rxjs';

export function profileUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/profile`;
}

/** The logo image; `version` (the logo's updatedAt) makes the browser fetch a changed logo. */
export function logoUrl(slug: string, version?: string | number | null): string {
  const url = `${profileUrl(slug)}/logo`;
  return version == null ? url : `${url}?v=${encodeURIComponent(String(version))}`;
}

@Injectable({ providedIn: 'root' })
export class ProfileApi {
  readonly #http = inject(HttpClient);

  update(slug: string, body: UpdateNetworkProfileRequest): Observable<NetworkProfileDto> {
    return this.#http.put<NetworkProfileDto>(profileUrl(slug), body);
  }

  /** Multipart upload, field `file`. The answer is not relied on beyond success. */
  uploadLogo(slug: string, file: File): Observable<unknown> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.#http.put<unknown>(`${profileUrl(slug)}/logo`, form);
  }

  removeLogo(slug: string): Observable<unknown> {
    return this.#http.delete<unknown>(`${profileUrl(slug)}/logo`);
  }
}
