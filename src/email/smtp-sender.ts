import { Inject, Injectable } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface SmtpMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** What the relay said about one message: its acceptance line, a refusal for good, or a reason to try later. */
export type SmtpOutcome = { kind: 'accepted'; reply: string } | { kind: 'refused'; reply: string } | { kind: 'deferred'; reason: string };

/** SMTP_URL without its password, for anything a person or a log may read. */
export function redactSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = 'redacted';
    return parsed.toString();
  } catch {
    return 'an unparsable SMTP_URL';
  }
}

/**
 * Errors where the relay answered but refused the message (5xx, except 503 which only
 * says the session was out of step). A refused login is left out on purpose: it is our
 * configuration that is wrong, not the email, so the email waits for an operator.
 */
function refusedForGood(err: NodemailerError): boolean {
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH') return false;
  return typeof err.responseCode === 'number' && err.permanent === true;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 1000);
}

/**
 * One SMTP conversation per message over a fresh connection (no pool): a connection
 * reused across workflows would tie one email's failure to another's, and the relay,
 * not us, is where queuing belongs.
 */
@Injectable()
export class SmtpSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(message: SmtpMessage): Promise<SmtpOutcome> {
    const url = new URL(this.config.SMTP_URL);
    const timeoutMs = this.config.SMTP_TIMEOUT_SECONDS * 1000;
    const transport = createTransport({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      ...(url.username && { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
      logger: false,
    });
    try {
      const info = await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== null && { html: message.html }),
        messageId: message.messageId,
        attachments: message.attachments,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { kind: 'accepted', reply: oneLine(info.response) };
    } catch (caught) {
      const err = caught as NodemailerError;
      if (refusedForGood(err)) return { kind: 'refused', reply: oneLine(err.response ?? err.message) };
      return { kind: 'deferred', reason: this.describe(err) };
    } finally {
      transport.close();
    }
  }

  /** The relay's own words when it answered, else what went wrong with the connection; never the password. */
  private describe(err: NodemailerError): string {
    const text = err.response ?? [err.code, err.message].filter(Boolean).join(': ');
    const { password } = new URL(this.config.SMTP_URL);
    const safe = password ? text.split(decodeURIComponent(password)).join('[redacted]') : text;
    return oneLine(safe || 'the relay closed the connection');
  }
}
