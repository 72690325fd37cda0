export enum RadiusErrorCode {
  /** Another RADIUS account (or NAS device) has that name already. */
  UsernameTaken = 'radius_username_taken',
  NasAddressTaken = 'nas_address_taken',
  /** A RADIUS account that still holds addresses: they would be orphaned on the server. */
  AccountInUse = 'radius_account_in_use',
}
