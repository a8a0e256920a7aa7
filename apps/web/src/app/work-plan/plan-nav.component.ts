import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { exportUrl } from './work-plan.api';

/** The views of one plan: by theme, as a table, the caller's items, import and downloads. */
@Component({
  selector: 'plx-plan-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  template: `
    <nav class="plx-plan-nav" aria-label="Work plan views">
      <ul class="plx-plan-nav__list">
        <li>
          <a
            [routerLink]="['/n', network(), 'plan', planId()]"
            routerLinkActive="plx-plan-nav__current"
            [routerLinkActiveOptions]="{ exact: true }"
            ariaCurrentWhenActive="page"
            >By theme</a
          >
        </li>
        <li>
          <a
            [routerLink]="['/n', network(), 'plan', planId(), 'items']"
            routerLinkActive="plx-plan-nav__current"
            [routerLinkActiveOptions]="{ exact: true }"
            ariaCurrentWhenActive="page"
            >All items (table)</a
          >
        </li>
        <li>
          <a [routerLink]="['/n', network(), 'plan', 'mine']" routerLinkActive="plx-plan-nav__current" ariaCurrentWhenActive="page">My items</a>
        </li>
        @if (canEdit()) {
          <li>
            <a [routerLink]="['/n', network(), 'plan', planId(), 'import']" routerLinkActive="plx-plan-nav__current" ariaCurrentWhenActive="page"
              >Import</a
            >
          </li>
          <li><a [routerLink]="['/n', network(), 'nudges']">Nudge leads to update</a></li>
        }
        <li><a [href]="xlsx()" download>Download (Excel, a sheet per theme)</a></li>
        <li><a [href]="xlsxFlat()" download>Download (Excel, one sheet)</a></li>
        <li><a [href]="csv()" download>Download (CSV)</a></li>
      </ul>
    </nav>
  `,
  styles: `
    .plx-plan-nav__list {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      list-style: none;
      padding: 0;
      margin: 0 0 24px;
      border-bottom: 1px solid #d8dde0;
    }
    .plx-plan-nav__list li {
      margin: 0;
      padding-bottom: 8px;
    }
    .plx-plan-nav__current {
      font-weight: 700;
      text-decoration: none;
      border-bottom: 4px solid #005eb8;
      padding-bottom: 6px;
    }
  `,
})
export class PlanNavComponent {
  readonly network = input.required<string>();
  readonly planId = input.required<string>();
  readonly canEdit = input(false);

  protected xlsx(): string {
    return exportUrl(this.network(), this.planId(), 'xlsx');
  }

  protected xlsxFlat(): string {
    return exportUrl(this.network(), this.planId(), 'xlsx', 'flat');
  }

  protected csv(): string {
    return exportUrl(this.network(), this.planId(), 'csv', 'flat');
  }
}
