import { Injectable, Logger } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EmailOutbox, TenantDb, type JobPayloads } from '@plexus/server';
import { UnrecoverableError, type Job } from 'bullmq';
import { MailTransport } from '../email/mail-transport';
import type { JobHandler } from './job-handler';

export type EmailDeliveryPayload = JobPayloads['email.deliver'];

/**
 * Delivers one outbox email. It re-enters the network named in the payload and re-loads the row there:
 * a payload pointing at another network's row finds nothing and fails without retrying. A row already sent
 * is skipped, so a retried or duplicated job never sends twice once delivery has been recorded.
 */
@Injectable()
export class EmailDeliveryJob implements JobHandler<'email.deliver'> {
  static readonly jobName = 'email.deliver' as const;
  private readonly logger = new Logger('EmailDelivery');

  constructor(
    private readonly db: TenantDb,
    private readonly mail: MailTransport,
  ) {}

  async handle(job: Job<EmailDeliveryPayload>): Promise<{ status: 'sent' | 'already-sent'; messageId: string }> {
    const { networkId, emailId } = job.data;
    const claim = await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
      const email = await em.findOne(EmailOutbox, { id: emailId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!email) return null;
      if (email.status === 'sent') return { alreadySent: true as const, email };
      email.status = 'sending';
      email.attempts += 1;
      await em.flush();
      return { alreadySent: false as const, email };
    });
    if (!claim) throw new UnrecoverableError(`email ${emailId} does not exist in network ${networkId}`);
    if (claim.alreadySent) return { status: 'already-sent', messageId: claim.email.messageId };

    try {
      await this.mail.send({ messageId: claim.email.messageId, to: claim.email.toAddress, subject: claim.email.subject, text: claim.email.bodyText });
    } catch (err) {
      await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
        const email = await em.findOneOrFail(EmailOutbox, { id: emailId });
        email.status = job.attemptsMade + 1 >= (job.opts.attempts ?? 1) ? 'failed' : 'pending';
        email.lastError = err instanceof Error ? err.message.slice(0, 500) : String(err);
        await em.flush();
      });
      throw err;
    }
    await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
      const email = await em.findOneOrFail(EmailOutbox, { id: emailId });
      email.status = 'sent';
      email.sentAt = new Date();
      email.lastError = null;
      await em.flush();
    });
    this.logger.log({ networkId, emailId, kind: claim.email.kind }, 'email sent');
    return { status: 'sent', messageId: claim.email.messageId };
  }
}
