import { UNINVOICED_CHARGE_CONDITION } from './billing-figures.service';

/**
 * What "due on a date" means, written once as SQL. An invoice dated D covers a
 * service period: the month starting on D when billing in advance, the month
 * ending the day before D in arrears. A service owes a recurring charge on that
 * invoice when it has days up to the period's end after what it was last charged
 * through, earlier days an invoice missed included; in advance, a service added
 * after the period started was settled when it was added. Recurring charges are owed only on the account's billing day. The
 * bill run's choice of accounts and the invoice of a single account both use these
 * conditions, so they cannot disagree.
 */

/** SQL expressions (given the invoice date and the bill timing as SQL) for the period the invoice covers, end exclusive. */
export function invoicePeriodSql(date: string, timing: string): { start: string; end: string } {
  return {
    start: `IF(${timing} = 'advance', ${date}, DATE_SUB(${date}, INTERVAL 1 MONTH))`,
    end: `IF(${timing} = 'advance', DATE_ADD(${date}, INTERVAL 1 MONTH), ${date})`,
  };
}

/**
 * The account service aliased `s` owes a charge on an invoice for the period
 * (start inclusive, end exclusive, as SQL expressions) under the bill timing (an
 * SQL expression): it has days up to the period's end never charged, including
 * days before the period that an earlier invoice missed. chargesOwed computes the
 * amounts of exactly these rows.
 */
export function serviceOwesCondition(period: { start: string; end: string }, timing: string): string {
  return `GREATEST(s.added_on, COALESCE(s.charged_through, s.added_on)) < LEAST(${period.end}, COALESCE(s.removed_on, ${period.end}))
    AND (${timing} = 'arrears' OR s.added_on <= ${period.start})`;
}

/** The date (an SQL expression) is the day the service periods of the account whose effective settings are aliased `settings` start. */
export function billingDayCondition(settings: string, date: string): string {
  return `${settings}.anchor_day = DAY(${date})`;
}

/**
 * The account aliased `account`, whose effective settings are aliased `settings`
 * (billing-config's view), is due on the date (an SQL expression): the date is the
 * day its service periods start, and it has a service owing a charge for the
 * period the invoice covers or a charge dated by then waiting for an invoice. An
 * account already invoiced for the date stays due, so a batch run again after its
 * commit finds and counts the invoices it made.
 */
export function accountDueCondition(account: string, settings: string, date: string): string {
  const timing = `${settings}.bill_timing`;
  return `${billingDayCondition(settings, date)}
    AND (EXISTS (SELECT 1 FROM account_services s WHERE s.account_id = ${account}.id
                   AND ${serviceOwesCondition(invoicePeriodSql(date, timing), timing)})
         OR EXISTS (SELECT 1 FROM transactions t WHERE t.account_id = ${account}.id AND ${UNINVOICED_CHARGE_CONDITION}
                      AND t.transaction_date <= ${date})
         OR EXISTS (SELECT 1 FROM invoices i WHERE i.account_id = ${account}.id AND i.generated_for = ${date}))`;
}
