import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotFoundException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { StripeGateway } from './stripe.gateway';

/**
 * Each account has one Stripe customer, made the first time a payment method is set up.
 * Stripe is asked outside any database transaction; its key is derived from the account,
 * so two first-time requests at once get the same customer back and one row is kept.
 */
@Injectable()
export class StripeCustomersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gateway: StripeGateway,
    private readonly audit: AuditService,
  ) {}

  async find(em: EntityManager, accountId: number): Promise<string | null> {
    const [row]: { stripe_customer_id: string }[] = await em.query('SELECT stripe_customer_id FROM stripe_customers WHERE account_id = ?', [
      accountId,
    ]);
    return row?.stripe_customer_id ?? null;
  }

  /** find() of many accounts in one query; accounts without a customer are absent. */
  async findMany(em: EntityManager, accountIds: number[]): Promise<Map<number, string>> {
    if (!accountIds.length) return new Map();
    const rows: { account_id: number; stripe_customer_id: string }[] = await em.query(
      'SELECT account_id, stripe_customer_id FROM stripe_customers WHERE account_id IN (?)',
      [accountIds],
    );
    return new Map(rows.map((r) => [Number(r.account_id), r.stripe_customer_id]));
  }

  async customerFor(accountId: number): Promise<string> {
    const existing = await this.find(this.db.manager, accountId);
    if (existing) return existing;
    const [account]: { name: string }[] = await this.db.query('SELECT name FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    const created = await this.gateway.createCustomer(accountId, account.name);
    return transactionWithRetry(this.db, async (em) => {
      const result: { affectedRows: number } = await em.query(
        'INSERT IGNORE INTO stripe_customers (account_id, stripe_customer_id) VALUES (?, ?)',
        [accountId, created],
      );
      if (Number(result.affectedRows) === 1) {
        await this.audit.recordAction(em, {
          action: 'stripe_customer.create',
          entityType: 'account',
          entityId: accountId,
          accountId,
          after: { stripeCustomerId: created },
        });
      }
      return (await this.find(em, accountId)) as string;
    });
  }
}
