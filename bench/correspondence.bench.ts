import 'reflect-metadata';
import request from 'supertest';
import { generateDemoAccounts } from '../src/demo/accounts-demo';
import { EmailService, type OutgoingEmail } from '../src/email/email.service';
import { benchApp } from './bench-app';
import { measure, report } from './harness';
import { transactionWithRetry } from '../src/database/transaction';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
/** Emails already on file: about two a month for a year on every tenth account. */
const EMAILS_ON_FILE = Number(process.env.BENCH_EMAILS ?? 240_000);
/** The bill run's batch: its invoices' emails are queued in one transaction. */
const BATCH = 500;
const BATCHES = 20;
const RUNS = 300;

/**
 * Correspondence among 100k subscribers: queuing a bill run batch's invoice emails
 * (dedupe keys, attachments, an audit entry each) beside bare multi-row INSERTs of the
 * same rows, and an account's Emails and Call Logs lists beside the SQL under them.
 */
export async function correspondenceBench(databaseUrl: string): Promise<void> {
  const { app, db, token } = await benchApp(databaseUrl);
  try {
    process.stdout.write(`generating ${ACCOUNTS} accounts…\n`);
    const { firstAccountId, lastAccountId } = await generateDemoAccounts(db, ACCOUNTS, 13);
    const span = lastAccountId - firstAccountId + 1;
    const accountAt = (i: number) => firstAccountId + ((i * 7919) % span);

    process.stdout.write(`writing ${EMAILS_ON_FILE} emails and ${EMAILS_ON_FILE / 4} call logs on file…\n`);
    for (let from = 0; from < EMAILS_ON_FILE; from += 5000) {
      const rows = Array.from({ length: Math.min(5000, EMAILS_ON_FILE - from) }, (_, k) => {
        const n = from + k;
        return [
          accountAt(n % (span / 10)),
          `on-file-${n}@example.com`,
          'billing@backhaul.local',
          `Invoice ${n}`,
          'Body',
          `<file-${n}@bench>`,
          'sent',
          new Date(),
          new Date(Date.now() - n * 1000),
        ];
      });
      await db.query(
        'INSERT INTO emails (account_id, to_address, from_address, subject, body_text, message_id, status, sent_at, created_at) VALUES ?',
        [rows],
      );
      const calls = rows.slice(0, rows.length / 4).map((r, k) => [r[0], `Call ${from + k}`, 120, 1, 1, new Date(Date.now() - k * 60_000)]);
      await db.query('INSERT INTO call_logs (account_id, subject, duration_seconds, attendant_user_id, created_by, called_at) VALUES ?', [
        calls,
      ]);
    }
    await db.query('ANALYZE TABLE emails, call_logs');

    const outgoingFor = (batch: number, tag: string): OutgoingEmail[] =>
      Array.from({ length: BATCH }, (_, k) => {
        const accountId = accountAt(batch * BATCH + k);
        return {
          accountId,
          to: `bill-${tag}-${batch}-${k}@example.com`,
          subject: `Your invoice ${batch}-${k}`,
          text: 'Hello,\n\nyour invoice is attached.\n',
          templateKey: 'invoice',
          related: { type: 'invoice', id: batch * BATCH + k },
          attachments: [{ kind: 'invoice_pdf', sourceId: batch * BATCH + k, filename: `invoice-${batch}-${k}.pdf` }],
          dedupeKey: `bench-${tag}-${batch}-${k}`,
        };
      });
    const emails = app.get(EmailService);
    // measure() warms up before timing, so every call takes the next batch number: no call finds another's keys.
    let queueCalls = 0;
    let bareCalls = 0;
    const queued = await measure(`queue ${BATCH} invoice emails in one transaction (EmailService.queueLocked)`, BATCHES, () =>
      transactionWithRetry(db, (em) => emails.queueLocked(em, outgoingFor(queueCalls++, 'queue'))),
    );
    const bare = await measure(`baseline: the same ${BATCH} emails and attachments as two multi-row INSERTs`, BATCHES, () =>
      transactionWithRetry(db, async (em) => {
        const b = bareCalls++;
        const rows = outgoingFor(b, 'bare').map((o, k) => [
          o.accountId,
          o.to,
          'billing@backhaul.local',
          o.subject,
          o.text,
          o.dedupeKey,
          `<bare-${b}-${k}@bench>`,
        ]);
        const { insertId } = await em.query(
          'INSERT INTO emails (account_id, to_address, from_address, subject, body_text, dedupe_key, message_id) VALUES ?',
          [rows],
        );
        await em.query('INSERT INTO email_attachments (email_id, filename, content_type, kind, source_id) VALUES ?', [
          rows.map((_, k) => [Number(insertId) + k, `invoice-${k}.pdf`, 'application/pdf', 'invoice_pdf', k]),
        ]);
      }),
    );
    const again = await measure(`the same ${BATCH} queued again (a retried batch: every dedupe key found)`, BATCHES, (i) =>
      transactionWithRetry(db, (em) => emails.queueLocked(em, outgoingFor(i % queueCalls, 'queue'))),
    );

    const get = (path: string) => request(app.getHttpServer()).get(path).auth(token, { type: 'bearer' }).expect(200);
    const busy = (i: number) => accountAt(i % (span / 10));
    const lists = [
      await measure('emails, raw SQL baseline (one account, newest 25)', RUNS, (i) =>
        db.query('SELECT * FROM emails WHERE account_id = ? ORDER BY created_at DESC LIMIT 25', [busy(i)]),
      ),
      await measure('GET /api/accounts/:id/emails (newest 25, with count)', RUNS, (i) => get(`/api/accounts/${busy(i)}/emails`)),
      await measure('call logs, raw SQL baseline (one account, newest 25)', RUNS, (i) =>
        db.query('SELECT * FROM call_logs WHERE account_id = ? ORDER BY called_at DESC LIMIT 25', [busy(i)]),
      ),
      await measure('GET /api/accounts/:id/call-logs (newest 25, with count)', RUNS, (i) => get(`/api/accounts/${busy(i)}/call-logs`)),
    ];
    report(`bill run email queuing, ${BATCH} per batch, among ${ACCOUNTS} accounts`, [queued, bare, again]);
    const perEmail = (s: { ms: number[] }) => (s.ms.reduce((a, b) => a + b, 0) / s.ms.length / BATCH).toFixed(3);
    process.stdout.write(
      `\nper email: queueLocked ${perEmail(queued)} ms, bare INSERT ${perEmail(bare)} ms, requeue ${perEmail(again)} ms; ` +
        `100 000 invoices emailed would add about ${((Number(perEmail(queued)) * 100_000) / 1000).toFixed(0)} s of queuing to a bill run\n`,
    );
    report(`correspondence lists among ${ACCOUNTS} accounts (${EMAILS_ON_FILE} emails on file)`, lists);
  } finally {
    await app.close();
  }
}
