import { Client, Connection } from '@temporalio/client';
import { PaymentsWorld } from '../payments/support/payments-world';
import { startTestWorker } from '../support/test-worker';
import { signedStripeEvent, stripeEventOutcome } from '../support/stripe-events';

/**
 * The items in an order drawn from a fixed seed (mulberry32), so the order a run
 * delivered its events in is the order every run delivers them in, and a failure replays.
 */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Webhooks doing their job end to end: a bank payment settled by Stripe's event,
 * every event delivered three times, concurrently and in shuffled order, each
 * with its effect exactly once and the books balanced.
 */
describe('Stripe webhooks settling payments', () => {
  let world: PaymentsWorld;
  let stopWorker: () => Promise<void>;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
    ({ stop: stopWorker } = await startTestWorker(world.sut));
    connection = await Connection.connect({ address: world.sut.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: world.sut.config.TEMPORAL_NAMESPACE });
  });
  afterAll(async () => {
    await stopWorker();
    await connection.close();
    await world.close();
  });

  const delivery = (type: string, object: Record<string, unknown>) => signedStripeEvent(world.sut, type, object, 'evt_pay');

  it('records a settled bank payment once, and a detached method once, whatever the deliveries', async () => {
    const { w } = world;
    await w.today('2026-06-20');
    const account = await w.account();
    const invoice = await world.invoice(account, 6000);
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    const card = await world.savedMethod(account, 'pm_card_visa');
    const res = await world
      .pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 6000 }, `webhook-settlement-${account}`)
      .expect(201);
    const intentId = res.body.stripePaymentIntentId as string;
    expect(res.body.status).toBe('pending');

    world.stripe.settle(intentId, 'succeeded');
    // Stripe's own state first, as it is when it sends the events.
    world.stripe.detach(card.stripePaymentMethodId);
    // Out of order on purpose: the failure notice of an earlier attempt arrives after the success.
    const succeeded = delivery('payment_intent.succeeded', { id: intentId, object: 'payment_intent', status: 'succeeded' });
    const staleFailure = delivery('payment_intent.payment_failed', {
      id: intentId,
      object: 'payment_intent',
      status: 'requires_payment_method',
    });
    const detached = delivery('payment_method.detached', { id: card.stripePaymentMethodId, object: 'payment_method' });
    const sends = shuffle(
      [succeeded, staleFailure, detached].flatMap((d) => [d, d, d]),
      20261201,
    );
    const answers = await Promise.all(sends.map((d) => d.send()));
    expect(answers.map((a) => a.status)).toEqual(sends.map(() => 200));

    for (const d of [succeeded, staleFailure, detached]) await stripeEventOutcome(world.sut, d.id);
    const rows: { id: string; deliveries: number; status: string }[] = await world.sut.db.query(
      'SELECT id, deliveries, status FROM webhook_events WHERE id IN (?)',
      [[succeeded.id, staleFailure.id, detached.id]],
    );
    expect(rows.map((r) => [Number(r.deliveries), r.status])).toEqual([
      [3, 'processed'],
      [3, 'processed'],
      [3, 'processed'],
    ]);

    const ledger = await world.ledgerPayments(account);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ amount: 6000 });
    const [payment] = await world.payments(account);
    expect(payment).toMatchObject({ status: 'succeeded', transactionId: ledger[0].id });
    expect(await w.invoice(invoice)).toMatchObject({ paid: 6000, remaining: 0 });
    const methods = (await w.get(`/api/accounts/${account}/payment-methods`).expect(200)).body as { id: number }[];
    expect(methods.map((m) => m.id)).not.toContain(card.id);
    await w.expectBooksBalance([account]);
  });

  it('reverses a disputed card payment once, however often the dispute is announced', async () => {
    const { w } = world;
    await w.today('2026-06-21');
    const account = await w.account();
    const invoice = await world.invoice(account, 4200);
    const card = await world.savedMethod(account, 'pm_card_visa');
    const paid = await world
      .pay('card', { accountId: account, paymentMethodId: card.id, amount: 4200 }, `dispute-${account}-card`)
      .expect(201);
    expect(await w.invoice(invoice)).toMatchObject({ paid: 4200 });

    const disputeId = world.stripe.dispute(paid.body.stripePaymentIntentId, 4200, 'fraudulent');
    const created = delivery('charge.dispute.created', { id: disputeId, object: 'dispute' });
    const answers = await Promise.all(shuffle([created, created, created], 20261202).map((d) => d.send()));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await stripeEventOutcome(world.sut, created.id)).toMatchObject({ outcome: 'recorded' });

    const disputes = await world.sut.db.query(
      'SELECT payment_id, amount, reason, payment_reversed FROM processor_disputes WHERE account_id = ?',
      [account],
    );
    expect(disputes).toEqual([{ payment_id: paid.body.id, amount: 4200, reason: 'fraudulent', payment_reversed: 1 }]);
    const [payment] = await world.payments(account);
    expect(payment.status).toBe('reversed');
    expect(await w.invoice(invoice)).toMatchObject({ paid: 0, remaining: 4200 });
    // No refund: the bank already took the money back.
    expect(
      world.stripe.callsTo('POST /v1/refunds').filter((c) => c.params.get('payment_intent') === paid.body.stripePaymentIntentId),
    ).toEqual([]);
    await w.expectBooksBalance([account]);
  });

  it('brings a refund to the state Stripe reports once, however often and in whatever order the updates arrive', async () => {
    const { w } = world;
    await w.today('2026-06-22');
    const account = await w.account();
    await world.invoice(account, 3100);
    const card = await world.savedMethod(account, 'pm_card_visa');
    const paid = await world
      .pay('card', { accountId: account, paymentMethodId: card.id, amount: 3100 }, `refund-webhook-${account}`)
      .expect(201);
    const reversed = await w.post(`/api/processor-payments/${paid.body.id}/reverse`, { refund: true, reason: 'moved away' }).expect(200);
    expect(reversed.body.refund).toMatchObject({ status: 'pending', amount: 3100 });
    const refundId = reversed.body.refund.stripeRefundId as string;

    // The card turned out closed: the refund failed at the network. Two updates about it, each three times, shuffled.
    world.stripe.settleRefund(refundId, { failed: 'expired_or_canceled_card' });
    const updated = delivery('refund.updated', { id: refundId, object: 'refund' });
    const viaCharge = delivery('charge.refund.updated', { id: refundId, object: 'refund' });
    const answers = await Promise.all(shuffle([updated, updated, updated, viaCharge, viaCharge, viaCharge], 20261203).map((d) => d.send()));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const outcomes = await Promise.all([updated, viaCharge].map((d) => stripeEventOutcome(world.sut, d.id)));
    // Whichever ran first made the change; the other found nothing new.
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['unchanged', 'updated']);

    const refunds = await world.sut.db.query('SELECT status, failure_reason FROM processor_refunds WHERE payment_id = ?', [paid.body.id]);
    expect(refunds).toEqual([{ status: 'failed', failure_reason: 'expired_or_canceled_card' }]);
    const audit = await world.sut.db.query("SELECT COUNT(*) AS n FROM action_history WHERE action = 'refund.update' AND entity_id = ?", [
      reversed.body.refund.id,
    ]);
    expect(Number(audit[0].n)).toBe(1);
    // A failed refund leaves the payment reversed, not refunded: the money is still owed back another way.
    const [payment] = await world.payments(account);
    expect(payment.status).toBe('reversed');
    await w.expectBooksBalance([account]);
  });

  it('processes a burst in a few batches, and tries again only the event whose lookup failed while the rest are done', async () => {
    const { w } = world;
    await w.today('2026-06-23');
    const accounts = await Promise.all([0, 1, 2, 3, 4, 5].map(() => w.account()));
    const intents: string[] = [];
    for (const account of accounts) {
      await world.invoice(account, 2500);
      const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
      const res = await world
        .pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 2500 }, `webhook-burst-${account}`)
        .expect(201);
      intents.push(res.body.stripePaymentIntentId as string);
    }
    for (const intent of intents) world.stripe.settle(intent, 'succeeded');
    // Stripe fails the first two lookups of one intent: its event waits, the others in its batch do not.
    const flaky = intents[2];
    world.stripe.outages.push(
      { route: `GET /v1/payment_intents/${flaky}`, status: 500 },
      { route: `GET /v1/payment_intents/${flaky}`, status: 500 },
    );
    const events = intents.map((id) => delivery('payment_intent.succeeded', { id, object: 'payment_intent', status: 'succeeded' }));
    const answers = await Promise.all(events.map((e) => e.send()));
    expect(answers.map((a) => a.status)).toEqual(events.map(() => 200));

    const outcomes = await Promise.all(events.map((e) => stripeEventOutcome(world.sut, e.id)));
    expect(outcomes.map((o) => [o.status, o.outcome, o.attempts])).toEqual(
      events.map((e) => ['processed', 'recorded', e === events[2] ? 3 : 1]),
    );
    expect(outcomes.map((o) => o.accountId)).toEqual(accounts);
    // Sent together, they were gathered: fewer batches than events.
    expect(new Set(outcomes.map((o) => o.batchId)).size).toBeLessThan(events.length);
    // The flaky event's batch ended once nothing in it waited, naming every account it touched.
    const batch = await client.workflow.getHandle(outcomes[2].batchId!).result();
    expect(batch).toMatchObject({ waiting: 0, ignored: 0 });
    expect(batch.accountIds).toContain(accounts[2]);
    const [flakyRow] = await world.sut.db.query('SELECT last_error FROM webhook_events WHERE id = ?', [events[2].id]);
    expect(flakyRow.last_error).toBeNull();
    for (const account of accounts) {
      expect(await world.ledgerPayments(account)).toHaveLength(1);
      await w.expectBooksBalance([account]);
    }
  });
});
