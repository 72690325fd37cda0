import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { LedgerService } from '../billing/ledger.service';
import { BadInputException, FieldError, NotFoundException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { transactionWithRetry } from '../database/transaction';
import { AddPaymentMethodDto, PaymentMethodDto, SetupIntentDto, UpdatePaymentMethodDto } from './dto/payment-method.dto';
import { StripeCustomersService } from './stripe-customers.service';
import { PaymentMethodChanges, ProcessorMethodType, ProcessorPaymentMethod, StripeGateway } from './stripe.gateway';

const COLUMNS = `id, account_id, stripe_payment_method_id, type, brand, last4, exp_month, exp_year, holder_name, bank_account_type,
  autopay, created_at, updated_at, detached_at`;

export function toPaymentMethodDto(r: Record<string, unknown>): PaymentMethodDto {
  const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    type: r.type as 'card' | 'bank',
    brand: (r.brand as string | null) ?? null,
    last4: r.last4 as string,
    expMonth: nullableNumber(r.exp_month),
    expYear: nullableNumber(r.exp_year),
    holderName: (r.holder_name as string | null) ?? null,
    accountType: (r.bank_account_type as 'checking' | 'savings' | null) ?? null,
    autopay: Boolean(Number(r.autopay)),
    stripePaymentMethodId: r.stripe_payment_method_id as string,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    detachedAt: (r.detached_at as Date | null) ?? null,
  };
}

/**
 * Cards and bank accounts saved on an account. The numbers live at Stripe only: we keep
 * the brand, the last four digits, the expiry, the holder and the bank account type. What
 * Stripe lets change (holder, expiry, account type) can be edited; anything else means
 * deleting the method and adding it again.
 */
@Injectable()
export class PaymentMethodsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gateway: StripeGateway,
    private readonly customers: StripeCustomersService,
    private readonly locks: FamilyLockService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  async list(accountId: number): Promise<PaymentMethodDto[]> {
    await this.requireAccount(accountId);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM payment_methods WHERE account_id = ? AND detached_at IS NULL ORDER BY id`,
      [accountId],
    );
    return rows.map(toPaymentMethodDto);
  }

  /** A SetupIntent for Stripe's elements. Its client secret goes to the caller and nowhere else. */
  async setupIntent(accountId: number, type: ProcessorMethodType): Promise<SetupIntentDto> {
    const customerId = await this.customers.customerFor(accountId);
    const intent = await this.gateway.createSetupIntent(customerId, type, `setup-intent-${accountId}-${randomUUID()}`);
    await this.audit.recordAction(this.db.manager, {
      action: 'payment_method.setup',
      entityType: 'account',
      entityId: accountId,
      accountId,
      after: { setupIntentId: intent.id, type },
    });
    return { setupIntentId: intent.id, clientSecret: intent.clientSecret, type };
  }

  async add(accountId: number, dto: AddPaymentMethodDto): Promise<PaymentMethodDto> {
    await this.requireAccount(accountId);
    // Everything that can refuse the method is checked before anything is written, the customer included.
    const found = await this.gateway.retrievePaymentMethod(dto.paymentMethodId);
    if (!found) {
      throw fieldError('paymentMethodId', 'exists', `paymentMethodId: the payment processor has no payment method ${dto.paymentMethodId}`);
    }
    if (!found.type) {
      throw fieldError('paymentMethodId', 'type', 'paymentMethodId: only cards and US bank accounts can be saved');
    }
    const knownCustomer = await this.customers.find(this.db.manager, accountId);
    if (found.customerId && found.customerId !== knownCustomer) {
      throw fieldError('paymentMethodId', 'available', 'paymentMethodId: this payment method is saved for another customer');
    }
    const customerId = knownCustomer ?? (await this.customers.customerFor(accountId));
    // The key is derived from what is attached where, so a retried request attaches once.
    let method = found.customerId ? found : await this.gateway.attachPaymentMethod(found.id, customerId, `attach-${accountId}-${found.id}`);
    const holderName = dto.holderName?.trim() || undefined;
    if (holderName !== undefined && holderName !== method.holderName) {
      method = await this.gateway.updatePaymentMethod(method.id, { holderName }, `payment-method-holder-${randomUUID()}`);
    }
    if (!method.type || !method.last4) {
      throw fieldError('paymentMethodId', 'type', 'paymentMethodId: only cards and US bank accounts can be saved');
    }
    return this.save(accountId, method, dto.autopay ?? false);
  }

  async update(accountId: number, methodId: number, dto: UpdatePaymentMethodDto): Promise<PaymentMethodDto> {
    const current = await this.requireMethod(this.db.manager, accountId, methodId);
    const changes = this.processorChanges(current, dto);
    if (Object.keys(changes).length) {
      await this.gateway.updatePaymentMethod(current.stripePaymentMethodId, changes, `payment-method-${methodId}-update-${randomUUID()}`);
    }
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const before = await this.requireMethod(em, accountId, methodId, true);
      const columns: Record<string, unknown> = {};
      if (changes.holderName !== undefined) columns.holder_name = changes.holderName;
      if (changes.expMonth !== undefined) columns.exp_month = changes.expMonth;
      if (changes.expYear !== undefined) columns.exp_year = changes.expYear;
      if (changes.bankAccountType !== undefined) columns.bank_account_type = changes.bankAccountType;
      if (dto.autopay !== undefined && dto.autopay !== before.autopay) {
        if (dto.autopay) await this.clearAutopay(em, accountId);
        columns.autopay = dto.autopay ? 1 : 0;
      }
      if (!Object.keys(columns).length) return before;
      const assignments = Object.keys(columns).map((column) => `${column} = ?`);
      await em.query(`UPDATE payment_methods SET ${assignments.join(', ')} WHERE id = ?`, [...Object.values(columns), methodId]);
      const after = await this.requireMethod(em, accountId, methodId);
      await this.audit.recordAction(em, {
        action: 'payment_method.update',
        entityType: 'payment_method',
        entityId: methodId,
        accountId,
        before: auditState(before),
        after: auditState(after),
      });
      return after;
    });
  }

  /** Detaches the method at Stripe, then marks it deleted here; it stays for the payments made with it. */
  async remove(accountId: number, methodId: number): Promise<PaymentMethodDto> {
    const current = await this.requireMethod(this.db.manager, accountId, methodId);
    await this.gateway.detachPaymentMethod(current.stripePaymentMethodId, `payment-method-${methodId}-detach`);
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const before = await this.requireMethod(em, accountId, methodId, true);
      await this.markDetached(em, before);
      return (await this.findMethod(em, accountId, methodId)) as PaymentMethodDto;
    });
  }

  /**
   * Marks a method detached (Stripe no longer has it on the customer). The caller holds
   * the family lock; autopay moves to no method rather than to another one.
   */
  async markDetached(em: EntityManager, method: PaymentMethodDto): Promise<void> {
    await em.query('UPDATE payment_methods SET detached_at = CURRENT_TIMESTAMP(3), autopay = 0 WHERE id = ? AND detached_at IS NULL', [
      method.id,
    ]);
    await this.audit.recordAction(em, {
      action: 'payment_method.delete',
      entityType: 'payment_method',
      entityId: method.id,
      accountId: method.accountId,
      before: auditState(method),
      after: null,
    });
  }

  /** An attached method of the account, or a 400 naming `field`. */
  async requireUsable(
    em: EntityManager,
    accountId: number,
    methodId: number,
    type: ProcessorMethodType,
    field: string,
  ): Promise<PaymentMethodDto> {
    return (await this.requireUsableMany(em, [{ accountId, methodId, type }], field))[0];
  }

  /** requireUsable of many payments' methods in one query; the first that fails the rules is the error. */
  async requireUsableMany(
    em: EntityManager,
    wanted: { accountId: number; methodId: number; type: ProcessorMethodType }[],
    field: string,
  ): Promise<PaymentMethodDto[]> {
    if (!wanted.length) return [];
    const rows: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM payment_methods WHERE id IN (?)`, [
      [...new Set(wanted.map((w) => w.methodId))],
    ]);
    const byId = new Map(rows.map((r) => [Number(r.id), toPaymentMethodDto(r)]));
    return wanted.map(({ accountId, methodId, type }) => {
      const method = byId.get(methodId);
      if (!method || method.accountId !== accountId || method.detachedAt) {
        throw fieldError(field, 'exists', `${field}: account ${accountId} has no saved payment method ${methodId}`);
      }
      if (method.type !== type) {
        throw fieldError(field, type, `${field}: payment method ${methodId} is a ${method.type === 'card' ? 'card' : 'bank account'}`);
      }
      return method;
    });
  }

  async findMethod(em: EntityManager, accountId: number, methodId: number, forUpdate = false): Promise<PaymentMethodDto | null> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM payment_methods WHERE id = ? AND account_id = ?${forUpdate ? ' FOR UPDATE' : ''}`,
      [methodId, accountId],
    );
    return row ? toPaymentMethodDto(row) : null;
  }

  private async requireMethod(em: EntityManager, accountId: number, methodId: number, forUpdate = false): Promise<PaymentMethodDto> {
    const method = await this.findMethod(em, accountId, methodId, forUpdate);
    if (!method || method.detachedAt) throw new NotFoundException('Payment method', methodId);
    return method;
  }

  private async save(accountId: number, method: ProcessorPaymentMethod, autopay: boolean): Promise<PaymentMethodDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const [existing]: { id: number }[] = await em.query(
        'SELECT id FROM payment_methods WHERE account_id = ? AND attached_stripe_id = ?',
        [accountId, method.id],
      );
      // Adding the same method twice (a retried request) returns the first row.
      if (existing) return (await this.findMethod(em, accountId, Number(existing.id))) as PaymentMethodDto;
      if (autopay) await this.clearAutopay(em, accountId);
      const result: { insertId: number } = await em.query(
        `INSERT INTO payment_methods (account_id, stripe_payment_method_id, type, brand, last4, exp_month, exp_year, holder_name,
           bank_account_type, autopay, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          accountId,
          method.id,
          method.type,
          method.brand?.slice(0, 60) ?? null,
          method.last4,
          method.expMonth,
          method.expYear,
          method.holderName?.slice(0, 200) || null,
          method.bankAccountType,
          autopay ? 1 : 0,
          requestContext.current()?.actor?.userId ?? null,
        ],
      );
      const saved = (await this.findMethod(em, accountId, Number(result.insertId))) as PaymentMethodDto;
      await this.audit.recordAction(em, {
        action: 'payment_method.create',
        entityType: 'payment_method',
        entityId: saved.id,
        accountId,
        after: auditState(saved),
      });
      return saved;
    });
  }

  private async clearAutopay(em: EntityManager, accountId: number): Promise<void> {
    await em.query('UPDATE payment_methods SET autopay = 0 WHERE account_id = ? AND autopay = 1', [accountId]);
  }

  /** What must change at Stripe; refuses fields that do not apply to this kind of method. */
  private processorChanges(current: PaymentMethodDto, dto: UpdatePaymentMethodDto): PaymentMethodChanges {
    const errors: FieldError[] = [];
    const changes: PaymentMethodChanges = {};
    if (dto.holderName !== undefined) {
      const holderName = dto.holderName?.trim() || null;
      if (holderName !== current.holderName) changes.holderName = holderName;
    }
    if (current.type === 'bank') {
      for (const field of ['expMonth', 'expYear'] as const) {
        if (dto[field] !== undefined)
          errors.push({ field, rule: 'cardOnly', message: `${field} applies to cards only, not bank accounts` });
      }
      if (dto.accountType !== undefined && dto.accountType !== current.accountType) changes.bankAccountType = dto.accountType;
    } else {
      if (dto.accountType !== undefined) {
        errors.push({ field: 'accountType', rule: 'bankOnly', message: 'accountType applies to bank accounts only, not cards' });
      }
      if (dto.expMonth !== undefined || dto.expYear !== undefined) {
        const expMonth = dto.expMonth ?? (current.expMonth as number);
        const expYear = dto.expYear ?? (current.expYear as number);
        const [year, month] = this.ledger.today().split('-').map(Number);
        if (expYear * 12 + expMonth < year * 12 + month) {
          errors.push({
            field: dto.expYear !== undefined ? 'expYear' : 'expMonth',
            rule: 'notExpired',
            message: 'the new expiry date is in the past',
          });
        }
        if (expMonth !== current.expMonth || expYear !== current.expYear) Object.assign(changes, { expMonth, expYear });
      }
    }
    if (errors.length) throw new BadInputException(errors);
    return changes;
  }

  private async requireAccount(accountId: number): Promise<void> {
    const [row]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!row) throw new NotFoundException('Account', accountId);
  }
}

function fieldError(field: string, rule: string, message: string): BadInputException {
  return new BadInputException([{ field, rule, message }]);
}

/** What the action history keeps of a method: never more than the list shows. */
function auditState(method: PaymentMethodDto): Record<string, unknown> {
  const { id, type, brand, last4, expMonth, expYear, holderName, accountType, autopay, stripePaymentMethodId } = method;
  return { id, type, brand, last4, expMonth, expYear, holderName, accountType, autopay, stripePaymentMethodId };
}
