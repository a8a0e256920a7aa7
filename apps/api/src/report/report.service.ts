import { Inject, Injectable } from '@nestjs/common';
import { holdsPeerReviewResults, REPORT_KIND_LABELS, type DocumentRequest, type ReportDocumentDto } from '@plexus/contracts';
import { can, chooseMeetings, formatIsoDateLong, isoDateInZone, todayIso } from '@plexus/domain';
import {
  AuditEvent,
  BoardMeetingRepository,
  DOCUMENT_STORAGE,
  JobQueue,
  ReportDocument,
  ReportRepository,
  ReportSchedule,
  RequestScopes,
  ReviewCycleRepository,
  RiskRepository,
  UserRepository,
  WorkPlanRepository,
  type DocumentStorage,
  type StoredObjectStream,
} from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';
import { toReportDto } from './report.mapper';

/** A report request (the report form, a schedule) or a board pack (its meeting's page). */
type ReportRequest = DocumentRequest;

/**
 * Records a report request and enqueues its rendering after commit. If the process dies in between, the
 * worker's sweep enqueues queued documents again; the job id (the document id) keeps that to one run.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly reports: ReportRepository,
    private readonly risks: RiskRepository,
    private readonly users: UserRepository,
    private readonly plans: WorkPlanRepository,
    private readonly board: BoardMeetingRepository,
    private readonly cycles: ReviewCycleRepository,
  ) {}

  private async dtos(docs: ReportDocument[]): Promise<ReportDocumentDto[]> {
    const users = await this.users.byIds(docs.flatMap((d) => [d.requestedBy, d.withdrawnBy]).filter((x): x is string => !!x));
    const tenant = RequestScopes.tenant();
    return docs.map((d) =>
      toReportDto(
        d,
        { requester: users.find((u) => u.id === d.requestedBy), withdrawer: users.find((u) => u.id === d.withdrawnBy) },
        tenant.networkSlug,
        can(tenant.role, 'reports.generate'),
      ),
    );
  }

  private async load(id: string): Promise<ReportDocument> {
    const d = await this.reports.find(id);
    if (!d) throw DomainException.notFound('document');
    return d;
  }

  private enqueue(doc: ReportDocument): void {
    const networkId = doc.networkId;
    RequestScopes.afterCommit(async () => {
      await this.jobs.enqueue('report.render', { networkId, documentId: doc.id });
    });
  }

  /**
   * Every record the request refers to must be in the caller's network (the ORM filter and RLS scope these
   * look-ups to it) before anything is recorded or queued: another network's plan, or a risk reference that
   * does not exist, answers 404 naming the field, and leaves no failed document behind.
   */
  async checkReferences(input: ReportRequest, pathPrefix = ''): Promise<void> {
    if (input.kind === 'board_pack') await this.checkPack(input.options.meetingId);
    const peerReview =
      input.kind === 'peer_review_report' || input.kind === 'peer_review_summary'
        ? { path: `${pathPrefix}options`, options: input.options }
        : input.kind === 'board_paper' && (input.body?.kind === 'peer_review_report' || input.body?.kind === 'peer_review_summary')
          ? { path: `${pathPrefix}body.options`, options: input.body.options }
          : null;
    if (peerReview) await this.checkPeerReview(peerReview.path, peerReview.options);
    const progress =
      input.kind === 'progress'
        ? { path: 'options.planId', options: input.options }
        : input.kind === 'board_paper' && input.body?.kind === 'progress'
          ? { path: 'body.options.planId', options: input.body.options }
          : null;
    if (progress?.options.planId) {
      if (!(await this.plans.plan(progress.options.planId))) {
        throw DomainException.field(pathPrefix + progress.path, 'That work plan is not in this network', 'not_found');
      }
    } else if (progress && !(await this.plans.currentPlan())) {
      throw DomainException.field(pathPrefix + progress.path, 'This network has no work plan yet: create or import one first', 'conflict');
    }
    if (progress && (progress.options.sinceMeetingId || progress.options.toMeetingId)) {
      // "Since the last board": chosen meetings must be this network's, held in the right order (the worker chooses the
      // same way; with none chosen it takes the last two held and says so when there are not two).
      const choice = chooseMeetings(await this.board.meetings(), todayIso(), progress.options);
      if (choice.kind === 'refused') {
        const path = pathPrefix + progress.path.replace(/planId$/, choice.field);
        throw DomainException.field(path, choice.message, choice.reason === 'not_found' ? 'not_found' : 'validation_failed');
      }
    }
    if (
      input.kind === 'distribution_record' &&
      input.options.scheduleId &&
      !(await RequestScopes.em().findOne(ReportSchedule, { id: input.options.scheduleId }))
    ) {
      throw DomainException.field(`${pathPrefix}options.scheduleId`, 'That schedule is not in this network', 'not_found');
    }
    if (input.kind === 'board_paper' && input.cover.riskReferences.length) {
      const found = new Set((await this.risks.referencesIn(input.cover.riskReferences)).map((r) => r.reference));
      const index = input.cover.riskReferences.findIndex((ref) => !found.has(ref));
      if (index >= 0)
        throw DomainException.field(
          `${pathPrefix}cover.riskReferences.${index}`,
          `${input.cover.riskReferences[index]} is not in this network's risk register`,
          'not_found',
        );
    }
  }

  /**
   * A peer review report or programme summary names a cycle of this network (404 naming `…options.cycleId`) and, for
   * one organisation's report, an organisation in that cycle's scope (404 naming `…options.organisationId`).
   */
  private async checkPeerReview(path: string, options: { cycleId: string; organisationId?: string }): Promise<void> {
    const cycle = await this.cycles.cycle(options.cycleId);
    if (!cycle) throw DomainException.field(`${path}.cycleId`, 'That peer review cycle is not in this network', 'not_found');
    if (options.organisationId && !(await this.cycles.scope(cycle.id)).some((s) => s.organisationId === options.organisationId)) {
      throw DomainException.field(`${path}.organisationId`, `That organisation is not in the scope of ${cycle.name}`, 'not_found');
    }
  }

  /**
   * A board pack is made from one meeting's papers (asked for from that meeting's page, which has found the meeting):
   * its agenda must link at least one paper, each ready and none of them a pack itself (409 naming the agenda item's
   * paper).
   */
  private async checkPack(meetingId: string): Promise<void> {
    if (!(await this.board.meeting(meetingId))) throw DomainException.notFound('board meeting');
    const agenda = await this.board.agenda(meetingId);
    const docs = new Map((await this.reports.byIds(agenda.map((i) => i.documentId).filter((d): d is string => !!d))).map((d) => [d.id, d]));
    if (!agenda.some((i) => i.documentId && docs.has(i.documentId))) {
      throw new DomainException('conflict', 'This meeting’s agenda has no papers yet: link a paper to an agenda item first');
    }
    agenda.forEach((item, index) => {
      const doc = item.documentId ? docs.get(item.documentId) : undefined;
      if (!doc) return;
      const field = `agenda.${index}.documentId`;
      if (doc.withdrawnAt)
        throw DomainException.field(field, `The paper of item ${item.position} (“${item.title}”) was withdrawn: link another paper`, 'conflict');
      if (doc.kind === 'board_pack')
        throw DomainException.field(field, `Item ${item.position} (“${item.title}”) links a board pack: a pack cannot hold another pack`, 'conflict');
      if (doc.status !== 'ready') {
        throw DomainException.field(
          field,
          `The paper of item ${item.position} (“${item.title}”) is ${doc.status}, not ready yet: wait for it, or retry it`,
          'conflict',
        );
      }
    });
  }

  /**
   * Whether the document holds member organisations' peer review results, so that contributors do not see it: a peer
   * review report or summary, a board paper carrying one, or a pack holding such a paper.
   */
  private async hiddenFromContributors(input: ReportRequest): Promise<boolean> {
    if (input.kind !== 'board_pack') return holdsPeerReviewResults(input);
    const agenda = await this.board.agenda(input.options.meetingId);
    const papers = await this.reports.byIds(agenda.map((i) => i.documentId).filter((d): d is string => !!d));
    return papers.some((d) => d.hiddenFromContributors);
  }

  async request(input: ReportRequest): Promise<ReportDocumentDto> {
    const em = RequestScopes.em();
    await this.checkReferences(input);
    const kindLabel = REPORT_KIND_LABELS[input.kind];
    const doc = Object.assign(new ReportDocument(), {
      networkId: RequestScopes.networkId(),
      kind: input.kind,
      title: input.title || kindLabel,
      options: input as unknown as Record<string, unknown>,
      hiddenFromContributors: await this.hiddenFromContributors(input),
      requestedBy: RequestScopes.current()?.userId ?? null,
    });
    em.persist(doc);
    await em.flush();
    this.enqueue(doc);
    return (await this.dtos([doc]))[0];
  }

  /** The library, newest first; withdrawn documents only when asked for. */
  async list(options: { includeWithdrawn: boolean } = { includeWithdrawn: false }): Promise<ReportDocumentDto[]> {
    return this.dtos(await this.reports.library(200, options));
  }

  /**
   * Withdraws a ready document: it is kept exactly as it was (snapshot, file and checksum unchanged — the database
   * refuses otherwise), marked withdrawn with who, when and why, left out of the library by default, and its emailed
   * links answer 410 from now on. Recorded in the audit trail. Once only: a second withdrawal answers 409.
   */
  async withdraw(id: string, reason: string): Promise<ReportDocumentDto> {
    const doc = await this.load(id);
    if (doc.withdrawnAt)
      throw new DomainException('conflict', `This document was already withdrawn on ${formatIsoDateLong(isoDateInZone(doc.withdrawnAt))}`);
    if (doc.status !== 'ready') throw new DomainException('conflict', `Only a ready document can be withdrawn; this one is ${doc.status}`);
    const em = RequestScopes.em();
    const scope = RequestScopes.current();
    const at = new Date();
    Object.assign(doc, { withdrawnAt: at, withdrawnBy: scope?.userId ?? null, withdrawnReason: reason });
    em.persist(
      Object.assign(new AuditEvent(), {
        networkId: doc.networkId,
        actorUserId: scope?.userId ?? null,
        requestId: scope?.requestId ?? null,
        action: 'update',
        entityType: 'report_document',
        entityId: doc.id,
        changes: {
          withdrawnAt: { from: null, to: at.toISOString() },
          withdrawnReason: { from: null, to: reason },
        },
      }),
    );
    await em.flush();
    return (await this.dtos([doc]))[0];
  }

  async get(id: string): Promise<ReportDocumentDto> {
    return (await this.dtos([await this.load(id)]))[0];
  }

  async retry(id: string): Promise<ReportDocumentDto> {
    const doc = await this.load(id);
    if (doc.status !== 'failed') throw new DomainException('conflict', `Only a failed document can be retried; this one is ${doc.status}`);
    Object.assign(doc, { status: 'queued', progress: 0, failureReason: null, requestedAt: new Date() });
    await RequestScopes.em().flush();
    const networkId = doc.networkId;
    RequestScopes.afterCommit(async () => {
      // A failed job keeps its id in BullMQ: enqueueAgain removes it so that the same id can run again.
      await this.jobs.enqueueAgain('report.render', { networkId, documentId: doc.id });
    });
    return (await this.dtos([doc]))[0];
  }

  /** The ready document's PDF, streamed from storage (404 when its file is missing there). */
  async download(id: string): Promise<{ doc: ReportDocument; file: StoredObjectStream }> {
    const doc = await this.load(id);
    if (doc.status !== 'ready' || !doc.storageKey) throw new DomainException('conflict', `This document is ${doc.status}, not ready to download yet`);
    return { doc, file: await this.storage.stream(doc.storageKey) };
  }
}
