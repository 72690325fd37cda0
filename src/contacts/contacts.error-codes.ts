export enum ContactsErrorCode {
  PortalUsernameTaken = 'portal_username_taken',
  PrimaryContactNeedsSuccessor = 'primary_contact_needs_successor',
  MessageCategoryNameTaken = 'message_category_name_taken',
}
