import { randomUUID } from 'node:crypto';
import { PaymentSyncService } from '../../src/payments/payment-sync.service';
import { addContact, billingCategoryId, queuedEmails } from '../correspondence-templates/correspondence-fixture';
import { PaymentsWorld } from './support/payments-world';

/**
 * A batch of webhook events settles its payments together (one transaction, every family
 * locked at once, the receipts queued together). Each payment must still end exactly as
 * it would alone, and one payment's trouble must stay its own.
 */
describe('bank payments settled together, as a batch of processor events settles them', () => {
  let world: PaymentsWorld;
  let sync: PaymentSyncService;
  const faults: string[] = [];

  beforeAll(async () => {
    // A database of its own: one test puts a trigger on the ledger's table.
    world = await PaymentsWorld.start({ isolated: true });
    sync = world.sut.app.get(PaymentSyncService);
  });
  afterAll(async () => {
    for (const name of faults) await world.sut.db.query(`DROP TRIGGER IF EXISTS ${name}`);
    await world.close();
  });

  /** An account owing `amount` on an invoice, with a billing contact, and a bank debit of it waiting at the bank. */
  const pendingDebit = async (amount: number, method = 'pm_usBankAccount_success') => {
    const { w } = world;
    const account = await w.account();
    const invoice = await world.invoice(account, amount);
    const contact = await addContact(w, account, {
      email: `settle-${randomUUID().slice(0, 8)}@example.com`,
      categoryIds: [await billingCategoryId(world.sut)],
    });
    const bank = await world.savedMethod(account, method);
    const res = await world.pay('bank', { accountId: account, paymentMethodId: bank.id, amount }, `together-${account}`).expect(201);
    expect(res.body.status).toBe('pending');
    return { account, invoice, contact, paymentId: res.body.id as number, intent: res.body.stripePaymentIntentId as string };
  };

  const auditCount = async (action: string, paymentId: number) => {
    const [row]: { n: string }[] = await world.sut.db.query(
      "SELECT COUNT(*) AS n FROM action_history WHERE action = ? AND entity_type = 'processor_payment' AND entity_id = ?",
      [action, String(paymentId)],
    );
    return Number(row.n);
  };

  it('ends each payment of the group as it would end alone, once, with its own message', async () => {
    const { w, stripe } = world;
    await w.today('2026-07-06');
    const paid = [await pendingDebit(4100), await pendingDebit(2300), await pendingDebit(990)];
    const returned = await pendingDebit(1500, 'pm_usBankAccount_accountClosed');
    const waiting = await pendingDebit(700);
    for (const p of paid) stripe.settle(p.intent, 'succeeded');
    stripe.settle(returned.intent, { failed: 'The customer’s bank account has been closed.' });

    const asked = [...paid, returned, waiting].map((p) => p.intent);
    const results = await sync.syncPaymentIntents([...asked, 'pi_not_ours', paid[0].intent]);
    expect(Object.fromEntries(results)).toEqual({
      [paid[0].intent]: 'recorded',
      [paid[1].intent]: 'recorded',
      [paid[2].intent]: 'recorded',
      [returned.intent]: 'failed',
      [waiting.intent]: 'unchanged',
      pi_not_ours: 'unknown',
    });

    for (const p of paid) {
      const [payment] = await world.payments(p.account);
      const ledger = await world.ledgerPayments(p.account);
      expect(ledger).toEqual([expect.objectContaining({ id: payment.transactionId, reference: p.intent })]);
      expect(payment.status).toBe('succeeded');
      expect(await w.invoice(p.invoice)).toMatchObject({ remaining: 0 });
      expect(await auditCount('processor_payment.recorded', p.paymentId)).toBe(1);
      const emails = await queuedEmails(world.sut, p.account);
      expect(emails.map((e) => [e.templateKey, e.contactId])).toEqual([['payment_receipt', p.contact.id]]);
      // Each receipt carries its own account's figures and its own payment, not a neighbour's.
      expect(emails[0].text).toContain(`${(ledger[0].amount / 100).toFixed(2)} USD`);
      const [attachment]: { source_id: number }[] = await world.sut.db.query('SELECT source_id FROM email_attachments WHERE email_id = ?', [
        emails[0].id,
      ]);
      expect(Number(attachment.source_id)).toBe(payment.transactionId);
    }
    const [failed] = await world.payments(returned.account);
    expect(failed).toMatchObject({ status: 'failed', transactionId: null });
    expect(failed.failureReason).toContain('bank account has been closed');
    expect(await world.ledgerPayments(returned.account)).toEqual([]);
    expect((await queuedEmails(world.sut, returned.account)).map((e) => e.templateKey)).toEqual(['payment_failed']);
    expect((await world.payments(waiting.account))[0].status).toBe('pending');
    expect(await queuedEmails(world.sut, waiting.account)).toEqual([]);

    // Reported again, all together: nothing changes, nothing more is written or mailed.
    const again = await sync.syncPaymentIntents(asked);
    expect([...again.values()]).toEqual(asked.map(() => 'unchanged'));
    for (const p of [...paid, returned]) {
      expect(await queuedEmails(world.sut, p.account)).toHaveLength(1);
      expect(await world.ledgerPayments(p.account)).toHaveLength(p === returned ? 0 : 1);
    }
    await w.expectBooksBalance([...paid, returned, waiting].map((p) => p.account));
  });

  it('keeps one payment’s failure its own: the rest are recorded, and it is recorded once the fault is gone', async () => {
    const { w, stripe, sut } = world;
    await w.today('2026-07-07');
    const group = [await pendingDebit(3000), await pendingDebit(3100), await pendingDebit(3200)];
    for (const p of group) stripe.settle(p.intent, 'succeeded');
    const broken = group[1];
    // The ledger refuses this one account's rows, as a database fault on one payment would.
    const trigger = `refuse_ledger_${broken.account}`;
    faults.push(trigger);
    await sut.db.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON transactions FOR EACH ROW
         IF NEW.account_id = ${Number(broken.account)} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the ledger refused this row'; END IF`,
    );

    const results = await sync.syncPaymentIntents(group.map((p) => p.intent));
    expect(results.get(group[0].intent)).toBe('recorded');
    expect(results.get(group[2].intent)).toBe('recorded');
    expect(results.get(broken.intent)).toBeInstanceOf(Error);
    expect((results.get(broken.intent) as Error).message).toContain('the ledger refused this row');
    expect((await world.payments(broken.account))[0]).toMatchObject({ status: 'pending', transactionId: null });
    expect(await world.ledgerPayments(broken.account)).toEqual([]);
    expect(await queuedEmails(sut, broken.account)).toEqual([]);
    expect(await auditCount('processor_payment.recorded', broken.paymentId)).toBe(0);

    await sut.db.query(`DROP TRIGGER ${trigger}`);
    expect(Object.fromEntries(await sync.syncPaymentIntents(group.map((p) => p.intent)))).toEqual({
      [group[0].intent]: 'unchanged',
      [broken.intent]: 'recorded',
      [group[2].intent]: 'unchanged',
    });
    for (const p of group) {
      expect(await world.ledgerPayments(p.account)).toHaveLength(1);
      expect(await queuedEmails(sut, p.account)).toHaveLength(1);
    }
    await w.expectBooksBalance(group.map((p) => p.account));
  });
});
