import type { EntityManager } from 'typeorm';
import type { ProcessorPaymentDto, ProcessorPaymentStatus } from './dto/processor-payment.dto';

/** How long one call to the processor may be in flight before another caller may take the payment over. */
export const ATTEMPT_WINDOW_SECONDS = 30;

export interface ProcessorPaymentRow {
  id: number;
  accountId: number;
  paymentMethodId: number;
  method: 'card' | 'bank';
  amount: number;
  currency: string;
  date: string;
  status: ProcessorPaymentStatus;
  stripePaymentIntentId: string | null;
  failureReason: string | null;
  idempotencyKey: string;
  fingerprint: string;
  /** A call to the processor started less than the attempt window ago and has not answered yet. */
  inFlight: boolean;
  transactionId: number | null;
  createdBy: number | null;
}

const COLUMNS = `p.id, p.account_id, p.payment_method_id, p.method, p.amount, p.currency, DATE_FORMAT(p.payment_date, '%Y-%m-%d') AS payment_date,
  p.status, p.stripe_payment_intent_id, p.failure_reason, p.idempotency_key, p.request_fingerprint, p.transaction_id, p.created_by,
  (p.status = 'pending' AND p.stripe_payment_intent_id IS NULL AND p.attempted_at IS NOT NULL
    AND p.attempted_at > CURRENT_TIMESTAMP(3) - INTERVAL ${ATTEMPT_WINDOW_SECONDS} SECOND) AS in_flight`;

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toRow(r: Record<string, unknown>): ProcessorPaymentRow {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    paymentMethodId: Number(r.payment_method_id),
    method: r.method as 'card' | 'bank',
    amount: Number(r.amount),
    currency: r.currency as string,
    date: r.payment_date as string,
    status: r.status as ProcessorPaymentStatus,
    stripePaymentIntentId: (r.stripe_payment_intent_id as string | null) ?? null,
    failureReason: (r.failure_reason as string | null) ?? null,
    idempotencyKey: r.idempotency_key as string,
    fingerprint: r.request_fingerprint as string,
    inFlight: Boolean(Number(r.in_flight)),
    transactionId: nullableNumber(r.transaction_id),
    createdBy: nullableNumber(r.created_by),
  };
}

/** The SQL of processor_payments, in one place for the services that share the table. */
export const processorPayments = {
  async byId(em: EntityManager, id: number, forUpdate = false): Promise<ProcessorPaymentRow | null> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM processor_payments p WHERE p.id = ?${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toRow(row) : null;
  },

  /** Many payments in one query, by id; ids without a row are absent from the map. */
  async byIds(em: EntityManager, ids: number[], forUpdate = false): Promise<Map<number, ProcessorPaymentRow>> {
    if (!ids.length) return new Map();
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM processor_payments p WHERE p.id IN (?) ORDER BY p.id${forUpdate ? ' FOR UPDATE' : ''}`,
      [ids],
    );
    return new Map(rows.map((r) => [Number(r.id), toRow(r)]));
  },

  /** Many payments in one query, by the PaymentIntent each follows; intents without a row are absent. */
  async byIntents(em: EntityManager, paymentIntentIds: string[]): Promise<Map<string, ProcessorPaymentRow>> {
    if (!paymentIntentIds.length) return new Map();
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM processor_payments p WHERE p.stripe_payment_intent_id IN (?)`,
      [paymentIntentIds],
    );
    return new Map(rows.map((r) => [r.stripe_payment_intent_id as string, toRow(r)]));
  },

  async byIntent(em: EntityManager, paymentIntentId: string): Promise<ProcessorPaymentRow | null> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM processor_payments p WHERE p.stripe_payment_intent_id = ?`, [paymentIntentId]);
    return row ? toRow(row) : null;
  },

  async byIdempotencyKey(em: EntityManager, accountId: number, key: string): Promise<ProcessorPaymentRow | null> {
    const [row] = await em.query(
      `SELECT ${COLUMNS} FROM processor_payments p WHERE p.account_id = ? AND p.idempotency_key = ? FOR UPDATE`,
      [accountId, key],
    );
    return row ? toRow(row) : null;
  },

  /** byIdempotencyKey of many payments, locked; keyed `accountId/key`, those never made absent. */
  async byIdempotencyKeys(em: EntityManager, keys: { accountId: number; key: string }[]): Promise<Map<string, ProcessorPaymentRow>> {
    if (!keys.length) return new Map();
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM processor_payments p WHERE (p.account_id, p.idempotency_key) IN (?) FOR UPDATE`,
      [keys.map((k) => [k.accountId, k.key])],
    );
    return new Map(rows.map((r) => [`${Number(r.account_id)}/${r.idempotency_key as string}`, toRow(r)]));
  },

  /**
   * Takes the right to call the processor for a payment nobody is calling for: new, or
   * whose last caller gave up or went silent for longer than the attempt window. Only
   * one caller can win, so two retries cannot both ask Stripe at once.
   */
  async claimAttempt(em: EntityManager, id: number): Promise<boolean> {
    const result: { affectedRows: number } = await em.query(
      `UPDATE processor_payments SET attempted_at = CURRENT_TIMESTAMP(3)
        WHERE id = ? AND status = 'pending' AND stripe_payment_intent_id IS NULL
          AND (attempted_at IS NULL OR attempted_at <= CURRENT_TIMESTAMP(3) - INTERVAL ${ATTEMPT_WINDOW_SECONDS} SECOND)`,
      [id],
    );
    return Number(result.affectedRows) === 1;
  },

  /** The processor could not be asked: the next retry may ask again at once, under the same Stripe key. */
  async releaseAttempt(em: EntityManager, id: number): Promise<void> {
    await em.query('UPDATE processor_payments SET attempted_at = NULL WHERE id = ? AND stripe_payment_intent_id IS NULL', [id]);
  },

  /**
   * The payment whose ledger credit is `transactionId` was reversed by the void row
   * `reversalTransactionId`; a payment reversed already keeps its first reversal.
   */
  async markReversed(em: EntityManager, transactionId: number, reversalTransactionId: number): Promise<void> {
    await em.query(
      "UPDATE processor_payments SET status = 'reversed', reversal_transaction_id = ? WHERE transaction_id = ? AND reversal_transaction_id IS NULL",
      [reversalTransactionId, transactionId],
    );
  },

  async present(em: EntityManager, where: string, params: unknown[]): Promise<ProcessorPaymentDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT p.id, p.account_id, p.method, p.amount, p.currency, DATE_FORMAT(p.payment_date, '%Y-%m-%d') AS payment_date, p.status,
              p.failure_reason, p.stripe_payment_intent_id, p.transaction_id, p.created_at, p.updated_at,
              m.id AS method_id, m.type AS method_type, m.brand AS method_brand, m.last4 AS method_last4
         FROM processor_payments p JOIN payment_methods m ON m.id = p.payment_method_id
        WHERE ${where} ORDER BY p.id DESC`,
      params,
    );
    return rows.map((r) => {
      const transactionId = nullableNumber(r.transaction_id);
      return {
        id: Number(r.id),
        accountId: Number(r.account_id),
        method: r.method as 'card' | 'bank',
        amount: Number(r.amount),
        currency: r.currency as string,
        date: r.payment_date as string,
        status: r.status as ProcessorPaymentStatus,
        failureReason: (r.failure_reason as string | null) ?? null,
        stripePaymentIntentId: (r.stripe_payment_intent_id as string | null) ?? null,
        transactionId,
        receiptUrl: transactionId === null ? null : `/api/transactions/${transactionId}/receipt.pdf`,
        paymentMethod: {
          id: Number(r.method_id),
          type: r.method_type as 'card' | 'bank',
          brand: (r.method_brand as string | null) ?? null,
          last4: r.method_last4 as string,
        },
        createdAt: r.created_at as Date,
        updatedAt: r.updated_at as Date,
      };
    });
  },
};
