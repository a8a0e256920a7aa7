import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, SessionMembership, SessionResponse } from '@plexus/contracts';
import { can } from '@plexus/domain';
import { firstValueFrom, Observable, tap } from 'rxjs';

/** Who is signed in and the networks they belong to. `undefined` until the API has been asked. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  readonly #http = inject(HttpClient);
  readonly #state = signal<SessionResponse | null | undefined>(undefined);
  #pending: Promise<SessionResponse | null> | null = null;

  readonly user = computed(() => this.#state()?.user ?? null);
  readonly memberships = computed<readonly SessionMembership[]>(() => this.#state()?.memberships ?? []);
  readonly signedIn = computed(() => this.#state() != null);
  /** Memberships that read only the network's reports (commissioners): the shell then links "Reports from my networks". */
  readonly reportOnlyMemberships = computed(() => this.memberships().filter((m) => can(m.role, 'reports.read') && !can(m.role, 'network.read')));

  /** Asks the API once (GET /api/auth/session); 401 means signed out. Other failures reject. */
  ensureLoaded(): Promise<SessionResponse | null> {
    const known = this.#state();
    if (known !== undefined) return Promise.resolve(known);
    this.#pending ??= firstValueFrom(this.#http.get<SessionResponse | null>('/api/auth/session'))
      .then(
        (session) => {
          this.#state.set(session ?? null);
          return session ?? null;
        },
        (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 401) {
            this.#state.set(null);
            return null;
          }
          throw error;
        },
      )
      .finally(() => (this.#pending = null));
    return this.#pending;
  }

  signIn(request: LoginRequest): Observable<SessionResponse> {
    return this.#http.post<SessionResponse>('/api/auth/login', request).pipe(tap((session) => this.#state.set(session)));
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.#http.post<void>('/api/auth/logout', {}));
    } finally {
      this.#state.set(null);
    }
  }

  /** Takes a session the API handed back (sign-in, accepting an invite). */
  set(session: SessionResponse): void {
    this.#state.set(session);
  }

  /** Forgets the session, e.g. when the API says it has expired. */
  clear(): void {
    this.#state.set(null);
  }

  membershipFor(slug: string): SessionMembership | undefined {
    return this.memberships().find((membership) => membership.slug === slug);
  }
}
