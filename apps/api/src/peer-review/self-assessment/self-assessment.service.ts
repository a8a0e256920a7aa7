import { Inject, Injectable } from '@nestjs/common';
import {
  SELF_ASSESSMENT_MAX_FILES,
  type ComplianceSummaryDto,
  type saveSelfAssessmentAnswersSchema,
  type SelfAssessmentDto,
  type SelfAssessmentListDto,
  type selfAssessmentListQuerySchema,
  type startSelfAssessmentSchema,
} from '@plexus/contracts';
import {
  actionRag,
  carriedRating,
  complianceSummary,
  isAnswerOf,
  submissionBlockers,
  WORK_ITEM_STATUS_LABELS,
  type AssessmentAnswer,
} from '@plexus/domain';
import {
  checkSubmissionFile,
  cleanFileName,
  DOCUMENT_STORAGE,
  NetworkRepository,
  RequestScopes,
  ReviewActionRepository,
  ReviewCycleRepository,
  SelfAssessment,
  SelfAssessmentAnswer,
  SelfAssessmentFile,
  selfAssessmentFileKey,
  SelfAssessmentRepository,
  SUBMISSION_CONTENT_TYPES,
  StandardSetRepository,
  UserRepository,
  type DocumentStorage,
  type MemberOrganisation,
  type ReviewActivity,
  type ReviewCycle,
} from '@plexus/server';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { UploadedDocument } from '../../core/upload/document-upload';
import { DomainException } from '../../core/http/domain.exception';
import { peerReviewCaller, personRefOf } from '../peer-review-scope';
import {
  applicableSections,
  complianceOf,
  toAnswerDto,
  toComplianceDto,
  toScaleDto,
  toSelfAssessmentSummaryDto,
  versionRefOf,
  type AssessmentFrame,
} from './self-assessment.mapper';

type ListQuery = z.output<typeof selfAssessmentListQuerySchema>;
type StartInput = z.output<typeof startSelfAssessmentSchema>;
type SaveInput = z.output<typeof saveSelfAssessmentAnswersSchema>;

const sameNumber = (n: string) => n.trim().toLowerCase();

/**
 * Self-assessments: the rules. One per self-assessment activity and organisation in the cycle's scope, against the
 * activity's standard set version, answered criterion by criterion (the criteria that apply to the organisation's
 * type). A contributor sees and changes only their own organisation's — another organisation's is 404 on every route,
 * as a record of another network is (RLS narrows their transaction to the same organisation underneath). Answers are
 * saved as a draft while the cycle is active; submitting needs every applicable criterion rated and every answer
 * carried forward confirmed; managers may reopen a submitted one. Starting one copies the organisation's answers of
 * its previous cycle against the same standard set (criteria matched by number), marked carried forward.
 */
@Injectable()
export class SelfAssessmentService {
  constructor(
    private readonly assessments: SelfAssessmentRepository,
    private readonly cycles: ReviewCycleRepository,
    private readonly standards: StandardSetRepository,
    private readonly network: NetworkRepository,
    private readonly users: UserRepository,
    private readonly actions: ReviewActionRepository,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /** A cycle's self-assessments the caller may see: per self-assessment activity, per organisation in scope (started or not). */
  async list(cycleId: string, query: ListQuery): Promise<SelfAssessmentListDto> {
    const caller = peerReviewCaller();
    const cycle = await this.findCycle(cycleId);
    const scope = await this.cycles.scope(cycleId);
    if (query.organisationId) {
      const inScope = scope.some((s) => s.organisationId === query.organisationId);
      if (!inScope || (caller.organisationId && caller.organisationId !== query.organisationId)) {
        throw DomainException.field('organisationId', 'That organisation is not in this cycle’s scope', 'not_found');
      }
    }
    let activities = (await this.cycles.activities(cycleId)).filter((a) => a.kind === 'self_assessment');
    if (query.activityId) {
      activities = activities.filter((a) => a.id === query.activityId);
      if (!activities.length) throw DomainException.field('activityId', 'That is not a self-assessment activity of this cycle', 'not_found');
    }
    const wanted = caller.organisationId ?? query.organisationId ?? null;
    const organisations = await this.organisationsOf(scope.map((s) => s.organisationId).filter((id) => !wanted || id === wanted));
    const started = await this.assessments.assessments({ cycleId, organisationId: wanted });
    const answers = await this.assessments.answersOf(started.map((s) => s.id));
    const names = await this.names(started.map((s) => s.submittedBy));
    const frames = new Map<string, AssessmentFrame | null>();
    const items = [];
    for (const activity of activities) {
      for (const organisation of organisations) {
        const assessment = started.find((s) => s.activityId === activity.id && s.organisationId === organisation.id) ?? null;
        const versionId = assessment?.standardSetVersionId ?? activity.standardSetVersionId;
        items.push(
          toSelfAssessmentSummaryDto({
            cycle,
            activity,
            organisation,
            assessment,
            frame: versionId ? await this.frameOf(versionId, frames) : null,
            answers: assessment ? answers.filter((a) => a.selfAssessmentId === assessment.id) : [],
            names,
            today: caller.today,
          }),
        );
      }
    }
    return { asOf: caller.today, items, can: { manage: caller.canManage, submit: caller.canSubmit } };
  }

  /** Starts the organisation's self-assessment for the activity (or opens it, when started already), carrying forward the previous cycle's answers. */
  async start(activityId: string, input: StartInput): Promise<SelfAssessmentDto> {
    const caller = peerReviewCaller();
    const em = RequestScopes.em();
    const activity = await this.cycles.activity(activityId);
    if (!activity) throw DomainException.notFound('activity');
    const organisationId = caller.organisationId ?? input.organisationId;
    if (caller.organisationId && input.organisationId && input.organisationId !== caller.organisationId) {
      throw DomainException.field('organisationId', 'That organisation is not in this cycle’s scope', 'not_found');
    }
    if (!organisationId) throw DomainException.field('organisationId', 'Choose the organisation whose self-assessment to start');
    const scope = await this.cycles.scope(activity.cycleId);
    if (!scope.some((s) => s.organisationId === organisationId)) {
      throw DomainException.field('organisationId', 'That organisation is not in this cycle’s scope', 'not_found');
    }
    if (activity.kind !== 'self_assessment') throw new DomainException('conflict', `“${activity.title}” is not a self-assessment activity`);
    const existing = await this.assessments.byActivity(activity.id, organisationId);
    if (existing) return this.dto(existing);
    const cycle = await this.openCycle(activity.cycleId);
    if (!activity.standardSetVersionId) {
      throw new DomainException('conflict', `“${activity.title}” names no standard set version yet: the network chooses one first`);
    }
    const frame = await this.frameOf(activity.standardSetVersionId);
    if (!frame) throw new DomainException('conflict', `The standard set version of “${activity.title}” is no longer available`);
    const organisation = (await this.organisationsOf([organisationId]))[0];
    const assessment = Object.assign(new SelfAssessment(), {
      networkId: activity.networkId,
      cycleId: activity.cycleId,
      activityId: activity.id,
      organisationId,
      standardSetVersionId: frame.version.id,
    });
    em.persist(assessment);
    const previous = await this.assessments.previous({ organisationId, setId: frame.set.id, exceptCycleId: cycle.id, firstFy: cycle.firstFy });
    if (previous && organisation) {
      const before = await this.frameOf(previous.standardSetVersionId);
      const previousAnswers = new Map((await this.assessments.answers(previous.id)).map((a) => [a.criterionId, a]));
      const byNumber = new Map<string, SelfAssessmentAnswer>();
      for (const c of before?.sections.flatMap((s) => s.criteria) ?? []) {
        const answer = previousAnswers.get(c.id);
        if (c.number && answer) byNumber.set(sameNumber(c.number), answer);
      }
      for (const criterion of applicableSections(frame, organisation.type).flatMap((s) => s.criteria)) {
        const from = criterion.number ? byNumber.get(sameNumber(criterion.number)) : undefined;
        if (!from) continue;
        em.persist(
          Object.assign(new SelfAssessmentAnswer(), {
            networkId: assessment.networkId,
            selfAssessmentId: assessment.id,
            organisationId,
            criterionId: criterion.id,
            rating: carriedRating(frame.scale, from.rating),
            evidence: from.evidence,
            gaps: from.gaps,
            comments: from.comments,
            carriedForward: true,
            answeredBy: from.answeredBy,
            answeredAt: from.answeredAt,
          }),
        );
      }
      // Evidence files go with their answers: new rows for the same bytes, marked until the answer is confirmed.
      const carriedCriteria = new Map<string, string>();
      for (const criterion of applicableSections(frame, organisation.type).flatMap((x) => x.criteria)) {
        const from = criterion.number ? byNumber.get(sameNumber(criterion.number)) : undefined;
        if (from) carriedCriteria.set(from.criterionId, criterion.id);
      }
      for (const f of await this.assessments.files(previous.id)) {
        const to = carriedCriteria.get(f.criterionId);
        if (!to) continue;
        em.persist(
          Object.assign(new SelfAssessmentFile(), {
            networkId: assessment.networkId,
            selfAssessmentId: assessment.id,
            organisationId,
            criterionId: to,
            fileName: f.fileName,
            kind: f.kind,
            contentType: f.contentType,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
            storageKey: f.storageKey,
            carriedForward: true,
            uploadedBy: f.uploadedBy,
            uploadedAt: f.uploadedAt,
          }),
        );
      }
      assessment.carriedFromId = previous.id;
    }
    await em.flush();
    return this.dto(assessment);
  }

  async get(id: string): Promise<SelfAssessmentDto> {
    return this.dto(await this.find(id));
  }

  /** Saves answers to a draft; each one saved is the organisation's own (no longer marked carried forward). */
  async saveAnswers(id: string, input: SaveInput): Promise<SelfAssessmentDto> {
    const caller = peerReviewCaller();
    const em = RequestScopes.em();
    const assessment = await this.find(id, true);
    const { frame, organisation } = await this.editable(assessment);
    const criteria = new Map(applicableSections(frame, organisation.type).flatMap((s) => s.criteria.map((c) => [c.id, c] as const)));
    input.answers.forEach((a, index) => {
      if (!criteria.has(a.criterionId)) {
        throw DomainException.field(`answers.${index}.criterionId`, 'That criterion is not one of this self-assessment’s', 'not_found');
      }
      if (a.rating !== null && !isAnswerOf(frame.scale, a.rating)) {
        throw DomainException.field(
          `answers.${index}.rating`,
          `Choose a rating on the set’s scale: ${toScaleDto(frame.scale)
            .answers.map((x) => x.label)
            .join(', ')}`,
        );
      }
    });
    const existing = new Map((await this.assessments.answers(assessment.id)).map((a) => [a.criterionId, a]));
    const now = new Date();
    for (const a of input.answers) {
      let answer = existing.get(a.criterionId);
      if (!answer) {
        answer = Object.assign(new SelfAssessmentAnswer(), {
          networkId: assessment.networkId,
          selfAssessmentId: assessment.id,
          organisationId: assessment.organisationId,
          criterionId: a.criterionId,
        });
        em.persist(answer);
      }
      Object.assign(answer, {
        rating: a.rating as AssessmentAnswer | null,
        evidence: a.evidence,
        gaps: a.gaps,
        comments: a.comments,
        carriedForward: false,
        answeredBy: caller.userId,
        answeredAt: now,
      });
    }
    const saved = new Set(input.answers.map((a) => a.criterionId));
    for (const f of await this.assessments.files(assessment.id)) if (f.carriedForward && saved.has(f.criterionId)) f.carriedForward = false;
    assessment.updatedAt = now;
    await em.flush();
    return this.dto(assessment);
  }

  /** An evidence file for one criterion of a draft: sniffed like a submission's, stored, listed with the answer. */
  async upload(id: string, criterionId: string, file: UploadedDocument | undefined): Promise<SelfAssessmentDto> {
    const caller = peerReviewCaller();
    const em = RequestScopes.em();
    const assessment = await this.find(id, true);
    const { frame, organisation } = await this.editable(assessment);
    if (!applicableSections(frame, organisation.type).some((x) => x.criteria.some((c) => c.id === criterionId))) {
      throw DomainException.notFound('criterion');
    }
    if (!file?.buffer) throw DomainException.field('file', 'Choose a PDF, Word or Excel file to upload, in the field named file');
    const check = checkSubmissionFile(file.buffer, file.mimetype, file.originalname);
    if (!check.ok) throw DomainException.field('file', check.message);
    const existing = (await this.assessments.files(assessment.id)).filter((f) => f.criterionId === criterionId);
    if (existing.length >= SELF_ASSESSMENT_MAX_FILES) {
      throw DomainException.field('file', `A criterion holds ${SELF_ASSESSMENT_MAX_FILES} evidence files at most: remove one first`, 'conflict');
    }
    const stored = Object.assign(new SelfAssessmentFile(), {
      networkId: assessment.networkId,
      selfAssessmentId: assessment.id,
      organisationId: assessment.organisationId,
      criterionId,
      fileName: cleanFileName(file.originalname, check.kind),
      kind: check.kind,
      contentType: SUBMISSION_CONTENT_TYPES[check.kind],
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      uploadedBy: caller.userId,
      uploadedAt: new Date(),
    });
    stored.storageKey = selfAssessmentFileKey(assessment.networkId, stored.id);
    // The bytes first, under a key no one else uses: if the transaction then fails, nothing refers to them.
    await this.storage.put(stored.storageKey, file.buffer, stored.contentType);
    em.persist(stored);
    assessment.updatedAt = new Date();
    await em.flush();
    return this.dto(assessment);
  }

  /** An evidence file's bytes, as uploaded. */
  async download(id: string, fileId: string): Promise<{ file: SelfAssessmentFile; bytes: Buffer }> {
    const assessment = await this.find(id);
    const file = await this.assessments.file(assessment.id, fileId);
    if (!file) throw DomainException.notFound('file');
    return { file, bytes: await this.storage.get(file.storageKey) };
  }

  /** Takes an evidence file off a draft's answer (its bytes stay: a later cycle's carried copy may share them). */
  async removeFile(id: string, fileId: string): Promise<SelfAssessmentDto> {
    const assessment = await this.find(id, true);
    const file = await this.assessments.file(assessment.id, fileId);
    if (!file) throw DomainException.notFound('file');
    await this.editable(assessment);
    const em = RequestScopes.em();
    em.remove(file);
    assessment.updatedAt = new Date();
    await em.flush();
    return this.dto(assessment);
  }

  /** Submits the draft: every applicable criterion rated, every carried-forward answer confirmed. */
  async submit(id: string): Promise<SelfAssessmentDto> {
    const caller = peerReviewCaller();
    const assessment = await this.find(id, true);
    const { frame, organisation } = await this.editable(assessment);
    const answers = new Map((await this.assessments.answers(assessment.id)).map((a) => [a.criterionId, a]));
    const criteria = applicableSections(frame, organisation.type).flatMap((s) => s.criteria);
    const { unrated, unconfirmed } = submissionBlockers(
      criteria.map((c, i) => ({
        criterionNumber: c.number || `#${i + 1}`,
        rating: (answers.get(c.id)?.rating ?? null) as AssessmentAnswer | null,
        carriedForward: answers.get(c.id)?.carriedForward ?? false,
      })),
    );
    const list = (numbers: string[]) => `${numbers.slice(0, 8).join(', ')}${numbers.length > 8 ? ` and ${numbers.length - 8} more` : ''}`;
    if (unrated.length) {
      throw DomainException.field(
        'answers',
        `Rate every criterion before submitting: ${unrated.length} not rated yet (${list(unrated)})`,
        'conflict',
      );
    }
    if (unconfirmed.length) {
      throw DomainException.field(
        'answers',
        `Confirm or change the ${unconfirmed.length} answer${unconfirmed.length === 1 ? '' : 's'} carried forward from the previous cycle (${list(unconfirmed)})`,
        'conflict',
      );
    }
    Object.assign(assessment, { state: 'submitted', submittedAt: new Date(), submittedBy: caller.userId });
    await RequestScopes.em().flush();
    return this.dto(assessment);
  }

  /** Back to draft for the organisation to change (managers). */
  async reopen(id: string): Promise<SelfAssessmentDto> {
    const caller = peerReviewCaller();
    const assessment = await this.find(id, true);
    await this.openCycle(assessment.cycleId);
    if (assessment.state !== 'submitted') throw new DomainException('conflict', 'This self-assessment is not submitted: there is nothing to reopen');
    Object.assign(assessment, { state: 'draft', submittedAt: null, submittedBy: null, reopenedAt: new Date(), reopenedBy: caller.userId });
    await RequestScopes.em().flush();
    return this.dto(assessment);
  }

  /** Compliance of a self-assessment activity: per organisation in scope, per section, and every answer together. */
  async compliance(activityId: string): Promise<ComplianceSummaryDto> {
    const caller = peerReviewCaller();
    const activity = await this.cycles.activity(activityId);
    if (!activity) throw DomainException.notFound('activity');
    if (activity.kind !== 'self_assessment') throw new DomainException('conflict', `“${activity.title}” is not a self-assessment activity`);
    const cycle = await this.findCycle(activity.cycleId);
    const scope = await this.cycles.scope(cycle.id);
    const organisations = await this.organisationsOf(scope.map((s) => s.organisationId));
    const started = await this.assessments.assessments({ activityId });
    const answers = await this.assessments.answersOf(started.map((s) => s.id));
    const frames = new Map<string, AssessmentFrame | null>();
    const frame = activity.standardSetVersionId ? await this.frameOf(activity.standardSetVersionId, frames) : null;
    const everyRating: Array<AssessmentAnswer | null> = [];
    const rows = [];
    for (const organisation of organisations) {
      const assessment = started.find((s) => s.organisationId === organisation.id) ?? null;
      const own = (assessment ? await this.frameOf(assessment.standardSetVersionId, frames) : null) ?? frame;
      const mine = new Map(answers.filter((a) => assessment && a.selfAssessmentId === assessment.id).map((a) => [a.criterionId, a]));
      const sections = own ? applicableSections(own, organisation.type) : [];
      const criteria = sections.flatMap((s) => s.criteria);
      everyRating.push(...criteria.map((c) => (mine.get(c.id)?.rating ?? null) as AssessmentAnswer | null));
      rows.push({
        organisation: { id: organisation.id, name: organisation.name, type: organisation.type },
        selfAssessmentId: assessment?.id ?? null,
        state: assessment?.state ?? ('not_started' as const),
        overall: toComplianceDto(complianceOf(own?.scale ?? 'met', criteria, mine)),
        sections: sections.map((s) => ({
          sectionId: s.section.id,
          compliance: toComplianceDto(complianceOf(own?.scale ?? 'met', s.criteria, mine)),
        })),
      });
    }
    return {
      asOf: caller.today,
      cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
      activity: { id: activity.id, title: activity.title, fy: activity.fy, quarter: activity.quarter, dueDate: activity.dueDate },
      standardSetVersion: versionRefOf(frame),
      scale: frame ? toScaleDto(frame.scale) : null,
      sections: frame ? frame.sections.map((s) => ({ id: s.section.id, number: s.section.number, title: s.section.title })) : [],
      organisations: rows,
      overall: toComplianceDto(complianceSummary(frame?.scale ?? 'met', everyRating)),
    };
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /** The self-assessment, if the caller may see it: a contributor, only their own organisation's (else 404, as if absent). */
  private async find(id: string, forChange = false): Promise<SelfAssessment> {
    const { organisationId } = peerReviewCaller();
    const found = await (forChange ? this.assessments.assessmentForChange(id, organisationId) : this.assessments.assessment(id, organisationId));
    if (!found) throw DomainException.notFound('self-assessment');
    return found;
  }

  private async findCycle(id: string): Promise<ReviewCycle> {
    const cycle = await this.cycles.cycle(id);
    if (!cycle) throw DomainException.notFound('peer review cycle');
    return cycle;
  }

  /** The cycle, if it is active (self-assessments are written while it runs). */
  private async openCycle(id: string): Promise<ReviewCycle> {
    const cycle = await this.findCycle(id);
    if (cycle.status !== 'active') {
      throw new DomainException('conflict', `The cycle “${cycle.name}” is ${cycle.status}: self-assessments are written while it is active`);
    }
    return cycle;
  }

  /** A draft of an active cycle, with its frame and organisation. */
  private async editable(assessment: SelfAssessment): Promise<{ frame: AssessmentFrame; organisation: MemberOrganisation }> {
    await this.openCycle(assessment.cycleId);
    if (assessment.state === 'submitted') {
      throw new DomainException('conflict', 'This self-assessment has been submitted: ask the network’s managers to reopen it to change it');
    }
    const frame = await this.frameOf(assessment.standardSetVersionId);
    const organisation = (await this.organisationsOf([assessment.organisationId]))[0];
    if (!frame || !organisation) throw DomainException.notFound('self-assessment');
    return { frame, organisation };
  }

  private async organisationsOf(ids: string[]): Promise<MemberOrganisation[]> {
    const wanted = new Set(ids);
    return (await this.network.organisations()).filter((o) => wanted.has(o.id)).sort((a, b) => a.name.localeCompare(b.name));
  }

  private async names(ids: Array<string | null>): Promise<Map<string, string>> {
    const people = await this.users.byIds(ids.filter((x): x is string => !!x));
    return new Map(people.map((u) => [u.id, u.displayName]));
  }

  /** The version with its set's scale, sections and criteria in order (null when not visible here). */
  private frameOf(versionId: string, cache?: Map<string, AssessmentFrame | null>): Promise<AssessmentFrame | null> {
    return this.standards.frame(versionId, cache);
  }

  private async dto(assessment: SelfAssessment): Promise<SelfAssessmentDto> {
    const caller = peerReviewCaller();
    const cycle = await this.findCycle(assessment.cycleId);
    const activity = (await this.cycles.activity(assessment.activityId)) as ReviewActivity;
    const organisation = (await this.organisationsOf([assessment.organisationId]))[0];
    const frame = await this.frameOf(assessment.standardSetVersionId);
    if (!frame || !organisation || !activity) throw DomainException.notFound('self-assessment');
    const [answers, files, actions] = await Promise.all([
      this.assessments.answers(assessment.id),
      this.assessments.files(assessment.id),
      this.actions.actions(assessment.cycleId, assessment.organisationId),
    ]);
    // Oldest first: the first is the one "gap → action" answers.
    actions.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const names = await this.names([assessment.submittedBy, ...answers.map((a) => a.answeredBy), ...files.map((f) => f.uploadedBy)]);
    const base = `/api/networks/${caller.slug}/peer-review/self-assessments/${assessment.id}/files`;
    const byCriterion = new Map(answers.map((a) => [a.criterionId, a]));
    const carriedFrom = assessment.carriedFromId ? await this.assessments.assessment(assessment.carriedFromId) : null;
    const carriedCycle = carriedFrom ? await this.cycles.cycle(carriedFrom.cycleId) : null;
    const summary = toSelfAssessmentSummaryDto({ cycle, activity, organisation, assessment, frame, answers, names, today: caller.today });
    const draft = assessment.state === 'draft' && cycle.status === 'active';
    return {
      ...summary,
      id: assessment.id,
      scale: toScaleDto(frame.scale),
      carriedFrom: carriedFrom && carriedCycle ? { id: carriedFrom.id, cycleName: carriedCycle.name } : null,
      sections: applicableSections(frame, organisation.type)
        .filter((s) => s.criteria.length)
        .map((s) => ({
          id: s.section.id,
          number: s.section.number,
          title: s.section.title,
          compliance: toComplianceDto(complianceOf(frame.scale, s.criteria, byCriterion)),
          criteria: s.criteria.map((c) => {
            const answer = byCriterion.get(c.id);
            return {
              id: c.id,
              number: c.number,
              text: c.text,
              evidenceExpected: c.evidenceExpected,
              answer: answer ? toAnswerDto(answer, names) : null,
              files: files
                .filter((f) => f.criterionId === c.id)
                .map((f) => ({
                  id: f.id,
                  fileName: f.fileName,
                  kind: f.kind,
                  sizeBytes: f.sizeBytes,
                  uploadedAt: f.uploadedAt.toISOString(),
                  uploadedBy: personRefOf(f.uploadedBy, names),
                  carriedForward: f.carriedForward,
                  downloadUrl: `${base}/${f.id}/download`,
                })),
              actions: actions
                .filter((x) => x.criterionId === c.id)
                .map((x) => ({
                  id: x.id,
                  description: x.description,
                  status: x.status,
                  statusLabel: WORK_ITEM_STATUS_LABELS[x.status],
                  dueDate: x.dueDate,
                  overdue: actionRag(x.status, x.dueDate, caller.today).slipped,
                })),
            };
          }),
        })),
      reopenedAt: assessment.reopenedAt?.toISOString() ?? null,
      can: {
        edit: draft && caller.canSubmit,
        submit: draft && caller.canSubmit,
        reopen: assessment.state === 'submitted' && cycle.status === 'active' && caller.canManage,
        addAction: caller.canManage,
      },
    };
  }
}
