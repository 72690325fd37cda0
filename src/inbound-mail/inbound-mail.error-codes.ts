export enum InboundMailErrorCode {
  /** No helpdesk mailbox is configured (INBOUND_MAIL_IMAP_URL), so there is nothing to check. */
  NotConfigured = 'inbound_mail_not_configured',
  /** The mailbox reader could not be reached (Temporal is down); the mailbox is still read on its own schedule once it is back. */
  CheckUnavailable = 'inbound_mail_check_unavailable',
}
