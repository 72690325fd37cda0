export enum CorrespondenceTemplatesErrorCode {
  NoRecipients = 'no_recipients',
}
