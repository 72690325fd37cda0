import type { AutopayRunSummary } from '../../workflows/autopay-run.workflow';
import { BillDayPopulation, populateBillDayAccounts } from '../../src/demo/bill-day-population';
import { AutopayWorld } from '../autopay/support/autopay-world';
import { SmtpPeer } from '../support/smtp-peer';
import { waitUntil } from '../support/processes';
import { inLanes } from '../../src/common/in-lanes';
import { signedStripeEvent } from '../support/stripe-events';

const ACCOUNTS = 300;
// Bill and autopay runs are named by their date on the one Temporal server all specs share: a date of its own.
const DATE = '2025-10-09';
/** One settlement event in this many is delivered a second time, as processors do. */
const REDELIVER_EVERY = 10;

/**
 * A whole bill day at test size, as the night runs it: the bill run emails every
 * invoice, autopay debits every autopay account, and the processor's settlement event
 * of each debit arrives at the webhook endpoint (some twice). Then the end state:
 * every invoice emailed once, every account charged once, every event processed once,
 * every receipt mailed once, the books balanced. `npm run bench:billday` runs the same
 * day at 10,000 and 100,000 accounts and times it.
 */
describe('a bill day end to end', () => {
  let peer: SmtpPeer;
  let world: AutopayWorld;
  let population: BillDayPopulation;

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    world = await AutopayWorld.start({
      config: { SMTP_URL: peer.url, EMAIL_RETRY_INITIAL_SECONDS: '1', EMAIL_RETRY_MAX_INTERVAL_SECONDS: '2', SMTP_TIMEOUT_SECONDS: '10' },
    });
    await world.w.today(DATE);
    population = await populateBillDayAccounts(world.sut.db, { accounts: ACCOUNTS, billingDate: DATE });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    await peer?.close();
  });

  const one = async (sql: string, params: unknown[] = []) => Number(Object.values((await world.sut.db.query(sql, params))[0])[0]);
  const inPopulation = 'account_id BETWEEN ? AND ?';
  const range = () => [population.firstAccountId, population.lastAccountId];

  it('emails every invoice once, charges every autopay account once and processes every settlement once, with the books balanced', async () => {
    const { w, client, stripe, sut } = world;
    const { topLevel } = population;
    expect(topLevel).toBe(ACCOUNTS - ACCOUNTS / 10);

    // The bill run, and its invoice emails to the relay.
    const started = await w.post('/api/bill-runs', { date: DATE }).expect(202);
    const billRun = await client.workflow.getHandle(started.body.workflowId).result();
    expect(billRun).toMatchObject({ accounts: ACCOUNTS, invoices: ACCOUNTS, failures: 0, parked: 0 });
    await waitUntil(
      'every invoice email to be sent',
      async () =>
        (await one(`SELECT COUNT(*) FROM emails WHERE template_key = 'invoice' AND status = 'sent' AND ${inPopulation}`, range())) ===
        topLevel,
      180_000,
    );

    // Autopay: one pending bank debit per account.
    const autopay: AutopayRunSummary = await world.run(DATE);
    expect(autopay).toMatchObject({ charged: topLevel, failed: 0 });
    const debits: { id: number; intent: string }[] = await sut.db.query(
      `SELECT id, stripe_payment_intent_id AS intent FROM processor_payments WHERE ${inPopulation} AND status = 'pending' ORDER BY id`,
      range(),
    );
    expect(debits).toHaveLength(topLevel);

    // The bank settles each debit and the processor says so, a few deliveries at a time, some twice.
    const events: string[] = [];
    const { failure } = await inLanes(debits, 8, async ({ intent }) => {
      stripe.settle(intent, 'succeeded');
      const event = signedStripeEvent(
        sut,
        'payment_intent.succeeded',
        { id: intent, object: 'payment_intent', status: 'succeeded' },
        'evt_billday',
      );
      const nth = events.push(event.id);
      await event.send().expect(200);
      if (nth % REDELIVER_EVERY === 0) await event.send().expect(200);
    });
    expect(failure).toBeNull();
    await waitUntil(
      'every settlement event to be processed',
      async () => (await one("SELECT COUNT(*) FROM webhook_events WHERE id IN (?) AND status = 'processed'", [events])) === topLevel,
      180_000,
    );
    await waitUntil(
      'every receipt to be sent',
      async () =>
        (await one(
          `SELECT COUNT(*) FROM emails WHERE template_key = 'payment_receipt' AND status = 'sent' AND ${inPopulation}`,
          range(),
        )) === topLevel,
      180_000,
    );

    // Every invoice emailed once: one sent row each, and the relay took each message once.
    expect(
      await one(
        `SELECT COUNT(*) FROM invoices i WHERE i.generated_for = ? AND i.${inPopulation}
            AND i.parent_invoice_id IS NULL AND (SELECT COUNT(*) FROM emails e WHERE e.related_type = 'invoice' AND e.related_id = i.id AND e.status = 'sent') = 1`,
        [DATE, ...range()],
      ),
    ).toBe(topLevel);
    const messageIds = peer.accepted.map((m) => m.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    // The invoices and the receipts, and nothing else.
    expect(messageIds).toHaveLength(topLevel * 2);
    const invoiceMessages: { message_id: string }[] = await sut.db.query(
      `SELECT message_id FROM emails WHERE template_key = 'invoice' AND ${inPopulation}`,
      range(),
    );
    const accepted = new Set(messageIds);
    expect(invoiceMessages.filter((m) => accepted.has(m.message_id))).toHaveLength(topLevel);

    // Every autopay account charged once, at Stripe and in the books.
    expect(stripe.callsTo('POST /v1/payment_intents').filter((c) => c.path === '/v1/payment_intents')).toHaveLength(topLevel);
    expect(
      await one(
        `SELECT COUNT(*) FROM accounts a WHERE a.id BETWEEN ? AND ? AND a.parent_account_id IS NULL
            AND (SELECT COUNT(*) FROM processor_payments p WHERE p.account_id = a.id AND p.status = 'succeeded' AND p.transaction_id IS NOT NULL) = 1`,
        range(),
      ),
    ).toBe(topLevel);
    expect(await one(`SELECT COUNT(*) FROM processor_payments WHERE ${inPopulation}`, range())).toBe(topLevel);

    // Every event stored once, processed once, in batches; the second deliveries only counted.
    const [stats] = await sut.db.query(
      `SELECT COUNT(*) AS stored, SUM(status = 'processed' AND attempts = 1 AND dispatches = 1) AS once,
              SUM(deliveries) AS deliveries, COUNT(DISTINCT batch_id) AS batches
         FROM webhook_events WHERE id IN (?)`,
      [events],
    );
    expect(Number(stats.stored)).toBe(topLevel);
    expect(Number(stats.once)).toBe(topLevel);
    expect(Number(stats.deliveries)).toBe(topLevel + Math.floor(topLevel / REDELIVER_EVERY));
    expect(Number(stats.batches)).toBeLessThan(topLevel);

    // Nothing is owed: each debit paid its invoice. And the books balance for every account of the day.
    expect(
      await one(
        `SELECT COALESCE(SUM(total - paid), 0) FROM invoices WHERE ${inPopulation} AND is_void = 0 AND parent_invoice_id IS NULL`,
        range(),
      ),
    ).toBe(0);
    const accounts: { id: number }[] = await sut.db.query('SELECT id FROM accounts WHERE id BETWEEN ? AND ?', range());
    await w.expectBooksBalance(accounts.map((a) => Number(a.id)));
  }, 600_000);
});
