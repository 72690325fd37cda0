import { MockActivityEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { BillBatchResult, BillRunActivities } from '../../src/bill-runs/bill-run.activities';
import { createStatus } from '../disconnection/disconnection-fixture';
import { PaymentsWorld } from '../payments/support/payments-world';
import { inHours, schedule } from '../scheduled-events/scheduled-events-world';
import { startTestWorker } from '../support/test-worker';
import { signedStripeEvent, stripeEventOutcome } from '../support/stripe-events';

const ROUNDS = 3;

interface Outcome {
  what: string;
  status: number;
  body: unknown;
}

/**
 * Everything that moves money or locks an account, aimed at one family (a parent
 * and two children) at the same moment: cash payments on all three, the bill
 * run's batch activity over each of them, a void, a scheduled event acting, a
 * bank payment settled by Stripe's webhook, a disconnection and a clerk's note. Every writer
 * takes the family's rows in one order (parent, then children by id), so they
 * queue instead of deadlocking; a deadlock that still happened and outlived the
 * retries would show as a 5xx, a failed bill-run account or a failed workflow.
 */
describe('one family, every kind of writer at once', () => {
  let world: PaymentsWorld;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
    ({ stop: stopWorker } = await startTestWorker(world.sut));
  });
  afterAll(async () => {
    await stopWorker();
    await world.close();
  });

  /** Stripe's event that a payment intent succeeded, signed as Stripe signs it. */
  function succeeded(intentId: string) {
    return signedStripeEvent(
      world.sut,
      'payment_intent.succeeded',
      { id: intentId, object: 'payment_intent', status: 'succeeded' },
      'evt_family',
    );
  }

  it(`queues every writer and keeps the books, ${ROUNDS} rounds`, async () => {
    const { w, sut } = world;
    const activities = sut.app.get(BillRunActivities);
    const bill = new MockActivityEnvironment();
    const disconnected = await createStatus(w, false);
    const monthly = await w.service(3000);
    const extra = await w.service(1200);

    for (let round = 0; round < ROUNDS; round++) {
      const today = `2025-0${round + 3}-01`;
      await w.today(today);
      const parent = await w.account();
      const [first, second] = [await w.account(), await w.account()];
      for (const child of [first, second]) await w.post(`/api/accounts/${parent}/child-accounts`, { childAccountId: child }).expect(201);
      const family = [parent, first, second];
      for (const id of family) await w.addService(id, monthly, today);

      const owed = await world.invoice(parent, 6000);
      const toVoid = await world.invoice(second, 2500);
      const bank = await world.savedMethod(parent, 'pm_usBankAccount_success');
      const pending = await world.pay('bank', { accountId: parent, paymentMethodId: bank.id, amount: 6000 }, `family-${randomUUID()}`);
      expect(pending.body).toMatchObject({ status: 'pending' });
      const intentId = pending.body.stripePaymentIntentId as string;
      world.stripe.settle(intentId, 'succeeded');
      const event = await schedule(w, second, { kind: 'add_service', serviceId: extra, runAt: inHours(72) });
      const { billRunId } = await activities.openBillRun({ date: today, workflowId: `one-family/${randomUUID()}`, startedBy: null });
      const webhook = succeeded(intentId);

      const answer = async (what: string, req: PromiseLike<{ status: number; body: unknown }>): Promise<Outcome> => {
        const res = await req;
        return { what, status: res.status, body: res.body };
      };
      const cash = (accountId: number, amount: number) =>
        answer(`cash ${amount} on ${accountId}`, w.post('/api/payments', { accountId, method: 'cash', amount }));
      const batch = async (accountId: number): Promise<Outcome> => {
        const result = (await bill.run(() =>
          activities.billAccountsBatch({ billRunId, date: today, afterAccountId: accountId - 1, upToAccountId: accountId, limit: 1 }),
        )) as BillBatchResult;
        // A failed account is the batch's way of swallowing an error: it counts as one here.
        return { what: `bill-run batch for ${accountId}`, status: result.failures ? 500 : 200, body: result };
      };
      const settlement = async (): Promise<Outcome> => {
        const res = await sut
          .http()
          .post('/api/webhooks/stripe')
          .set('Content-Type', 'application/json')
          .set('Stripe-Signature', webhook.header)
          .send(webhook.payload);
        await stripeEventOutcome(sut, webhook.id);
        return { what: 'webhook settlement', status: res.status, body: res.body };
      };

      const outcomes = await Promise.all([
        cash(parent, 700),
        cash(first, 300),
        batch(parent),
        answer('void', w.post(`/api/invoices/${toVoid}/void`)),
        cash(second, 200),
        batch(first),
        answer('scheduled event', w.post(`/api/scheduled-events/${event.id}/perform-now`)),
        settlement(),
        answer('disconnect', w.post(`/api/accounts/${first}/disconnect`, { statusId: disconnected.id })),
        batch(second),
        cash(parent, 400),
        // A clerk's edit locks the same family in the same order, so it queues with the money.
        answer('note', w.post('/api/account-notes', { accountId: second, body: 'Asked about the bill.' })),
      ]);
      await activities.closeBillRun({ billRunId, status: 'completed' });

      const refused = outcomes.filter((o) => o.status >= 300);
      expect(refused).toEqual([]);
      const [payment] = await world.payments(parent);
      expect(payment).toMatchObject({ status: 'succeeded' });
      expect(await w.invoice(toVoid)).toMatchObject({ void: true });
      expect((await w.get(`/api/scheduled-events/${event.id}`).expect(200)).body).toMatchObject({ state: 'done' });
      expect((await w.get(`/api/accounts/${first}/disconnections`).expect(200)).body).toHaveLength(1);
      const billed: { n: number }[] = await sut.db.query(
        'SELECT COUNT(*) AS n FROM invoices WHERE account_id IN (?) AND generated_for = ?',
        [family, today],
      );
      expect(Number(billed[0].n)).toBeGreaterThan(0);
      expect((await w.invoice(owed)).paid).toBeGreaterThan(0);
      await w.expectBooksBalance(family);
    }
  }, 240_000);
});
