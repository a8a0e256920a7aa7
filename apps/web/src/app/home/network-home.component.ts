import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { AttentionDto, AttentionSectionDto, SessionMembership } from '@plexus/contracts';
import { can, formatIsoDateLong } from '@plexus/domain';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';

export function attentionUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/attention`;
}

/**
 * A network's home page after sign-in: what needs attention now, in groups (overdue and due-soon work items, items
 * needing a progress update, risks overdue for review, peer review due, failed reports and deliveries, reports ready
 * recently), each line linking to the thing. A manager sees the network's; others their own.
 */
@Component({
  selector: 'plx-network-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadErrorComponent, LoadingComponent],
  template: `
    <h1>
      <span class="nhsuk-caption-l">{{ membership().name }}<span class="nhsuk-u-visually-hidden"> – </span></span>
      What needs your attention
    </h1>

    @if (attention.error(); as error) {
      <plx-load-error [error]="error" what="what needs your attention" (retry)="attention.reload()" />
    } @else if (attention.hasValue()) {
      @let a = attention.value();
      <p class="nhsuk-body-l" id="attention-summary">{{ a.summary }}.</p>
      <p class="nhsuk-body-s plx-secondary-text" id="attention-scope">
        {{
          a.scope === 'network'
            ? 'The whole network’s'
            : 'Yours: the work items and risks you lead' + (contributor() ? ', and your organisation’s peer review' : '')
        }}, as of {{ long(a.asOf) }}.
        @if (a.plan) {
          Work items are from {{ a.plan.title }}.
        }
        @if (a.lastBoard) {
          The last board meeting was on {{ long(a.lastBoard.meetingDate) }}.
        }
      </p>
      @if (canUpdateMany() && a.plan) {
        <p>
          <a class="nhsuk-link" id="update-many" [routerLink]="['/n', network(), 'plan', a.plan.id, 'update']">Update several work items at once</a>
        </p>
      }
      @if (a.total === 0) {
        <div class="plx-empty-state" id="attention-empty">
          <p class="nhsuk-body">
            Nothing needs your attention. Work items past or near their target, items without a recent progress update, risks overdue for review{{
              canGenerate() ? ', reports that failed' : ''
            }}
            and peer review that is due will be listed here.
          </p>
        </div>
      }
      @for (section of a.sections; track section.key) {
        <section class="nhsuk-u-margin-bottom-6" [attr.aria-labelledby]="'attention-' + section.key" [id]="'section-' + section.key">
          <h2 class="nhsuk-heading-m nhsuk-u-margin-bottom-2" [id]="'attention-' + section.key">{{ section.heading }}</h2>
          <p class="nhsuk-body-s plx-secondary-text nhsuk-u-margin-bottom-2">{{ sentence(section) }}</p>
          <ul class="nhsuk-list nhsuk-list--border">
            @for (line of section.lines; track $index) {
              <li>
                <a class="nhsuk-link" [routerLink]="linkOf(line.link)">{{ line.text }}</a>
                <br />
                <span class="nhsuk-body-s">{{ line.detail }}</span>
              </li>
            }
          </ul>
        </section>
      }
    } @else {
      <plx-loading text="Loading what needs your attention…" />
    }
  `,
})
export class NetworkHomeComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  readonly #router = inject(Router);
  protected readonly attention = httpResource<AttentionDto>(() => attentionUrl(this.network()));
  protected readonly contributor = computed(() => this.membership().role === 'contributor');
  protected readonly canGenerate = computed(() => can(this.membership().role, 'reports.generate'));
  protected readonly canUpdateMany = computed(() => can(this.membership().role, 'plan.progress'));
  protected readonly long = formatIsoDateLong;

  /** The API's link (a path, maybe with a query string) as a router link. */
  protected linkOf(link: string) {
    return this.#router.parseUrl(link);
  }

  /** "2 work items are overdue." */
  protected sentence(section: AttentionSectionDto): string {
    const s = section.summary;
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  }
}
