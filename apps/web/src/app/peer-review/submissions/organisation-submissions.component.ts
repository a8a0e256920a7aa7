import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { ReviewCycleDto, SessionMembership, SubmissionListDto, SubmissionSummaryDto } from '@plexus/contracts';
import { formatDate } from '../../core/dates';
import { composePageTitle } from '../../core/page-title';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { cycleSubmissionsUrl, reviewCycleUrl } from '../peer-review.api';
import { countsSummary, dueText, formatDay, submissionStateTag } from '../peer-review-format';

/** One activity's documents of one organisation, under the activity's heading. */
interface ActivityGroup {
  activityId: string;
  title: string;
  fy: string;
  quarter: number;
  items: SubmissionSummaryDto[];
}

/**
 * One organisation's submissions in a cycle, activity by activity: each document's state, due date and how long is
 * left (or how late it is), with a link to its page where it is uploaded and reviewed. A contributor reaches only
 * their own organisation's (another's answers "not found").
 */
@Component({
  selector: 'plx-organisation-submissions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadErrorComponent, LoadingComponent],
  templateUrl: './organisation-submissions.component.html',
})
export class OrganisationSubmissionsComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();
  readonly organisationId = input.required<string>();

  readonly #title = inject(Title);

  protected readonly cycle = httpResource<ReviewCycleDto>(() => reviewCycleUrl(this.network(), this.cycleId()));
  protected readonly submissions = httpResource<SubmissionListDto>(() =>
    cycleSubmissionsUrl(this.network(), this.cycleId(), { organisationId: this.organisationId() }),
  );
  protected readonly organisation = computed(() =>
    this.cycle.hasValue() ? (this.cycle.value().organisations.find((o) => o.id === this.organisationId()) ?? null) : null,
  );
  protected readonly groups = computed<ActivityGroup[]>(() => {
    if (!this.submissions.hasValue()) return [];
    const groups = new Map<string, ActivityGroup>();
    for (const s of this.submissions.value().items) {
      const group = groups.get(s.activity.id) ?? {
        activityId: s.activity.id,
        title: s.activity.title,
        fy: s.activity.fy,
        quarter: s.activity.quarter,
        items: [],
      };
      group.items.push(s);
      groups.set(s.activity.id, group);
    }
    return [...groups.values()].sort((a, b) => a.fy.localeCompare(b.fy) || a.quarter - b.quarter);
  });

  protected readonly formatDay = formatDay;
  protected readonly formatInstant = formatDate;
  protected readonly dueText = dueText;
  protected readonly stateTag = submissionStateTag;
  protected readonly countsSummary = countsSummary;

  constructor() {
    effect(() => {
      const o = this.organisation();
      if (o && this.cycle.hasValue()) this.#title.setTitle(composePageTitle(`${o.name} – ${this.cycle.value().name}`, this.membership().name));
    });
  }
}
