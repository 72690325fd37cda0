import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isEmailAddress } from './email-address';
import { AttachmentRef, AttachmentUnavailable, EmailAttachments, GatheredDocuments } from './email-attachments';
import type { EmailRetryTimings } from '../../workflows/email-delivery.workflow';
import { groupInto } from '../common/group-into';
import { inLanes } from '../common/in-lanes';
import type { EmailStatus } from './email-status';
import { SmtpSender, type SmtpSession } from './smtp-sender';

/** The relay deferred the email (4xx, a dropped or silent connection): worth another try later. */
export class EmailDeferred extends Error {}

/** The row is gone, which only happens when someone deleted it by hand. */
export class EmailMissing extends Error {}

const ROW_COLUMNS = 'id, to_address, from_address, subject, body_text, body_html, message_id, in_reply_to, reference_ids, reply_to, status';

interface EmailRow {
  id: number;
  to_address: string;
  from_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  message_id: string;
  in_reply_to: string | null;
  reference_ids: string | null;
  reply_to: string | null;
  status: EmailStatus;
}

/** Where a batch of emails stands after a pass. */
export interface EmailBatchState {
  sent: number;
  /** Refused for good, by the relay or for want of an attachment, or given up after the maximum age. */
  rejected: number;
  invalid: number;
  /** Still to be sent: deferred, or not tried yet. */
  queued: number;
  /** How long until the next queued email is due; null when none is queued. */
  nextTryInMs: number | null;
  accountIds: number[];
}

/** What a batch reads ahead for its emails: each one's attachment references, and the documents they show. */
interface PreparedAttachments {
  refs: Map<number, AttachmentRef[]>;
  documents: GatheredDocuments;
}

/** What a batch pass holds for all its emails: their attachments read ahead, and its connections to the relay. */
interface PreparedPass extends PreparedAttachments {
  session: SmtpSession;
}

/** Emails of one batch tried at once, each pass over as many connections to the relay. */
const BATCH_LANES = 4;

/** How a give-up's reason starts; a late acceptance recognises the give-up by it. */
const GIVEN_UP = 'not delivered within ';

function hoursText(hours: number): string {
  return String(Number(hours.toPrecision(6)));
}

/**
 * One try at handing an email to the relay, and the recording of its outcome. The row's
 * status is the guard: only a queued row is ever sent, and every outcome is written with
 * `WHERE status = 'queued'`, so a try repeated after the acceptance was recorded sends nothing.
 */
@Injectable()
export class EmailDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly smtp: SmtpSender,
    private readonly attachments: EmailAttachments,
  ) {}

  /** `prepared` is what a batch read ahead for this email: its attachments' references and their documents. */
  async deliver(emailId: number, prepared?: PreparedAttachments): Promise<EmailStatus> {
    const [row]: EmailRow[] = await this.db.query(`SELECT ${ROW_COLUMNS} FROM emails WHERE id = ?`, [emailId]);
    if (!row) throw new EmailMissing(`Email ${emailId} does not exist`);
    if (row.status !== 'queued') return row.status;
    await this.send(row, prepared);
    return this.statusOf(emailId);
  }

  /**
   * Sends a queued email and writes how it went, throwing EmailDeferred when the relay
   * deferred it. Each outcome also hands back the batch's turn (`sending_until`), so a
   * try costs no statement of its own to end it.
   */
  private async send(row: EmailRow, prepared?: PreparedAttachments | PreparedPass): Promise<void> {
    const emailId = Number(row.id);
    if (!isEmailAddress(row.to_address)) {
      return this.finish(emailId, `status = 'invalid', reject_reason = ?`, [`"${row.to_address}" is not an email address`]);
    }

    const refs = prepared ? (prepared.refs.get(emailId) ?? []) : ((await this.attachmentRefs([emailId])).get(emailId) ?? []);
    let attachments;
    try {
      attachments = await this.attachments.render(refs, prepared?.documents);
    } catch (err) {
      if (!(err instanceof AttachmentUnavailable)) throw err;
      return this.finish(emailId, `status = 'rejected', reject_reason = ?`, [err.message.slice(0, 1000)]);
    }

    const message = {
      from: row.from_address,
      to: row.to_address,
      subject: row.subject,
      text: row.body_text,
      html: row.body_html,
      messageId: row.message_id,
      inReplyTo: row.in_reply_to,
      references: row.reference_ids ? row.reference_ids.split(' ') : [],
      replyTo: row.reply_to,
      attachments,
    };
    const outcome = prepared && 'session' in prepared ? await prepared.session.send(message) : await this.smtp.send(message);
    switch (outcome.kind) {
      case 'accepted':
        // The relay has the message: this UPDATE is the next and only thing done, since a crash before it commits means a second copy.
        // A try still running when the maximum age passed may land after the give-up; the relay's acceptance is the truth then.
        await this.db.query(
          `UPDATE emails SET status = 'sent', sent_at = CURRENT_TIMESTAMP(3), server_reply = ?, reject_reason = NULL, attempts = attempts + 1,
             last_attempt_at = CURRENT_TIMESTAMP(3), sending_until = NULL
           WHERE id = ? AND (status = 'queued' OR (status = 'rejected' AND reject_reason LIKE '${GIVEN_UP}%'))`,
          [outcome.reply, emailId],
        );
        return;
      case 'refused':
        return this.finish(
          emailId,
          `status = 'rejected', reject_reason = ?, last_error = ?, attempts = attempts + 1, last_attempt_at = CURRENT_TIMESTAMP(3)`,
          [outcome.reply, outcome.reply],
        );
      case 'deferred':
        await this.db.query(
          `UPDATE emails SET attempts = attempts + 1, last_error = ?, last_attempt_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND status = 'queued'`,
          [outcome.reason, emailId],
        );
        throw new EmailDeferred(outcome.reason);
    }
  }

  /**
   * One pass over a batch: every queued email of it that is due is tried, a few at a
   * time, each under a turn (`sending_until`) that keeps any other try of it away while
   * it talks to the relay. A deferral waits its own doubling interval, capped at the
   * email's maximum age, when it is given up. A failing email never fails the pass.
   */
  async deliverBatch(batchId: string, retry: EmailRetryTimings, progress: () => void): Promise<EmailBatchState> {
    const maxAgeSeconds = retry.maxAgeHours * 3600;
    // The messages themselves are read here for the whole pass: a queued email's content never changes, and the
    // turn each try takes first proves its row still queued.
    const due: (EmailRow & { too_old: number })[] = await this.db.query(
      `SELECT ${ROW_COLUMNS}, created_at <= CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND AS too_old FROM emails
        WHERE batch_id = ? AND status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= CURRENT_TIMESTAMP(3)) ORDER BY id`,
      [maxAgeSeconds, batchId],
    );
    const refs = await this.attachmentRefs(due.map((row) => Number(row.id)));
    const prepared = { refs, documents: await this.attachments.gather([...refs.values()].flat()) };
    const session = due.length ? this.smtp.openSession(BATCH_LANES) : null;
    try {
      const { failure } = await inLanes(due, BATCH_LANES, async (row) => {
        const emailId = Number(row.id);
        if (Number(row.too_old)) await this.giveUp(emailId, retry.maxAgeHours);
        else if (await this.takeTurn(emailId, batchId, retry.smtpTimeoutSeconds * 10)) {
          await this.tryInBatch(row, retry, { ...prepared, session: session as SmtpSession });
        }
        progress();
      });
      if (failure !== null) throw failure;
    } finally {
      session?.close();
    }
    return this.batchState(batchId);
  }

  /** The attachment references of each email, in one query. */
  private async attachmentRefs(emailIds: number[]): Promise<Map<number, AttachmentRef[]>> {
    const refs = new Map<number, AttachmentRef[]>();
    if (!emailIds.length) return refs;
    const rows: (AttachmentRef & { emailId: number })[] = await this.db.query(
      `SELECT email_id AS emailId, filename, content_type AS contentType, kind, source_id AS sourceId
         FROM email_attachments WHERE email_id IN (?) ORDER BY id`,
      [emailIds],
    );
    for (const { emailId, ...ref } of rows) groupInto(refs, Number(emailId), { ...ref, sourceId: Number(ref.sourceId) });
    return refs;
  }

  private async tryInBatch(row: EmailRow, retry: EmailRetryTimings, prepared: PreparedPass): Promise<void> {
    const emailId = Number(row.id);
    try {
      await this.send(row, prepared);
    } catch (err) {
      // A deferral is on the row already; anything else (a database hiccup while rendering, say) is recorded the same way.
      if (!(err instanceof EmailDeferred)) {
        await this.db.query(
          `UPDATE emails SET attempts = attempts + 1, last_error = ?, last_attempt_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND status = 'queued'`,
          [String(err instanceof Error ? err.message : err).slice(0, 1000), emailId],
        );
      }
      await this.db.query(
        `UPDATE emails SET sending_until = NULL, next_attempt_at = LEAST(
            CURRENT_TIMESTAMP(3) + INTERVAL LEAST(? * POW(2, GREATEST(attempts, 1) - 1), ?) SECOND,
            created_at + INTERVAL ? SECOND)
          WHERE id = ? AND status = 'queued'`,
        [retry.initialSeconds, retry.maxIntervalSeconds, retry.maxAgeHours * 3600, emailId],
      );
    }
  }

  /** Claims the email's turn with the relay for as long as one try can take; false when another try holds it. */
  private async takeTurn(emailId: number, batchId: string, seconds: number): Promise<boolean> {
    const taken: { affectedRows: number } = await this.db.query(
      `UPDATE emails SET sending_until = CURRENT_TIMESTAMP(3) + INTERVAL ? SECOND
        WHERE id = ? AND batch_id = ? AND status = 'queued' AND (sending_until IS NULL OR sending_until < CURRENT_TIMESTAMP(3))`,
      [seconds, emailId, batchId],
    );
    return taken.affectedRows === 1;
  }

  private async batchState(batchId: string): Promise<EmailBatchState> {
    const counts: { status: EmailStatus; n: string; next_ms: string | null }[] = await this.db.query(
      `SELECT status, COUNT(*) AS n,
              TIMESTAMPDIFF(MICROSECOND, CURRENT_TIMESTAMP(3), MIN(COALESCE(next_attempt_at, CURRENT_TIMESTAMP(3)))) / 1000 AS next_ms
         FROM emails WHERE batch_id = ? GROUP BY status`,
      [batchId],
    );
    const owners: { account_id: number }[] = await this.db.query(
      'SELECT DISTINCT account_id FROM emails WHERE batch_id = ? AND account_id IS NOT NULL ORDER BY account_id',
      [batchId],
    );
    const of = (status: EmailStatus) => counts.find((r) => r.status === status);
    const queued = of('queued');
    return {
      sent: Number(of('sent')?.n ?? 0),
      rejected: Number(of('rejected')?.n ?? 0),
      invalid: Number(of('invalid')?.n ?? 0),
      queued: Number(queued?.n ?? 0),
      nextTryInMs: queued ? Math.max(0, Math.round(Number(queued.next_ms ?? 0))) : null,
      accountIds: owners.map((r) => Number(r.account_id)),
    };
  }

  /** Gives up on an email that was not accepted within the maximum age, keeping the relay's last words. */
  async giveUp(emailId: number, maxAgeHours: number): Promise<EmailStatus> {
    await this.finish(emailId, `status = 'rejected', reject_reason = LEFT(CONCAT(?, COALESCE(last_error, 'none')), 1000)`, [
      `${GIVEN_UP}${hoursText(maxAgeHours)} h; last reply: `,
    ]);
    return this.statusOf(emailId);
  }

  private async finish(emailId: number, assignments: string, params: unknown[]): Promise<void> {
    await this.db.query(`UPDATE emails SET ${assignments}, sending_until = NULL WHERE id = ? AND status = 'queued'`, [...params, emailId]);
  }

  private async statusOf(emailId: number): Promise<EmailStatus> {
    const [row]: { status: EmailStatus }[] = await this.db.query('SELECT status FROM emails WHERE id = ?', [emailId]);
    if (!row) throw new EmailMissing(`Email ${emailId} does not exist`);
    return row.status;
  }
}
