// Mail waiting in the demo helpdesk mailbox on a first `npm run dev`, so Tickets and Settings ›
// Inbound mail show what the reader does with it: a question from someone with no account, which
// opens an unassigned ticket, and a message whose HTML carries a script, which is kept sanitised.
// Node built-ins only: scripts/ runs before `npm ci` (test/commands/scripts-before-install.spec.ts).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deliverMail } from './dovecot.mjs';

const crlf = (lines) => `${lines.join('\r\n')}\r\n`;

function demoMessages(mailbox, now = new Date()) {
  const date = now.toUTCString().replace('GMT', '+0000');
  return [
    crlf([
      'From: Priya Raman <priya.raman@example.net>',
      `To: ${mailbox}`,
      'Subject: Is fibre available on Orchard Lane?',
      `Date: ${date}`,
      `Message-ID: <demo-fibre-question-${now.getTime()}@example.net>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello,',
      '',
      'We are moving to 14 Orchard Lane next month. Can you connect us there, and how soon could an',
      'installer come? We work from home, so the 250 Mbps plan interests us.',
      '',
      'Thanks,',
      'Priya',
    ]),
    crlf([
      'From: Leo Marsh <leo.marsh@example.org>',
      `To: ${mailbox}`,
      'Subject: Outage on Harbour Road this morning',
      `Date: ${date}`,
      `Message-ID: <demo-outage-report-${now.getTime()}@example.org>`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Our connection dropped at <b>07:40</b> and came back at 08:15.</p>',
      '<script>alert("never runs")</script><img src="x" onerror="alert(1)">',
      '<p>Is there a credit for that?</p>',
    ]),
  ];
}

/** Delivers the demo messages once per local mailbox directory; later starts find the marker and add nothing. */
export function deliverDemoMail({ dir, mailbox }) {
  const marker = join(dir, 'demo-mail-delivered');
  if (existsSync(marker)) return 0;
  const messages = demoMessages(mailbox);
  for (const message of messages) deliverMail({ dir, mailbox, message });
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return messages.length;
}
