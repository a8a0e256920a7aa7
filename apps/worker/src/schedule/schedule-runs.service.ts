import { Inject, Injectable, Logger } from '@nestjs/common';
import { REPORT_KIND_LABELS, requestReportSchema } from '@plexus/contracts';
import { candidateCron, dueRunAt, nextRuns, parseRecurrence, periodKey, type Recurrence } from '@plexus/domain';
import {
  APP_CONFIG,
  AppUser,
  DocumentLink,
  EmailOutbox,
  JobQueue,
  Membership,
  Network,
  NetworkProfile,
  ReportDelivery,
  ReportDocument,
  ReportRun,
  ReportSchedule,
  RequestScopes,
  ScheduleRepository,
  TenantDb,
  composeScheduleEmail,
  defaultScheduleSubject,
  reportHighlights,
  sql,
  type AppConfig,
} from '@plexus/server';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { buildDocument } from '../report/documents/registry';
import type { DocumentViewModel } from '../report/documents/shared/view-model';
import { Clock } from './clock';

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** The view model's hash for "send only if the content changed": everything but the day it was generated. */
export function contentHash(vm: DocumentViewModel): string {
  const stable = { ...vm, doc: { ...vm.doc, generatedOn: '' } };
  return sha256(JSON.stringify(stable));
}

/** `Progress report 2026-04.pdf`: a file name with nothing a mail client could misread. */
export function attachmentName(title: string, period: string): string {
  const base = `${title} ${period}`
    .replace(/[^\p{L}\p{N} ._()-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'Report'}.pdf`;
}

export type FireOutcome = { status: 'not-due' | 'inactive' | 'missing' } | { status: 'started' | 'already-run'; runId: string; periodKey: string };

/**
 * A schedule's runs, from wake-up to emails in the outbox. Every step re-enters the network named in the job and
 * re-reads what it needs; every step is safe to repeat: the run is unique per (schedule, period), a step acts only
 * from the state it expects (under a row lock), and deliveries are unique per (run, address).
 */
@Injectable()
export class ScheduleRunsService {
  private readonly logger = new Logger('ScheduleRuns');

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
    private readonly repo: ScheduleRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A wake-up: records the due run of an active schedule (if any, and if its period has none yet) and starts it.
   * A duplicated wake-up, a second worker or a restart meets the unique (schedule, period) and starts nothing.
   */
  async fire(networkId: string, scheduleId: string): Promise<FireOutcome> {
    const now = this.clock.now();
    return this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
      const schedule = await em.findOne(ReportSchedule, { id: scheduleId });
      if (!schedule) return { status: 'missing' as const };
      if (schedule.status !== 'active') return { status: 'inactive' as const };
      const recurrence = parseRecurrence(schedule.recurrence);
      const boardMeetings = recurrence.kind === 'after_board_meeting' ? await this.repo.boardMeetingDates() : undefined;
      const due = dueRunAt(recurrence, now, { boardMeetings, notBefore: schedule.createdAt });
      if (!due) return { status: 'not-due' as const };
      const key = periodKey(recurrence, due, { boardMeetings });
      const id = randomUUID();
      const insert = sql`
        insert into report_run (id, network_id, schedule_id, period_key, due_at, trigger, state)
        values (${id}, ${networkId}, ${scheduleId}, ${key}, ${due}, 'schedule', 'pending')
        on conflict (network_id, schedule_id, period_key) do nothing
        returning id`;
      const inserted = await em.execute<Array<{ id: string }>>(insert.text, insert.params);
      if (!inserted.length) return { status: 'already-run' as const, runId: '', periodKey: key };
      RequestScopes.afterCommit(() => this.jobs.enqueue('report-run.advance', { networkId, runId: id, stage: 'start' }).then(() => undefined));
      this.logger.log({ networkId, scheduleId, runId: id, periodKey: key }, 'scheduled run started');
      return { status: 'started' as const, runId: id, periodKey: key };
    });
  }

  /**
   * Start: builds the view model (for its hash), then skips (unchanged, nobody to send to) or asks for the document
   * through the report pipeline. Only a pending run moves on; a repeat finds it moved and does nothing.
   */
  async start(networkId: string, runId: string): Promise<ReportRun['state'] | 'gone'> {
    return this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
      const run = await this.lockRun(runId);
      if (!run) return 'gone';
      if (run.state !== 'pending') return run.state;
      const schedule = await em.findOneOrFail(ReportSchedule, { id: run.scheduleId });
      const parsed = requestReportSchema.safeParse(schedule.report);
      if (!parsed.success) return this.finish(run, 'failed', 'The schedule’s report settings are not valid any more: edit the schedule');
      const audience = await this.repo.audience(schedule.id);
      if (!audience.length) return this.finish(run, 'skipped_no_recipients', 'Nobody to send to: every recipient was removed or unsubscribed');
      const title = parsed.data.title || REPORT_KIND_LABELS[parsed.data.kind];
      const vm = await buildDocument(parsed.data, title);
      run.contentHash = contentHash(vm);
      if (schedule.onlyIfChanged && run.trigger === 'schedule' && (await this.repo.lastSentHash(schedule.id)) === run.contentHash) {
        return this.finish(run, 'skipped_unchanged', 'The report’s content has not changed since the last delivery');
      }
      const doc = Object.assign(new ReportDocument(), {
        networkId,
        kind: parsed.data.kind,
        title,
        options: parsed.data as unknown as Record<string, unknown>,
        requestedBy: run.requestedBy,
      });
      em.persist(doc);
      run.documentId = doc.id;
      run.state = 'rendering';
      await em.flush();
      RequestScopes.afterCommit(() => this.jobs.enqueue('report.render', { networkId, documentId: doc.id }).then(() => undefined));
      return run.state;
    });
  }

  /**
   * Deliver: once the document is ready, one delivery per recipient, each an email in the outbox (attached under the
   * size cap, else a signed link), all in one transaction with the run marked sent. A failed document fails the run
   * and tells the network's managers. Not ready yet: nothing happens (the render job calls again when it finishes).
   */
  async deliver(networkId: string, runId: string): Promise<ReportRun['state'] | 'gone' | 'waiting'> {
    return this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
      const run = await this.lockRun(runId);
      if (!run) return 'gone';
      if (run.state !== 'rendering') return run.state;
      const doc = run.documentId ? await em.findOne(ReportDocument, { id: run.documentId }, { populate: ['snapshot'] }) : null;
      const schedule = await em.findOneOrFail(ReportSchedule, { id: run.scheduleId });
      if (!doc || doc.status === 'failed') {
        const reason = `The report could not be generated: ${doc?.failureReason ?? 'its document was deleted'}`;
        this.finish(run, 'failed', reason);
        await this.tellManagers(networkId, schedule, run, reason);
        return 'failed' as const;
      }
      if (doc.status !== 'ready') return 'waiting' as const;
      const network = await em.findOneOrFail(Network, { id: networkId });
      const profile = await em.findOne(NetworkProfile, { networkId });
      const audience = await this.repo.audience(schedule.id);
      const highlights = reportHighlights(doc.snapshot);
      const period = run.trigger === 'manual' ? '' : run.periodKey;
      const subject = schedule.subject || defaultScheduleSubject(highlights, period);
      const tooBig = doc.sizeBytes !== null && doc.sizeBytes > this.config.SCHEDULE_ATTACH_MAX_MB * 1024 * 1024;
      const mode = schedule.delivery === 'link' || tooBig ? 'link' : 'attach';
      const base = this.config.PUBLIC_URL.replace(/\/$/, '');
      const hostname = new URL(this.config.PUBLIC_URL).hostname;
      const expiresAt = new Date(this.clock.now().getTime() + schedule.linkDays * 24 * 3600_000);
      const emailIds: string[] = [];
      for (const person of audience) {
        const unsubscribeToken = newToken();
        const delivery = Object.assign(new ReportDelivery(), {
          networkId,
          runId: run.id,
          recipientId: person.recipientId,
          recipientName: person.name,
          toAddress: person.email,
          mode,
          unsubscribeTokenHash: sha256(unsubscribeToken),
        });
        const email = Object.assign(new EmailOutbox(), { networkId, kind: 'scheduled_report', toAddress: person.email, subject });
        email.messageId = `<${email.id}@${hostname}>`;
        delivery.emailId = email.id;
        let document: Parameters<typeof composeScheduleEmail>[0]['document'];
        if (mode === 'link') {
          const linkToken = newToken();
          em.persist(
            Object.assign(new DocumentLink(), { networkId, documentId: doc.id, deliveryId: delivery.id, tokenHash: sha256(linkToken), expiresAt }),
          );
          document = {
            kind: 'link',
            url: `${base}/links/${network.slug}/${linkToken}`,
            expiresOn: expiresAt.toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }),
            reason: tooBig && schedule.delivery === 'attach' ? 'The report is too large to attach, so it is at this link instead.' : undefined,
          };
        } else {
          email.attachmentDocumentId = doc.id;
          email.attachmentName = attachmentName(doc.title, period);
          document = { kind: 'attached', fileName: email.attachmentName, sizeBytes: doc.sizeBytes };
        }
        const unsubscribeApi = `${base}/api/unsubscribe/${network.slug}/${unsubscribeToken}`;
        const composed = composeScheduleEmail({
          networkName: network.name,
          primaryColour: profile?.primaryColour ?? '#005eb8',
          scheduleName: schedule.name,
          subject,
          message: schedule.message,
          recipientName: person.name,
          highlights,
          document,
          unsubscribeUrl: `${base}/unsubscribe/${network.slug}/${unsubscribeToken}`,
          reason: person.lists.length
            ? `you are on the ${person.lists.join(' and ')} list${person.lists.length > 1 ? 's' : ''} of ${network.name}`
            : `${network.name} added you as a recipient of this report`,
        });
        email.bodyText = composed.text;
        email.bodyHtml = composed.html;
        email.headers = { 'List-Unsubscribe': `<${unsubscribeApi}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
        em.persist(delivery);
        em.persist(email);
        emailIds.push(email.id);
      }
      this.finish(run, 'sent', audience.length ? null : 'Nobody to send to: every recipient was removed or unsubscribed');
      if (!audience.length) run.state = 'skipped_no_recipients';
      await em.flush();
      RequestScopes.afterCommit(async () => {
        for (const emailId of emailIds) await this.jobs.enqueue('email.deliver', { networkId, emailId });
      });
      this.logger.log({ networkId, runId, deliveries: emailIds.length, mode }, 'run delivered to the outbox');
      return run.state;
    });
  }

  /**
   * The safety net, every few minutes for the whole cluster: keeps each active schedule's job scheduler registered
   * (and removes those of paused, archived or deleted schedules), starts the due run of a schedule whose wake-up
   * was missed (Redis lost, every worker down), and moves on runs whose next step was lost.
   */
  async sweep(olderThanMs = 60_000): Promise<{ registered: number; removed: number; fired: number; advanced: number }> {
    const networks = await this.db.run({ userId: null }, ({ em }) => em.find(Network, {}));
    const schedulers = new Map((await this.jobs.reportSchedulers()).map((s) => [s.scheduleId, s]));
    const before = new Date(Date.now() - olderThanMs);
    let registered = 0;
    let fired = 0;
    let advanced = 0;
    const keep = new Set<string>();
    for (const network of networks) {
      const scope = { userId: null, networkId: network.id };
      const { schedules, stuck } = await this.db.inNetwork(scope, async ({ em }) => ({
        schedules: await em.find(ReportSchedule, { status: 'active' }),
        stuck: await em.find(ReportRun, { state: { $in: ['pending', 'rendering'] }, createdAt: { $lt: before } }, { limit: 200 }),
      }));
      for (const schedule of schedules) {
        keep.add(schedule.id);
        const pattern = candidateCron(parseRecurrence(schedule.recurrence));
        const existing = schedulers.get(schedule.id);
        if (!existing || existing.pattern !== pattern) {
          await this.jobs.upsertReportSchedule({ id: schedule.id, networkId: network.id, pattern });
          registered++;
        }
        const outcome = await this.fire(network.id, schedule.id);
        if (outcome.status === 'started') fired++;
      }
      for (const run of stuck) {
        const stage = run.state === 'pending' ? 'start' : 'deliver';
        if (await this.jobs.enqueueAgain('report-run.advance', { networkId: network.id, runId: run.id, stage })) advanced++;
      }
    }
    let removed = 0;
    for (const id of schedulers.keys()) {
      if (!keep.has(id)) {
        await this.jobs.removeReportSchedule(id);
        removed++;
      }
    }
    return { registered, removed, fired, advanced };
  }

  /** The next send times of a schedule's recurrence (for logs and tests). */
  async nextRunsOf(networkId: string, recurrence: Recurrence, count = 5): Promise<Date[]> {
    const boardMeetings =
      recurrence.kind === 'after_board_meeting'
        ? await this.db.inNetwork({ userId: null, networkId }, () => this.repo.boardMeetingDates())
        : undefined;
    return nextRuns(recurrence, this.clock.now(), count, { boardMeetings });
  }

  private async lockRun(runId: string): Promise<ReportRun | null> {
    const em = RequestScopes.em();
    const lock = sql`select id from report_run where id = ${runId} for update`;
    const [row] = await em.execute<Array<{ id: string }>>(lock.text, lock.params);
    return row ? em.findOne(ReportRun, { id: runId }, { refresh: true }) : null;
  }

  private finish<S extends ReportRun['state']>(run: ReportRun, state: S, reason: string | null): S {
    run.state = state;
    run.reason = reason;
    run.finishedAt = this.clock.now();
    return state;
  }

  /** A run that failed: every manager of the network hears of it by email (and the schedules page shows it). */
  private async tellManagers(networkId: string, schedule: ReportSchedule, run: ReportRun, reason: string): Promise<void> {
    const em = RequestScopes.em();
    const managers = await em.find(Membership, { role: 'manager' });
    const users = managers.length ? await em.find(AppUser, { id: { $in: managers.map((m) => m.userId) } }) : [];
    const network = await em.findOneOrFail(Network, { id: networkId });
    const hostname = new URL(this.config.PUBLIC_URL).hostname;
    const ids: string[] = [];
    for (const user of users) {
      const email = Object.assign(new EmailOutbox(), {
        networkId,
        kind: 'schedule_failed',
        toAddress: user.email,
        subject: `Scheduled report not sent: ${schedule.name}`,
        bodyText: [
          `Dear ${user.displayName},`,
          '',
          `The scheduled report "${schedule.name}" of ${network.name} was not sent for ${run.periodKey}.`,
          reason,
          '',
          `See the schedule's delivery log, fix the cause and use "Send now": ${this.config.PUBLIC_URL.replace(/\/$/, '')}/n/${network.slug}/schedules/${schedule.id}`,
        ].join('\n'),
      });
      email.messageId = `<${email.id}@${hostname}>`;
      em.persist(email);
      ids.push(email.id);
    }
    RequestScopes.afterCommit(async () => {
      for (const emailId of ids) await this.jobs.enqueue('email.deliver', { networkId, emailId });
    });
  }
}
