export enum AccountsErrorCode {
  AccountOwnParent = 'account_own_parent',
  ParentCannotBecomeChild = 'parent_cannot_become_child',
  ChildCannotBeParent = 'child_cannot_be_parent',
  AccountTypeInUse = 'account_type_in_use',
  AccountTypeNameTaken = 'account_type_name_taken',
  AccountStatusInUse = 'account_status_in_use',
  AccountStatusNameTaken = 'account_status_name_taken',
  AccountGroupInUse = 'account_group_in_use',
  AccountGroupNameTaken = 'account_group_name_taken',
}
