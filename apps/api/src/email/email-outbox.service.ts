import { Inject, Injectable } from '@nestjs/common';
import { EmailOutbox, JobQueue, RequestScopes, type AppConfig } from '@plexus/server';
import { APP_CONFIG } from '@plexus/server';

/**
 * Writes an email to the outbox in the caller's transaction and enqueues its delivery after commit. If the
 * process dies between the two, the worker's outbox sweep enqueues it; the job id makes that idempotent.
 */
@Injectable()
export class EmailOutboxService {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  queue(input: { kind: string; to: string; subject: string; bodyText: string }): EmailOutbox {
    const networkId = RequestScopes.networkId();
    const email = Object.assign(new EmailOutbox(), {
      networkId,
      kind: input.kind,
      toAddress: input.to,
      subject: input.subject,
      bodyText: input.bodyText,
    });
    email.messageId = `<${email.id}@${new URL(this.config.PUBLIC_URL).hostname}>`;
    RequestScopes.em().persist(email);
    RequestScopes.afterCommit(async () => {
      await this.jobs.enqueue('email.deliver', { networkId, emailId: email.id });
    });
    return email;
  }
}
