import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ROLE_LABELS } from '@plexus/domain';
import { SessionService } from '../core/session.service';

@Component({
  selector: 'plx-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (memberships().length) {
      <h1>Choose a network</h1>
      <p>You belong to {{ memberships().length }} networks. Your role can be different in each.</p>
      <ul class="nhsuk-list plx-network-list">
        @for (membership of memberships(); track membership.networkId) {
          <li class="nhsuk-card nhsuk-card--clickable plx-network-list__item">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading nhsuk-heading-m">
                <a class="nhsuk-card__link" [routerLink]="['/n', membership.slug]">{{ membership.name }}</a>
              </h2>
              <p class="nhsuk-card__description">Your role: {{ roleLabels[membership.role] }}</p>
            </div>
          </li>
        }
      </ul>
      @if (reportOnly().length) {
        <p><a routerLink="/reports">See the reports from all your networks on one page</a></p>
      }
    } @else {
      <h1>You are not in a network yet</h1>
      <p>Plexus shows you the networks you have been invited to. You have not joined one yet.</p>
      <p>Ask your network manager to send you an invite link. When you open it, you can join the network.</p>
      @if (user()?.isOperator) {
        <p><a routerLink="/admin/networks">Go to the admin pages to create a network</a></p>
      }
    }
  `,
})
export class HomeComponent {
  readonly #session = inject(SessionService);
  protected readonly memberships = this.#session.memberships;
  protected readonly user = this.#session.user;
  /** Where the person is a commissioner (reads only reports): their page across networks is linked. */
  protected readonly reportOnly = this.#session.reportOnlyMemberships;
  protected readonly roleLabels = ROLE_LABELS;
}
