import { Inject, Injectable, Logger } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { DOCUMENT_STORAGE, EmailOutbox, ReportDocument, TenantDb, type DocumentStorage, type JobPayloads } from '@plexus/server';
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
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
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
      const attachment = email.attachmentDocumentId ? await em.findOne(ReportDocument, { id: email.attachmentDocumentId }) : null;
      return { alreadySent: false as const, email, attachment };
    });
    if (!claim) throw new UnrecoverableError(`email ${emailId} does not exist in network ${networkId}`);
    if (claim.alreadySent) return { status: 'already-sent', messageId: claim.email.messageId };

    let response = '';
    try {
      const attachments = [];
      if (claim.email.attachmentDocumentId) {
        const doc = claim.attachment;
        if (!doc?.storageKey || doc.status !== 'ready')
          throw new UnrecoverableError(`the attached document ${claim.email.attachmentDocumentId} is not ready`);
        attachments.push({
          filename: claim.email.attachmentName || 'Report.pdf',
          content: await this.storage.get(doc.storageKey),
          contentType: 'application/pdf',
        });
      }
      const sent = await this.mail.send({
        messageId: claim.email.messageId,
        to: claim.email.toAddress,
        subject: claim.email.subject,
        text: claim.email.bodyText,
        html: claim.email.bodyHtml,
        headers: claim.email.headers,
        attachments,
      });
      response = sent.response;
    } catch (err) {
      await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
        const email = await em.findOneOrFail(EmailOutbox, { id: emailId });
        email.status = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1) ? 'failed' : 'pending';
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
      email.smtpResponse = response || null;
      await em.flush();
    });
    this.logger.log({ networkId, emailId, kind: claim.email.kind }, 'email sent');
    return { status: 'sent', messageId: claim.email.messageId };
  }
}
