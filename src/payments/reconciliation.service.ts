import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, isBillingDate } from '../billing/billing-calendar';
import { BadInputException } from '../common/errors';
import { PAYMENT_ID_METADATA, StripeGateway } from './stripe.gateway';

export type ReconciliationProblem =
  'missing_at_processor' | 'unknown_to_us' | 'amount_differs' | 'succeeded_not_recorded' | 'recorded_not_succeeded';

export interface ReconciliationLine {
  problem: ReconciliationProblem;
  paymentIntentId: string;
  paymentId: number | null;
  accountId: number | null;
  ours: { amount: number; status: string } | null;
  processor: { amount: number; status: string } | null;
}

export interface ReconciliationReport {
  from: string;
  to: string;
  matched: number;
  differences: ReconciliationLine[];
}

/**
 * Our card and bank payments against the processor's list for a date range: every
 * payment intent on either side is matched by id, and anything that does not agree
 * (one side only, another amount, a success only one side knows of) is listed.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stripe: StripeGateway,
  ) {}

  async reconcile(from: string, to: string): Promise<ReconciliationReport> {
    const errors = [
      ...(isBillingDate(from) ? [] : [{ field: 'from', rule: 'date', message: 'from must be a date as YYYY-MM-DD' }]),
      ...(isBillingDate(to) ? [] : [{ field: 'to', rule: 'date', message: 'to must be a date as YYYY-MM-DD' }]),
    ];
    if (!errors.length && to < from) errors.push({ field: 'to', rule: 'afterFrom', message: 'to cannot be before from' });
    if (errors.length) throw new BadInputException(errors);

    // Intents are created the moment we write the payment, so both sides use creation time (UTC days).
    const start = Date.parse(`${from}T00:00:00Z`) / 1000;
    const end = Date.parse(`${addDays(to, 1)}T00:00:00Z`) / 1000;
    const ours: { id: number; account_id: number; amount: number; status: string; intent: string }[] = await this.db.query(
      `SELECT id, account_id, amount, status, stripe_payment_intent_id AS intent FROM processor_payments
        WHERE stripe_payment_intent_id IS NOT NULL AND created_at >= FROM_UNIXTIME(?) AND created_at < FROM_UNIXTIME(?)`,
      [start, end],
    );
    const theirs = await this.stripe.listPaymentIntents(start, end);
    const theirsById = new Map(theirs.map((i) => [i.id, i]));
    const oursById = new Map(ours.map((p) => [p.intent, p]));
    const differences: ReconciliationLine[] = [];
    let matched = 0;
    for (const payment of ours) {
      const intent = theirsById.get(payment.intent);
      const line = (problem: ReconciliationProblem): ReconciliationLine => ({
        problem,
        paymentIntentId: payment.intent,
        paymentId: Number(payment.id),
        accountId: Number(payment.account_id),
        ours: { amount: Number(payment.amount), status: payment.status },
        processor: intent ? { amount: intent.amount, status: intent.status } : null,
      });
      const recorded = ['succeeded', 'refunded', 'reversed'].includes(payment.status);
      if (!intent) differences.push(line('missing_at_processor'));
      else if (intent.amount !== Number(payment.amount)) differences.push(line('amount_differs'));
      else if (intent.status === 'succeeded' && !recorded) differences.push(line('succeeded_not_recorded'));
      else if (intent.status !== 'succeeded' && recorded) differences.push(line('recorded_not_succeeded'));
      else matched += 1;
    }
    for (const intent of theirs) {
      if (oursById.has(intent.id)) continue;
      const paymentId = Number(intent.metadata[PAYMENT_ID_METADATA]);
      differences.push({
        problem: 'unknown_to_us',
        paymentIntentId: intent.id,
        paymentId: Number.isSafeInteger(paymentId) && paymentId > 0 ? paymentId : null,
        accountId: null,
        ours: null,
        processor: { amount: intent.amount, status: intent.status },
      });
    }
    return { from, to, matched, differences };
  }
}
