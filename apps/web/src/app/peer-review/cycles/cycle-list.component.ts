import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MySubmissionsDto, PeerReviewOwedDto, PeerReviewOwedItemDto, ReviewCycleListDto, SessionMembership } from '@plexus/contracts';
import { isSubmissionOpen, type SubmissionState } from '@plexus/domain';
import { FlashService } from '../../core/flash.service';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { SuccessBannerComponent } from '../../ui/success-banner.component';
import { mySubmissionsUrl, owedUrl, reviewCyclesUrl } from '../peer-review.api';
import { countsSummary, cycleStatusTag, dueText, formatDay, submissionStateTag } from '../peer-review-format';

const KIND_LABELS: Record<PeerReviewOwedItemDto['kind'], string> = {
  submission: 'Document',
  self_assessment: 'Self-assessment',
  action: 'Action',
};

/**
 * Peer review: the network's cycles (latest first), and for a contributor — whose landing page this is — what their
 * organisation owes first: its documents, self-assessments (with how far they have got) and open actions, soonest due
 * first, each with how long is left or how late it is, and each linking to where it is done. Managers start cycles here.
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
  protected readonly contributor = computed(() => this.membership().role === 'contributor');
  /** What a contributor's organisation owes (other roles act for no organisation: not asked). */
  protected readonly owed = httpResource<PeerReviewOwedDto>(() => (this.contributor() ? owedUrl(this.network()) : undefined));
  /** Its submissions, for what it has sent already. */
  protected readonly mine = httpResource<MySubmissionsDto>(() => (this.contributor() ? mySubmissionsUrl(this.network()) : undefined));
  protected readonly sent = computed(() => (this.mine.hasValue() ? this.mine.value().items.filter((s) => !isSubmissionOpen(s.state)) : []));
  protected readonly kindLabels = KIND_LABELS;
  protected readonly flash = inject(FlashService).take();

  protected readonly formatDay = formatDay;
  protected readonly dueText = dueText;
  protected readonly stateTag = submissionStateTag;
  protected readonly statusTag = cycleStatusTag;
  protected readonly countsSummary = countsSummary;

  /** Where the thing owed is done: the submission, the self-assessment (or the list where it is started), the action. */
  protected link(item: PeerReviewOwedItemDto): { commands: string[]; queryParams: Record<string, string> | null } {
    const cycle = ['/n', this.network(), 'peer-review', 'cycles', item.cycle.id];
    if (item.kind === 'submission') return { commands: [...cycle, 'submissions', item.id ?? ''], queryParams: null };
    if (item.kind === 'self_assessment')
      return { commands: item.id ? [...cycle, 'self-assessments', item.id] : [...cycle, 'self-assessments'], queryParams: null };
    return { commands: [...cycle, 'actions'], queryParams: { organisationId: item.organisation.id, actionId: item.id ?? '' } };
  }

  /** The tag of an item: a submission's state as everywhere; otherwise its state, red and saying so when overdue. */
  protected tag(item: PeerReviewOwedItemDto): { text: string; tagClass: string } {
    if (item.kind === 'submission') return submissionStateTag(item.state as SubmissionState, item.overdue);
    if (item.overdue) return { text: `${item.stateLabel} – overdue`, tagClass: 'nhsuk-tag--red' };
    return { text: item.stateLabel, tagClass: item.state === 'not_started' ? 'nhsuk-tag--grey' : 'nhsuk-tag--blue' };
  }

  /** "4 things owed (1 overdue)." */
  protected summaryOf(o: PeerReviewOwedDto): string {
    const n = o.counts.total;
    return `${n} ${n === 1 ? 'thing' : 'things'} owed${o.counts.overdue ? ` (${o.counts.overdue} overdue)` : ''}.`;
  }
}
