import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isEmailAddress } from './email-address';
import { AttachmentRef, AttachmentUnavailable, EmailAttachments } from './email-attachments';
import type { EmailStatus } from './email-status';
import { SmtpSender } from './smtp-sender';

/** The relay deferred the email (4xx, a dropped or silent connection): worth another try later. */
export class EmailDeferred extends Error {}

/** The row is gone, which only happens when someone deleted it by hand. */
export class EmailMissing extends Error {}

interface EmailRow {
  id: number;
  to_address: string;
  from_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  message_id: string;
  status: EmailStatus;
}

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

  async deliver(emailId: number): Promise<EmailStatus> {
    const [row]: EmailRow[] = await this.db.query(
      `SELECT id, to_address, from_address, subject, body_text, body_html, message_id, status FROM emails WHERE id = ?`,
      [emailId],
    );
    if (!row) throw new EmailMissing(`Email ${emailId} does not exist`);
    if (row.status !== 'queued') return row.status;

    if (!isEmailAddress(row.to_address)) {
      return this.finish(emailId, `status = 'invalid', reject_reason = ?`, [`"${row.to_address}" is not an email address`]);
    }

    const refs: AttachmentRef[] = await this.db.query(
      'SELECT filename, content_type AS contentType, kind, source_id AS sourceId FROM email_attachments WHERE email_id = ? ORDER BY id',
      [emailId],
    );
    let attachments;
    try {
      attachments = await this.attachments.render(refs);
    } catch (err) {
      if (!(err instanceof AttachmentUnavailable)) throw err;
      return this.finish(emailId, `status = 'rejected', reject_reason = ?`, [err.message.slice(0, 1000)]);
    }

    const outcome = await this.smtp.send({
      from: row.from_address,
      to: row.to_address,
      subject: row.subject,
      text: row.body_text,
      html: row.body_html,
      messageId: row.message_id,
      attachments,
    });
    switch (outcome.kind) {
      case 'accepted':
        // The relay has the message: this UPDATE is the next and only thing done, since a crash before it commits means a second copy.
        // A try still running when the maximum age passed may land after the give-up; the relay's acceptance is the truth then.
        await this.db.query(
          `UPDATE emails SET status = 'sent', sent_at = CURRENT_TIMESTAMP(3), server_reply = ?, reject_reason = NULL, attempts = attempts + 1,
             last_attempt_at = CURRENT_TIMESTAMP(3)
           WHERE id = ? AND (status = 'queued' OR (status = 'rejected' AND reject_reason LIKE '${GIVEN_UP}%'))`,
          [outcome.reply, emailId],
        );
        return this.statusOf(emailId);
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

  /** Gives up on an email that was not accepted within the maximum age, keeping the relay's last words. */
  async giveUp(emailId: number, maxAgeHours: number): Promise<EmailStatus> {
    return this.finish(emailId, `status = 'rejected', reject_reason = LEFT(CONCAT(?, COALESCE(last_error, 'none')), 1000)`, [
      `${GIVEN_UP}${hoursText(maxAgeHours)} h; last reply: `,
    ]);
  }

  private async finish(emailId: number, assignments: string, params: unknown[]): Promise<EmailStatus> {
    await this.db.query(`UPDATE emails SET ${assignments} WHERE id = ? AND status = 'queued'`, [...params, emailId]);
    return this.statusOf(emailId);
  }

  private async statusOf(emailId: number): Promise<EmailStatus> {
    const [row]: { status: EmailStatus }[] = await this.db.query('SELECT status FROM emails WHERE id = ?', [emailId]);
    if (!row) throw new EmailMissing(`Email ${emailId} does not exist`);
    return row.status;
  }
}
