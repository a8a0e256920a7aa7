import { Inject, Injectable } from '@nestjs/common';
import {
  type MySubmissionsDto,
  type requestMoreInformationSchema,
  type SubmissionDto,
  type SubmissionListDto,
  type submissionListQuerySchema,
} from '@plexus/contracts';
import { canUploadInState, informationRequestStep, isSubmissionOpen, SUBMISSION_STATE_LABELS } from '@plexus/domain';
import {
  APP_CONFIG,
  checkSubmissionFile,
  cleanFileName,
  composeInformationRequestEmail,
  DOCUMENT_STORAGE,
  NetworkRepository,
  RequestScopes,
  ReviewCycleRepository,
  SUBMISSION_CONTENT_TYPES,
  submissionFileKey,
  SubmissionFile,
  SubmissionRepository,
  UserRepository,
  type AppConfig,
  type DocumentStorage,
  type ReviewActivity,
  type ReviewCycle,
  type Submission,
} from '@plexus/server';
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { UploadedDocument } from '../../core/upload/document-upload';
import { DomainException } from '../../core/http/domain.exception';
import { EmailOutboxService } from '../../email/email-outbox.service';
import { peerReviewCaller, type PeerReviewCaller } from '../peer-review-scope';
import { toSubmissionDto, toSubmissionSummaryDto, type SubmissionContext } from './submissions.mapper';

type ListQuery = z.output<typeof submissionListQuerySchema>;
type MoreInformation = z.output<typeof requestMoreInformationSchema>;

/**
 * Submissions: the rules. A contributor sees and changes only their own organisation's — another organisation's
 * submission, or its file, is 404 on every route, exactly as a record of another network is (RLS narrows their
 * transaction to the same organisation underneath). Uploads are sniffed from their bytes (PDF, Word, Excel; a name or
 * declared type that says otherwise is 400 naming `file`), stored through the document storage, and each is a new
 * version that makes the submission submitted; managers accept it or ask for more information with a reason (the
 * organisation then submits again). Changes to one submission take turns (its row is locked).
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly cycles: ReviewCycleRepository,
    private readonly network: NetworkRepository,
    private readonly users: UserRepository,
    private readonly outbox: EmailOutboxService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A cycle's submissions the caller may see, by organisation, activity or state. */
  async list(cycleId: string, query: ListQuery): Promise<SubmissionListDto> {
    const caller = peerReviewCaller();
    const cycle = await this.cycles.cycle(cycleId);
    if (!cycle) throw DomainException.notFound('peer review cycle');
    if (query.organisationId) {
      const inScope = (await this.cycles.scope(cycleId)).some((s) => s.organisationId === query.organisationId);
      // A contributor asking for another organisation's is answered as if it were not there.
      if (!inScope || (caller.organisationId && caller.organisationId !== query.organisationId)) {
        throw DomainException.field('organisationId', 'That organisation is not in this cycle’s scope', 'not_found');
      }
    }
    if (query.activityId) {
      const activity = await this.cycles.activity(query.activityId);
      if (!activity || activity.cycleId !== cycleId)
        throw DomainException.field('activityId', 'That activity is not in this cycle’s plan', 'not_found');
    }
    const items = await this.submissions.submissions({
      cycleId,
      activityId: query.activityId,
      organisationId: caller.organisationId ?? query.organisationId,
      states: query.state ? [query.state] : undefined,
    });
    const ctx = await this.context(caller, items, [cycle]);
    return { asOf: caller.today, items: items.map((s) => toSubmissionSummaryDto(s, ctx)) };
  }

  /** What the caller's organisation owes in active cycles, soonest due first, then what it has sent (contributors; empty for others). */
  async mine(): Promise<MySubmissionsDto> {
    const caller = peerReviewCaller();
    if (!caller.organisationId) return { asOf: caller.today, organisation: null, items: [] };
    const organisation = await this.network.organisation(caller.organisationId);
    const items = await this.submissions.submissions({ organisationId: caller.organisationId, cycleStatus: 'active' });
    const ordered = [...items.filter((s) => isSubmissionOpen(s.state)), ...items.filter((s) => !isSubmissionOpen(s.state))];
    const ctx = await this.context(caller, ordered);
    return {
      asOf: caller.today,
      organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
      items: ordered.map((s) => toSubmissionSummaryDto(s, ctx)),
    };
  }

  async get(id: string): Promise<SubmissionDto> {
    return this.dto(await this.find(id));
  }

  /** A new version of the document: checked, stored, and the submission is submitted (again). */
  async upload(id: string, file: UploadedDocument | undefined): Promise<SubmissionDto> {
    const caller = peerReviewCaller();
    const em = RequestScopes.em();
    const submission = await this.find(id, true);
    const cycle = await this.cycleOf(submission);
    if (cycle.status !== 'active') {
      throw new DomainException('conflict', `The cycle “${cycle.name}” is ${cycle.status}: documents are taken while it is active`);
    }
    if (!canUploadInState(submission.state)) {
      throw new DomainException(
        'conflict',
        `This document has been ${SUBMISSION_STATE_LABELS[submission.state].toLowerCase()}: there is nothing more to send`,
      );
    }
    if (!file?.buffer) throw DomainException.field('file', 'Choose a PDF, Word or Excel file to upload, in the field named file');
    const check = checkSubmissionFile(file.buffer, file.mimetype, file.originalname);
    if (!check.ok) throw DomainException.field('file', check.message);
    const stored = Object.assign(new SubmissionFile(), {
      networkId: submission.networkId,
      submissionId: submission.id,
      organisationId: submission.organisationId,
      version: await this.submissions.nextVersion(submission.id),
      fileName: cleanFileName(file.originalname, check.kind),
      kind: check.kind,
      contentType: SUBMISSION_CONTENT_TYPES[check.kind],
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      uploadedBy: caller.userId,
      uploadedAt: new Date(),
    });
    stored.storageKey = submissionFileKey(submission.networkId, stored.id);
    // The bytes first, under a key no one else uses: if the transaction then fails, nothing refers to them.
    await this.storage.put(stored.storageKey, file.buffer, stored.contentType);
    em.persist(stored);
    Object.assign(submission, { state: 'submitted', submittedAt: stored.uploadedAt, submittedBy: caller.userId });
    await em.flush();
    return this.dto(submission);
  }

  /** A version's bytes, as uploaded. */
  async download(id: string, fileId: string): Promise<{ file: SubmissionFile; bytes: Buffer }> {
    const submission = await this.find(id);
    const file = await this.submissions.file(submission.id, fileId);
    if (!file) throw DomainException.notFound('file');
    return { file, bytes: await this.storage.get(file.storageKey) };
  }

  async accept(id: string): Promise<SubmissionDto> {
    const caller = peerReviewCaller();
    const submission = await this.reviewable(id);
    Object.assign(submission, { state: 'accepted', reviewedAt: new Date(), reviewedBy: caller.userId, reason: '' });
    await RequestScopes.em().flush();
    return this.dto(submission);
  }

  /**
   * Back to the organisation with a reason (and, if given, a new due date: its reminders start again from it). Its
   * contributors are emailed the reason through the outbox, in the same transaction.
   */
  async requestInformation(id: string, input: MoreInformation): Promise<SubmissionDto> {
    const caller = peerReviewCaller();
    const submission = await this.reviewable(id);
    if (input.dueDate && input.dueDate < caller.today) throw DomainException.field('dueDate', 'The new due date cannot be in the past');
    const dueDateChanged = !!input.dueDate && input.dueDate !== submission.dueDate;
    Object.assign(submission, {
      state: 'more_information_requested',
      reason: input.reason,
      reviewedAt: new Date(),
      reviewedBy: caller.userId,
      dueDate: input.dueDate ?? submission.dueDate,
    });
    await this.tellContributors(submission, dueDateChanged);
    await RequestScopes.em().flush();
    return this.dto(submission);
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /** The submission, if the caller may see it: a contributor, only their own organisation's (else 404, as if absent). */
  private async find(id: string, forChange = false): Promise<Submission> {
    const { organisationId } = peerReviewCaller();
    const submission = await (forChange ? this.submissions.submissionForChange(id, organisationId) : this.submissions.submission(id, organisationId));
    if (!submission) throw DomainException.notFound('submission');
    return submission;
  }

  /**
   * Emails the organisation's contributors that the network asked for more information (the reason as written, when
   * the resubmission is due, the link to upload it), through the outbox. Recorded beside the chasers as the step
   * `information-v<N>` for the version asked about, so that one request is told once whatever repeats it; with no
   * contributor yet there is nobody to tell, and nothing is recorded.
   */
  private async tellContributors(submission: Submission, dueDateChanged: boolean): Promise<void> {
    const people = (await this.submissions.contributors([submission.organisationId])).get(submission.organisationId) ?? [];
    if (!people.length) return;
    const [network, organisation, cycle, activity, files] = await Promise.all([
      this.network.network(),
      this.network.organisation(submission.organisationId),
      this.cycleOf(submission),
      this.cycles.activity(submission.activityId),
      this.submissions.latestFiles([submission.id]),
    ]);
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/n/${network.slug}/peer-review/cycles/${cycle.id}/submissions/${submission.id}`;
    const emails = people.map((person) => {
      const composed = composeInformationRequestEmail({
        networkName: network.name,
        organisationName: organisation?.name ?? '',
        recipientName: person.name,
        cycleName: cycle.name,
        activityTitle: activity?.title ?? '',
        documentName: submission.documentName,
        reason: submission.reason,
        dueDate: submission.dueDate,
        dueDateChanged,
        url,
      });
      return this.outbox.compose({ kind: 'submission_information_request', to: person.email, ...composed });
    });
    const recorded = await this.submissions.recordChaser({
      id: randomUUID(),
      submissionId: submission.id,
      organisationId: submission.organisationId,
      step: informationRequestStep(files.get(submission.id)?.latest.version ?? 1),
      dueDate: submission.dueDate,
      sentAt: new Date(),
      emailIds: emails.map((e) => e.id),
    });
    if (recorded) this.outbox.send(emails);
  }

  /** A submitted document of an active cycle, locked for the network's decision. */
  private async reviewable(id: string): Promise<Submission> {
    const submission = await this.find(id, true);
    const cycle = await this.cycleOf(submission);
    if (cycle.status !== 'active')
      throw new DomainException('conflict', `The cycle “${cycle.name}” is ${cycle.status}: reopen it to review documents`);
    if (submission.state !== 'submitted') {
      throw new DomainException(
        'conflict',
        submission.state === 'accepted'
          ? 'This document has already been accepted'
          : 'Nothing has been submitted since it was last reviewed: wait for the organisation to upload it',
      );
    }
    return submission;
  }

  private async cycleOf(submission: Submission): Promise<ReviewCycle> {
    const cycle = await this.cycles.cycle(submission.cycleId);
    if (!cycle) throw DomainException.notFound('peer review cycle');
    return cycle;
  }

  private async context(caller: PeerReviewCaller, items: Submission[], knownCycles: ReviewCycle[] = []): Promise<SubmissionContext> {
    const cycles = new Map(knownCycles.map((c) => [c.id, c]));
    for (const cycleId of new Set(items.map((s) => s.cycleId))) {
      if (!cycles.has(cycleId)) {
        const cycle = await this.cycles.cycle(cycleId);
        if (cycle) cycles.set(cycleId, cycle);
      }
    }
    const activities = new Map<string, ReviewActivity>();
    for (const cycleId of cycles.keys()) for (const a of await this.cycles.activities(cycleId)) activities.set(a.id, a);
    const files = await this.submissions.latestFiles(items.map((s) => s.id));
    const organisations = new Map((await this.network.organisations()).map((o) => [o.id, { id: o.id, name: o.name }]));
    const people = await this.users.byIds(
      [...items.flatMap((s) => [s.submittedBy, s.reviewedBy]), ...[...files.values()].map((f) => f.latest.uploadedBy)].filter(
        (x): x is string => !!x,
      ),
    );
    return { caller, cycles, activities, organisations, names: new Map(people.map((u) => [u.id, u.displayName])), files };
  }

  private async dto(submission: Submission): Promise<SubmissionDto> {
    const caller = peerReviewCaller();
    const [files, chasers] = await Promise.all([this.submissions.files(submission.id), this.submissions.chasers(submission.id)]);
    const ctx = await this.context(caller, [submission]);
    const uploaders = await this.users.byIds(files.map((f) => f.uploadedBy).filter((x): x is string => !!x));
    for (const u of uploaders) ctx.names.set(u.id, u.displayName);
    return toSubmissionDto(submission, ctx, files, chasers);
  }
}
