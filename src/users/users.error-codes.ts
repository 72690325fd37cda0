export enum UsersErrorCode {
  EmailTaken = 'email_taken',
  RoleInUse = 'role_in_use',
  RoleNameTaken = 'role_name_taken',
}
