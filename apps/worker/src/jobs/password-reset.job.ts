import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppUser, PasswordReset, TenantDb, type AppConfig, type JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import { createHash, randomBytes } from 'node:crypto';
import { MailTransport } from '../email/mail-transport';
import type { JobHandler } from './job-handler';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * "Forgot your password?": the API enqueues this for every request, so whether an address has an account is found
 * out here, out of sight of the person asking. For an account, a reset link is recorded (the SHA-256 of its token
 * only; the token itself exists in this job's memory and in the email) and sent. If the SMTP server refuses, the row
 * is deleted and the job retried with a new token, so no link that never reached anyone stays usable.
 */
@Injectable()
export class PasswordResetJob implements JobHandler<'account.password-reset'> {
  static readonly jobName = 'account.password-reset' as const;
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly db: TenantDb,
    private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(job: Job<JobPayloads['account.password-reset']>): Promise<{ status: 'sent' | 'no-account' }> {
    const { requestId, email } = job.data;
    const token = randomBytes(32).toString('base64url');
    const recorded = await this.db.run({ userId: null }, async ({ em }) => {
      const user = await em.findOne(AppUser, { email: email.toLowerCase() });
      if (!user) return null;
      const reset = Object.assign(new PasswordReset(), {
        userId: user.id,
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000),
      });
      em.persist(reset);
      await em.flush();
      return { user, reset };
    });
    if (!recorded) {
      this.logger.log({ requestId }, 'password reset asked for an address with no account: nothing sent');
      return { status: 'no-account' };
    }
    const { user, reset } = recorded;
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/reset-password/${token}`;
    const minutes = this.config.PASSWORD_RESET_TTL_MINUTES;
    const lasts = minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`;
    try {
      await this.mail.send({
        messageId: `<password-reset-${reset.id}@${new URL(this.config.PUBLIC_URL).hostname}>`,
        to: user.email,
        subject: 'Choose a new password for Plexus',
        text: [
          `Hello ${user.displayName},`,
          '',
          'Someone (we hope you) asked to choose a new password for your Plexus account.',
          '',
          `Choose a new password here (the link works once, for ${lasts}):`,
          url,
          '',
          'Choosing a new password signs you out everywhere else.',
          'If you did not ask for this, ignore this email: your password stays as it is.',
        ].join('\n'),
      });
    } catch (err) {
      await this.db.run({ userId: null }, ({ em }) => em.nativeDelete(PasswordReset, { id: reset.id }));
      throw err;
    }
    this.logger.log({ requestId, userId: user.id }, 'password reset link sent');
    return { status: 'sent' };
  }
}
