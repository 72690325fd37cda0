export enum BillingConfigErrorCode {
  AccountingPeriodClosed = 'accounting_period_closed',
  AccountingPeriodReopen = 'accounting_period_reopen',
  AccountingPeriodBackwards = 'accounting_period_backwards',
  ExclusionDateTaken = 'exclusion_date_taken',
}
