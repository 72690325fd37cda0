import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TransactionResponseDto } from '../billing/dto/transaction.dto';
import { TransactionsQueryService } from '../billing/transactions-query.service';
import { NotFoundException } from '../common/errors';
import type { ProcessorPaymentDto } from './dto/processor-payment.dto';
import { PaymentReversalsService, ProcessorRefundDto } from './payment-reversals.service';
import { processorPayments } from './processor-payment-rows';

export interface PaymentDisputeDto {
  id: number;
  stripeDisputeId: string;
  amount: number;
  reason: string;
  status: string;
  /** The dispute took the payment off the ledger; false when its period was closed (see note). */
  paymentReversed: boolean;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Everything that happened to one payment on the ledger, shown in the payment's inner tabs. */
export interface PaymentHistoryDto {
  transactionId: number;
  /** The card or bank payment behind the ledger row; null for cash, check and wire. */
  processorPayment: ProcessorPaymentDto | null;
  /** Ledger rows that undo the payment (a void), oldest first. */
  reversals: TransactionResponseDto[];
  refunds: ProcessorRefundDto[];
  disputes: PaymentDisputeDto[];
}

@Injectable()
export class PaymentHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transactions: TransactionsQueryService,
    private readonly reversals: PaymentReversalsService,
  ) {}

  async ofTransaction(transactionId: number): Promise<PaymentHistoryDto> {
    const [row]: { kind: string; side: string }[] = await this.db.query('SELECT kind, side FROM transactions WHERE id = ?', [
      transactionId,
    ]);
    if (!row || row.side !== 'credit') throw new NotFoundException('Payment', transactionId);
    const [processorPayment] = await processorPayments.present(this.db.manager, 'p.transaction_id = ?', [transactionId]);
    const reversalIds: { id: number }[] = await this.db.query('SELECT id FROM transactions WHERE corrects_transaction_id = ? ORDER BY id', [
      transactionId,
    ]);
    const reversals = await Promise.all(reversalIds.map((r) => this.transactions.get(Number(r.id))));
    if (!processorPayment) return { transactionId, processorPayment: null, reversals, refunds: [], disputes: [] };
    const [refunds, disputes] = await Promise.all([
      this.reversals.refundsOfPayment(processorPayment.id),
      this.disputesOf(processorPayment.id),
    ]);
    return { transactionId, processorPayment, reversals, refunds, disputes };
  }

  private async disputesOf(paymentId: number): Promise<PaymentDisputeDto[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, stripe_dispute_id, amount, reason, status, payment_reversed, note, created_at, updated_at
         FROM processor_disputes WHERE payment_id = ? ORDER BY id`,
      [paymentId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      stripeDisputeId: r.stripe_dispute_id as string,
      amount: Number(r.amount),
      reason: r.reason as string,
      status: r.status as string,
      paymentReversed: Boolean(Number(r.payment_reversed)),
      note: (r.note as string | null) ?? null,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
    }));
  }
}
