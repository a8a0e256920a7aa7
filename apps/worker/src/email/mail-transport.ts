import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plexus/server';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/** What the SMTP server said when it accepted the message. */
export interface SentMail {
  messageId: string;
  response: string;
}

/** SMTP delivery (nodemailer). SMTP_URL points at the relay; locally, the mail catcher. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = createTransport(config.SMTP_URL, { from: config.MAIL_FROM });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transport.sendMail({
      messageId: mail.messageId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.headers && Object.keys(mail.headers).length ? { headers: mail.headers } : {}),
      ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
    });
    return { messageId: String(info.messageId ?? mail.messageId), response: String(info.response ?? '').slice(0, 500) };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
