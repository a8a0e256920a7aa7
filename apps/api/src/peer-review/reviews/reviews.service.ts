import { Injectable } from '@nestjs/common';
import {
  createRiskSchema,
  type agreeReviewReportSchema,
  type createReviewReportSchema,
  type raiseFindingRiskSchema,
  type RaisedRiskDto,
  type ReviewFindingDto,
  type reviewFindingInputSchema,
  type ReviewReportDto,
  type ReviewReportListDto,
  type updateReviewReportSchema,
  REVIEW_REPORT_MAX_FINDINGS,
} from '@plexus/contracts';
import {
  canRaiseToRiskRegister,
  contributorMaySeeReport,
  FINDING_CLASSIFICATION_LABELS,
  isReportEditable,
  orderFindings,
  reportTransitionProblem,
  type ReviewReportTransition,
} from '@plexus/domain';
import {
  NetworkRepository,
  RequestScopes,
  ReviewAction,
  ReviewActionRepository,
  ReviewCycleRepository,
  ReviewFinding,
  ReviewRecommendation,
  ReviewReport,
  ReviewReportRepository,
  RiskRepository,
  StandardSetRepository,
  UserRepository,
  type ReviewActivity,
  type ReviewCycle,
} from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../../core/http/domain.exception';
import { RiskService } from '../../risk/risk.service';
import { peerReviewCaller, type PeerReviewCaller } from '../peer-review-scope';
import { criteriaByIds, usableCriterion } from './review-criteria';
import { toFindingDto, toReportDto, toReportSummaryDto, type ReportContext } from './reviews.mapper';

type CreateInput = z.output<typeof createReviewReportSchema>;
type UpdateInput = z.output<typeof updateReviewReportSchema>;
type AgreeInput = z.output<typeof agreeReviewReportSchema>;
type FindingInput = z.output<typeof reviewFindingInputSchema>;
type RaiseInput = z.output<typeof raiseFindingRiskSchema>;

/**
 * Review reports: the rules. One per organisation in a cycle's scope; findings and recommendations change while it is
 * a draft; it is agreed with the organisation's lead (whom, when, who recorded it), may go back to draft, and is then
 * issued — read-only from then on, when each recommendation becomes an action of the organisation's plan. Contributors
 * read their own organisation's issued report only: any other answers 404, as another network's record does (RLS
 * narrows their transaction to the same rows underneath). An immediate risk finding goes to the network's risk register
 * through the register's own create path, once: a second click answers the same risk.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reports: ReviewReportRepository,
    private readonly actions: ReviewActionRepository,
    private readonly cycles: ReviewCycleRepository,
    private readonly network: NetworkRepository,
    private readonly users: UserRepository,
    private readonly standards: StandardSetRepository,
    private readonly risks: RiskRepository,
    private readonly riskService: RiskService,
  ) {}

  /** Each organisation in the cycle's scope with its review, if started (a contributor: theirs, once issued). */
  async list(cycleId: string): Promise<ReviewReportListDto> {
    const caller = peerReviewCaller();
    const cycle = await this.findCycle(cycleId);
    const scope = await this.cycles.scope(cycleId);
    const organisations = new Map((await this.network.organisations()).map((o) => [o.id, o]));
    const reports = await this.reports.reports(cycleId, caller.organisationId, caller.organisationId ? ['issued'] : undefined);
    const ctx = await this.context(caller, [cycle], reports);
    const visible = scope
      .filter((s) => !caller.organisationId || s.organisationId === caller.organisationId)
      .map((s) => organisations.get(s.organisationId))
      .filter((o): o is NonNullable<typeof o> => !!o)
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      organisations: visible.map((o) => {
        const report = reports.find((r) => r.organisationId === o.id);
        return { id: o.id, name: o.name, report: report ? toReportSummaryDto(report, ctx) : null };
      }),
      can: { manage: caller.canManage },
    };
  }

  async get(id: string): Promise<ReviewReportDto> {
    return this.dto(await this.findReport(id));
  }

  async create(cycleId: string, input: CreateInput): Promise<ReviewReportDto> {
    const cycle = await this.findCycle(cycleId, true);
    if (!(await this.cycles.scope(cycleId)).some((s) => s.organisationId === input.organisationId)) {
      throw DomainException.field('organisationId', 'That organisation is not in this cycle’s scope', 'not_found');
    }
    await this.checkMeeting(cycle, input.meetingActivityId, input.organisationId);
    // Started already (a second click, another manager): the review as it is, like opening it.
    const started = await this.reports.reportOf(cycleId, input.organisationId);
    if (started) return this.dto(started);
    const report = Object.assign(new ReviewReport(), {
      networkId: cycle.networkId,
      cycleId,
      organisationId: input.organisationId,
      meetingActivityId: input.meetingActivityId,
      summary: input.summary,
    });
    RequestScopes.em().persist(report);
    await RequestScopes.em().flush();
    return this.dto(report);
  }

  async update(id: string, input: UpdateInput): Promise<ReviewReportDto> {
    const report = await this.editable(id);
    await this.checkMeeting(await this.findCycle(report.cycleId), input.meetingActivityId, report.organisationId);
    Object.assign(report, { meetingActivityId: input.meetingActivityId, summary: input.summary });
    await RequestScopes.em().flush();
    return this.dto(report);
  }

  /** A draft review, its findings and recommendations; refused once agreed (reopen it) or issued. */
  async remove(id: string): Promise<void> {
    const em = RequestScopes.em();
    const report = await this.editable(id);
    const findings = await this.reports.findings([report.id]);
    const raised = findings.filter((f) => f.riskId);
    if (raised.length) {
      throw new DomainException(
        'conflict',
        'A finding of this review has been raised to the risk register: the review stays (its risk points to it)',
      );
    }
    em.remove(await this.reports.recommendations(findings.map((f) => f.id)));
    em.remove(findings);
    em.remove(report);
    await em.flush();
  }

  async agree(id: string, input: AgreeInput): Promise<ReviewReportDto> {
    const report = await this.transition(id, 'agree');
    Object.assign(report, { state: 'agreed', agreedWith: input.agreedWith, agreedAt: new Date(), agreedBy: peerReviewCaller().userId });
    await RequestScopes.em().flush();
    return this.dto(report);
  }

  /** An agreed report back to draft (to change it); the agreement is cleared and must be made again. */
  async reopen(id: string): Promise<ReviewReportDto> {
    const report = await this.transition(id, 'reopen');
    Object.assign(report, { state: 'draft', agreedWith: '', agreedAt: null, agreedBy: null });
    await RequestScopes.em().flush();
    return this.dto(report);
  }

  /** Issues the agreed report (read-only from now on); each recommendation becomes an action of the organisation's plan. */
  async issue(id: string): Promise<ReviewReportDto> {
    const em = RequestScopes.em();
    const report = await this.transition(id, 'issue');
    Object.assign(report, { state: 'issued', issuedAt: new Date(), issuedBy: peerReviewCaller().userId });
    const findings = orderFindings(await this.reports.findings([report.id]));
    const recommendations = await this.reports.recommendations(findings.map((f) => f.id));
    const made = new Set((await this.actions.fromRecommendations(recommendations.map((r) => r.id))).map((a) => a.recommendationId));
    const start = Date.now();
    let n = 0;
    for (const finding of findings) {
      for (const r of recommendations.filter((x) => x.findingId === finding.id && !made.has(x.id))) {
        // A millisecond apart, in report order: the plan lists them as the report does.
        const at = new Date(start + n++);
        em.persist(
          Object.assign(new ReviewAction(), {
            createdAt: at,
            updatedAt: at,
            networkId: report.networkId,
            cycleId: report.cycleId,
            organisationId: report.organisationId,
            recommendationId: r.id,
            criterionId: finding.criterionId,
            description: r.text,
          }),
        );
      }
    }
    await em.flush();
    return this.dto(report);
  }

  // ---- findings -----------------------------------------------------------------------------------------------

  async addFinding(reportId: string, input: FindingInput): Promise<ReviewFindingDto> {
    const em = RequestScopes.em();
    const report = await this.editable(reportId);
    const position = await this.reports.nextFindingPosition(report.id);
    if (position > REVIEW_REPORT_MAX_FINDINGS) {
      throw new DomainException('conflict', `A review holds ${REVIEW_REPORT_MAX_FINDINGS} findings at most: remove one before adding another`);
    }
    await usableCriterion(this.standards, input.criterionId);
    const finding = Object.assign(new ReviewFinding(), {
      networkId: report.networkId,
      reportId: report.id,
      organisationId: report.organisationId,
      position,
      classification: input.classification,
      criterionId: input.criterionId,
      theme: input.theme,
      text: input.text,
    });
    em.persist(finding);
    this.addRecommendations(finding, input.recommendations);
    await em.flush();
    return this.findingDto(report, finding);
  }

  /** Changes a finding of a draft review; its recommendations are replaced by the list given. */
  async updateFinding(id: string, input: FindingInput): Promise<ReviewFindingDto> {
    const em = RequestScopes.em();
    const { report, finding } = await this.editableFinding(id);
    if (finding.riskId && input.classification !== 'immediate_risk') {
      throw DomainException.field('classification', 'This finding has been raised to the risk register: it stays an immediate risk', 'conflict');
    }
    await usableCriterion(this.standards, input.criterionId);
    Object.assign(finding, { classification: input.classification, criterionId: input.criterionId, theme: input.theme, text: input.text });
    em.remove(await this.reports.recommendations([finding.id]));
    // The old recommendations go before the new ones take their positions.
    await em.flush();
    this.addRecommendations(finding, input.recommendations);
    await em.flush();
    return this.findingDto(report, finding);
  }

  async removeFinding(id: string): Promise<void> {
    const em = RequestScopes.em();
    const { finding } = await this.editableFinding(id);
    if (finding.riskId) throw new DomainException('conflict', 'This finding has been raised to the risk register: it stays (its risk points to it)');
    em.remove(await this.reports.recommendations([finding.id]));
    em.remove(finding);
    await em.flush();
  }

  /**
   * Raises an immediate risk finding to the network's risk register, through the register's own create path (its rules,
   * numbering and score history), prefilled from the finding; once: a second call answers the risk made by the first.
   * Allowed in every state of the report, issued included (the link is not part of the report's content).
   */
  async raiseRisk(findingId: string, input: RaiseInput): Promise<RaisedRiskDto> {
    const caller = peerReviewCaller();
    const found = await this.reports.finding(findingId);
    if (!found) throw DomainException.notFound('finding');
    // Locked: a second click waits for the first, then finds its risk.
    const finding = (await this.reports.findingForChange(findingId)) as ReviewFinding;
    const report = await this.findReport(finding.reportId);
    if (!canRaiseToRiskRegister(finding.classification)) {
      throw DomainException.field(
        'classification',
        `Only an immediate risk goes to the risk register; this finding is a ${FINDING_CLASSIFICATION_LABELS[finding.classification].toLowerCase()}`,
        'conflict',
      );
    }
    // The body's ids are checked before anything answers, a repeated click included.
    await this.riskService.checkLead(input.mitigationLeadUserId ?? null);
    if (finding.riskId) {
      const existing = await this.risks.find(finding.riskId);
      if (existing) {
        return {
          created: false,
          risk: { id: existing.id, reference: existing.reference, status: existing.status, description: existing.description },
          finding: await this.findingDto(report, finding),
        };
      }
    }
    const cycle = await this.findCycle(report.cycleId);
    const organisation = (await this.network.organisations()).find((o) => o.id === report.organisationId);
    const recommendations = await this.reports.recommendations([finding.id]);
    const what = finding.theme || (await criteriaByIds(this.standards, [finding.criterionId])).get(finding.criterionId ?? '')?.number || '';
    const description = `${organisation?.name ?? 'Organisation'}${what ? ` — ${what}` : ''}: ${finding.text}`;
    const risk = await this.riskService.create(
      createRiskSchema.parse({
        dateRegistered: caller.today,
        identifiedBy: `Peer review: ${cycle.name}`.slice(0, 200),
        description: description.length > 4000 ? `${description.slice(0, 3999)}…` : description,
        category: 'Peer review',
        likelihoodBefore: input.likelihood,
        impactBefore: input.impact,
        likelihoodAfter: input.likelihood,
        impactAfter: input.impact,
        mitigation: recommendations
          .map((r) => r.text)
          .join('\n')
          .slice(0, 4000),
        mitigationLeadUserId: input.mitigationLeadUserId,
        reviewFrequencyMonths: 1,
      }),
    );
    finding.riskId = risk.id;
    await RequestScopes.em().flush();
    return {
      created: true,
      risk: { id: risk.id, reference: risk.reference, status: risk.status, description: risk.description },
      finding: await this.findingDto(report, finding),
    };
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private addRecommendations(finding: ReviewFinding, texts: string[]): void {
    texts.forEach((text, index) =>
      RequestScopes.em().persist(
        Object.assign(new ReviewRecommendation(), {
          networkId: finding.networkId,
          reportId: finding.reportId,
          findingId: finding.id,
          organisationId: finding.organisationId,
          position: index + 1,
          text,
        }),
      ),
    );
  }

  private async findCycle(id: string, forChange = false): Promise<ReviewCycle> {
    const cycle = await (forChange ? this.cycles.cycleForChange(id) : this.cycles.cycle(id));
    if (!cycle) throw DomainException.notFound('peer review cycle');
    return cycle;
  }

  /** The report, if the caller may see it: a contributor, only their organisation's once issued (else 404, as if absent). */
  private async findReport(id: string): Promise<ReviewReport> {
    const { organisationId } = peerReviewCaller();
    const report = await this.reports.report(id, organisationId);
    if (!report || (organisationId && !contributorMaySeeReport(report.state))) throw DomainException.notFound('review');
    return report;
  }

  /** The report locked for a change of state, which must be allowed from where it is. */
  private async transition(id: string, transition: ReviewReportTransition): Promise<ReviewReport> {
    await this.findReport(id);
    const report = (await this.reports.reportForChange(id)) as ReviewReport;
    const problem = reportTransitionProblem(report.state, transition);
    if (problem) throw new DomainException('conflict', problem);
    return report;
  }

  /** A draft report, locked: findings change only while drafted (409 once agreed or issued). */
  private async editable(id: string): Promise<ReviewReport> {
    await this.findReport(id);
    const report = (await this.reports.reportForChange(id)) as ReviewReport;
    if (!isReportEditable(report.state)) {
      throw new DomainException(
        'conflict',
        report.state === 'issued'
          ? 'The report has been issued: it is read-only'
          : 'The report has been agreed with the organisation: take it back to draft to change it',
      );
    }
    return report;
  }

  private async editableFinding(id: string): Promise<{ report: ReviewReport; finding: ReviewFinding }> {
    const finding = await this.reports.finding(id);
    if (!finding) throw DomainException.notFound('finding');
    const report = await this.editable(finding.reportId);
    return { report, finding };
  }

  /** A review meeting activity of this cycle, for this organisation (or for every organisation): else 404 naming it. */
  private async checkMeeting(cycle: ReviewCycle, activityId: string | null, organisationId: string): Promise<ReviewActivity | null> {
    if (!activityId) return null;
    const activity = await this.cycles.activity(activityId);
    if (!activity || activity.cycleId !== cycle.id)
      throw DomainException.field('meetingActivityId', 'That activity is not in this cycle’s plan', 'not_found');
    if (activity.kind !== 'review_meeting') throw DomainException.field('meetingActivityId', 'Choose a review meeting of this cycle');
    if (activity.organisationId && activity.organisationId !== organisationId) {
      throw DomainException.field('meetingActivityId', 'That review meeting is for another organisation');
    }
    return activity;
  }

  private async context(
    caller: PeerReviewCaller,
    cycles: ReviewCycle[],
    reports: ReviewReport[],
    findings: ReviewFinding[] = [],
  ): Promise<ReportContext> {
    const activityIds = reports.map((r) => r.meetingActivityId).filter((x): x is string => !!x);
    const activities = new Map<string, ReviewActivity>();
    for (const id of activityIds) {
      const a = await this.cycles.activity(id);
      if (a) activities.set(id, a);
    }
    const people = await this.users.byIds(reports.flatMap((r) => [r.agreedBy, r.issuedBy]).filter((x): x is string => !!x));
    const risks = new Map<string, { id: string; reference: string; status: string }>();
    for (const f of findings) {
      if (!f.riskId) continue;
      const risk = await this.risks.find(f.riskId);
      if (risk) risks.set(risk.id, { id: risk.id, reference: risk.reference, status: risk.status });
    }
    const recommendations = await this.reports.recommendations(findings.map((f) => f.id));
    const actions = await this.actions.fromRecommendations(recommendations.map((r) => r.id));
    return {
      caller,
      cycles: new Map(cycles.map((c) => [c.id, c])),
      organisations: new Map((await this.network.organisations()).map((o) => [o.id, { id: o.id, name: o.name }])),
      activities,
      names: new Map(people.map((u) => [u.id, u.displayName])),
      counts: await this.reports.classCounts(reports[0]?.cycleId ?? cycles[0]?.id ?? ''),
      criteria: await criteriaByIds(
        this.standards,
        findings.map((f) => f.criterionId),
      ),
      recommendations,
      actionByRecommendation: new Map(actions.map((a) => [a.recommendationId as string, a.id])),
      risks,
    };
  }

  private async findingDto(report: ReviewReport, finding: ReviewFinding): Promise<ReviewFindingDto> {
    const caller = peerReviewCaller();
    const ctx = await this.context(caller, [await this.findCycle(report.cycleId)], [report], [finding]);
    return toFindingDto(finding, report, ctx);
  }

  private async dto(report: ReviewReport): Promise<ReviewReportDto> {
    const caller = peerReviewCaller();
    const findings = await this.reports.findings([report.id]);
    const ctx = await this.context(caller, [await this.findCycle(report.cycleId)], [report], findings);
    return toReportDto(report, orderFindings(findings), ctx);
  }
}
