import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The kinds of Stripe object a row of ours records. */
export type StripeObjectKind = 'payment_intent' | 'payment_method' | 'dispute' | 'refund';

const OWNING_ROW: Record<StripeObjectKind, string> = {
  payment_intent: 'SELECT account_id FROM processor_payments WHERE stripe_payment_intent_id = ?',
  payment_method: 'SELECT account_id FROM payment_methods WHERE stripe_payment_method_id = ?',
  dispute: 'SELECT account_id FROM processor_disputes WHERE stripe_dispute_id = ?',
  refund: 'SELECT account_id FROM processor_refunds WHERE stripe_refund_id = ?',
};

/** Whose a Stripe object is, from the row of ours that records it; so a processor event can be tagged with its account. */
@Injectable()
export class StripeObjectOwners {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The account, or null when no row of ours holds the object (yet). */
  async accountOf(kind: StripeObjectKind, objectId: string): Promise<number | null> {
    const [row]: { account_id: number }[] = await this.db.query(OWNING_ROW[kind], [objectId]);
    return row ? Number(row.account_id) : null;
  }
}
