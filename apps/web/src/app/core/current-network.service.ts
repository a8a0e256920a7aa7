import { computed, inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { can, type Permission } from '@plexus/domain';
import { filter, map } from 'rxjs';
import { networkSlugOf } from './route-params';
import { SessionService } from './session.service';

/** The network of the page on screen (from the address) and the person's role in it. */
@Injectable({ providedIn: 'root' })
export class CurrentNetworkService {
  readonly #router = inject(Router);
  readonly #session = inject(SessionService);

  readonly slug = toSignal(
    this.#router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => networkSlugOf(this.#router.routerState.snapshot.root)),
    ),
    { initialValue: null },
  );

  readonly membership = computed(() => {
    const slug = this.slug();
    return slug ? (this.#session.membershipFor(slug) ?? null) : null;
  });

  can(permission: Permission): boolean {
    return can(this.membership()?.role, permission);
  }
}
