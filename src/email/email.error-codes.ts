export enum EmailErrorCode {
  EmailStillQueued = 'email_still_queued',
  ContactWithoutEmail = 'contact_without_email',
}
