import { Injectable } from '@nestjs/common';
import {
  REVIEW_CYCLE_MAX_ACTIVITIES,
  type createReviewCycleSchema,
  type reviewActivityInputSchema,
  type ReviewActivityDto,
  type ReviewCycleDto,
  type ReviewCycleListDto,
  type reviewCycleOrganisationsSchema,
  type ReviewCycleSummaryDto,
  type updateReviewCycleSchema,
} from '@plexus/contracts';
import {
  cycleRange,
  cycleYears,
  isWithinCycle,
  normaliseReminderDays,
  parseFinancialYearLabel,
  planFromTemplate,
  quarterDueDate,
  takesPartInWork,
  type FinancialQuarterNumber,
} from '@plexus/domain';
import {
  addCounts,
  MembershipRepository,
  NetworkRepository,
  NO_SUBMISSIONS,
  RequestScopes,
  ReviewActivity,
  ReviewCycle,
  ReviewCycleOrganisation,
  ReviewCycleRepository,
  SelfAssessmentRepository,
  StandardSetRepository,
  ReviewReportRepository,
  Submission,
  SubmissionRepository,
  UserRepository,
  type MemberOrganisation,
  type SubmissionCountRow,
  type SubmissionCounts,
} from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../../core/http/domain.exception';
import { peerReviewCaller, type PeerReviewCaller } from '../peer-review-scope';
import { toReviewActivityDto, toReviewCycleDto, toReviewCycleSummaryDto } from './cycles.mapper';

type CreateInput = z.output<typeof createReviewCycleSchema>;
type UpdateInput = z.output<typeof updateReviewCycleSchema>;
type OrganisationsInput = z.output<typeof reviewCycleOrganisationsSchema>;
type ActivityInput = z.output<typeof reviewActivityInputSchema>;

const sum = (rows: SubmissionCountRow[], keep: (r: SubmissionCountRow) => boolean): SubmissionCounts =>
  rows.filter(keep).reduce<SubmissionCounts>((all, r) => addCounts(all, r), NO_SUBMISSIONS);

/**
 * Peer review cycles and their plans: the rules. A cycle runs over whole NHS financial years; its activities fall in
 * its quarters, due within its years; every organisation in scope owes a submission for every document a submission
 * activity requires (made, changed and removed with the plan); a plan change never takes an uploaded document with it
 * (409). Every check runs before anything is written; changes to one cycle take turns (its row is locked).
 */
@Injectable()
export class CyclesService {
  constructor(
    private readonly cycles: ReviewCycleRepository,
    private readonly submissions: SubmissionRepository,
    private readonly network: NetworkRepository,
    private readonly members: MembershipRepository,
    private readonly users: UserRepository,
    private readonly standards: StandardSetRepository,
    private readonly selfAssessments: SelfAssessmentRepository,
    private readonly reviews: ReviewReportRepository,
  ) {}

  async list(): Promise<ReviewCycleListDto> {
    const caller = peerReviewCaller();
    const [cycles, sizes, nextDue, counts] = await Promise.all([
      this.cycles.cycles(),
      this.cycles.sizes(),
      this.cycles.nextDue(caller.today),
      this.submissions.counts(caller.today, { organisationId: caller.organisationId }),
    ]);
    return {
      asOf: caller.today,
      cycles: cycles.map((c) => this.summary(c, sizes, nextDue, counts)),
      can: { manage: caller.canManage },
    };
  }

  async get(id: string): Promise<ReviewCycleDto> {
    return this.dto(await this.findCycle(id));
  }

  async create(input: CreateInput): Promise<ReviewCycleDto> {
    const em = RequestScopes.em();
    const networkId = RequestScopes.networkId();
    // Another network's organisation is 404 before anything else is said about the request.
    const organisations = await this.checkOrganisations(input.organisationIds);
    await this.checkName(input.name);
    const cycle = Object.assign(new ReviewCycle(), {
      networkId,
      name: input.name,
      firstFy: input.firstFy,
      lastFy: input.lastFy,
      reminderDays: normaliseReminderDays(input.reminderDays),
    });
    em.persist(cycle);
    for (const o of organisations) em.persist(Object.assign(new ReviewCycleOrganisation(), { networkId, cycleId: cycle.id, organisationId: o.id }));
    if (input.template) {
      // Created a millisecond apart, in the template's order: activities of one quarter due on one day keep it.
      const start = Date.now();
      for (const [index, planned] of planFromTemplate(parseFinancialYearLabel(input.firstFy) as number).entries()) {
        const activity = Object.assign(new ReviewActivity(), {
          createdAt: new Date(start + index),
          updatedAt: new Date(start + index),
          networkId,
          cycleId: cycle.id,
          fy: planned.fy,
          quarter: planned.quarter,
          kind: planned.kind,
          title: planned.title,
          description: planned.description,
          dueDate: planned.dueDate,
          requiredDocuments: planned.requiredDocuments,
        });
        em.persist(activity);
        this.addSubmissions(
          activity,
          organisations.map((o) => o.id),
          planned.requiredDocuments,
        );
      }
    }
    await em.flush();
    return this.dto(cycle);
  }

  async update(id: string, input: UpdateInput): Promise<ReviewCycleDto> {
    const cycle = await this.findCycle(id, true);
    if (input.name.toLowerCase() !== cycle.name.toLowerCase()) await this.checkName(input.name);
    const first = parseFinancialYearLabel(input.firstFy) as number;
    const last = parseFinancialYearLabel(input.lastFy) as number;
    if (input.firstFy !== cycle.firstFy || input.lastFy !== cycle.lastFy) {
      const outside = (await this.cycles.activities(id)).filter(
        (a) => !isWithinCycle(a.dueDate, first, last) || !cycleYears(first, last).includes(parseFinancialYearLabel(a.fy) as number),
      );
      if (outside.length) {
        throw DomainException.field(
          input.firstFy !== cycle.firstFy ? 'firstFy' : 'lastFy',
          `${outside.length} ${outside.length === 1 ? 'activity falls' : 'activities fall'} outside ${input.firstFy}–${input.lastFy} (${outside
            .slice(0, 3)
            .map((a) => `“${a.title}”, ${a.fy}`)
            .join('; ')}): move or remove ${outside.length === 1 ? 'it' : 'them'} first`,
          'conflict',
        );
      }
    }
    Object.assign(cycle, {
      name: input.name,
      firstFy: input.firstFy,
      lastFy: input.lastFy,
      status: input.status,
      reminderDays: normaliseReminderDays(input.reminderDays),
    });
    await RequestScopes.em().flush();
    return this.dto(cycle);
  }

  /** Deletes the cycle, its plan, scope and submissions — refused once a document has been uploaded to it (close it instead). */
  async remove(id: string): Promise<void> {
    const em = RequestScopes.em();
    const cycle = await this.findCycle(id, true);
    const files = await this.submissions.fileCount({ cycleId: id });
    if (files) {
      throw new DomainException(
        'conflict',
        `Organisations have uploaded ${files} document${files === 1 ? '' : 's'} to this cycle: close it (status closed) rather than deleting it`,
      );
    }
    const assessments = await this.selfAssessments.count({ cycleId: id });
    if (assessments) {
      throw new DomainException(
        'conflict',
        `Organisations have started ${assessments} self-assessment${assessments === 1 ? '' : 's'} in this cycle: close it (status closed) rather than deleting it`,
      );
    }
    if ((await this.reviews.organisationsWithOutcomes(id)).length) {
      throw new DomainException('conflict', 'This cycle holds reviews or action plans: close it (status closed) rather than deleting it');
    }
    em.remove(await this.submissions.submissions({ cycleId: id }));
    em.remove(await this.cycles.activities(id));
    em.remove(await this.cycles.scope(id));
    em.remove(cycle);
    await em.flush();
  }

  /**
   * The organisations in scope, as a whole: one added owes a submission for every required document of the plan; one
   * taken out loses its submissions — refused (409 naming organisationIds) once it has uploaded any.
   */
  async setOrganisations(id: string, input: OrganisationsInput): Promise<ReviewCycleDto> {
    const em = RequestScopes.em();
    const cycle = await this.findCycle(id, true);
    const organisations = await this.checkOrganisations(input.organisationIds);
    const scope = await this.cycles.scope(id);
    const wanted = new Set(organisations.map((o) => o.id));
    const removed = scope.filter((s) => !wanted.has(s.organisationId));
    const added = organisations.filter((o) => !scope.some((s) => s.organisationId === o.id));
    if (removed.length) {
      const files = await this.submissions.fileCount({ cycleId: id, organisationIds: removed.map((r) => r.organisationId) });
      if (files) {
        throw DomainException.field(
          'organisationIds',
          `An organisation you are taking out of scope has uploaded documents to this cycle (${files}): it stays in scope`,
          'conflict',
        );
      }
      const assessments = await this.selfAssessments.count({ cycleId: id, organisationIds: removed.map((r) => r.organisationId) });
      if (assessments) {
        throw DomainException.field(
          'organisationIds',
          `An organisation you are taking out of scope has started a self-assessment in this cycle (${assessments}): it stays in scope`,
          'conflict',
        );
      }
      if (
        (
          await this.reviews.organisationsWithOutcomes(
            id,
            removed.map((r) => r.organisationId),
          )
        ).length
      ) {
        throw DomainException.field(
          'organisationIds',
          'An organisation you are taking out of scope has a review or actions in this cycle: it stays in scope',
          'conflict',
        );
      }
      for (const r of removed) em.remove(await this.submissions.submissions({ cycleId: id, organisationId: r.organisationId }));
      em.remove(removed);
    }
    for (const o of added)
      em.persist(Object.assign(new ReviewCycleOrganisation(), { networkId: cycle.networkId, cycleId: id, organisationId: o.id }));
    for (const activity of (await this.cycles.activities(id)).filter((a) => a.kind === 'submission')) {
      this.addSubmissions(
        activity,
        added.map((o) => o.id),
        activity.requiredDocuments,
      );
    }
    await em.flush();
    return this.dto(cycle);
  }

  // ---- the plan -----------------------------------------------------------------------------------------------

  async addActivity(cycleId: string, input: ActivityInput): Promise<ReviewActivityDto> {
    const em = RequestScopes.em();
    const cycle = await this.findCycle(cycleId, true);
    const existing = await this.cycles.activities(cycleId);
    if (existing.length >= REVIEW_CYCLE_MAX_ACTIVITIES) {
      throw new DomainException('conflict', `A cycle holds ${REVIEW_CYCLE_MAX_ACTIVITIES} activities at most: remove one before adding another`);
    }
    const activity = Object.assign(new ReviewActivity(), { networkId: cycle.networkId, cycleId });
    await this.apply(cycle, activity, input);
    em.persist(activity);
    if (activity.kind === 'submission') {
      const scope = await this.cycles.scope(cycleId);
      this.addSubmissions(
        activity,
        scope.map((s) => s.organisationId),
        activity.requiredDocuments,
      );
    }
    await em.flush();
    return this.activityDto(activity);
  }

  /**
   * Changes an activity. Its submissions follow: documents added are owed by every organisation in scope, documents
   * removed (or a kind that is no longer a submission) take their submissions — refused once one has an upload; a new
   * due date moves the submissions that were due on the old one (a later date set when asking for more stays).
   */
  async updateActivity(id: string, input: ActivityInput): Promise<ReviewActivityDto> {
    const em = RequestScopes.em();
    const activity = await this.findActivity(id);
    const cycle = await this.findCycle(activity.cycleId, true);
    const before = { dueDate: activity.dueDate, documents: [...activity.requiredDocuments] };
    const submissions = await this.submissions.submissions({ activityId: id });
    const keep = new Set((input.kind === 'submission' ? input.requiredDocuments : []).map((d) => d.toLowerCase()));
    const dropped = submissions.filter((s) => !keep.has(s.documentName.toLowerCase()));
    if (dropped.length) {
      const files = await this.submissions.fileCount({ submissionIds: dropped.map((s) => s.id) });
      if (files) {
        const names = [...new Set(dropped.map((s) => s.documentName))].join(', ');
        throw DomainException.field(
          input.kind === 'submission' ? 'requiredDocuments' : 'kind',
          `Organisations have uploaded ${names} for this activity: keep ${dropped.length === 1 ? 'it' : 'them'} in the list`,
          'conflict',
        );
      }
    }
    const assessments = await this.selfAssessments.count({ activityId: id });
    if (assessments && (input.kind !== 'self_assessment' || input.standardSetVersionId !== activity.standardSetVersionId)) {
      throw DomainException.field(
        input.kind !== 'self_assessment' ? 'kind' : 'standardSetVersionId',
        `Organisations have started ${assessments} self-assessment${assessments === 1 ? '' : 's'} against this activity’s standard set version: it keeps its kind and version`,
        'conflict',
      );
    }
    await this.apply(cycle, activity, input);
    em.remove(dropped);
    if (activity.kind === 'submission') {
      const present = new Set(before.documents.map((d) => d.toLowerCase()));
      const added = activity.requiredDocuments.filter((d) => !present.has(d.toLowerCase()));
      const scope = await this.cycles.scope(activity.cycleId);
      this.addSubmissions(
        activity,
        scope.map((s) => s.organisationId),
        added,
      );
      // A renamed document (same name, other capitals) keeps its submissions under the new spelling.
      for (const s of submissions.filter((x) => !dropped.includes(x))) {
        const renamed = activity.requiredDocuments.find((d) => d.toLowerCase() === s.documentName.toLowerCase());
        if (renamed && renamed !== s.documentName) s.documentName = renamed;
        if (s.dueDate === before.dueDate && activity.dueDate !== before.dueDate && s.state !== 'accepted') s.dueDate = activity.dueDate;
      }
    }
    await em.flush();
    return this.activityDto(activity);
  }

  async removeActivity(id: string): Promise<void> {
    const em = RequestScopes.em();
    const activity = await this.findActivity(id);
    await this.findCycle(activity.cycleId, true);
    const files = await this.submissions.fileCount({ activityId: id });
    if (files) {
      throw new DomainException(
        'conflict',
        `Organisations have uploaded ${files} document${files === 1 ? '' : 's'} for this activity: it stays in the plan`,
      );
    }
    const assessments = await this.selfAssessments.count({ activityId: id });
    if (assessments) {
      throw new DomainException(
        'conflict',
        `Organisations have started ${assessments} self-assessment${assessments === 1 ? '' : 's'} for this activity: it stays in the plan`,
      );
    }
    em.remove(await this.submissions.submissions({ activityId: id }));
    em.remove(activity);
    await em.flush();
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /**
   * The standard set version a self-assessment activity is against: the network's own or a national one (another
   * network's, or none, is 404 naming standardSetVersionId), published (a draft is 400), and frozen from its first use.
   */
  private async useStandardVersion(versionId: string): Promise<string> {
    const version = await this.standards.version(versionId);
    if (!version)
      throw DomainException.field('standardSetVersionId', 'Choose a version of one of the network’s or the national standard sets', 'not_found');
    if (version.status !== 'published') {
      throw DomainException.field(
        'standardSetVersionId',
        `Version ${version.version} of the standard set is a draft: publish it, or choose a published version`,
      );
    }
    if (!version.frozenAt && !(await this.standards.freezeVersion(version.id))) {
      throw DomainException.field(
        'standardSetVersionId',
        'Choose a published version of one of the network’s or the national standard sets',
        'not_found',
      );
    }
    return version.id;
  }

  private async findCycle(id: string, forChange = false): Promise<ReviewCycle> {
    const cycle = await (forChange ? this.cycles.cycleForChange(id) : this.cycles.cycle(id));
    if (!cycle) throw DomainException.notFound('peer review cycle');
    return cycle;
  }

  private async findActivity(id: string): Promise<ReviewActivity> {
    const activity = await this.cycles.activity(id);
    if (!activity) throw DomainException.notFound('activity');
    return activity;
  }

  private async checkName(name: string): Promise<void> {
    if (await this.cycles.byName(name)) throw DomainException.field('name', 'The network already has a cycle with this name', 'conflict');
  }

  /** The organisations, each a member organisation of this network: another network's, or none, is 404 naming the entry. */
  private async checkOrganisations(ids: string[]): Promise<MemberOrganisation[]> {
    const all = new Map((await this.network.organisations()).map((o) => [o.id, o]));
    return ids.map((id, index) => {
      const organisation = all.get(id);
      if (!organisation)
        throw DomainException.field(`organisationIds.${index}`, 'That organisation is not one of the network’s member organisations', 'not_found');
      return organisation;
    });
  }

  /** New submissions (awaited, due with the activity) for these organisations and documents. */
  private addSubmissions(activity: ReviewActivity, organisationIds: string[], documents: string[]): void {
    const em = RequestScopes.em();
    for (const organisationId of organisationIds) {
      for (const documentName of documents) {
        em.persist(
          Object.assign(new Submission(), {
            networkId: activity.networkId,
            cycleId: activity.cycleId,
            activityId: activity.id,
            organisationId,
            documentName,
            dueDate: activity.dueDate,
          }),
        );
      }
    }
  }

  /** Checks the activity against its cycle (year, due date, organisation, panel), then applies it. */
  private async apply(cycle: ReviewCycle, activity: ReviewActivity, input: ActivityInput): Promise<void> {
    const first = parseFinancialYearLabel(cycle.firstFy) as number;
    const last = parseFinancialYearLabel(cycle.lastFy) as number;
    const year = parseFinancialYearLabel(input.fy);
    if (year === null || year < first || year > last) {
      throw DomainException.field('fy', `Choose one of the cycle’s financial years: ${cycle.firstFy}${first === last ? '' : ` to ${cycle.lastFy}`}`);
    }
    const quarter = input.quarter as FinancialQuarterNumber;
    const range = cycleRange(first, last);
    const dueDate = input.dueDate ?? quarterDueDate(year, quarter);
    if (!isWithinCycle(dueDate, first, last)) {
      throw DomainException.field('dueDate', `The due date must be within the cycle’s years: ${range.start} to ${range.end}`);
    }
    const byKind = {
      requiredDocuments: [] as string[],
      standardSetVersionId: null as string | null,
      meetingDate: null as string | null,
      organisationId: null as string | null,
      panelUserIds: [] as string[],
      externalReviewers: [] as string[],
    };
    if (input.kind === 'submission') byKind.requiredDocuments = input.requiredDocuments;
    if (input.kind === 'self_assessment' && input.standardSetVersionId) {
      byKind.standardSetVersionId = await this.useStandardVersion(input.standardSetVersionId);
    }
    if (input.kind === 'review_meeting') {
      if (input.meetingDate && !isWithinCycle(input.meetingDate, first, last)) {
        throw DomainException.field('meetingDate', `The meeting date must be within the cycle’s years: ${range.start} to ${range.end}`);
      }
      if (input.organisationId && !(await this.cycles.scope(cycle.id)).some((s) => s.organisationId === input.organisationId)) {
        throw DomainException.field('organisationId', 'That organisation is not in this cycle’s scope', 'not_found');
      }
      const memberships = new Map((await this.members.all()).map((m) => [m.userId, m]));
      input.panelUserIds.forEach((userId, index) => {
        const member = memberships.get(userId);
        if (!member || !takesPartInWork(member.role)) {
          throw DomainException.field(`panelUserIds.${index}`, 'Choose panel members from the people of this network', 'not_found');
        }
      });
      Object.assign(byKind, {
        meetingDate: input.meetingDate,
        organisationId: input.organisationId,
        panelUserIds: input.panelUserIds,
        externalReviewers: input.externalReviewers,
      });
    }
    Object.assign(activity, {
      fy: input.fy,
      quarter,
      kind: input.kind,
      title: input.title,
      description: input.description,
      dueDate,
      ...byKind,
    });
  }

  private summary(
    cycle: ReviewCycle,
    sizes: Map<string, { organisations: number; activities: number }>,
    nextDue: Map<string, { activityId: string; title: string; dueDate: string }>,
    counts: SubmissionCountRow[],
  ): ReviewCycleSummaryDto {
    return toReviewCycleSummaryDto(cycle, {
      organisationCount: sizes.get(cycle.id)?.organisations ?? 0,
      activityCount: sizes.get(cycle.id)?.activities ?? 0,
      submissions: sum(counts, (r) => r.cycleId === cycle.id),
      nextDue: nextDue.get(cycle.id) ?? null,
    });
  }

  private async context(caller: PeerReviewCaller, activities: ReviewActivity[]) {
    const organisations = new Map((await this.network.organisations()).map((o) => [o.id, o]));
    const people = await this.users.byIds(activities.flatMap((a) => a.panelUserIds));
    return { organisations, names: new Map(people.map((u) => [u.id, u.displayName])), caller };
  }

  private async activityDto(activity: ReviewActivity): Promise<ReviewActivityDto> {
    const caller = peerReviewCaller();
    const ctx = await this.context(caller, [activity]);
    const counts = await this.submissions.counts(caller.today, { cycleId: activity.cycleId, organisationId: caller.organisationId });
    return toReviewActivityDto(activity, { ...ctx, counts: sum(counts, (r) => r.activityId === activity.id) });
  }

  private async dto(cycle: ReviewCycle): Promise<ReviewCycleDto> {
    const caller = peerReviewCaller();
    const [activities, scope, sizes, nextDue, counts] = await Promise.all([
      this.cycles.activities(cycle.id),
      this.cycles.scope(cycle.id),
      this.cycles.sizes(),
      this.cycles.nextDue(caller.today),
      this.submissions.counts(caller.today, { cycleId: cycle.id, organisationId: caller.organisationId }),
    ]);
    const ctx = await this.context(caller, activities);
    const inScope = scope
      .map((s) => ctx.organisations.get(s.organisationId))
      .filter((o): o is MemberOrganisation => !!o)
      .sort((a, b) => a.name.localeCompare(b.name));
    return toReviewCycleDto(this.summary(cycle, sizes, nextDue, counts), {
      cycle,
      asOf: caller.today,
      organisations: inScope.map((organisation) => ({ organisation, submissions: sum(counts, (r) => r.organisationId === organisation.id) })),
      activities: activities.map((a) => toReviewActivityDto(a, { ...ctx, counts: sum(counts, (r) => r.activityId === a.id) })),
      canManage: caller.canManage,
    });
  }
}
