/**
 * An invoice money can still be collected on: not void, not frozen by a clerk, and not
 * yet paid in full. Autopay, delinquency and the ledger's auto-apply all mean this by
 * "open", so it is written once, for an invoices table aliased `alias`.
 */
export function collectableInvoice(alias: string): string {
  return `${alias}.is_void = 0 AND ${alias}.frozen = 0 AND ${alias}.paid < ${alias}.total`;
}
