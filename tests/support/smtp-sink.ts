import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  raw: string;
  /** The message's size on the wire, in bytes. */
  size: number;
}

/**
 * A real SMTP server on loopback that keeps what it receives (`keepBodies: false`: only each message's headers, for
 * counting many large messages without holding them).
 */
export async function startSmtpSink(options: { keepBodies?: boolean } = {}): Promise<{
  url: string;
  mails: CaughtMail[];
  close(): Promise<void>;
  waitFor(n: number, ms?: number): Promise<CaughtMail[]>;
}> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const raw = bytes.toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          size: bytes.length,
          raw: options.keepBodies === false ? raw.split(/\r?\n\r?\n/)[0] : raw.replace(/=\r?\n/g, ''),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(n: number, ms = 15_000) {
      const until = Date.now() + ms;
      while (mails.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return mails;
    },
  };
}
