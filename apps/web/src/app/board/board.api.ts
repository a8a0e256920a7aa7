import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { BoardAgendaItemInput, BoardMeetingDto, BoardMeetingInput } from '@plexus/contracts';
import type { Observable } from 'rxjs';

/** The board's meetings: upcoming, then past. */
export function boardMeetingsUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/board/meetings`;
}

export function boardMeetingUrl(slug: string, meetingId: string): string {
  return `${boardMeetingsUrl(slug)}/${encodeURIComponent(meetingId)}`;
}

function agendaItemUrl(slug: string, itemId: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/board/agenda-items/${encodeURIComponent(itemId)}`;
}

@Injectable({ providedIn: 'root' })
export class BoardApi {
  readonly #http = inject(HttpClient);

  saveMeeting(slug: string, id: string | null, body: BoardMeetingInput): Observable<BoardMeetingDto> {
    return id ? this.#http.put<BoardMeetingDto>(boardMeetingUrl(slug, id), body) : this.#http.post<BoardMeetingDto>(boardMeetingsUrl(slug), body);
  }

  deleteMeeting(slug: string, id: string): Observable<unknown> {
    return this.#http.delete<unknown>(boardMeetingUrl(slug, id));
  }

  /** Adds an item at the end of the agenda; answers the meeting. */
  addItem(slug: string, meetingId: string, body: BoardAgendaItemInput): Observable<BoardMeetingDto> {
    return this.#http.post<BoardMeetingDto>(`${boardMeetingUrl(slug, meetingId)}/agenda-items`, body);
  }

  updateItem(slug: string, itemId: string, body: BoardAgendaItemInput): Observable<BoardMeetingDto> {
    return this.#http.put<BoardMeetingDto>(agendaItemUrl(slug, itemId), body);
  }

  removeItem(slug: string, itemId: string): Observable<unknown> {
    return this.#http.delete<unknown>(agendaItemUrl(slug, itemId));
  }

  getMeeting(slug: string, meetingId: string): Observable<BoardMeetingDto> {
    return this.#http.get<BoardMeetingDto>(boardMeetingUrl(slug, meetingId));
  }

  /** Queues the meeting's board pack (or answers the one in progress); answers the meeting with its `pack`. */
  generatePack(slug: string, meetingId: string): Observable<BoardMeetingDto> {
    return this.#http.post<BoardMeetingDto>(`${boardMeetingUrl(slug, meetingId)}/pack`, {});
  }

  /** The whole agenda in its new order (applied whole or not at all); answers the meeting. */
  reorder(slug: string, meetingId: string, agendaItemIds: string[]): Observable<BoardMeetingDto> {
    return this.#http.put<BoardMeetingDto>(`${boardMeetingUrl(slug, meetingId)}/agenda-order`, { agendaItemIds });
  }
}
