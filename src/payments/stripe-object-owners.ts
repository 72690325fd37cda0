import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The kinds of Stripe object a row of ours records. */
export type StripeObjectKind = 'payment_intent' | 'payment_method' | 'dispute' | 'refund';

/** The table of ours that records each kind, and its column of the object's id. */
const OWNING_ROW: Record<StripeObjectKind, [table: string, column: string]> = {
  payment_intent: ['processor_payments', 'stripe_payment_intent_id'],
  payment_method: ['payment_methods', 'stripe_payment_method_id'],
  dispute: ['processor_disputes', 'stripe_dispute_id'],
  refund: ['processor_refunds', 'stripe_refund_id'],
};

/** Whose a Stripe object is, from the row of ours that records it; so a processor event can be tagged with its account. */
@Injectable()
export class StripeObjectOwners {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The account, or null when no row of ours holds the object (yet). */
  async accountOf(kind: StripeObjectKind, objectId: string): Promise<number | null> {
    return (await this.accountsOf(kind, [objectId])).get(objectId) ?? null;
  }

  /** The same for many objects of one kind in one query; objects no row of ours holds are absent. */
  async accountsOf(kind: StripeObjectKind, objectIds: string[]): Promise<Map<string, number>> {
    if (!objectIds.length) return new Map();
    const [table, column] = OWNING_ROW[kind];
    const rows: { object_id: string; account_id: number }[] = await this.db.query(
      // Newest first, so where rows share an object (a payment method added twice) the first one's account is kept.
      `SELECT ${column} AS object_id, account_id FROM ${table} WHERE ${column} IN (?) ORDER BY id DESC`,
      [objectIds],
    );
    return new Map(rows.map((r) => [r.object_id, Number(r.account_id)]));
  }
}
