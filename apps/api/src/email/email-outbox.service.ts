import { Inject, Injectable } from '@nestjs/common';
import { EmailOutbox, JobQueue, RequestScopes, type AppConfig } from '@plexus/server';
import { APP_CONFIG } from '@plexus/server';

export interface OutboxEmailInput {
  kind: string;
  to: string;
  subject: string;
  bodyText: string;
}

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

  queue(input: OutboxEmailInput): EmailOutbox {
    const email = this.compose(input);
    this.send([email]);
    return email;
  }

  /** An email with its id and Message-ID, not written yet: record what it is for by its id, then `send` it. */
  compose(input: OutboxEmailInput): EmailOutbox {
    const email = Object.assign(new EmailOutbox(), {
      networkId: RequestScopes.networkId(),
      kind: input.kind,
      toAddress: input.to,
      subject: input.subject,
      bodyText: input.bodyText,
    });
    email.messageId = `<${email.id}@${new URL(this.config.PUBLIC_URL).hostname}>`;
    return email;
  }

  /** Writes composed emails to the outbox in the caller's transaction; their delivery is enqueued after commit. */
  send(emails: EmailOutbox[]): void {
    if (!emails.length) return;
    const networkId = RequestScopes.networkId();
    for (const email of emails) RequestScopes.em().persist(email);
    RequestScopes.afterCommit(async () => {
      for (const email of emails) await this.jobs.enqueue('email.deliver', { networkId, emailId: email.id });
    });
  }
}
