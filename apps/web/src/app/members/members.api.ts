import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreatedInviteDto, CreateInviteRequest, MemberDto, UpdateMemberRequest } from '@plexus/contracts';
import type { Observable } from 'rxjs';

export function membersUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/members`;
}

export function invitesUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/invites`;
}

@Injectable({ providedIn: 'root' })
export class MembersApi {
  readonly #http = inject(HttpClient);

  updateMember(slug: string, memberId: string, body: UpdateMemberRequest): Observable<MemberDto> {
    return this.#http.patch<MemberDto>(`${membersUrl(slug)}/${encodeURIComponent(memberId)}`, body);
  }

  removeMember(slug: string, memberId: string): Observable<unknown> {
    return this.#http.delete<unknown>(`${membersUrl(slug)}/${encodeURIComponent(memberId)}`);
  }

  createInvite(slug: string, body: CreateInviteRequest): Observable<CreatedInviteDto> {
    return this.#http.post<CreatedInviteDto>(invitesUrl(slug), body);
  }

  revokeInvite(slug: string, inviteId: string): Observable<unknown> {
    return this.#http.delete<unknown>(`${invitesUrl(slug)}/${encodeURIComponent(inviteId)}`);
  }
}
