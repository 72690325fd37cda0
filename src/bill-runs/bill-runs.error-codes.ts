export enum BillRunsErrorCode {
  ParkedAccountResolved = 'parked_account_resolved',
}
