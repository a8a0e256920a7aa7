import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive } from '@angular/router';
import { filter } from 'rxjs';
import { ROLE_LABELS } from '@plexus/domain';
import { CurrentNetworkService } from '../core/current-network.service';
import { SessionService } from '../core/session.service';
import { NetworkSwitcherComponent } from './network-switcher.component';

/** The NHS header: the service, the network on screen and its pages, the account. */
@Component({
  selector: 'plx-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, NetworkSwitcherComponent],
  templateUrl: './header.component.html',
})
export class HeaderComponent {
  readonly #session = inject(SessionService);
  readonly #router = inject(Router);
  protected readonly current = inject(CurrentNetworkService);

  protected readonly user = this.#session.user;
  protected readonly memberships = this.#session.memberships;
  /** "Reports from my networks" is linked for anyone who is a commissioner somewhere (their page across networks). */
  protected readonly linksMyReports = computed(() => this.#session.reportOnlyMemberships().length > 0);
  protected readonly network = this.current.membership;
  protected readonly roleLabel = computed(() => {
    const membership = this.network();
    return membership ? ROLE_LABELS[membership.role] : null;
  });
  protected readonly signingOut = signal(false);
  /** Whether the menu is unfolded on a phone (where it folds behind a "Menu" button); it folds again on each new page. */
  protected readonly menuOpen = signal(false);

  constructor() {
    this.#router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
    // Public pages (an invite, a 404) have no guard to ask who is signed in; the header still shows it.
    this.#session.ensureLoaded().catch(() => undefined);
  }

  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.#session.signOut();
    } catch {
      // The session is forgotten here whatever the API said; the sign-in page follows.
    } finally {
      this.signingOut.set(false);
      await this.#router.navigateByUrl('/sign-in');
    }
  }
}
