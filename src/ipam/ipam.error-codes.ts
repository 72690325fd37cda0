export enum IpamErrorCode {
  /** A supernet, subnet or pool would share addresses with another of its kind. */
  RangeOverlap = 'ip_range_overlap',
  /** A subnet or pool still holds assignments (or subnets, or pools): remove those first. */
  RangeInUse = 'ip_range_in_use',
  /** The address (or the subnet) is assigned already, or held for another clerk. */
  AddressTaken = 'ip_address_taken',
  /** No free address is left in the pool. */
  PoolExhausted = 'ip_pool_exhausted',
  /** The assignment was removed: it is history, and history is not edited. */
  AssignmentRemoved = 'ip_assignment_removed',
}
