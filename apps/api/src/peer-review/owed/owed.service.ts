import { Injectable } from '@nestjs/common';
import type { PeerReviewOwedDto, PeerReviewOwedItemDto } from '@plexus/contracts';
import { daysUntilDue, isSubmissionOpen, SELF_ASSESSMENT_STATE_LABELS, SUBMISSION_STATE_LABELS } from '@plexus/domain';
import { NetworkRepository, ReviewCycleRepository } from '@plexus/server';
import { ActionsService } from '../actions/actions.service';
import { peerReviewCaller } from '../peer-review-scope';
import { SelfAssessmentService } from '../self-assessment/self-assessment.service';
import { SubmissionsService } from '../submissions/submissions.service';
import { byDueDate } from './owed.order';

/**
 * What is owed in peer review, and by when: across the network's active cycles, the open submissions (awaited, or
 * more information requested), the self-assessments not submitted yet (of activities that name their standards) and
 * the open actions — read through each feature's own rules, so that a contributor sees their organisation's only
 * (another's is never read: each list is narrowed to the caller's organisation, and RLS beneath), everyone else the
 * whole network's.
 */
@Injectable()
export class OwedService {
  constructor(
    private readonly cycles: ReviewCycleRepository,
    private readonly network: NetworkRepository,
    private readonly submissions: SubmissionsService,
    private readonly selfAssessments: SelfAssessmentService,
    private readonly actions: ActionsService,
  ) {}

  async owed(): Promise<PeerReviewOwedDto> {
    const caller = peerReviewCaller();
    const today = caller.today;
    const items: PeerReviewOwedItemDto[] = [];
    const active = (await this.cycles.cycles()).filter((c) => c.status === 'active');
    for (const cycle of active) {
      const cycleRef = { id: cycle.id, name: cycle.name };
      for (const s of (await this.submissions.list(cycle.id, {})).items) {
        if (!isSubmissionOpen(s.state)) continue;
        items.push({
          kind: 'submission',
          id: s.id,
          cycle: cycleRef,
          organisation: s.organisation,
          activity: { id: s.activity.id, title: s.activity.title },
          title: s.documentName,
          state: s.state,
          stateLabel: SUBMISSION_STATE_LABELS[s.state],
          progressText: null,
          reason: s.state === 'more_information_requested' ? s.reason : null,
          owner: null,
          dueDate: s.dueDate,
          daysUntilDue: s.daysUntilDue,
          overdue: s.overdue,
        });
      }
      for (const a of (await this.selfAssessments.list(cycle.id, {})).items) {
        if (a.state === 'submitted' || !a.standardSetVersion) continue;
        items.push({
          kind: 'self_assessment',
          id: a.id,
          cycle: cycleRef,
          organisation: { id: a.organisation.id, name: a.organisation.name },
          activity: { id: a.activity.id, title: a.activity.title },
          title: `${a.standardSetVersion.code} – ${a.standardSetVersion.name}`,
          state: a.state,
          stateLabel: SELF_ASSESSMENT_STATE_LABELS[a.state],
          progressText: a.progressText,
          reason: null,
          owner: null,
          dueDate: a.activity.dueDate,
          daysUntilDue: daysUntilDue(a.activity.dueDate, today),
          overdue: a.overdue,
        });
      }
      for (const x of (await this.actions.list(cycle.id, { open: true })).items) {
        items.push({
          kind: 'action',
          id: x.id,
          cycle: cycleRef,
          organisation: x.organisation,
          activity: null,
          title: x.description,
          state: x.status,
          stateLabel: x.statusLabel,
          progressText: null,
          reason: null,
          owner: x.owner.name || null,
          dueDate: x.dueDate,
          daysUntilDue: x.dueDate ? daysUntilDue(x.dueDate, today) : null,
          overdue: x.overdue,
        });
      }
    }
    items.sort(byDueDate);
    const organisation = caller.organisationId ? await this.network.organisation(caller.organisationId) : null;
    return {
      asOf: today,
      organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
      items,
      counts: {
        total: items.length,
        overdue: items.filter((i) => i.overdue).length,
        submissions: items.filter((i) => i.kind === 'submission').length,
        selfAssessments: items.filter((i) => i.kind === 'self_assessment').length,
        actions: items.filter((i) => i.kind === 'action').length,
      },
    };
  }
}
