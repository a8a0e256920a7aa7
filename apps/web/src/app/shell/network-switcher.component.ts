import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { ROLE_LABELS } from '@plexus/domain';
import { switchNetworkUrl } from '../core/network-switch';
import { SessionService } from '../core/session.service';

/** Moves to the same page in another of the person's networks (`/n/a/profile` → `/n/b/profile`). */
@Component({
  selector: 'plx-network-switcher',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="plx-network-switcher">
      <label class="nhsuk-label plx-network-switcher__label" for="network-switcher">Network</label>
      <span class="nhsuk-u-visually-hidden" id="network-switcher-hint"> Choosing a network opens the same page in that network. </span>
      <select
        class="nhsuk-select plx-network-switcher__select"
        id="network-switcher"
        aria-describedby="network-switcher-hint"
        (change)="switchTo($event)"
      >
        @if (!current()) {
          <option value="" selected>Choose a network</option>
        }
        @for (membership of memberships(); track membership.networkId) {
          <option [value]="membership.slug" [selected]="membership.slug === current()">
            {{ membership.name }} – {{ roleLabels[membership.role] }}
          </option>
        }
      </select>
    </div>
  `,
})
export class NetworkSwitcherComponent {
  /** The slug of the network on screen, or null off the network pages. */
  readonly current = input.required<string | null>();

  readonly #router = inject(Router);
  readonly #session = inject(SessionService);
  protected readonly memberships = this.#session.memberships;
  protected readonly roleLabels = ROLE_LABELS;

  protected switchTo(event: Event): void {
    const slug = (event.target as HTMLSelectElement).value;
    const target = this.#session.membershipFor(slug);
    if (!target || slug === this.current()) return;
    void this.#router.navigateByUrl(switchNetworkUrl(this.#router.url, target));
  }
}
