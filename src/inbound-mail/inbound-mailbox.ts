import type { AppConfig } from '../config/app-config';

/** The helpdesk mailbox as INBOUND_MAIL_IMAP_URL names it. */
export interface InboundMailbox {
  host: string;
  port: number;
  /** imaps: TLS from the first byte. */
  secure: boolean;
  user: string;
  password: string;
  folder: string;
  /**
   * The mailbox without its password (`imap://support%40isp.example@mail.isp.example:993/INBOX`):
   * its row in inbound_mailboxes and its workflow's id. Safe to log and to show.
   */
  key: string;
}

/** The configured mailbox, or null when inbound mail is off. */
export function inboundMailbox(config: Pick<AppConfig, 'INBOUND_MAIL_IMAP_URL'>): InboundMailbox | null {
  if (!config.INBOUND_MAIL_IMAP_URL) return null;
  const url = new URL(config.INBOUND_MAIL_IMAP_URL);
  const secure = url.protocol === 'imaps:';
  const port = Number(url.port || (secure ? 993 : 143));
  const folder = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    secure,
    user,
    password: decodeURIComponent(url.password),
    folder,
    key: `${url.protocol}//${encodeURIComponent(user)}@${url.host.includes(':') ? url.host : `${url.host}:${port}`}/${encodeURIComponent(folder)}`,
  };
}
