import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MySubmissionsDto, ReviewCycleListDto, SessionMembership } from '@plexus/contracts';
import { isSubmissionOpen } from '@plexus/domain';
import { FlashService } from '../../core/flash.service';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { mySubmissionsUrl, reviewCyclesUrl } from '../peer-review.api';
import { countsSummary, cycleStatusTag, dueText, formatDay, submissionStateTag } from '../peer-review-format';

/**
 * Peer review: the network's cycles (latest first), and for a contributor — whose landing page this is — what their
 * organisation owes first, soonest due first, with how long is left or how late it is. Managers start cycles here.
 */
@Component({
  selector: 'plx-cycle-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  templateUrl: './cycle-list.component.html',
})
export class CycleListComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  protected readonly cycles = httpResource<ReviewCycleListDto>(() => reviewCyclesUrl(this.network()));
  /** A contributor's organisation's submissions (other roles act for no organisation: not asked). */
  protected readonly mine = httpResource<MySubmissionsDto>(() =>
    this.membership().role === 'contributor' ? mySubmissionsUrl(this.network()) : undefined,
  );
  protected readonly owed = computed(() => (this.mine.hasValue() ? this.mine.value().items.filter((s) => isSubmissionOpen(s.state)) : []));
  protected readonly sent = computed(() => (this.mine.hasValue() ? this.mine.value().items.filter((s) => !isSubmissionOpen(s.state)) : []));
  protected readonly flash = inject(FlashService).take();

  protected readonly formatDay = formatDay;
  protected readonly dueText = dueText;
  protected readonly stateTag = submissionStateTag;
  protected readonly statusTag = cycleStatusTag;
  protected readonly countsSummary = countsSummary;
}
