import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plexus/server';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

/** SMTP delivery (nodemailer). SMTP_URL points at the relay; locally, the mail catcher. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = createTransport(config.SMTP_URL, { from: config.MAIL_FROM });
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transport.sendMail({ messageId: mail.messageId, to: mail.to, subject: mail.subject, text: mail.text });
    return String(info.messageId ?? mail.messageId);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
