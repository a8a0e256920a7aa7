import { Injectable } from '@nestjs/common';
import type { CloseRiskRequest, RiskDto, RiskHeatMapDto, RiskSummaryDto } from '@plexus/contracts';
import { createRiskSchema, riskListQuerySchema, updateRiskSchema, recordRiskReviewSchema } from '@plexus/contracts';
import { can, formatIsoDateLong, takesPartInWork, todayIso, type IsoDate } from '@plexus/domain';
import {
  BoardMeetingRepository,
  MembershipRepository,
  RequestScopes,
  Risk,
  RiskRepository,
  RiskReview,
  RiskWorkItem,
  ReviewReportRepository,
  UserRepository,
  WorkPlanRepository,
  scoreChange,
  addMonths,
  currentOf,
  beforeOf,
  formatReference,
  heatMap,
  type BoardMeeting,
  type RiskScoreSource,
} from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { toLinkedWorkItem, toRiskDto, toRiskSummary, type LastBoard } from './risk.mapper';

type CreateRisk = z.output<typeof createRiskSchema>;
type UpdateRisk = z.output<typeof updateRiskSchema>;
type ReviewInput = z.output<typeof recordRiskReviewSchema>;
type ListQuery = z.output<typeof riskListQuerySchema>;

const today = (): IsoDate => todayIso('Europe/London');

@Injectable()
export class RiskService {
  constructor(
    private readonly repo: RiskRepository,
    private readonly workPlans: WorkPlanRepository,
    private readonly members: MembershipRepository,
    private readonly users: UserRepository,
    private readonly board: BoardMeetingRepository,
    private readonly reviews: ReviewReportRepository,
  ) {}

  /** The last board meeting (the latest on or before today) and the risks reviewed at it; null before the board first meets. */
  private async lastBoard(): Promise<LastBoard | null> {
    const meeting = await this.board.lastMeetingOnOrBefore(today());
    return meeting ? { meeting, reviewed: await this.board.risksReviewedAt(meeting.id) } : null;
  }

  private caller(): { userId: string; role: ReturnType<typeof RequestScopes.tenant>['role'] } {
    const scope = RequestScopes.current();
    return { userId: scope?.userId ?? '', role: RequestScopes.tenant().role };
  }

  private canReview(r: Risk): boolean {
    const { userId, role } = this.caller();
    if (!can(role, 'risk.review')) return false;
    return role === 'manager' || (r.mitigationLeadUserId != null && r.mitigationLeadUserId === userId);
  }

  private async load(id: string): Promise<Risk> {
    const r = await this.repo.find(id);
    if (!r) throw DomainException.notFound('risk');
    return r;
  }

  async dto(r: Risk): Promise<RiskDto> {
    const [reviews, history, links, origin] = await Promise.all([
      this.repo.reviews(r.id),
      this.repo.history(r.id),
      this.repo.links(r.id),
      this.reviews.originOfRisk(r.id),
    ]);
    const lastBoard = await this.lastBoard();
    const linked = await this.workPlans.itemsWithPlanTitles(links.map((l) => l.workItemId));
    const meetingIds = [...new Set(reviews.map((v) => v.boardMeetingId).filter((m): m is string => !!m))];
    const meetings = new Map<string, BoardMeeting>();
    for (const id of meetingIds) {
      const m = await this.board.meeting(id);
      if (m) meetings.set(id, m);
    }
    return toRiskDto(
      r,
      reviews,
      history,
      today(),
      { edit: can(this.caller().role, 'risk.edit'), review: this.canReview(r) },
      linked.map(toLinkedWorkItem),
      { lastBoard, meetings },
      origin && {
        kind: 'peer-review-finding',
        findingId: origin.findingId,
        reportId: origin.reportId,
        cycleId: origin.cycleId,
        cycleName: origin.cycleName,
        organisationId: origin.organisationId,
        organisationName: origin.organisationName,
        text: origin.text,
      },
    );
  }

  /** Replaces the risk's links with the given work items, which must be in this network. */
  private async syncLinks(r: Risk, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const found = new Set(await this.workPlans.existingItemIds(unique));
    const missing = unique.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw DomainException.field(`linkedWorkItemIds.${ids.indexOf(unique[missing])}`, 'That work item is not in this network’s work plans');
    const em = RequestScopes.em();
    const existing = await this.repo.links(r.id);
    for (const link of existing) if (!unique.includes(link.workItemId)) em.remove(link);
    for (const id of unique) {
      if (!existing.some((l) => l.workItemId === id))
        em.persist(Object.assign(new RiskWorkItem(), { networkId: r.networkId, riskId: r.id, workItemId: id }));
    }
  }

  async list(q: ListQuery): Promise<RiskSummaryDto[]> {
    const t = today();
    const lastBoard = await this.lastBoard();
    let rows = (await this.repo.all(q.status)).map((r) => toRiskSummary(r, t, lastBoard));
    if (q.notReviewedAtLastBoard !== undefined) rows = rows.filter((r) => r.lastBoard !== null && r.lastBoard.reviewed !== q.notReviewedAtLastBoard);
    if (q.band) rows = rows.filter((r) => r.current.band === q.band);
    if (q.leadUserId) rows = rows.filter((r) => r.mitigationLead.userId === q.leadUserId);
    if (q.overdue !== undefined) rows = rows.filter((r) => r.overdue === q.overdue);
    if (q.cell) {
      const [l, i] = q.cell.split(',').map(Number);
      rows = rows.filter((r) => {
        const s = q.matrix === 'before' ? r.before : r.current;
        return s.likelihood === l && s.impact === i;
      });
    }
    if (q.q) {
      const needle = q.q.toLowerCase();
      rows = rows.filter((r) => [r.reference, r.description, r.category, r.mitigationLead.name].some((f) => f.toLowerCase().includes(needle)));
    }
    const key: Record<typeof q.sort, (r: RiskSummaryDto) => string | number> = {
      reference: (r) => r.reference.replace(/\d+/g, (d) => d.padStart(6, '0')),
      score: (r) => r.current.score ?? -1,
      nextReviewDue: (r) => r.nextReviewDue ?? '9999-12-31',
      dateRegistered: (r) => r.dateRegistered,
    };
    const dir = q.direction === 'desc' ? -1 : 1;
    return rows.sort((a, b) => {
      const x = key[q.sort](a);
      const y = key[q.sort](b);
      return (x < y ? -1 : x > y ? 1 : a.reference.localeCompare(b.reference)) * dir;
    });
  }

  async heatMap(): Promise<RiskHeatMapDto> {
    return heatMap(await this.repo.all('open'));
  }

  async get(id: string): Promise<RiskDto> {
    return this.dto(await this.load(id));
  }

  /** A mitigation lead must be a member of this network who takes part in the work (400 naming the field). */
  async checkLead(userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const m = await this.members.ofUser(userId);
    const user = m ? await this.users.find(userId) : null;
    if (!m || !user) throw DomainException.field('mitigationLeadUserId', 'The mitigation lead must be a member of this network');
    if (!takesPartInWork(m.role))
      throw DomainException.field('mitigationLeadUserId', 'A commissioner reads only the network’s reports, so cannot be a mitigation lead');
    return user.displayName;
  }

  private checkDates(input: { dateRegistered: string; nextReviewDue: string | null }): void {
    if (input.dateRegistered > today()) throw DomainException.field('dateRegistered', 'The date registered cannot be in the future');
    if (input.nextReviewDue && input.nextReviewDue < input.dateRegistered) {
      throw DomainException.field('nextReviewDue', 'The next review cannot be before the date the risk was registered');
    }
  }

  recordScores(r: Risk, source: RiskScoreSource, effectiveOn: string): void {
    RequestScopes.em().persist(scoreChange(r, source, effectiveOn, RequestScopes.current()?.userId ?? null));
  }

  private async applyFields(r: Risk, input: CreateRisk): Promise<void> {
    this.checkDates(input);
    const leadName = await this.checkLead(input.mitigationLeadUserId);
    Object.assign(r, {
      dateRegistered: input.dateRegistered,
      identifiedBy: input.identifiedBy,
      description: input.description,
      category: input.category,
      likelihoodBefore: input.likelihoodBefore,
      impactBefore: input.impactBefore,
      legacyScoreBefore: null,
      mitigation: input.mitigation,
      mitigationLeadUserId: input.mitigationLeadUserId,
      mitigationLeadName: leadName ?? input.mitigationLeadName,
      likelihoodAfter: input.likelihoodAfter,
      impactAfter: input.impactAfter,
      legacyScoreAfter: null,
      targetScore: input.targetScore,
      outcome: input.outcome,
      reviewFrequencyMonths: input.reviewFrequencyMonths,
    });
  }

  async create(input: CreateRisk): Promise<RiskDto> {
    const r = Object.assign(new Risk(), { networkId: RequestScopes.networkId() });
    await this.applyFields(r, input);
    r.number = await this.repo.nextNumber();
    r.reference = formatReference(await this.repo.prefix(), r.number);
    r.nextReviewDue = input.nextReviewDue ?? addMonths(input.dateRegistered, input.reviewFrequencyMonths);
    RequestScopes.em().persist(r);
    this.recordScores(r, 'registered', input.dateRegistered);
    await this.syncLinks(r, input.linkedWorkItemIds);
    await RequestScopes.em().flush();
    return this.dto(r);
  }

  async update(id: string, input: UpdateRisk): Promise<RiskDto> {
    const r = await this.load(id);
    if (r.version !== input.version) {
      throw new DomainException(
        'version_conflict',
        'Someone else changed this risk since you opened it. Reload to see their changes, then make yours again.',
        [{ field: 'version', message: `You edited version ${input.version}; the risk is now at version ${r.version}` }],
      );
    }
    if (r.lastReviewedOn && input.dateRegistered > r.lastReviewedOn) {
      throw DomainException.field('dateRegistered', `The risk was last reviewed on ${r.lastReviewedOn}: it cannot be registered after that`);
    }
    const before = JSON.stringify([beforeOf(r), currentOf(r)]);
    await this.applyFields(r, input);
    if (input.nextReviewDue) r.nextReviewDue = input.nextReviewDue;
    r.version += 1;
    if (JSON.stringify([beforeOf(r), currentOf(r)]) !== before) this.recordScores(r, 'edited', today());
    await this.syncLinks(r, input.linkedWorkItemIds);
    await RequestScopes.em().flush();
    return this.dto(r);
  }

  async review(id: string, input: ReviewInput): Promise<RiskDto> {
    const r = await this.load(id);
    if (!this.canReview(r)) throw new DomainException('forbidden', 'Only managers, and the lead of this risk, can record its reviews');
    if (r.status === 'closed') throw new DomainException('conflict', 'This risk is closed: re-open it to record a review');
    // The meeting first: another network's id is answered as not found, whatever else the review says.
    if (input.boardMeetingId) {
      const meeting = await this.board.meeting(input.boardMeetingId);
      if (!meeting) throw DomainException.field('boardMeetingId', 'That board meeting is not one of this network’s', 'not_found');
      if (meeting.meetingDate !== input.reviewedOn) {
        throw DomainException.field(
          'reviewedOn',
          `A review done at the board meeting of ${formatIsoDateLong(meeting.meetingDate)} is dated that day (${meeting.meetingDate})`,
        );
      }
    }
    if (input.reviewedOn < r.dateRegistered) {
      throw DomainException.field('reviewedOn', `The review date cannot be before the risk was registered (${r.dateRegistered})`);
    }
    if (input.reviewedOn > today()) throw DomainException.field('reviewedOn', 'The review date cannot be in the future');
    if (input.nextReviewDue && input.nextReviewDue <= input.reviewedOn) {
      throw DomainException.field('nextReviewDue', 'The next review must be after this one');
    }
    const userId = RequestScopes.current()?.userId ?? null;
    const reviewer = userId ? await this.users.find(userId) : null;
    RequestScopes.em().persist(
      Object.assign(new RiskReview(), {
        networkId: r.networkId,
        riskId: r.id,
        reviewedOn: input.reviewedOn,
        reviewerUserId: userId,
        reviewerName: reviewer?.displayName ?? 'Unknown',
        likelihood: input.likelihood,
        impact: input.impact,
        notes: input.notes,
        boardMeetingId: input.boardMeetingId,
      }),
    );
    r.likelihoodAfter = input.likelihood;
    r.impactAfter = input.impact;
    r.legacyScoreAfter = null;
    if (!r.lastReviewedOn || input.reviewedOn >= r.lastReviewedOn) {
      r.lastReviewedOn = input.reviewedOn;
      r.nextReviewDue = input.nextReviewDue ?? addMonths(input.reviewedOn, r.reviewFrequencyMonths);
    }
    r.version += 1;
    this.recordScores(r, 'reviewed', input.reviewedOn);
    await RequestScopes.em().flush();
    return this.dto(r);
  }

  async close(id: string, input: Required<CloseRiskRequest>): Promise<RiskDto> {
    const r = await this.load(id);
    if (r.status === 'closed') throw new DomainException('conflict', `${r.reference} is already closed`);
    if (input.closedOn < r.dateRegistered)
      throw DomainException.field('closedOn', `A risk cannot close before it was registered (${r.dateRegistered})`);
    if (input.closedOn > today()) throw DomainException.field('closedOn', 'The date closed cannot be in the future');
    Object.assign(r, { status: 'closed', closedOn: input.closedOn, closedReason: input.reason, version: r.version + 1 });
    this.recordScores(r, 'closed', input.closedOn);
    await RequestScopes.em().flush();
    return this.dto(r);
  }

  async reopen(id: string): Promise<RiskDto> {
    const r = await this.load(id);
    if (r.status === 'open') throw new DomainException('conflict', `${r.reference} is already open`);
    Object.assign(r, { status: 'open', closedOn: null, closedReason: null, version: r.version + 1 });
    if (!r.nextReviewDue || r.nextReviewDue < today()) r.nextReviewDue = today();
    this.recordScores(r, 'reopened', today());
    await RequestScopes.em().flush();
    return this.dto(r);
  }
}
