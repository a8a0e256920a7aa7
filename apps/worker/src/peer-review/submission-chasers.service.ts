import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays, dueChaserStep, REMINDER_DAYS_MAX, SCHEDULE_TIME_ZONE, todayIso } from '@plexus/domain';
import {
  APP_CONFIG,
  EmailOutbox,
  JobQueue,
  Network,
  RequestScopes,
  SubmissionRepository,
  TenantDb,
  composeChaserEmail,
  type AppConfig,
} from '@plexus/server';
import { randomUUID } from 'node:crypto';
import { Clock } from '../schedule/clock';

export interface ChaseResult {
  networks: number;
  /** Chaser steps recorded (each one email per contributor of the organisation). */
  chasers: number;
  emails: number;
  /** Networks whose chasing failed this time (logged; the next run tries again). */
  failed: number;
}

/**
 * The peer review chasers: for every network, every open submission (awaited, or more information requested) of an
 * active cycle gets a reminder N days before its due date (the cycle's reminder days: 14 and 3 unless changed) and one
 * when overdue, emailed to its organisation's contributors through the outbox. Days are Europe/London days of the
 * clock (tests set it). Each step is sent once: its `submission_chaser` row is inserted (on conflict do nothing) in the
 * same transaction as the emails, so a second worker, a repeated run or a restart finds the step recorded and sends
 * nothing; the emails are enqueued after the commit (the outbox sweep enqueues them again if that is lost).
 */
@Injectable()
export class SubmissionChasersService {
  private readonly logger = new Logger('SubmissionChasers');

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
    private readonly submissions: SubmissionRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async chase(): Promise<ChaseResult> {
    const now = this.clock.now();
    const today = todayIso(SCHEDULE_TIME_ZONE, now);
    const networks = await this.db.run({ userId: null }, ({ em }) => em.find(Network, {}, { orderBy: { slug: 'asc' } }));
    const result: ChaseResult = { networks: networks.length, chasers: 0, emails: 0, failed: 0 };
    for (const network of networks) {
      try {
        const sent = await this.chaseNetwork(network, today, now);
        result.chasers += sent.chasers;
        result.emails += sent.emails;
      } catch (err) {
        result.failed++;
        this.logger.error({ networkId: network.id, err: (err as Error).message }, 'chasing submissions failed for a network');
      }
    }
    return result;
  }

  private async chaseNetwork(network: Network, today: string, now: Date): Promise<{ chasers: number; emails: number }> {
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    const hostname = new URL(this.config.PUBLIC_URL).hostname;
    return this.db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
      // Nothing is chased earlier than the largest reminder a cycle can have.
      const open = await this.submissions.openInActiveCycles(addDays(today, REMINDER_DAYS_MAX));
      const due = open.flatMap((s) => {
        const step = dueChaserStep(s.dueDate, today, s.reminderDays);
        return step ? [{ ...s, step }] : [];
      });
      if (!due.length) return { chasers: 0, emails: 0 };
      const contributors = await this.submissions.contributors([...new Set(due.map((s) => s.organisationId))]);
      const emailIds: string[] = [];
      let chasers = 0;
      for (const s of due) {
        // Nobody to tell yet: the step stays unsent, for when the organisation has a contributor.
        const people = contributors.get(s.organisationId) ?? [];
        if (!people.length) continue;
        const url = `${base}/n/${network.slug}/peer-review/cycles/${s.cycleId}/submissions/${s.submissionId}`;
        const emails = people.map((person) => {
          const composed = composeChaserEmail({
            step: s.step,
            today,
            networkName: network.name,
            organisationName: s.organisationName,
            recipientName: person.name,
            cycleName: s.cycleName,
            activityTitle: s.activityTitle,
            documentName: s.documentName,
            state: s.state,
            reason: s.reason,
            dueDate: s.dueDate,
            url,
          });
          const email = Object.assign(new EmailOutbox(), {
            networkId: network.id,
            kind: 'submission_chaser',
            toAddress: person.email,
            subject: composed.subject,
            bodyText: composed.bodyText,
          });
          email.messageId = `<${email.id}@${hostname}>`;
          return email;
        });
        const recorded = await this.submissions.recordChaser({
          id: randomUUID(),
          submissionId: s.submissionId,
          organisationId: s.organisationId,
          step: s.step,
          dueDate: s.dueDate,
          sentAt: now,
          emailIds: emails.map((e) => e.id),
        });
        // Already sent for this step (an earlier run, or another worker just now): nothing more.
        if (!recorded) continue;
        em.persist(emails);
        emailIds.push(...emails.map((e) => e.id));
        chasers++;
      }
      await em.flush();
      if (emailIds.length) {
        RequestScopes.afterCommit(async () => {
          for (const emailId of emailIds) await this.jobs.enqueue('email.deliver', { networkId: network.id, emailId });
        });
        this.logger.log({ networkId: network.id, chasers, emails: emailIds.length }, 'submission chasers sent');
      }
      return { chasers, emails: emailIds.length };
    });
  }
}
