export enum RadiusErrorCode {
  /** Another RADIUS account has that username already. */
  UsernameTaken = 'radius_username_taken',
  /** Another NAS device has that address already. */
  NasAddressTaken = 'nas_address_taken',
  /** Another NAS device has that name already. */
  NasNameTaken = 'nas_name_taken',
  /** A RADIUS account that still holds addresses: they would be orphaned on the server. */
  AccountInUse = 'radius_account_in_use',
}
