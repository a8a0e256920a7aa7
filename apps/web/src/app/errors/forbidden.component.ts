import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionService } from '../core/session.service';

@Component({
  selector: 'plx-forbidden',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>You cannot see this page</h1>
        <p>Your role does not allow it. Only network managers can edit the profile, manage members and read the audit trail.</p>
        @if (commissioner()) {
          <p>
            As a commissioner, you can read and download the reports of the networks that invited you, and nothing else.
            <a routerLink="/reports">See the reports from your networks</a>
          </p>
        }
        <p>Ask a network manager if you need access.</p>
        <p><a routerLink="/">Go to your networks</a></p>
      </div>
    </div>
  `,
})
export class ForbiddenComponent {
  readonly #session = inject(SessionService);
  protected readonly commissioner = computed(() => this.#session.reportOnlyMemberships().length > 0);
}
