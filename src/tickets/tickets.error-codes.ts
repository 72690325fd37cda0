export enum TicketsErrorCode {
  /** Another ticket status has that name already. */
  StatusNameTaken = 'ticket_status_name_taken',
  /** Tickets have the status, so it cannot be deleted. */
  StatusInUse = 'ticket_status_in_use',
  /** The change would leave no default status, or a default that is not of kind open. */
  DefaultStatusRequired = 'ticket_default_status_required',
  /** Another ticket group has that name already. */
  GroupNameTaken = 'ticket_group_name_taken',
  /** Another ticket group receives mail at that address already. */
  GroupAddressTaken = 'ticket_group_address_taken',
  /** Tickets are in the group, so it cannot be deleted. */
  GroupInUse = 'ticket_group_in_use',
  /** The ticket was merged into another; work on the survivor. */
  TicketMerged = 'ticket_merged',
  /** Merging would make a ticket its own ancestor or merge a ticket into its own family in a loop. */
  MergeCycle = 'ticket_merge_cycle',
  /** The two tickets belong to different accounts. */
  DifferentAccounts = 'ticket_different_accounts',
  /** The parent chosen would make a ticket its own ancestor, or nest too deep. */
  ParentCycle = 'ticket_parent_cycle',
  /** A public reply on an internal ticket. */
  InternalTicketNoReply = 'ticket_internal_no_reply',
  /** A public reply on a ticket nobody would receive. */
  NoRecipients = 'ticket_no_recipients',
  /** Linking account records to a ticket that has no account. */
  NoAccount = 'ticket_no_account',
  /** The ticket's account is set once. */
  AccountAlreadySet = 'ticket_account_already_set',
}
