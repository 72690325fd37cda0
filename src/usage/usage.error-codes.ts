export enum UsageErrorCode {
  /** Another usage policy has that name already. */
  PolicyNameTaken = 'usage_policy_name_taken',
  /** A policy that data services or settled periods still name. */
  PolicyInUse = 'usage_policy_in_use',
  /** The account's data service has no policy that allows top-offs. */
  TopOffNotAllowed = 'usage_top_off_not_allowed',
}
