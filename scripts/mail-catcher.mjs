// A local mail catcher for development: accepts SMTP on 127.0.0.1:1025 and prints each message
// (and keeps it under var/mail/) so invite links can be followed without a real mail server.
import { SMTPServer } from 'smtp-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const port = Number(process.env.MAIL_CATCHER_PORT ?? 1025);
const dir = join(process.cwd(), 'var', 'mail');
mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.eml`);
      writeFileSync(file, raw);
      const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
      const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
      const link = /(https?:\/\/\S+\/invite\/\S+)/.exec(raw.replace(/=\r?\n/g, ''))?.[1];
      console.log(`[mail] to ${to}: ${subject}${link ? `\n[mail]   ${link}` : ''}\n[mail]   saved ${file}`);
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => console.log(`[mail] catching mail on smtp://127.0.0.1:${port}`));
