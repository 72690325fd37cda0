// A local SMTP server for `npm run dev`: it accepts every message, keeps it as an .eml file
// so you can open what Backhaul sent, and prints one line per message (recipients and subject).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Starts the sink on a free local port; resolves to its smtp:// URL and a stop function. */
export async function startMailSink({ dir, log = (line) => process.stdout.write(`${line}\n`) }) {
  // npm packages, so loaded here rather than at the top: scripts/ must start on a clone that has no node_modules yet.
  const { simpleParser } = await import('mailparser');
  const { SMTPServer } = await import('smtp-server');
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        count += 1;
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`);
        writeFileSync(file, raw);
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        let subject = '(no subject)';
        try {
          subject = (await simpleParser(raw)).subject ?? subject;
        } catch {
          // Kept as sent; the line just goes without its subject.
        }
        log(`[mail] to ${to}: ${subject}`);
        callback(null, `Ok: kept as ${file}`);
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
