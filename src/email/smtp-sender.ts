import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { NodemailerError } from 'nodemailer/lib/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface SmtpMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  /** The message this one answers, and the thread before it (oldest first); both absent for a message that answers nothing. */
  inReplyTo?: string | null;
  references?: string[];
  replyTo?: string | null;
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

/** A few connections to the relay kept for one batch pass's messages; closed when the pass ends. */
export interface SmtpSession {
  send(message: SmtpMessage): Promise<SmtpOutcome>;
  close(): void;
}

/**
 * Talks to the relay. An email delivered alone has a conversation of its own over a
 * fresh connection, so nothing of another email's delivery rides on it. A batch pass
 * opens a session: as many connections as it sends at once, reused for its own emails
 * only and closed at the end of the pass, which spares the relay and us a connection
 * and a greeting per message on a bill day. Each message still gets its own answer
 * (and so its own retry); a connection the relay drops fails only the message on it,
 * and the session opens another for the rest.
 */
/**
 * A silence once the session is open may last this many times SMTP_TIMEOUT_SECONDS: a relay checks a
 * whole message before it answers its end (RFC 5321 lets it take ten minutes), and a client that
 * gives up on that answer sends again a message the relay may already have. Five times the default
 * 30 s is 150 s; a try's turn (ten times) still outlasts connecting, the greeting and that silence.
 */
export const SILENCE_FACTOR = 5;

@Injectable()
export class SmtpSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(message: SmtpMessage): Promise<SmtpOutcome> {
    const transport = createTransport(this.transportOptions());
    try {
      return await this.sendOver(transport, message);
    } finally {
      transport.close();
    }
  }

  openSession(connections: number): SmtpSession {
    // maxRequeues 0: left to itself, the pool quietly sends a message again on another connection
    // when its own closed before the greeting, or fails it, depending on which socket event comes
    // first. Every try must be ours, counted and paced like any other deferral.
    const transport = createTransport({
      ...this.transportOptions(),
      pool: true,
      maxConnections: connections,
      maxMessages: Infinity,
      maxRequeues: 0,
    });
    return { send: (message) => this.sendOver(transport, message), close: () => transport.close() };
  }

  private transportOptions(): SMTPTransport.Options {
    const url = new URL(this.config.SMTP_URL);
    const timeoutMs = this.config.SMTP_TIMEOUT_SECONDS * 1000;
    return {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      ...(url.username && { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs * SILENCE_FACTOR,
      dnsTimeout: timeoutMs,
      logger: false,
    };
  }

  private async sendOver(transport: Transporter, message: SmtpMessage): Promise<SmtpOutcome> {
    try {
      const info = await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== null && { html: message.html }),
        messageId: message.messageId,
        ...(message.inReplyTo && { inReplyTo: message.inReplyTo }),
        ...(message.references?.length && { references: message.references }),
        ...(message.replyTo && { replyTo: message.replyTo }),
        attachments: message.attachments,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { kind: 'accepted', reply: oneLine(info.response ?? '') };
    } catch (caught) {
      const err = caught as NodemailerError;
      if (refusedForGood(err)) return { kind: 'refused', reply: oneLine(err.response ?? err.message) };
      return { kind: 'deferred', reason: this.describe(err) };
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
